"""raw.nbs__budget_expenditure: budget expenditure of 31 provinces, 2007–2024 (+ 2005–2006).

Blocking: budget_expenditure_cny of marts.fct_province_stats comes from here.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.nbs__budget_expenditure",
    "per_year": """
        select indicator, year, count(distinct region_code) as provinces
        from raw.nbs__budget_expenditure
        group by indicator, year
    """,
    # 一般公共预算支出 starts with the 2007 budget classification; 财政支出 is the earlier label.
    "labels": """
        select
            indicator,
            (indicator = 'budget_expenditure' and year >= 2007)
            or (indicator = 'fiscal_expenditure' and year < 2007) as is_right_era
        from raw.nbs__budget_expenditure
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["region_code", "year", "indicator", "value", "unit", "vintage"],
                exact_match=False,
            ),
            gxe.ExpectTableRowCountToBeBetween(min_value=31 * 15, max_value=31 * 30),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2000, max_value=2035),
            gxe.ExpectColumnValuesToBeInSet(
                column="indicator", value_set=["budget_expenditure", "fiscal_expenditure"]
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            # 50 亿元 .. 100,000 亿元 (Ningxia 2005 = 160 亿元)
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=5e9, max_value=1e13),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["CNY"]),
        ],
        "per_year": [
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
        "labels": [
            gxe.ExpectColumnValuesToBeInSet(column="is_right_era", value_set=[True]),
        ],
    }

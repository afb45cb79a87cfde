"""raw.nbs__budget_revenue: local general public budget revenue of 31 provinces, 2016–2024, CNY.

Blocking: budget_revenue_cny of marts.fct_province_stats comes from here.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.nbs__budget_revenue",
    "per_year": (
        "select year, count(distinct region_code) as provinces "
        "from raw.nbs__budget_revenue group by year"
    ),
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["region_code", "year", "indicator", "value", "unit", "vintage"],
                exact_match=False,
            ),
            gxe.ExpectTableRowCountToBeBetween(min_value=31 * 8, max_value=31 * 25),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2010, max_value=2035),
            gxe.ExpectColumnValuesToBeInSet(column="indicator", value_set=["budget_revenue"]),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            # 10 亿元 .. 100,000 亿元 (Tibet 2016 ≈ 156 亿元, Guangdong 2023 = 13,850.78 亿元)
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=1e9, max_value=1e13),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["CNY"]),
            gxe.ExpectColumnValuesToNotBeNull(column="vintage"),
        ],
        "per_year": [
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
    }

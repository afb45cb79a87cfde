"""marts.fct_province_digital_economy: the panel, 31 provinces × years × indicators, marked.

Blocking: the infrastructure and market pillars of the maturity index take its usable
figures; a marked defect that turned usable would reach the index.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_province_digital_economy",
    "usable": "select * from marts.fct_province_digital_economy where is_usable",
    "per_year": """
        select year, indicator, count(distinct region_code) as provinces
        from marts.fct_province_digital_economy
        group by year, indicator
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "region_code",
                    "year",
                    "indicator",
                    "primary_category",
                    "data_source",
                    "value",
                    "unit",
                    "indicator_caveat",
                    "value_flag",
                    "is_usable",
                ],
                exact_match=False,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnValuesToNotBeNull(column="is_usable"),
        ],
        # What analyses may take has a value, no caveat and no flag.
        "usable": [
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            gxe.ExpectColumnValuesToBeNull(column="indicator_caveat"),
            gxe.ExpectColumnValuesToBeNull(column="value_flag"),
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=0),
        ],
        "per_year": [
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
    }

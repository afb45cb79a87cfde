"""raw.nbs__gdp: 31 provinces × 2006–2024 of GDP in CNY, one vintage (5th-census revision).

Blocking: the GDP of marts.fct_province_stats comes from here.
"""

from great_expectations import expectations as gxe

CRITICAL = True

COLUMNS = [
    "region_code",
    "region_name_raw",
    "year",
    "indicator",
    "value",
    "unit",
    "vintage",
    "source_file",
    "source_row",
    "source_column",
]

BATCHES = {
    "all": "raw.nbs__gdp",
    "per_year": (
        "select year, count(distinct region_code) as provinces from raw.nbs__gdp group by year"
    ),
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(column_set=COLUMNS, exact_match=False),
            # 31 provinces × a rolling 20-year window (19 years today).
            gxe.ExpectTableRowCountToBeBetween(min_value=31 * 15, max_value=31 * 25),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToNotBeNull(column="region_code"),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnUniqueValueCountToBeBetween(
                column="region_code", min_value=31, max_value=31
            ),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2000, max_value=2035),
            gxe.ExpectColumnValuesToBeInSet(column="indicator", value_set=["gdp"]),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            # 100 亿元 .. 300,000 亿元 (Guangdong 2024 = 141,488.9 亿元)
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=1e10, max_value=3e13),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["CNY"]),
            gxe.ExpectColumnValuesToBeInSet(
                column="vintage", value_set=["nbs_fsnd_2025_5th_census_revision"]
            ),
        ],
        "per_year": [
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
    }

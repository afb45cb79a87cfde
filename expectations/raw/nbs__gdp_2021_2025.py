"""raw.nbs__gdp_2021_2025: GDP of 31 provinces for the published years of 2021–2025, in CNY.

Blocking: a GDP source of marts.fct_province_stats (fallback for years the panel lacks).
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
    "all": "raw.nbs__gdp_2021_2025",
    "per_year": (
        "select year, count(distinct region_code) as provinces "
        "from raw.nbs__gdp_2021_2025 group by year"
    ),
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(column_set=COLUMNS, exact_match=False),
            # 31 provinces × 4 published years today, 5 once 2025 is out.
            gxe.ExpectTableRowCountToBeBetween(min_value=31 * 3, max_value=31 * 5),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2021, max_value=2025),
            gxe.ExpectColumnValuesToBeInSet(column="indicator", value_set=["gdp"]),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
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

"""raw.nbs__gdp_index: GDP volume index (previous year = 100) of 31 provinces, 2016–2024.

Warning only: the index is carried in the intermediate layer but feeds no mart column.
"""

from great_expectations import expectations as gxe

CRITICAL = False

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
    "all": "raw.nbs__gdp_index",
    "per_year": (
        "select year, count(distinct region_code) as provinces "
        "from raw.nbs__gdp_index group by year"
    ),
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(column_set=COLUMNS, exact_match=False),
            gxe.ExpectTableRowCountToBeBetween(min_value=31 * 8, max_value=31 * 11),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2016, max_value=2025),
            gxe.ExpectColumnValuesToBeInSet(
                column="indicator", value_set=["gdp_index_prev_year_100"]
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            # 130 would be 30 % real growth in a year; 80 a 20 % fall.
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=80, max_value=130),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["index_prev_year_100"]),
        ],
        "per_year": [
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
    }

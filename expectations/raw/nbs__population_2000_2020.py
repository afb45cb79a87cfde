"""raw.nbs__population_2000_2020: year-end resident population of 31 provinces, 2000–2020.

Blocking: population of marts.fct_province_stats and the 2020 anchor of its interpolation.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.nbs__population_2000_2020",
    "per_year": (
        "select year, count(distinct region_code) as provinces "
        "from raw.nbs__population_2000_2020 group by year"
    ),
    "guangdong_2020": (
        "select value from raw.nbs__population_2000_2020 "
        "where region_code = '440000' and year = 2020"
    ),
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["region_code", "year", "indicator", "value", "unit", "vintage"],
                exact_match=False,
            ),
            gxe.ExpectTableRowCountToEqual(value=31 * 21),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2000, max_value=2020),
            gxe.ExpectColumnValuesToBeInSet(column="indicator", value_set=["population"]),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            # persons: Tibet 2000 = 2.6 million, Guangdong 2020 = 126 million
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=1e6, max_value=2e8),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["persons"]),
            gxe.ExpectColumnValuesToBeInSet(column="vintage", value_set=["nbs_7th_census_basis"]),
        ],
        "per_year": [
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
        "guangdong_2020": [
            gxe.ExpectTableRowCountToEqual(value=1),
            gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=126_240_000, max_value=126_240_000
            ),
        ],
    }

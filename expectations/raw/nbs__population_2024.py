"""raw.nbs__population_2024: year-end resident, urban and rural population of 31 provinces, 2024.

Blocking: population of marts.fct_province_stats and the 2024 anchor of its interpolation.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.nbs__population_2024",
    # Urban + rural = total, up to the rounding of 万人 figures.
    "urban_rural": """
        select
            region_code,
            abs(
                max(case when indicator = 'population' then value end)
                - max(case when indicator = 'population_urban' then value end)
                - max(case when indicator = 'population_rural' then value end)
            ) as gap_persons
        from raw.nbs__population_2024
        group by region_code
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["region_code", "year", "indicator", "value", "unit", "vintage"],
                exact_match=False,
            ),
            gxe.ExpectTableRowCountToEqual(value=31 * 3),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnUniqueValueCountToBeBetween(
                column="region_code", min_value=31, max_value=31
            ),
            gxe.ExpectColumnValuesToBeInSet(column="year", value_set=[2024]),
            gxe.ExpectColumnValuesToBeInSet(
                column="indicator",
                value_set=["population", "population_urban", "population_rural"],
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=5e5, max_value=2e8),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["persons"]),
            gxe.ExpectColumnValuesToBeInSet(column="vintage", value_set=["nbs_7th_census_basis"]),
        ],
        "urban_rural": [
            gxe.ExpectColumnValuesToBeBetween(column="gap_persons", min_value=0, max_value=20_000),
        ],
    }

"""raw.nbs__gdp_components: GDP, value added by sector and industry, GDP per capita, 2019–2024.

Warning only: a cross-check of the GDP panel and of the interpolated population (its GDP
column is a fallback GDP source that the panel currently always precedes).
"""

from great_expectations import expectations as gxe

CRITICAL = False

INDICATORS = [
    "gdp",
    "gdp_per_capita",
    "va_primary",
    "va_secondary",
    "va_tertiary",
    "va_agriculture",
    "va_industry",
    "va_construction",
    "va_wholesale_retail",
    "va_transport_storage_post",
    "va_accommodation_catering",
    "va_finance",
    "va_real_estate",
    "va_other",
]

BATCHES = {
    "all": "raw.nbs__gdp_components",
    "per_year": ("select year, count(*) as row_count from raw.nbs__gdp_components group by year"),
    # Three sectors add up to GDP (rounding of 亿元 figures only).
    "sectors": """
        select
            region_code,
            year,
            abs(
                sum(case when indicator in ('va_primary', 'va_secondary', 'va_tertiary')
                    then value end)
                - sum(case when indicator = 'gdp' then value end)
            ) / sum(case when indicator = 'gdp' then value end) as relative_gap
        from raw.nbs__gdp_components
        group by region_code, year
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["region_code", "year", "indicator", "value", "unit", "vintage"],
                exact_match=False,
            ),
            gxe.ExpectTableRowCountToBeBetween(min_value=31 * 14 * 5, max_value=31 * 14 * 10),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2019, max_value=2035),
            gxe.ExpectColumnValuesToBeInSet(column="indicator", value_set=INDICATORS),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=1e3, max_value=3e13),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["CNY", "CNY_per_person"]),
            gxe.ExpectColumnValuesToBeInSet(
                column="vintage", value_set=["nbs_fsnd_2025_5th_census_revision"]
            ),
        ],
        "per_year": [
            gxe.ExpectColumnValuesToBeBetween(
                column="row_count", min_value=31 * 14, max_value=31 * 14
            ),
        ],
        "sectors": [
            gxe.ExpectColumnValuesToBeBetween(column="relative_gap", min_value=0, max_value=1e-3),
        ],
    }

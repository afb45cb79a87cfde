"""marts.fct_province_stats: 31 provinces per year with population, GDP and budget, all positive.

Blocking: provincial statistics that mis-join dim_region or miss a province mislead every
per-capita and share figure built on them.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_province_stats",
    "per_year": """
        select year, count(*) as row_count, count(distinct region_code) as provinces
        from marts.fct_province_stats
        group by year
    """,
    "not_in_dim_region": """
        select stats.region_code, stats.year
        from marts.fct_province_stats as stats
        left join marts.dim_region as regions
            on stats.region_code = regions.region_code and regions.region_level = 'province'
        where regions.region_code is null
    """,
    "guangdong_2023": """
        select cast(gdp_cny as double) as gdp_cny
        from marts.fct_province_stats
        where region_code = '440000' and year = 2023
    """,
    # An interpolated population is a filled gap, never a year before or after all observations.
    "interpolated_inside_range": """
        select
            year,
            year > (select min(year) from marts.fct_province_stats where not is_interpolated)
            and year < (select max(year) from marts.fct_province_stats where not is_interpolated)
                as is_inside
        from marts.fct_province_stats
        where is_interpolated
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "region_code",
                    "year",
                    "population",
                    "gdp_cny",
                    "budget_expenditure_cny",
                    "budget_revenue_cny",
                    "population_vintage",
                    "gdp_vintage",
                    "budget_expenditure_vintage",
                    "budget_revenue_vintage",
                    "is_interpolated",
                ],
                exact_match=False,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2000, max_value=2035),
            gxe.ExpectColumnValuesToNotBeNull(column="population"),
            gxe.ExpectColumnValuesToBeBetween(column="population", min_value=1e6, max_value=2e8),
            gxe.ExpectColumnValuesToNotBeNull(column="gdp_cny"),
            gxe.ExpectColumnValuesToBeBetween(column="gdp_cny", min_value=1e10, max_value=3e13),
            gxe.ExpectColumnValuesToNotBeNull(column="budget_expenditure_cny"),
            gxe.ExpectColumnValuesToBeBetween(
                column="budget_expenditure_cny", min_value=5e9, max_value=1e13
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="budget_revenue_cny"),
            gxe.ExpectColumnValuesToBeBetween(
                column="budget_revenue_cny", min_value=1e9, max_value=1e13
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="gdp_vintage", value_set=["nbs_fsnd_2025_5th_census_revision"]
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="population_vintage"),
            gxe.ExpectColumnValuesToNotBeNull(column="is_interpolated"),
        ],
        "per_year": [
            gxe.ExpectColumnValuesToBeBetween(column="row_count", min_value=31, max_value=31),
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
        "not_in_dim_region": [
            gxe.ExpectTableRowCountToEqual(value=0),
        ],
        "guangdong_2023": [
            gxe.ExpectTableRowCountToEqual(value=1),
            # 137,905.4 亿元, the 5th-census revision (first published ≈135,673 亿元)
            gxe.ExpectColumnValuesToBeBetween(
                column="gdp_cny", min_value=13_790_539_999_999, max_value=13_790_540_000_001
            ),
        ],
        "interpolated_inside_range": [
            gxe.ExpectColumnValuesToBeInSet(column="is_inside", value_set=[True]),
        ],
    }

"""marts.regional_maturity_index: 31 provinces a year, scores 0-100, unique ranks per level.

Blocking: a missing province, a score outside 0-100, a shared rank, a rank outside its own
perturbation range, a city without an English name or a province year on fewer than three
pillars would put a wrong league table on the dashboard.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.regional_maturity_index",
    "provinces_per_year": """
        select
            year,
            count(*) as n_rows,
            count(distinct region_code) as n_provinces,
            count(distinct rank) as n_ranks,
            min(rank) as min_rank,
            max(rank) as max_rank
        from marts.regional_maturity_index
        where region_level = 'province'
        group by year
    """,
    "per_level": """
        select
            year,
            region_level,
            count(*) as n_rows,
            max(n_ranked) as max_n_ranked,
            min(n_ranked) as min_n_ranked,
            max(rank) as max_rank,
            count(distinct headline_year) as n_headline_years
        from marts.regional_maturity_index
        group by year, region_level
    """,
    "published_provinces": """
        select coverage_pct, n_pillars
        from marts.regional_maturity_index
        where region_level = 'province'
    """,
    "cities": """
        select region_name_en
        from marts.regional_maturity_index
        where region_level = 'prefecture'
    """,
    "not_in_dim_region": """
        select maturity.region_code
        from marts.regional_maturity_index as maturity
        left join marts.dim_region as regions
            on maturity.region_code = regions.region_code
            and maturity.region_level = regions.region_level
        where regions.region_code is null
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "region_code",
                    "region_name_zh",
                    "region_name_en",
                    "region_level",
                    "year",
                    "score",
                    "rank",
                    "tier",
                    "coverage_pct",
                    "digital_service_score",
                    "fiscal_capacity_score",
                    "market_activity_score",
                    "digital_infrastructure_score",
                    "rank_low",
                    "rank_high",
                    "n_ranked",
                    "n_pillars",
                    "carried_forward_pct",
                    "is_complete_year",
                    "headline_year",
                    "is_headline_year",
                    "weights_version",
                ],
                exact_match=False,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year"]),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_level", "year", "rank"]),
            gxe.ExpectColumnValuesToBeInSet(
                column="region_level", value_set=["province", "prefecture"]
            ),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2000, max_value=2035),
            gxe.ExpectColumnValuesToNotBeNull(column="score"),
            gxe.ExpectColumnValuesToBeBetween(column="score", min_value=0, max_value=100),
            gxe.ExpectColumnValuesToNotBeNull(column="rank"),
            gxe.ExpectColumnValuesToBeBetween(column="rank", min_value=1),
            gxe.ExpectColumnValuesToBeInSet(
                column="tier", value_set=["leading", "advanced", "developing", "emerging"]
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="coverage_pct"),
            gxe.ExpectColumnValuesToBeBetween(column="coverage_pct", min_value=0, max_value=100),
            gxe.ExpectColumnValuesToBeBetween(
                column="digital_service_score", min_value=0, max_value=100
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="fiscal_capacity_score", min_value=0, max_value=100
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="market_activity_score", min_value=0, max_value=100
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="digital_infrastructure_score", min_value=0, max_value=100
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="region_name_zh"),
            gxe.ExpectColumnValuesToNotBeNull(column="rank_low"),
            gxe.ExpectColumnValuesToNotBeNull(column="rank_high"),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="rank", column_B="rank_low", or_equal=True
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="rank_high", column_B="rank", or_equal=True
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="n_ranked", column_B="rank_high", or_equal=True
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="carried_forward_pct", min_value=0, max_value=100
            ),
            gxe.ExpectColumnValuesToBeBetween(column="n_pillars", min_value=1, max_value=4),
            gxe.ExpectColumnValuesToNotBeNull(column="is_complete_year"),
            gxe.ExpectColumnValuesToNotBeNull(column="headline_year"),
        ],
        # Ranks run 1..n within each year and level; one headline year for the whole table.
        "per_level": [
            gxe.ExpectColumnPairValuesToBeEqual(column_A="n_rows", column_B="max_n_ranked"),
            gxe.ExpectColumnPairValuesToBeEqual(column_A="n_rows", column_B="min_n_ranked"),
            gxe.ExpectColumnPairValuesToBeEqual(column_A="n_rows", column_B="max_rank"),
            gxe.ExpectColumnValuesToBeBetween(column="n_headline_years", min_value=1, max_value=1),
        ],
        # A published province year rests on at least three of the four pillars.
        "published_provinces": [
            gxe.ExpectColumnValuesToBeBetween(column="coverage_pct", min_value=60),
            gxe.ExpectColumnValuesToBeBetween(column="n_pillars", min_value=3),
        ],
        "cities": [
            gxe.ExpectColumnValuesToNotBeNull(column="region_name_en"),
        ],
        "provinces_per_year": [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToBeBetween(column="n_rows", min_value=31, max_value=31),
            gxe.ExpectColumnValuesToBeBetween(column="n_provinces", min_value=31, max_value=31),
            gxe.ExpectColumnValuesToBeBetween(column="n_ranks", min_value=31, max_value=31),
            gxe.ExpectColumnValuesToBeBetween(column="min_rank", min_value=1, max_value=1),
            gxe.ExpectColumnValuesToBeBetween(column="max_rank", min_value=31, max_value=31),
        ],
        "not_in_dim_region": [
            gxe.ExpectTableRowCountToEqual(value=0),
        ],
    }

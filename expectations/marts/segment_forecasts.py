"""marts.segment_forecasts: five segments per year and scenario summing to the market total.

Blocking: a segment split that does not add up to the market (or shares that do not add up to
100) would put a number on a dashboard that contradicts the market size next to it.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.segment_forecasts",
    "totals": """
        select
            year,
            scenario,
            count(*) as n_segments,
            cast(sum(value_cny) - max(market_value_cny) as double) as value_gap,
            cast(sum(share_pct) as double) as share_sum
        from marts.segment_forecasts
        group by year, scenario
    """,
    # The total split is the market size of spend_by_year in the same year and scenario.
    "total_vs_spend": """
        select
            cast(abs(segments.market_value_cny - spend.value_cny) as double) as gap,
            spend.value_cny is not null as has_spend_row
        from (
            select year, scenario, max(market_value_cny) as market_value_cny
            from marts.segment_forecasts
            group by year, scenario
        ) as segments
        left join marts.spend_by_year as spend
            on spend.series_id = 'smartgov_market_size'
            and segments.year = spend.year
            and segments.scenario = spend.scenario
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "segment_id",
                    "segment_name_zh",
                    "segment_name_en",
                    "year",
                    "scenario",
                    "value_cny",
                    "share_pct",
                    "yoy_growth_pct",
                    "market_value_cny",
                    "share_method",
                    "assumptions_version",
                    "source_fact_ids",
                ],
                exact_match=False,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["segment_id", "year", "scenario"]),
            gxe.ExpectColumnValuesToBeInSet(
                column="segment_id",
                value_set=[
                    "gov_cloud_data",
                    "smart_approval",
                    "city_ops",
                    "grassroots_tools",
                    "security_privacy",
                ],
            ),
            gxe.ExpectColumnValuesToBeInSet(column="scenario", value_set=["base", "low", "high"]),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2019, max_value=2030),
            gxe.ExpectColumnValuesToNotBeNull(column="value_cny"),
            gxe.ExpectColumnValuesToBeBetween(column="value_cny", min_value=0),
            gxe.ExpectColumnValuesToNotBeNull(column="share_pct"),
            gxe.ExpectColumnValuesToBeBetween(column="share_pct", min_value=0, max_value=100),
            gxe.ExpectColumnValuesToNotBeNull(column="segment_name_zh"),
            gxe.ExpectColumnValuesToNotBeNull(column="assumptions_version"),
        ],
        "totals": [
            gxe.ExpectColumnValuesToBeBetween(column="n_segments", min_value=5, max_value=5),
            gxe.ExpectColumnValuesToBeBetween(column="value_gap", min_value=0, max_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="share_sum", min_value=100, max_value=100),
        ],
        "total_vs_spend": [
            gxe.ExpectColumnValuesToBeInSet(column="has_spend_row", value_set=[True]),
            gxe.ExpectColumnValuesToBeBetween(column="gap", min_value=0, max_value=0),
        ],
    }

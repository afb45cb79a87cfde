"""marts.spend_by_year: one row per series, year and scenario, 2019-2030, with USD values.

Blocking: these are the money figures dashboards quote; a duplicate key, a missing USD value,
a stated figure that differs from the report or a band that crosses its base would mislead.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.spend_by_year",
    "years": """
        select min(year) as first_year, max(year) as last_year, count(distinct year) as n_years
        from marts.spend_by_year
    """,
    # A stated value is the clean figure it cites, and the claims rule selects that figure:
    # its claim is the preferred one of its consensus group (outside any group: the latest
    # edition).
    "stated_vs_report": """
        select
            spend.series_id,
            spend.year,
            abs(cast(spend.value_cny as double) - facts.value) as difference,
            coalesce(
                case
                    when claims.is_comparable then claims.is_preferred
                    else documents.is_latest_edition
                end,
                false
            ) as is_selected_figure
        from marts.spend_by_year as spend
        left join marts.fct_report_facts as facts
            on split_part(spend.source_fact_ids, ',', 1) = facts.fact_id
        left join marts.dim_report_document as documents
            on facts.document_id = documents.document_id
        left join marts.fct_report_claims as claims
            on facts.claim_id = claims.claim_id
        where spend.value_method in ('stated', 'stated_bound')
            and spend.source_fact_ids is not null
    """,
    # A stated value is the preferred value of its consensus group, and a back-cast the
    # preferred (derived) claim of its year: the mart follows the consensus.
    "stated_vs_consensus": """
        select
            spend.series_id,
            spend.year,
            abs(cast(spend.value_cny as double) - consensus.preferred_value)
                / greatest(abs(consensus.preferred_value), 1) as relative_difference,
            consensus.preferred_basis
                = case when spend.value_method = 'backcast_yoy' then 'derived' else 'stated' end
                as is_same_basis
        from marts.spend_by_year as spend
        inner join raw.spend_series as series
            on spend.series_id = series.series_id
        inner join marts.fct_report_facts as facts
            on split_part(spend.source_fact_ids, ',', 1) = facts.fact_id
        inner join marts.fct_report_claims as stated
            on facts.claim_id = stated.claim_id and stated.metric_id = series.metric_id
        inner join marts.fct_claim_consensus as consensus
            on consensus.consensus_id = concat_ws(
                ':', stated.metric_id, stated.region_code, cast(spend.year as varchar)
            )
        where spend.value_method in ('stated', 'stated_bound', 'backcast_yoy')
    """,
    # low <= base <= high wherever the three scenarios exist.
    "band_order": """
        select
            series_id,
            year,
            max(case when scenario = 'low' then cast(value_cny as double) end)
                <= max(case when scenario = 'base' then cast(value_cny as double) end) + 0.01
            and max(case when scenario = 'base' then cast(value_cny as double) end)
                <= max(case when scenario = 'high' then cast(value_cny as double) end) + 0.01
                as is_ordered
        from marts.spend_by_year
        where scenario in ('low', 'base', 'high')
        group by series_id, year
        having count(*) = 3
    """,
    # A year's series is either actual or projected, never both.
    "actual_or_projected": """
        select series_id, year, count(distinct scenario = 'actual') as n_kinds
        from marts.spend_by_year
        group by series_id, year
    """,
    # A borrowed (projected) FX rate is always an earlier complete year's.
    "fx_projection": """
        select year, fx_year from marts.spend_by_year where is_fx_projected
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "year",
                    "series_id",
                    "series_name_zh",
                    "series_name_en",
                    "scenario",
                    "value_cny",
                    "value_usd",
                    "fx_rate",
                    "yoy_growth_pct",
                    "is_derived",
                    "source_fact_ids",
                    "value_method",
                    "qualifier",
                    "cited_source",
                    "fx_source",
                    "fx_year",
                    "is_fx_projected",
                ],
                exact_match=False,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["series_id", "year", "scenario"]),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2019, max_value=2030),
            gxe.ExpectColumnValuesToBeInSet(
                column="scenario", value_set=["actual", "base", "low", "high"]
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="series_name_zh"),
            gxe.ExpectColumnValuesToNotBeNull(column="series_name_en"),
            gxe.ExpectColumnValuesToNotBeNull(column="value_cny"),
            gxe.ExpectColumnValuesToBeBetween(column="value_cny", min_value=1e6, max_value=1e15),
            gxe.ExpectColumnValuesToNotBeNull(column="value_usd"),
            gxe.ExpectColumnValuesToNotBeNull(column="fx_rate"),
            gxe.ExpectColumnValuesToBeBetween(column="fx_rate", min_value=5.0, max_value=9.0),
            gxe.ExpectColumnValuesToBeBetween(
                column="yoy_growth_pct", min_value=-50, max_value=150
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="is_derived"),
            gxe.ExpectColumnValuesToNotBeNull(column="is_fx_projected"),
            gxe.ExpectColumnValuesToBeInSet(
                column="value_method",
                value_set=[
                    "stated",
                    "stated_bound",
                    "backcast_yoy",
                    "cagr_interpolated",
                    "cagr_extended",
                    "endpoint_interpolated",
                    "band_low",
                    "band_high",
                    "share_of_series",
                    "nbs_provincial_sum",
                ],
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="qualifier", value_set=["=", "~", ">", ">=", "<", "<="]
            ),
        ],
        "years": [
            gxe.ExpectColumnValuesToBeBetween(column="first_year", min_value=2019, max_value=2019),
            gxe.ExpectColumnValuesToBeBetween(column="last_year", min_value=2030, max_value=2030),
            gxe.ExpectColumnValuesToBeBetween(column="n_years", min_value=12, max_value=12),
        ],
        "stated_vs_report": [
            gxe.ExpectColumnValuesToBeBetween(column="difference", min_value=0, max_value=0.005),
            gxe.ExpectColumnValuesToBeInSet(column="is_selected_figure", value_set=[True]),
        ],
        "stated_vs_consensus": [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToBeBetween(
                column="relative_difference", min_value=0, max_value=1e-9
            ),
            gxe.ExpectColumnValuesToBeInSet(column="is_same_basis", value_set=[True]),
        ],
        "band_order": [
            gxe.ExpectColumnValuesToBeInSet(column="is_ordered", value_set=[True]),
        ],
        "actual_or_projected": [
            gxe.ExpectColumnValuesToBeBetween(column="n_kinds", min_value=1, max_value=1),
        ],
        "fx_projection": [
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="year", column_B="fx_year", or_equal=False
            ),
        ],
    }

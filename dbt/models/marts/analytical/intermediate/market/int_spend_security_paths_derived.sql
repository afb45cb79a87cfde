{#- One row per share_of_series money series (security spend) × year × scenario: the
    security share path (int_security_shares_projected, the same path as the security segment
    of segment_forecasts) times the base series (IT spend) of the same year and scenario. -#}
with

series as (
    select * from {{ ref('spend_series') }}
),

report_paths as (
    select * from {{ ref('int_spend_report_paths_unioned') }}
),

security_shares as (
    select * from {{ ref('int_security_shares_projected') }}
),

security_rows as (
    select
        series.series_id,
        report_paths.year,
        report_paths.scenario,
        report_paths.value_cny * security_shares.share_pct / 100 as value_cny,
        'share_of_series' as value_method,
        cast(null as {{ xdb_type_string() }}) as qualifier,
        {{ xdb_concat(["report_paths.source_fact_ids", "','", "security_shares.source_fact_ids"]) }}
            as source_fact_ids,
        cast(null as {{ xdb_type_string() }}) as cited_source
    from series
    inner join report_paths on series.base_series_id = report_paths.series_id
    inner join security_shares on report_paths.year = security_shares.year
    where series.source_kind = 'share_of_series'
)

select * from security_rows

{#- One row per report-based money series × year × scenario: the actual years
    (int_spend_actuals_backcast), the base path (int_spend_base_paths_projected) and the
    low/high bands (int_spend_band_paths_projected), all resting on report figures. -#}
with

actuals as (
    select * from {{ ref('int_spend_actuals_backcast') }}
),

base_paths as (
    select * from {{ ref('int_spend_base_paths_projected') }}
),

band_paths as (
    select * from {{ ref('int_spend_band_paths_projected') }}
),

unioned as (
    select * from actuals
    union all
    select * from base_paths
    union all
    select * from band_paths
),

final as (
    select
        series_id,
        year,
        scenario,
        value_cny,
        value_method,
        qualifier,
        source_fact_ids,
        cited_source
    from unioned
)

select * from final

{#- One row per pair of headline series (in_band_spread) × year of their actual or base
    paths, side by side: alike in name, different in scope, never to be added or swapped. -#}
with

series as (
    select * from {{ ref('spend_series') }}
),

paths as (
    select * from {{ ref('int_spend_paths_filled') }}
),

headline_pairs as (
    select
        first_series.series_id,
        second_series.series_id as compared_series_id
    from series as first_series
    inner join series as second_series
        on first_series.sort_order < second_series.sort_order
    where first_series.in_band_spread and second_series.in_band_spread
),

scope_checks as (
    select
        'scope_comparison' as check_type,
        headline_pairs.series_id,
        headline_pairs.compared_series_id,
        first_path.year,
        second_path.year as compared_year,
        first_path.value_cny as stated_value,
        second_path.value_cny as recomputed_value,
        'CNY' as unit,
        cast(null as double) as tolerance,
        cast(null as {{ xdb_type_string() }}) as qualifier,
        {{ xdb_concat(["first_path.source_fact_ids", "','", "second_path.source_fact_ids"]) }}
            as source_fact_ids,
        'Different scopes: IT spend is what government spends on IT, market size what '
        || 'the market sells (services, operation, data); never add or swap them' as note
    from headline_pairs
    inner join paths as first_path
        on
            headline_pairs.series_id = first_path.series_id
            and first_path.scenario in ('actual', 'base')
    inner join paths as second_path
        on
            headline_pairs.compared_series_id = second_path.series_id
            and first_path.year = second_path.year
            and second_path.scenario in ('actual', 'base')
)

select * from scope_checks

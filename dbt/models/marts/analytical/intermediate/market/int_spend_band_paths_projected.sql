{#- One row per money series × projected year × band (low, high): from the projection start
    (int_spend_projection_years_spanned) at the series' low and high band rates
    (int_spend_cagrs_banded); only series with a stated CAGR have bands. -#}
with

chosen as (
    select * from {{ ref('int_spend_statements_chosen') }}
),

projection_years as (
    select * from {{ ref('int_spend_projection_years_spanned') }}
),

band_rates as (
    select * from {{ ref('int_spend_cagrs_banded') }}
),

point_anchors as (
    select * from chosen
    where statement_role = 'anchor' and is_point
),

band_scenarios as (
    select 'low' as scenario
    union all
    select 'high' as scenario
),

band_rows as (
    select
        projection_years.series_id,
        projection_years.year,
        scenarios.scenario,
        start_anchor.value
        * power(
            1 + case scenarios.scenario
                when 'low' then band_rates.low_rate
                else band_rates.high_rate
            end / 100,
            projection_years.year - projection_years.start_year
        ) as value_cny,
        case
            when projection_years.year = projection_years.start_year then 'stated'
            else {{ xdb_concat(["'band_'", "scenarios.scenario"]) }}
        end as value_method,
        case
            when projection_years.year = projection_years.start_year
                then start_anchor.qualifier
        end as qualifier,
        case
            when projection_years.year = projection_years.start_year then start_anchor.fact_ids
            else {{ xdb_concat(["start_anchor.fact_ids", "','", "band_rates.fact_ids"]) }}
        end as source_fact_ids,
        start_anchor.cited_source
    from projection_years
    inner join point_anchors as start_anchor
        on
            projection_years.series_id = start_anchor.series_id
            and projection_years.start_year = start_anchor.period_year
    inner join band_rates on projection_years.series_id = band_rates.series_id
    cross join band_scenarios as scenarios
)

select * from band_rows

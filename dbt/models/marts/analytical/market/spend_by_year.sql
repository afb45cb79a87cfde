{#- The published spend series: values of int_spend_paths_filled with their names, the
    year-on-year growth along each scenario's path (a projection year's predecessor is the
    same scenario, or the actual year it starts from) and the USD value at the year's
    average CNY/USD rate (int_fx_rates_selected: a year without a complete average uses the
    latest complete year, flagged is_fx_projected). -#}
with

paths as (
    select * from {{ ref('int_spend_paths_filled') }}
),

series as (
    select * from {{ ref('spend_series') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates_selected') }}
),

with_previous as (
    select
        paths.*,
        previous.value_cny as previous_value_cny
    from paths
    left join paths as previous
        on
            paths.series_id = previous.series_id
            and paths.year - 1 = previous.year
            and (paths.scenario = previous.scenario or previous.scenario = 'actual')
),

final as (
    select
        with_previous.year,
        with_previous.series_id,
        series.series_name_zh,
        series.series_name_en,
        with_previous.scenario,
        cast(with_previous.value_cny as decimal(20, 2)) as value_cny,
        cast(with_previous.value_cny / fx_rates.cny_per_usd as decimal(20, 2)) as value_usd,
        fx_rates.cny_per_usd as fx_rate,
        round(
            (with_previous.value_cny / with_previous.previous_value_cny - 1) * 100, 4
        ) as yoy_growth_pct,
        with_previous.is_derived,
        with_previous.source_fact_ids,
        with_previous.value_method,
        with_previous.qualifier,
        with_previous.cited_source,
        fx_rates.fx_source,
        fx_rates.fx_year,
        fx_rates.is_fx_projected,
        series.sort_order as series_sort_order
    from with_previous
    inner join series on with_previous.series_id = series.series_id
    left join fx_rates on with_previous.year = fx_rates.year
)

select * from final

-- A base-scenario year filled from a CAGR grows over the year before at exactly the CAGR the
-- report states for the series (the fill never invents its own rate).
with

spend as (
    select * from {{ ref('spend_by_year') }}
),

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
    where statement_role = 'cagr' and is_series_source
),

stated_rates as (
    select
        series_id,
        max(value) as cagr_pct
    from statements
    group by series_id
)

select
    spend.series_id,
    spend.year,
    spend.yoy_growth_pct,
    stated_rates.cagr_pct
from spend
left join stated_rates on spend.series_id = stated_rates.series_id
where
    spend.scenario = 'base'
    and spend.value_method in ('cagr_interpolated', 'cagr_extended')
    and (
        stated_rates.cagr_pct is null
        or abs(spend.yoy_growth_pct - stated_rates.cagr_pct) > 0.001
    )

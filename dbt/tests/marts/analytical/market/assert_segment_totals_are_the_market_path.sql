-- The total that segment_forecasts splits is, in every year and scenario, the market size
-- of spend_by_year (and every projected market year is split).
with

segments as (
    select * from {{ ref('segment_forecasts') }}
),

spend as (
    select * from {{ ref('spend_by_year') }}
    where series_id = 'smartgov_market_size' and scenario in ('base', 'low', 'high')
),

segment_totals as (
    select
        year,
        scenario,
        max(market_value_cny) as market_value_cny
    from segments
    group by year, scenario
)

select
    spend.year,
    spend.scenario,
    spend.value_cny,
    segment_totals.market_value_cny
from spend
full outer join segment_totals
    on spend.year = segment_totals.year and spend.scenario = segment_totals.scenario
where
    spend.value_cny is null
    or segment_totals.market_value_cny is null
    or spend.value_cny <> segment_totals.market_value_cny

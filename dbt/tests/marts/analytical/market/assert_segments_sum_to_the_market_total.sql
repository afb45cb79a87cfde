-- Every year and scenario of segment_forecasts: the five segments sum to the market total
-- exactly and their shares to 100.
with

segments as (
    select * from {{ ref('segment_forecasts') }}
),

totals as (
    select
        year,
        scenario,
        count(*) as n_segments,
        sum(value_cny) as segment_sum,
        max(market_value_cny) as market_value_cny,
        min(market_value_cny) as min_market_value_cny,
        sum(share_pct) as share_sum
    from segments
    group by year, scenario
)

select * from totals
where
    n_segments <> 5
    or segment_sum <> market_value_cny
    or min_market_value_cny <> market_value_cny
    or share_sum <> 100

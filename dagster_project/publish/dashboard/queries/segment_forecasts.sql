-- Segment forecasts page: every row of marts.segment_forecasts.
select
    segment_id,
    segment_name_zh,
    segment_name_en,
    year,
    scenario,
    value_cny,
    share_pct,
    yoy_growth_pct,
    market_value_cny,
    share_method,
    assumptions_version
from marts.segment_forecasts
order by scenario, year, segment_id

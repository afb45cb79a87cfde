select
    source,
    count(*) as n_days,
    cast(min(rate_date) as varchar) as first_day
from marts.fct_fx_rates
group by source

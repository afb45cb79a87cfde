select
    cny_per_eur,
    cny_per_usd
from {{ payload }}
where rate_date >= date '2005-04-01'

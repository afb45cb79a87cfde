select
    min(year) as first_year,
    max(year) as last_year,
    count(distinct year) as n_years
from marts.spend_by_year

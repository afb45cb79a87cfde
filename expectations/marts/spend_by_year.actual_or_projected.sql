select
    series_id,
    year,
    count(distinct scenario = 'actual') as n_kinds
from marts.spend_by_year
group by series_id, year

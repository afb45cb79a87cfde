select
    series_id,
    year,
    max(case when scenario = 'low' then cast(value_cny as double) end)
    <= max(case when scenario = 'base' then cast(value_cny as double) end) + 0.01
    and max(case when scenario = 'base' then cast(value_cny as double) end)
    <= max(case when scenario = 'high' then cast(value_cny as double) end) + 0.01
        as is_ordered
from marts.spend_by_year
where scenario in ('low', 'base', 'high')
group by series_id, year
having count(*) = 3

select
    year,
    indicator,
    count(distinct region_code) as provinces
from {{ payload }}
group by year, indicator

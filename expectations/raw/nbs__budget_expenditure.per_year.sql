select
    indicator,
    year,
    count(distinct region_code) as provinces
from {{ payload }}
group by indicator, year

select
    year,
    count(*) as row_count
from {{ payload }}
group by year

select
    count(*) filter (where score >= 90) as very_high,
    count(*) filter (where score >= 80 and score < 90) as high,
    count(*) filter (where score < 80 or score is null) as medium,
    count(distinct region_code) as provinces
from {{ payload }}
where region_level = 'province' and evaluation_year = 2019

select
    evaluation_year,
    count(distinct region_code) as provinces
from marts.fct_online_service_capability
where region_level = 'province' and is_scored
group by evaluation_year

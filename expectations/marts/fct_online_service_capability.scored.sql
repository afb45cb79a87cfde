select
    region_code,
    score_rank,
    region_name_en
from marts.fct_online_service_capability
where is_scored

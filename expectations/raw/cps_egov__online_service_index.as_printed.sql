select
    region_name_raw,
    printed_rank,
    score
from {{ payload }}
where region_name_raw in ('安徽', '福建', '广州', '南京', '杭州', '新疆生产建设兵团')

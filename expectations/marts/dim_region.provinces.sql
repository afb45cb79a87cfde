select
    region_code,
    name_en,
    region_group,
    parent_code
from marts.dim_region
where region_level = 'province'

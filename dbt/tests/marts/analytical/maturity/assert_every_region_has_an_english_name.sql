-- Every region of dim_region, provinces and prefectures alike, has an English name, and so
-- has every row of the maturity index.
select
    'dim_region' as relation,
    region_code
from {{ ref('dim_region') }}
where name_en is null or trim(name_en) = ''
union all
select
    'regional_maturity_index' as relation,
    region_code
from {{ ref('regional_maturity_index') }}
where region_name_en is null

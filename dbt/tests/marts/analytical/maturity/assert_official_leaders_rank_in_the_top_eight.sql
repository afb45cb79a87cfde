-- Beijing, Shanghai, Jiangsu, Zhejiang and Guangdong, the provinces every official
-- evaluation of online government service puts on top (2016 and 2019 tables, the 2021
-- summary), rank in the top eight of the provinces in every year 2019-2023.
select
    region_code,
    region_name_zh,
    year,
    rank
from {{ ref('regional_maturity_index') }}
where
    region_level = 'province'
    and year between 2019 and 2023
    and region_code in ('110000', '310000', '320000', '330000', '440000')
    and rank > 8

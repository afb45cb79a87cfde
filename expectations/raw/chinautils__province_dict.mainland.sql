select
    source_file,
    province_prefix,
    short_name_en,
    short_name_zh,
    iso_3166_2
from {{ payload }}
where mainland

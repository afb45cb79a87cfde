with

provinces as (
    select * from {{ ref('stg_modood__provinces') }}
),

cities as (
    select * from {{ ref('stg_modood__cities') }}
    where not is_grouping_row
),

names as (
    select * from {{ ref('stg_chinautils__province_dict') }}
    where is_mainland
),

region_groups as (
    select * from {{ ref('nbs__region_groups') }}
),

province_rows as (
    select
        provinces.region_code,
        'province' as region_level,
        provinces.name_zh,
        names.short_name_zh,
        names.short_name_en as name_en,
        -- The English names a source gives (Inner Mongolia, Tibet), not romanisations.
        'chinautils' as name_en_origin,
        names.full_name_en,
        region_groups.region_group,
        region_groups.region_group_zh,
        cast(null as {{ xdb_type_string() }}) as parent_code,
        names.iso_3166_2
    from provinces
    left join names on provinces.province_prefix = names.province_prefix
    left join region_groups on provinces.province_prefix = region_groups.province_prefix
),

prefecture_rows as (
    select
        cities.region_code,
        'prefecture' as region_level,
        cities.name_zh,
        {{ short_prefecture_name('cities.name_zh') }} as short_name_zh,
        -- No shipped source gives English prefecture names: the short name romanised
        -- (深圳市 → Shenzhen, 延边朝鲜族自治州 → Yanbian).
        {{ pinyin_place_name(
            'cities.name_pinyin',
            'length(' ~ short_prefecture_name('cities.name_zh') ~ ')'
        ) }} as name_en,
        'pinyin' as name_en_origin,
        cast(null as {{ xdb_type_string() }}) as full_name_en,
        province_rows.region_group,
        province_rows.region_group_zh,
        cities.parent_code,
        cast(null as {{ xdb_type_string() }}) as iso_3166_2
    from cities
    inner join province_rows on cities.parent_code = province_rows.region_code
),

unioned as (
    select * from province_rows
    union all
    select * from prefecture_rows
)

select * from unioned

with

source as (
    select * from {{ source('raw', 'modood__cities') }}
),

renamed as (
    select
        prefecture_prefix,
        province_prefix,
        prefecture_prefix || '00' as region_code,
        province_prefix || '0000' as parent_code,
        trim(name) as name_zh,
        -- One toneless pinyin syllable per character (romanised by the parser).
        name_pinyin,
        -- 市辖区 / 县 / 省直辖县级行政区划 group county-level units under a province;
        -- they are not prefectures of their own.
        trim(name) in ('市辖区', '县')
        or trim(name) like '%直辖县级行政区划' as is_grouping_row
    from source
)

select * from renamed

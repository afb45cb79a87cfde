with

source as (
    select * from {{ source('raw', 'digital_economy__indicator_system') }}
),

renamed as (
    select
        indicator,
        indicator_label,
        label_annotation,
        primary_category,
        secondary_category,
        trim(data_source) as data_source,
        expected_sign,
        -- 中国统计年鉴 and the other yearbooks are official statistics; 众鲤数据网 is not.
        data_source like '%统计年鉴%' as is_official_yearbook,
        cast(source_row as integer) as source_row
    from source
)

select * from renamed

with

source as (
    select * from {{ source('raw', 'modood__provinces') }}
),

renamed as (
    select
        province_prefix,
        province_prefix || '0000' as region_code,
        trim(name) as name_zh
    from source
)

select * from renamed

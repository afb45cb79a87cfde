with

source as (
    select * from {{ source('raw', 'chinautils__province_dict') }}
),

renamed as (
    select
        province_prefix,
        iso_3166_2,
        gb_2260 as alpha_code,
        short_name_zh,
        short_name_en,
        full_name_zh,
        full_name_en,
        type as division_type,
        mainland as is_mainland
    from source
)

select * from renamed

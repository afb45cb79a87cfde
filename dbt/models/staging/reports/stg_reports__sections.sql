with

source as (
    select * from {{ source('raw', 'report_sections') }}
),

renamed as (
    select
        document_id,
        section_id,
        section_number,
        title as section_title,
        cast(level as integer) as section_level,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end
    from source
)

select * from renamed

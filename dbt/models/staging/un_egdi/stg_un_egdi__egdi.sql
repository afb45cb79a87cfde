with

source as (
    select * from {{ source('raw', 'un_egdi__egdi') }}
),

renamed as (
    select
        cast(survey_year as integer) as survey_year,
        upper(trim(country_code)) as country_code,
        trim(country_name) as country_name,
        cast(egdi_rank as integer) as egdi_rank,
        egdi,
        epi,
        osi,
        hci,
        tii,
        source_file,
        source_row
    from source
)

select * from renamed

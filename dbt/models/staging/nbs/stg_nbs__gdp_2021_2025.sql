with

source as (
    select * from {{ source('raw', 'nbs__gdp_2021_2025') }}
),

renamed as (
    select
        region_code,
        trim(region_name_raw) as region_name_source,
        cast(year as integer) as year,
        indicator,
        -- canonical units: CNY, persons, CNY_per_person, index_prev_year_100
        value as indicator_value,
        unit,
        vintage,
        'nbs__gdp_2021_2025' as source_dataset,
        source_file,
        source_row,
        source_column
    from source
)

select * from renamed

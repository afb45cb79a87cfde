with

source as (
    select * from {{ source('raw', 'fred__dexchus') }}
),

renamed as (
    select
        cast(rate_date as date) as rate_date,
        -- H.10 noon buying rate in New York, CNY per 1 USD; US holidays are not landed.
        cny_per_usd,
        source_file,
        source_row
    from source
)

select * from renamed

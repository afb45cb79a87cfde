with

source as (
    select * from {{ source('raw', 'ecb__eurofxref') }}
),

renamed as (
    select
        cast(rate_date as date) as rate_date,
        -- ECB reference rates are quoted in units of the currency per 1 EUR.
        usd_per_eur,
        cny_per_eur,
        source_file,
        source_row
    from source
)

select * from renamed

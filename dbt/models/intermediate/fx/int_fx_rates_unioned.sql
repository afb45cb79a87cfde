{#- One row per date × source with the CNY per USD rate. The ECB quotes both currencies
    against the euro, so its CNY/USD is the cross rate CNY per EUR ÷ USD per EUR (days before
    2005-04-01, when the ECB did not quote CNY, have none); FRED DEXCHUS is quoted directly. -#}
with

ecb as (
    select * from {{ ref('stg_ecb__eurofxref') }}
),

fred as (
    select * from {{ ref('stg_fred__dexchus') }}
),

ecb_cross_rates as (
    select
        rate_date,
        'ecb' as source,
        cny_per_eur / usd_per_eur as cny_per_usd,
        'cross_via_eur' as rate_basis,
        source_file,
        source_row
    from ecb
    where cny_per_eur is not null and usd_per_eur is not null and usd_per_eur > 0
),

fred_rates as (
    select
        rate_date,
        'fred' as source,
        cny_per_usd,
        'direct' as rate_basis,
        source_file,
        source_row
    from fred
    where cny_per_usd is not null
),

unioned as (
    select * from ecb_cross_rates
    union all
    select * from fred_rates
)

select * from unioned

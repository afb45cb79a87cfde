{#- The 2023 annual average CNY per USD of the ECB cross rate (≈7.0846) is within 0.5 % of
    FRED DEXCHUS (≈7.0809). Returns a row unless both averages exist and agree. -#}
with

annual as (
    select * from {{ ref('fct_fx_rates_annual') }}
    where year = 2023
),

compared as (
    select
        (
            select annual.avg_cny_per_usd from annual
            where annual.source = 'ecb'
        ) as ecb_average,
        (
            select annual.avg_cny_per_usd from annual
            where annual.source = 'fred'
        ) as fred_average
)

select * from compared
where
    ecb_average is null
    or fred_average is null
    or abs(ecb_average - fred_average) / fred_average > 0.005

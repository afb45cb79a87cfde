{#- A year is complete for a source when its quotes run from the first days of January (on or
    before 7 January) to the last days of December (on or after 24 December); the ECB vs FRED
    difference is given only for years complete in both, so that a partial year (FRED ends
    2025-05-09 in the shipped copy) never compares two different periods. -#}
with

rates as (
    select * from {{ ref('fct_fx_rates') }}
),

annual as (
    select
        source,
        cast(extract(year from rate_date) as integer) as year,
        avg(cny_per_usd) as avg_cny_per_usd,
        min(cny_per_usd) as min_cny_per_usd,
        max(cny_per_usd) as max_cny_per_usd,
        count(*) as observation_count,
        min(rate_date) as first_rate_date,
        max(rate_date) as last_rate_date
    from rates
    group by source, cast(extract(year from rate_date) as integer)
),

flagged as (
    select
        *,
        coalesce(
            extract(month from first_rate_date) = 1
            and extract(day from first_rate_date) <= 7
            and extract(month from last_rate_date) = 12
            and extract(day from last_rate_date) >= 24,
            false
        ) as is_complete_year
    from annual
),

ecb as (
    select * from flagged
    where source = 'ecb'
),

fred as (
    select * from flagged
    where source = 'fred'
),

compared as (
    select
        ecb.year,
        (ecb.avg_cny_per_usd - fred.avg_cny_per_usd)
        / fred.avg_cny_per_usd as ecb_vs_fred_rel_diff
    from ecb
    inner join fred on ecb.year = fred.year
    where ecb.is_complete_year and fred.is_complete_year
),

final as (
    select
        flagged.year,
        flagged.source,
        flagged.avg_cny_per_usd,
        flagged.min_cny_per_usd,
        flagged.max_cny_per_usd,
        flagged.observation_count,
        flagged.first_rate_date,
        flagged.last_rate_date,
        flagged.is_complete_year,
        compared.ecb_vs_fred_rel_diff
    from flagged
    left join compared on flagged.year = compared.year
)

select * from final

{#- One row per money series with a stated CAGR (the latest horizon stated): its rate, which
    drives the base path, and the low/high band rates. The band is as wide as the spread
    between the CAGRs of the series with in_band_spread, times the parameter
    band_width_share_of_spread; a point CAGR sits in its middle, a lower bound (>=, >) is its
    floor, an upper bound (<=, <) its ceiling. -#}
with

chosen as (
    select * from {{ ref('int_spend_statements_chosen') }}
),

series as (
    select * from {{ ref('spend_series') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

settings as (
    select
        max(case when parameter_id = 'band_width_share_of_spread' then value end)
            as band_width_share
    from parameters
),

cagr_ranked as (
    -- One CAGR per series: the latest horizon stated.
    select
        chosen.*,
        row_number() over (
            partition by chosen.series_id order by chosen.period_year desc
        ) as horizon_rank
    from chosen
    where chosen.statement_role = 'cagr'
),

cagrs as (
    select * from cagr_ranked
    where horizon_rank = 1
),

spread as (
    select max(cagrs.value) - min(cagrs.value) as spread_pp
    from cagrs
    inner join series on cagrs.series_id = series.series_id
    where series.in_band_spread
),

band_rates as (
    select
        cagrs.series_id,
        cagrs.value as base_rate,
        cagrs.fact_ids,
        case
            when cagrs.qualifier in ('>=', '>') then cagrs.value
            when cagrs.qualifier in ('<=', '<')
                then cagrs.value - spread.spread_pp * settings.band_width_share
            else cagrs.value - spread.spread_pp * settings.band_width_share / 2
        end as low_rate,
        case
            when cagrs.qualifier in ('>=', '>')
                then cagrs.value + spread.spread_pp * settings.band_width_share
            when cagrs.qualifier in ('<=', '<') then cagrs.value
            else cagrs.value + spread.spread_pp * settings.band_width_share / 2
        end as high_rate
    from cagrs
    cross join spread
    cross join settings
)

select * from band_rates

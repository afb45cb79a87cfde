{#- The CNY per USD rate for each year of the spend grid: the annual average of the first
    source in the order of the parameter fx_source_order whose year is complete; a year with no
    complete average after the latest complete one (the future, the running year) takes the
    latest complete year's rate and is flagged is_fx_projected. -#}
with

annual as (
    select * from {{ ref('fct_fx_rates_annual') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

source_order as (
    select text_value as source_order
    from parameters
    where parameter_id = 'fx_source_order'
),

years as (
    {{ spend_years('parameters') }}
),

complete_years as (
    select
        annual.year,
        annual.source,
        annual.avg_cny_per_usd,
        row_number() over (
            partition by annual.year
            order by {{ xdb_position("annual.source", "source_order.source_order") }}
        ) as preference
    from annual
    cross join source_order
    where
        annual.is_complete_year
        and {{ xdb_position("annual.source", "source_order.source_order") }} > 0
),

chosen as (
    select * from complete_years
    where preference = 1
),

latest_complete as (
    select
        year,
        source,
        avg_cny_per_usd
    from chosen
    order by year desc
    limit 1
),

final as (
    select
        years.year,
        case
            when chosen.year is not null then chosen.avg_cny_per_usd
            when years.year > latest_complete.year then latest_complete.avg_cny_per_usd
        end as cny_per_usd,
        case
            when chosen.year is not null then chosen.source
            when years.year > latest_complete.year then latest_complete.source
        end as fx_source,
        case
            when chosen.year is not null then chosen.year
            when years.year > latest_complete.year then latest_complete.year
        end as fx_year,
        chosen.year is null as is_fx_projected
    from years
    cross join latest_complete
    left join chosen on years.year = chosen.year
)

select * from final

{#- One row per money series with a stated CAGR and stated point figures: the stated CAGR vs
    the CAGR recomputed from the first and last stated point figures (a bound CAGR only fails
    beyond its bound: spend_reconciliation decides the status). -#}
with

cagrs as (
    select * from {{ ref('int_spend_cagr_statements_preferred') }}
),

stated_points as (
    select * from {{ ref('int_spend_point_statements_grouped') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

tolerances as (
    select max(case when parameter_id = 'cagr_tolerance_pp' then value end) as cagr_pp
    from parameters
),

endpoints as (
    select
        series_id,
        min(period_year) as first_year,
        max(period_year) as last_year
    from stated_points
    group by series_id
),

cagr_checks as (
    select
        'cagr_vs_endpoints' as check_type,
        cagr.series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        endpoints.first_year as year,
        endpoints.last_year as compared_year,
        cagr.value as stated_value,
        case
            when endpoints.last_year > endpoints.first_year
                then
                    (power(
                        last_point.value / first_point.value,
                        1.0 / (endpoints.last_year - endpoints.first_year)
                    ) - 1) * 100
        end as recomputed_value,
        'percent' as unit,
        tolerances.cagr_pp as tolerance,
        cagr.qualifier,
        {{ xdb_concat([
            "cagr.fact_id", "','", "first_point.fact_ids", "','", "last_point.fact_ids"
        ]) }} as source_fact_ids,
        'Stated CAGR vs the rate between the first and last stated point figures'
            as note
    from cagrs as cagr
    inner join endpoints on cagr.series_id = endpoints.series_id
    inner join stated_points as first_point
        on
            endpoints.series_id = first_point.series_id
            and endpoints.first_year = first_point.period_year
    inner join stated_points as last_point
        on
            endpoints.series_id = last_point.series_id
            and endpoints.last_year = last_point.period_year
    cross join tolerances
)

select * from cagr_checks

{#- One row per year-on-year growth stated by a series' own publisher: the stated growth vs
    the growth of the two stated years; not checkable when only one of them is stated (the
    growth then back-casts the year before). -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
    where is_series_source
),

stated_points as (
    select * from {{ ref('int_spend_point_statements_grouped') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

tolerances as (
    select max(case when parameter_id = 'growth_tolerance_pp' then value end) as growth_pp
    from parameters
),

growth_checks as (
    select
        'growth_vs_recomputed' as check_type,
        growth.series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        growth.period_year as year,
        growth.period_year - 1 as compared_year,
        growth.value as stated_value,
        (current_point.value / previous_point.value - 1) * 100 as recomputed_value,
        'percent' as unit,
        tolerances.growth_pp as tolerance,
        growth.qualifier,
        growth.fact_id as source_fact_ids,
        case
            when previous_point.series_id is null
                then
                    'Only one of the two years is stated: the growth back-casts the year '
                    || 'before and cannot be checked'
            else 'Stated growth vs the growth of the two stated years'
        end as note
    from statements as growth
    left join stated_points as current_point
        on
            growth.series_id = current_point.series_id
            and growth.period_year = current_point.period_year
    left join stated_points as previous_point
        on
            growth.series_id = previous_point.series_id
            and growth.period_year - 1 = previous_point.period_year
    cross join tolerances
    where growth.statement_role = 'growth'
)

select * from growth_checks

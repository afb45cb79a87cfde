{#- One row per money series × projected year of the spend grid, with the year its
    projections start from: the last actual point figure, else the first forecast point
    figure. Projected years are those after the last actual one (all years from the start
    when nothing actual is stated). -#}
with

chosen as (
    select * from {{ ref('int_spend_statements_chosen') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

point_anchors as (
    select * from chosen
    where statement_role = 'anchor' and is_point
),

years as (
    {{ spend_years('parameters') }}
),

projection_start as (
    select
        series_id,
        coalesce(
            max(case when kind = 'actual' then period_year end),
            min(case when kind <> 'actual' then period_year end)
        ) as start_year,
        max(case when kind = 'actual' then period_year end) as last_actual_year
    from point_anchors
    group by series_id
),

projection_years as (
    select
        projection_start.series_id,
        projection_start.start_year,
        years.year
    from projection_start
    inner join years
        on
            projection_start.start_year <= years.year
            and (
                projection_start.last_actual_year < years.year
                or projection_start.last_actual_year is null
            )
)

select * from projection_years

{#- One row per pair of different money series whose own publishers state the same
    year-on-year growth in the same year: a sign of a figure copied in the report, for
    review. -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
    where is_series_source
),

growth_statements as (
    select
        series_id,
        period_year,
        value,
        min(fact_id) as fact_id
    from statements
    where statement_role = 'growth'
    group by series_id, period_year, value
),

identical_growth_checks as (
    select
        'identical_growth' as check_type,
        first_growth.series_id,
        second_growth.series_id as compared_series_id,
        first_growth.period_year as year,
        second_growth.period_year as compared_year,
        first_growth.value as stated_value,
        second_growth.value as recomputed_value,
        'percent' as unit,
        cast(null as double) as tolerance,
        cast(null as {{ xdb_type_string() }}) as qualifier,
        {{ xdb_concat(["first_growth.fact_id", "','", "second_growth.fact_id"]) }}
            as source_fact_ids,
        'Two different series state the same growth in the same year: check the report '
        || 'for a copied figure' as note
    from growth_statements as first_growth
    inner join growth_statements as second_growth
        on
            first_growth.period_year = second_growth.period_year
            and first_growth.value = second_growth.value
            and first_growth.series_id < second_growth.series_id
)

select * from identical_growth_checks

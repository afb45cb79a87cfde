{#- Never mix vintages in one series: each measure has a single vintage across all provinces
    and years. Returns the measures with more than one. -#}
with

stats as (
    select * from {{ ref('fct_province_stats') }}
),

vintages as (
    select
        'population' as measure,
        count(distinct population_vintage) as vintage_count
    from stats
    union all
    select
        'gdp' as measure,
        count(distinct gdp_vintage) as vintage_count
    from stats
    union all
    select
        'budget_expenditure' as measure,
        count(distinct budget_expenditure_vintage) as vintage_count
    from stats
    union all
    select
        'budget_revenue' as measure,
        count(distinct budget_revenue_vintage) as vintage_count
    from stats
)

select * from vintages
where vintage_count <> 1

{#- Every published year has exactly the 31 mainland provinces, each with all four measures.
    Returns the years that do not. -#}
with

stats as (
    select * from {{ ref('fct_province_stats') }}
),

per_year as (
    select
        year,
        count(distinct region_code) as provinces,
        count(*) as row_count,
        count(population) as with_population,
        count(gdp_cny) as with_gdp,
        count(budget_expenditure_cny) as with_expenditure,
        count(budget_revenue_cny) as with_revenue
    from stats
    group by year
)

select * from per_year
where
    provinces <> 31
    or row_count <> 31
    or with_population <> 31
    or with_gdp <> 31
    or with_expenditure <> 31
    or with_revenue <> 31

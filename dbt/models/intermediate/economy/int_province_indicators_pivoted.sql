{#- One row per province × year that any NBS file covers, with the four headline measures
    side by side and the statistical vintage of each. Budget expenditure is the post-2007
    一般公共预算支出 only: the pre-reform 财政支出 (2005–2006) is a different aggregate and is
    not spliced in. Population comes with its gap years interpolated. -#}
with

indicators as (
    select * from {{ ref('int_province_indicators_unioned') }}
),

population as (
    select * from {{ ref('int_province_population_interpolated') }}
),

measures as (
    select
        region_code,
        year,
        max(case when indicator = 'gdp' then indicator_value end) as gdp_cny,
        max(case when indicator = 'gdp' then vintage end) as gdp_vintage,
        max(case when indicator = 'gdp' then source_dataset end) as gdp_source_dataset,
        max(
            case when indicator = 'budget_expenditure' then indicator_value end
        ) as budget_expenditure_cny,
        max(
            case when indicator = 'budget_expenditure' then vintage end
        ) as budget_expenditure_vintage,
        max(case when indicator = 'budget_revenue' then indicator_value end) as budget_revenue_cny,
        max(case when indicator = 'budget_revenue' then vintage end) as budget_revenue_vintage,
        max(
            case when indicator = 'gdp_per_capita' then indicator_value end
        ) as gdp_per_capita_cny,
        max(
            case when indicator = 'gdp_index_prev_year_100' then indicator_value end
        ) as gdp_index_prev_year_100
    from indicators
    group by region_code, year
),

province_years as (
    select
        region_code,
        year
    from measures
    union
    select
        region_code,
        year
    from population
),

final as (
    select
        province_years.region_code,
        province_years.year,
        population.population,
        population.population_vintage,
        coalesce(population.is_interpolated, false) as is_population_interpolated,
        measures.gdp_cny,
        measures.gdp_vintage,
        measures.gdp_source_dataset,
        measures.budget_expenditure_cny,
        measures.budget_expenditure_vintage,
        measures.budget_revenue_cny,
        measures.budget_revenue_vintage,
        measures.gdp_per_capita_cny,
        measures.gdp_index_prev_year_100
    from province_years
    left join measures
        on
            province_years.region_code = measures.region_code
            and province_years.year = measures.year
    left join population
        on
            province_years.region_code = population.region_code
            and province_years.year = population.year
)

select * from final

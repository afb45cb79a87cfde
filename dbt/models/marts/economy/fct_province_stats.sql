{#- The published year range is where all four measures are covered: from the latest first
    year to the earliest last year of any measure (2016–2024 with the shipped files, bounded
    by budget revenue from 2016 and by 2024 for GDP, budget and population). Every province of
    dim_region gets a row for every published year, so a gap shows up as a NULL that the tests
    catch instead of a missing row. -#}
with

regions as (
    select * from {{ ref('dim_region') }}
),

indicators as (
    select * from {{ ref('int_province_indicators_pivoted') }}
),

provinces as (
    select region_code from regions
    where region_level = 'province'
),

coverage as (
    select
        'population' as measure,
        min(year) as first_year,
        max(year) as last_year
    from indicators
    where population is not null
    union all
    select
        'gdp' as measure,
        min(year) as first_year,
        max(year) as last_year
    from indicators
    where gdp_cny is not null
    union all
    select
        'budget_expenditure' as measure,
        min(year) as first_year,
        max(year) as last_year
    from indicators
    where budget_expenditure_cny is not null
    union all
    select
        'budget_revenue' as measure,
        min(year) as first_year,
        max(year) as last_year
    from indicators
    where budget_revenue_cny is not null
),

published_range as (
    select
        max(first_year) as first_year,
        min(last_year) as last_year
    from coverage
),

published_years as (
    select distinct indicators.year
    from indicators
    cross join published_range
    where indicators.year between published_range.first_year and published_range.last_year
),

final as (
    select
        provinces.region_code,
        cast(published_years.year as integer) as year,
        indicators.population,
        cast(indicators.gdp_cny as decimal(20, 2)) as gdp_cny,
        cast(indicators.budget_expenditure_cny as decimal(20, 2)) as budget_expenditure_cny,
        cast(indicators.budget_revenue_cny as decimal(20, 2)) as budget_revenue_cny,
        indicators.population_vintage,
        indicators.gdp_vintage,
        indicators.budget_expenditure_vintage,
        indicators.budget_revenue_vintage,
        coalesce(indicators.is_population_interpolated, false) as is_interpolated
    from provinces
    cross join published_years
    left join indicators
        on
            provinces.region_code = indicators.region_code
            and published_years.year = indicators.year
)

select * from final

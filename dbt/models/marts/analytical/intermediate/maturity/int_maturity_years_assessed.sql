{#- One row per index year: how far the evidence reaches the 31 provinces. A year is
    published when every province has at least index_min_pillars of the pillars scored (a
    ranking on thinner evidence, such as fiscal capacity alone, says little about maturity);
    complete when every province has every pillar. The headline year is the latest complete
    year: the year dashboards and analysts should quote. -#}
with

pillar_scores as (
    select * from {{ ref('int_maturity_pillars_scored') }}
    where region_level = 'province'
),

pillars as (
    select * from {{ ref('maturity_pillars') }}
),

regions as (
    select * from {{ ref('dim_region') }}
    where region_level = 'province'
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

min_pillars as (
    select cast(max(value) as integer) as min_pillars
    from parameters
    where parameter_id = 'index_min_pillars'
),

counts as (
    select
        (select count(*) from pillars) as n_pillars,
        (select count(*) from regions) as n_provinces
),

province_pillars as (
    select
        year,
        region_code,
        count(distinct pillar_id) as n_pillars
    from pillar_scores
    group by year, region_code
),

per_year as (
    select
        province_pillars.year,
        count(*) as n_provinces_scored,
        min(province_pillars.n_pillars) as min_pillars_scored,
        count(*) filter (where province_pillars.n_pillars = counts.n_pillars)
            as n_provinces_complete
    from province_pillars
    cross join counts
    group by province_pillars.year
),

assessed as (
    select
        per_year.year,
        per_year.min_pillars_scored,
        per_year.n_provinces_scored = counts.n_provinces
        and per_year.min_pillars_scored >= min_pillars.min_pillars as is_published,
        per_year.n_provinces_complete = counts.n_provinces as is_complete_year
    from per_year
    cross join counts
    cross join min_pillars
),

headline as (
    select max(year) as headline_year
    from assessed
    where is_complete_year
),

final as (
    select
        assessed.*,
        headline.headline_year,
        assessed.year = headline.headline_year as is_headline_year
    from assessed
    cross join headline
)

select * from final

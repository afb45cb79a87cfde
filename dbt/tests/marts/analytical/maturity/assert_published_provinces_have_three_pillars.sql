-- In every published year every province has at least index_min_pillars (three) of the
-- four pillars scored and so coverage_pct of at least 60; a year where some province lacks
-- a pillar is marked incomplete and is not the headline year.
with

maturity as (
    select * from {{ ref('regional_maturity_index') }}
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

pillars as (
    select count(*) as n_pillars from {{ ref('maturity_pillars') }}
),

per_year as (
    select
        year,
        min(n_pillars) as min_pillars_scored,
        min(coverage_pct) as min_coverage_pct,
        bool_and(is_complete_year) as is_complete_year,
        bool_or(is_headline_year) as is_headline_year
    from maturity
    group by year
)

select per_year.*
from per_year
cross join min_pillars
cross join pillars
where
    per_year.min_pillars_scored < min_pillars.min_pillars
    or per_year.min_coverage_pct < 60
    or (per_year.min_pillars_scored < pillars.n_pillars and per_year.is_complete_year)
    or (per_year.min_pillars_scored = pillars.n_pillars and not per_year.is_complete_year)
    or (per_year.is_headline_year and not per_year.is_complete_year)

-- Every published year of regional_maturity_index ranks each of the 31 provinces exactly
-- once, with the ranks 1 to 31, and scores them within 0-100.
with

maturity as (
    select * from {{ ref('regional_maturity_index') }}
    where region_level = 'province'
),

regions as (
    select * from {{ ref('dim_region') }}
    where region_level = 'province'
),

expected as (
    select count(*) as n_expected
    from regions
),

per_year as (
    select
        year,
        count(*) as n_rows,
        count(distinct region_code) as n_provinces,
        count(distinct rank) as n_ranks,
        min(rank) as min_rank,
        max(rank) as max_rank,
        min(score) as min_score,
        max(score) as max_score
    from maturity
    group by year
)

select per_year.*
from per_year
cross join expected
where
    per_year.n_rows <> expected.n_expected
    or per_year.n_provinces <> expected.n_expected
    or per_year.n_ranks <> expected.n_expected
    or per_year.min_rank <> 1
    or per_year.max_rank <> expected.n_expected
    or per_year.min_score < 0
    or per_year.max_score > 100

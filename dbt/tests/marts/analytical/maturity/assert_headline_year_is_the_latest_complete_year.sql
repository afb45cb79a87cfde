-- One headline year, the same on every row, and it is the latest complete year.
with

maturity as (
    select * from {{ ref('regional_maturity_index') }}
),

summary as (
    select
        count(distinct headline_year) as n_headline_years,
        max(headline_year) as headline_year,
        max(case when is_complete_year then year end) as latest_complete_year,
        count(distinct case when is_headline_year then year end) as n_flagged_years,
        max(case when is_headline_year then year end) as flagged_year
    from maturity
)

select *
from summary
where
    n_headline_years <> 1
    or headline_year is null
    or headline_year <> latest_complete_year
    or n_flagged_years <> 1
    or flagged_year <> headline_year

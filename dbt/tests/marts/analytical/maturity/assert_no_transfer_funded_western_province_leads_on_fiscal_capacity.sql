-- No western province funded mostly by transfers (own general-budget revenue below
-- index_transfer_funded_max_self_sufficiency of its expenditure, from fct_province_stats)
-- ranks in the top ten of the provinces on the fiscal-capacity pillar in 2019-2023: own
-- revenue per head, not spending per head, measures the capacity.
with

maturity as (
    select * from {{ ref('regional_maturity_index') }}
    where region_level = 'province' and year between 2019 and 2023
),

province_stats as (
    select * from {{ ref('fct_province_stats') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

threshold as (
    select max(value) as max_self_sufficiency
    from parameters
    where parameter_id = 'index_transfer_funded_max_self_sufficiency'
),

fiscal_ranks as (
    select
        region_code,
        year,
        rank() over (partition by year order by fiscal_capacity_score desc) as fiscal_rank
    from maturity
),

transfer_funded as (
    select
        province_stats.region_code,
        province_stats.year
    from province_stats
    inner join regions on province_stats.region_code = regions.region_code
    cross join threshold
    where
        regions.region_group = 'west'
        and province_stats.budget_revenue_cny
        < threshold.max_self_sufficiency * province_stats.budget_expenditure_cny
)

select fiscal_ranks.*
from fiscal_ranks
inner join transfer_funded
    on
        fiscal_ranks.region_code = transfer_funded.region_code
        and fiscal_ranks.year = transfer_funded.year
where fiscal_ranks.fiscal_rank <= 10

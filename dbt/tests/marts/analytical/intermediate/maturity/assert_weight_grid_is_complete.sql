-- The perturbation grid holds every combination of factors for every pillar (factors to the
-- power of pillars, 81 for four pillars at three factors), exactly one of them the base.
with

perturbed as (
    select * from {{ ref('int_maturity_scores_perturbed') }}
),

pillars as (
    select count(*) as n_pillars from {{ ref('maturity_pillars') }}
),

factors as (
    select count(*) as n_factors from {{ ref('maturity_weight_perturbations') }}
),

observed as (
    select
        count(distinct scenario_id) as n_scenarios,
        count(distinct case when is_base then scenario_id end) as n_base
    from perturbed
)

select observed.*
from observed
cross join pillars
cross join factors
where
    observed.n_scenarios <> cast(pow(factors.n_factors, pillars.n_pillars) as integer)
    or observed.n_base <> 1

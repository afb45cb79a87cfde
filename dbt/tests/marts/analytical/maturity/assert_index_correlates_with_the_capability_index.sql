-- Validation against evidence the index does not need: in the year the capability index and
-- the maturity index both exist (2019), the provinces' ranks correlate positively (Spearman,
-- at least index_validation_min_rank_correlation) for the published index and for the index
-- recomputed without its digital-service pillar (infrastructure, fiscal capacity and market
-- activity only, at their seed weights), which never sees the capability index.
with

maturity as (
    select * from {{ ref('regional_maturity_index') }}
    where region_level = 'province'
),

capability as (
    select * from {{ ref('fct_online_service_capability') }}
    where region_level = 'province' and is_scored
),

pillars as (
    select * from {{ ref('maturity_pillars') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

threshold as (
    select max(value) as min_correlation
    from parameters
    where parameter_id = 'index_validation_min_rank_correlation'
),

pillar_scores as (
    select * from {{ ref('int_maturity_pillars_scored') }}
    where region_level = 'province'
),

holdout as (
    {#- The index without its digital-service pillar: the other pillars at their seed
        weights, renormalised. -#}
    select
        pillar_scores.year,
        pillar_scores.region_code,
        sum(pillars.weight * pillar_scores.pillar_score) / sum(pillars.weight) as holdout_score
    from pillar_scores
    inner join pillars on pillar_scores.pillar_id = pillars.pillar_id
    where pillars.pillar_id <> 'digital_service'
    group by pillar_scores.year, pillar_scores.region_code
),

paired as (
    select
        maturity.region_code,
        capability.score as capability_score,
        maturity.score as index_score,
        holdout.holdout_score
    from maturity
    inner join capability
        on
            maturity.region_code = capability.region_code
            and maturity.year = capability.evaluation_year
    inner join holdout
        on maturity.region_code = holdout.region_code and maturity.year = holdout.year
),

ranked as (
    select
        rank() over (order by capability_score) as capability_rank,
        rank() over (order by index_score) as index_rank,
        rank() over (order by holdout_score) as holdout_rank
    from paired
),

correlations as (
    select
        count(*) as n_provinces,
        corr(index_rank, capability_rank) as index_rho,
        corr(holdout_rank, capability_rank) as holdout_rho
    from ranked
)

select correlations.*
from correlations
cross join threshold
where
    correlations.n_provinces < 31
    or coalesce(correlations.index_rho, -1) < threshold.min_correlation
    or coalesce(correlations.holdout_rho, -1) < threshold.min_correlation

{#- One score per region × index year × pillar: the weighted mean of the pillar's scored
    indicators (weights of seeds/maturity_indicators, renormalised over the indicators the
    region has), and evidence_share, the part of the pillar's total indicator weight that the
    region's scored indicators carry (1 = every indicator of the pillar). -#}
with

indicator_scores as (
    select * from {{ ref('int_maturity_indicators_normalised') }}
    where is_scored
),

indicators as (
    select * from {{ ref('maturity_indicators') }}
),

pillar_weights as (
    select
        pillar_id,
        sum(weight) as total_indicator_weight
    from indicators
    group by pillar_id
),

aggregated as (
    select
        indicator_scores.year,
        indicator_scores.region_code,
        indicator_scores.region_level,
        indicator_scores.pillar_id,
        sum(indicator_scores.weight * indicator_scores.indicator_score)
        / sum(indicator_scores.weight) as pillar_score,
        sum(indicator_scores.weight) as scored_indicator_weight,
        count(*) as n_indicators
    from indicator_scores
    group by
        indicator_scores.year,
        indicator_scores.region_code,
        indicator_scores.region_level,
        indicator_scores.pillar_id
),

final as (
    select
        aggregated.year,
        aggregated.region_code,
        aggregated.region_level,
        aggregated.pillar_id,
        aggregated.pillar_score,
        aggregated.scored_indicator_weight / pillar_weights.total_indicator_weight
            as evidence_share,
        aggregated.n_indicators
    from aggregated
    inner join pillar_weights on aggregated.pillar_id = pillar_weights.pillar_id
)

select * from final

{#- One score per region × index year × pillar, where the region has at least one scored
    indicator of the pillar that is not a flag: the weighted mean of its scored indicators
    (weights of seeds/maturity_indicators, renormalised over the indicators it has). A flag
    (named as leading, score 100) joins the mean only there, so it can raise a pillar but
    never make one. evidence_share is the part of the pillar's non-flag indicator weight the
    region's scored indicators carry; carried_forward_share the part of that evidence observed
    before the index year. Sums run in a fixed order (by indicator): a sum of doubles depends
    on the order it is added in, and an incremental build must publish the same rows as a
    full one. -#}
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
        {{ ordered_sum('weight', 'indicator_id') }} as total_indicator_weight
    from indicators
    where not is_flag
    group by pillar_id
),

aggregated as (
    select
        year,
        region_code,
        region_level,
        pillar_id,
        {{ ordered_sum('weight * indicator_score', 'indicator_id') }}
        / {{ ordered_sum('weight', 'indicator_id') }} as mean_with_flags,
        {{ ordered_sum('case when not is_flag then weight end', 'indicator_id') }}
            as scored_indicator_weight,
        {{ ordered_sum(
            'case when not is_flag and is_carried_forward then weight else 0 end',
            'indicator_id'
        ) }} as carried_forward_weight,
        count(*) filter (where not is_flag) as n_evidence_indicators,
        count(*) as n_indicators
    from indicator_scores
    group by year, region_code, region_level, pillar_id
),

final as (
    select
        aggregated.year,
        aggregated.region_code,
        aggregated.region_level,
        aggregated.pillar_id,
        aggregated.mean_with_flags as pillar_score,
        aggregated.scored_indicator_weight / pillar_weights.total_indicator_weight
            as evidence_share,
        aggregated.carried_forward_weight / aggregated.scored_indicator_weight
            as carried_forward_share,
        aggregated.n_indicators
    from aggregated
    inner join pillar_weights on aggregated.pillar_id = pillar_weights.pillar_id
    where aggregated.n_evidence_indicators > 0
)

select * from final

{#- The regional maturity index: pillar scores (int_maturity_pillars_scored) combined with
    the pillar weights of seeds/maturity_pillars, renormalised over the pillars a region has
    (a missing pillar neither counts as zero nor drags the score down), in the years
    int_maturity_years_assessed publishes. Score and rank are the base scenario of
    int_maturity_scores_perturbed; rank_low and rank_high the best and worst rank over its
    weight grid. coverage_pct is the share of the pillar weights the region's evidence
    reaches; carried_forward_pct the share of that evidence observed in earlier years. Ranks
    are per year and level; tiers come from seeds/maturity_tiers. -#}
with

perturbed as (
    select * from {{ ref('int_maturity_scores_perturbed') }}
),

pillar_scores as (
    select * from {{ ref('int_maturity_pillars_scored') }}
),

pillars as (
    select * from {{ ref('maturity_pillars') }}
),

years as (
    select * from {{ ref('int_maturity_years_assessed') }}
    where is_published
),

tiers as (
    select * from {{ ref('maturity_tiers') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

rank_ranges as (
    select
        year,
        region_code,
        min(rank) as rank_low,
        max(rank) as rank_high
    from perturbed
    group by year, region_code
),

pillar_columns as (
    select
        pillar_scores.year,
        pillar_scores.region_code,
        max(case
            when pillar_scores.pillar_id = 'digital_service' then pillar_scores.pillar_score
        end) as digital_service_score,
        max(case
            when pillar_scores.pillar_id = 'digital_infrastructure' then pillar_scores.pillar_score
        end) as digital_infrastructure_score,
        max(case
            when pillar_scores.pillar_id = 'fiscal_capacity' then pillar_scores.pillar_score
        end) as fiscal_capacity_score,
        max(case
            when pillar_scores.pillar_id = 'market_activity' then pillar_scores.pillar_score
        end) as market_activity_score,
        count(*) as n_pillars,
        sum(pillar_scores.n_indicators) as n_indicators,
        -- In a fixed order, like the scores (int_maturity_scores_perturbed).
        {{ ordered_sum(
            'pillars.weight * pillar_scores.carried_forward_share', 'pillars.pillar_id'
        ) }}
        / {{ ordered_sum('pillars.weight', 'pillars.pillar_id') }} as carried_forward_share,
        max(pillars.weights_version) as weights_version
    from pillar_scores
    inner join pillars on pillar_scores.pillar_id = pillars.pillar_id
    group by pillar_scores.year, pillar_scores.region_code
),

ranked as (
    select
        perturbed.*,
        rank_ranges.rank_low,
        rank_ranges.rank_high,
        count(*) over (partition by perturbed.year, perturbed.region_level) as n_ranked
    from perturbed
    inner join rank_ranges
        on perturbed.year = rank_ranges.year and perturbed.region_code = rank_ranges.region_code
    where perturbed.is_base
),

tiered as (
    select
        ranked.*,
        tiers.tier_id,
        tiers.tier_name_zh,
        tiers.tier_name_en,
        row_number() over (
            partition by ranked.year, ranked.region_code
            order by tiers.min_score desc
        ) as tier_match
    from ranked
    inner join tiers on ranked.score >= tiers.min_score
),

final as (
    select
        tiered.region_code,
        regions.name_zh as region_name_zh,
        regions.name_en as region_name_en,
        tiered.region_level,
        tiered.year,
        round(tiered.score, 2) as score,
        cast(tiered.rank as integer) as rank,
        cast(tiered.rank_low as integer) as rank_low,
        cast(tiered.rank_high as integer) as rank_high,
        cast(tiered.n_ranked as integer) as n_ranked,
        tiered.tier_id as tier,
        tiered.tier_name_zh,
        tiered.tier_name_en,
        round(100 * tiered.coverage_share, 2) as coverage_pct,
        round(100 * pillar_columns.carried_forward_share, 2) as carried_forward_pct,
        cast(pillar_columns.n_pillars as integer) as n_pillars,
        round(pillar_columns.digital_service_score, 2) as digital_service_score,
        round(pillar_columns.digital_infrastructure_score, 2) as digital_infrastructure_score,
        round(pillar_columns.fiscal_capacity_score, 2) as fiscal_capacity_score,
        round(pillar_columns.market_activity_score, 2) as market_activity_score,
        cast(pillar_columns.n_indicators as integer) as n_indicators,
        years.is_complete_year,
        years.headline_year,
        coalesce(years.is_headline_year, false) as is_headline_year,
        pillar_columns.weights_version
    from tiered
    inner join years on tiered.year = years.year
    inner join pillar_columns
        on tiered.year = pillar_columns.year and tiered.region_code = pillar_columns.region_code
    inner join regions on tiered.region_code = regions.region_code
    where tiered.tier_match = 1
)

select * from final

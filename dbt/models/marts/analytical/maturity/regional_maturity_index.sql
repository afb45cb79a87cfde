{#- The regional maturity index: pillar scores of int_maturity_pillars_scored combined with
    the pillar weights of seeds/maturity_pillars, renormalised over the pillars a region has
    (a missing pillar neither counts as zero nor drags the score down); coverage_pct is the
    share of the whole method's indicator weight the region's evidence carries. A year is
    published when every province has a score; prefectures appear in the years they have one.
    Ranks are unique within a year and level (ties by coverage, then code); tiers come from
    seeds/maturity_tiers. -#}
with

pillar_scores as (
    select * from {{ ref('int_maturity_pillars_scored') }}
),

pillars as (
    select * from {{ ref('maturity_pillars') }}
),

tiers as (
    select * from {{ ref('maturity_tiers') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

total_weight as (
    select sum(weight) as total_pillar_weight
    from pillars
),

combined as (
    select
        pillar_scores.year,
        pillar_scores.region_code,
        pillar_scores.region_level,
        sum(pillars.weight * pillar_scores.pillar_score) / sum(pillars.weight) as score,
        100 * sum(pillars.weight * pillar_scores.evidence_share)
        / max(total_weight.total_pillar_weight) as coverage_pct,
        sum(pillar_scores.n_indicators) as n_indicators,
        max(case
            when pillar_scores.pillar_id = 'digital_service'
                then pillar_scores.pillar_score
        end) as digital_service_score,
        max(case
            when pillar_scores.pillar_id = 'fiscal_capacity'
                then pillar_scores.pillar_score
        end) as fiscal_capacity_score,
        max(case
            when pillar_scores.pillar_id = 'market_activity'
                then pillar_scores.pillar_score
        end) as market_activity_score,
        max(pillars.weights_version) as weights_version
    from pillar_scores
    inner join pillars on pillar_scores.pillar_id = pillars.pillar_id
    cross join total_weight
    group by pillar_scores.year, pillar_scores.region_code, pillar_scores.region_level
),

province_count as (
    select count(*) as n_provinces
    from regions
    where region_level = 'province'
),

complete_years as (
    select combined.year
    from combined
    cross join province_count
    where combined.region_level = 'province'
    group by combined.year
    having count(distinct combined.region_code) = max(province_count.n_provinces)
),

ranked as (
    select
        combined.*,
        row_number() over (
            partition by combined.year, combined.region_level
            order by combined.score desc, combined.coverage_pct desc, combined.region_code asc
        ) as rank
    from combined
    inner join complete_years on combined.year = complete_years.year
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
        tiered.rank,
        tiered.tier_id as tier,
        tiered.tier_name_zh,
        tiered.tier_name_en,
        round(tiered.coverage_pct, 2) as coverage_pct,
        round(tiered.digital_service_score, 2) as digital_service_score,
        round(tiered.fiscal_capacity_score, 2) as fiscal_capacity_score,
        round(tiered.market_activity_score, 2) as market_activity_score,
        cast(tiered.n_indicators as integer) as n_indicators,
        tiered.weights_version
    from tiered
    inner join regions on tiered.region_code = regions.region_code
    where tiered.tier_match = 1
)

select * from final

{#- One row per claim a document implies without stating it: the year before a stated
    actual point figure, from the year-on-year growth stated with it in the same sentence
    (2023年…1,862亿元,同比增长21.4% → 2022 ≈ 1,862 / 1.214), for the metric pairs of
    seeds/claim_growth_metrics. Such a claim is derived (claim_basis), approximate (~: the
    growth is rounded), rests on the figures of both claims and cites the level's publisher;
    its id is the level claim's with the suffix -prior-year. The preference rule puts any
    stated claim of the year before it. -#}
with

claims as (
    select * from {{ ref('int_report_claims_assembled') }}
),

claim_facts as (
    select * from {{ ref('int_report_claim_facts_assigned') }}
),

growth_metrics as (
    select * from {{ ref('claim_growth_metrics') }}
),

claim_sentences as (
    select distinct
        claim_id,
        sentence_start
    from claim_facts
),

candidate_pairs as (
    select distinct
        levels.claim_id as level_claim_id,
        growths.claim_id as growth_claim_id,
        growths.char_start as growth_char_start
    from claims as levels
    inner join growth_metrics on levels.metric_id = growth_metrics.metric_id
    inner join claims as growths
        on
            levels.document_id = growths.document_id
            and growth_metrics.growth_metric_id = growths.metric_id
            and levels.region_key = growths.region_key
            and levels.period_year = growths.period_year
    inner join claim_sentences as level_sentences
        on levels.claim_id = level_sentences.claim_id
    inner join claim_sentences as growth_sentences
        on
            growths.claim_id = growth_sentences.claim_id
            and level_sentences.sentence_start = growth_sentences.sentence_start
    where
        levels.kind = 'actual'
        and growths.kind = 'actual'
        and levels.bound_kind = 'point'
        and growths.bound_kind = 'point'
),

-- One growth per level: the first stated (two different growths for one figure would be
-- two claims of the growth metric, which its consensus lists).
pairs as (
    select
        level_claim_id,
        growth_claim_id,
        row_number() over (
            partition by level_claim_id order by growth_char_start, growth_claim_id
        ) as growth_order
    from candidate_pairs
),

derived as (
    select
        {{ xdb_concat(["levels.claim_id", "'-prior-year'"]) }} as claim_id,
        levels.document_id,
        levels.metric_id,
        levels.metric_name_zh,
        levels.metric_name_en,
        levels.region_code,
        levels.region_name_zh,
        levels.region_level,
        levels.region_key,
        levels.period_year - 1 as period_year,
        cast(null as {{ xdb_type_string() }}) as period_label,
        'actual' as kind,
        'derived' as claim_basis,
        'point' as bound_kind,
        '~' as qualifier,
        levels.value / (1 + growths.value / 100) as value,
        levels.value / (1 + growths.value / 100) as value_low,
        levels.value / (1 + growths.value / 100) as value_high,
        levels.unit,
        levels.cited_publisher,
        levels.cited_publication,
        levels.cited_source,
        levels.source_id,
        {{ xdb_concat(["levels.fact_ids", "','", "growths.fact_ids"]) }} as fact_ids,
        levels.n_facts + growths.n_facts as n_facts,
        levels.n_mentions + growths.n_mentions as n_mentions,
        levels.n_sections,
        levels.char_start
    from pairs
    inner join claims as levels on pairs.level_claim_id = levels.claim_id
    inner join claims as growths on pairs.growth_claim_id = growths.claim_id
    where pairs.growth_order = 1
)

select * from derived

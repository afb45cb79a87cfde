with

facts as (
    select * from {{ ref('stg_reports__facts') }}
),

{# Only published documents: a rejected one has no rows here (nor in raw), whatever its
    extraction found. #}
documents as (
    select * from {{ ref('stg_reports__documents') }}
    where status = 'published'
),

sections as (
    select * from {{ ref('stg_reports__sections') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

claim_facts as (
    select * from {{ ref('int_report_claim_facts_assigned') }}
),

joined as (
    select
        facts.fact_id,
        facts.document_id,
        documents.edition,
        facts.section_id,
        sections.section_number,
        sections.section_title,
        facts.sentence,
        facts.metric_id,
        facts.metric_name_zh,
        facts.metric_name_en,
        facts.region_code,
        coalesce(regions.name_zh, facts.region_name_zh) as region_name_zh,
        regions.name_en as region_name_en,
        coalesce(regions.region_level, facts.region_level) as region_level,
        facts.entity_name,
        facts.period_year,
        facts.period_label,
        facts.value,
        facts.value_low,
        facts.value_high,
        facts.range_role,
        facts.unit,
        facts.qualifier,
        facts.kind,
        facts.value_raw,
        facts.unit_raw,
        facts.figure_text,
        facts.cited_source,
        facts.source_id,
        facts.quality_flag,
        facts.char_start,
        facts.char_end,
        facts.sentence_start,
        facts.sentence_end,
        facts.page,
        claim_facts.claim_id
    from facts
    inner join documents on facts.document_id = documents.document_id
    left join sections on facts.section_id = sections.section_id
    left join regions on facts.region_code = regions.region_code
    left join claim_facts on facts.fact_id = claim_facts.fact_id
)

select * from joined

{#- One row per claim (int_report_claim_facts_assigned): the figures it rests on and what it
    states. Its qualifier, kind, citation and time expression are those of its leading figure:
    a cited one before an uncited one (the body's wording before the summary's), then a dated
    one, then the first in the text. The claim keeps its interval: a point has value =
    value_low = value_high, a floor only value_low (value is the floor itself, qualifier >),
    a ceiling only value_high, a range both bounds and no value. -#}
with

assigned as (
    select * from {{ ref('int_report_claim_facts_assigned') }}
),

ordered as (
    select
        *,
        row_number() over (
            partition by claim_id
            order by
                publisher is null, fact_period_year is null, char_start, fact_id
        ) as lead_order
    from assigned
),

aggregated as (
    select
        claim_id,
        {{ xdb_listagg("fact_id", "','", "order by char_start, fact_id") }} as fact_ids,
        count(*) as n_facts,
        count(distinct char_start) as n_mentions,
        count(distinct section_id) as n_sections,
        min(char_start) as char_start
    from assigned
    group by claim_id
),

final as (
    select
        lead.claim_id,
        lead.document_id,
        lead.metric_id,
        lead.metric_name_zh,
        lead.metric_name_en,
        lead.region_code,
        lead.region_name_zh,
        lead.region_level,
        lead.region_key,
        lead.period_year,
        lead.period_label,
        lead.kind,
        'stated' as claim_basis,
        lead.bound_kind,
        lead.qualifier,
        case
            when lead.bound_kind = 'point' then lead.value_low
            when lead.bound_kind = 'floor' then lead.value_low
            when lead.bound_kind = 'ceiling' then lead.value_high
        end as value,
        lead.value_low,
        lead.value_high,
        lead.unit,
        lead.claim_publisher as cited_publisher,
        lead.publication as cited_publication,
        lead.cited_source,
        lead.source_id,
        aggregated.fact_ids,
        aggregated.n_facts,
        aggregated.n_mentions,
        aggregated.n_sections,
        aggregated.char_start
    from ordered as lead
    inner join aggregated on lead.claim_id = aggregated.claim_id
    where lead.lead_order = 1
)

select * from final

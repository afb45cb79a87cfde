with

claims as (
    select * from {{ ref('int_report_claims_ranked') }}
),

documents as (
    select * from {{ ref('dim_report_document') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

final as (
    select
        claims.claim_id,
        claims.consensus_id,
        claims.document_id,
        claims.edition,
        documents.is_latest_edition,
        documents.published_date,
        documents.publisher,
        documents.series_id,
        claims.metric_id,
        claims.metric_name_zh,
        claims.metric_name_en,
        claims.region_code,
        coalesce(regions.name_zh, claims.region_name_zh) as region_name_zh,
        claims.region_level,
        claims.period_year,
        claims.period_label,
        claims.kind,
        claims.claim_basis,
        claims.bound_kind,
        claims.qualifier,
        claims.value,
        claims.value_low,
        claims.value_high,
        claims.unit,
        claims.cited_publisher,
        claims.cited_publication,
        claims.cited_source,
        claims.source_id,
        claims.fact_ids,
        claims.n_facts,
        claims.n_mentions,
        claims.n_sections,
        claims.char_start,
        claims.is_comparable,
        claims.kind_rank,
        claims.basis_rank,
        claims.source_rank,
        claims.precision_rank,
        claims.preference_rank,
        claims.is_preferred
    from claims
    inner join documents on claims.document_id = documents.document_id
    left join regions on claims.region_code = regions.region_code
)

select * from final

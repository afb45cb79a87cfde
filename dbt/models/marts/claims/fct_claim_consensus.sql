{%- set text_type = xdb_type_string() -%}
with

claims as (
    select * from {{ ref('fct_report_claims') }}
    where is_comparable
),

groups as (
    select * from {{ ref('int_claim_groups_compared') }}
),

valued as (
    select
        *,
        case
            when bound_kind = 'range'
                then {{ xdb_concat([number_text("value_low"), "'-'", number_text("value_high")]) }}
            else {{ number_text("value") }}
        end as value_text
    from claims
),

described as (
    select
        *,
        {{ xdb_concat([
            "document_id", "' ['", "coalesce(cast(edition as " ~ text_type ~ "), '-')", "'] '",
            "coalesce(cited_publisher, 'uncited')", "' '", "kind", "' '", "qualifier", "' '",
            "value_text", "' '", "unit"
        ]) }} as claim_text
    from valued
),

listed as (
    select
        consensus_id,
        count(*) as n_claims,
        count(distinct document_id) as n_documents,
        max(case when kind = 'actual' then 1 else 0 end) = 1 as has_actual,
        {{ xdb_listagg("claim_id", "','", "order by preference_rank") }} as claim_ids,
        {{ xdb_listagg("document_id", "','", "order by preference_rank") }} as document_ids,
        {{ xdb_listagg("claim_text", "' | '", "order by preference_rank") }}
            as claims_side_by_side
    from described
    group by consensus_id
),

final as (
    select
        preferred.consensus_id,
        preferred.metric_id,
        preferred.metric_name_zh,
        preferred.metric_name_en,
        preferred.region_code,
        preferred.region_name_zh,
        preferred.region_level,
        preferred.period_year,
        preferred.unit,
        listed.n_claims,
        listed.n_documents,
        groups.n_compared,
        listed.has_actual,
        listed.claim_ids,
        listed.document_ids,
        listed.claims_side_by_side,
        preferred.claim_id as preferred_claim_id,
        preferred.document_id as preferred_document_id,
        preferred.edition as preferred_edition,
        preferred.kind as preferred_kind,
        preferred.claim_basis as preferred_basis,
        preferred.cited_publisher as preferred_publisher,
        preferred.bound_kind as preferred_bound_kind,
        preferred.qualifier as preferred_qualifier,
        preferred.value as preferred_value,
        preferred.value_low as preferred_value_low,
        preferred.value_high as preferred_value_high,
        preferred.fact_ids as preferred_fact_ids,
        groups.preferred_because,
        groups.value_min,
        groups.value_max,
        groups.relative_spread_pct,
        groups.interval_gap,
        groups.tolerance,
        groups.tolerance_kind,
        groups.tolerance_in_unit,
        groups.agreement
    from claims as preferred
    inner join listed on preferred.consensus_id = listed.consensus_id
    inner join groups on preferred.consensus_id = groups.consensus_id
    where preferred.is_preferred
)

select * from final

{#- One row per claim with its consensus group and its place in the preference rule. Claims
    of a known region (a GB/T 2260 code or CN) and a known year are comparable across
    documents and form the group <metric_id>:<region_code>:<period_year>; an anonymous region
    (某市 differs from document to document) or an undated figure stays a claim of its own
    document, outside any group. Within a group the preferred claim is the first by:
      1. kind          an actual before a forecast before a target (once an actual exists it
                       replaces every forecast of its year);
      2. basis         a stated figure before a derived one;
      3. source        the metric's reference publisher (seeds/claim_reference_publishers),
                       then a cited publication (IDC《…》), then a cited publisher, then the
                       report's own voice;
      4. edition       the latest edition (documents without an edition last);
      5. precision     a point (=) before an approximate point (~), a range, then a bound;
      6. order         the document id, then the first figure in the text.
    The rule is described in the dbt docs (claim_preference_rule). -#}
with

stated_claims as (
    select * from {{ ref('int_report_claims_assembled') }}
),

derived_claims as (
    select * from {{ ref('int_report_claims_derived') }}
),

claims as (
    select * from stated_claims
    union all
    select * from derived_claims
),

documents as (
    select * from {{ ref('stg_reports__documents') }}
),

reference_publishers as (
    select * from {{ ref('claim_reference_publishers') }}
),

keyed as (
    select
        claims.*,
        documents.edition,
        claims.region_code is not null and claims.period_year is not null as is_comparable,
        case
            when claims.region_code is not null and claims.period_year is not null
                then {{ xdb_concat([
                    "claims.metric_id", "':'", "claims.region_code", "':'",
                    "cast(claims.period_year as " ~ xdb_type_string() ~ ")"
                ]) }}
        end as consensus_id,
        case claims.kind when 'actual' then 1 when 'forecast' then 2 else 3 end as kind_rank,
        case claims.claim_basis when 'stated' then 1 else 2 end as basis_rank,
        case
            when reference_publishers.publisher is not null then 1
            when claims.cited_publication is not null then 2
            when claims.cited_publisher is not null then 3
            else 4
        end as source_rank,
        case
            when claims.qualifier = '=' and claims.bound_kind = 'point' then 1
            when claims.bound_kind = 'point' then 2
            when claims.bound_kind = 'range' then 3
            else 4
        end as precision_rank
    from claims
    inner join documents on claims.document_id = documents.document_id
    left join reference_publishers
        on
            claims.metric_id = reference_publishers.metric_id
            and claims.cited_publisher = reference_publishers.publisher
),

ranked as (
    select
        *,
        case
            when is_comparable
                then row_number() over (
                    partition by consensus_id
                    order by
                        kind_rank asc,
                        basis_rank asc,
                        source_rank asc,
                        edition desc nulls last,
                        precision_rank asc,
                        document_id asc,
                        char_start asc
                )
        end as preference_rank
    from keyed
),

final as (
    select
        claim_id,
        document_id,
        edition,
        metric_id,
        metric_name_zh,
        metric_name_en,
        region_code,
        region_name_zh,
        region_level,
        region_key,
        period_year,
        period_label,
        kind,
        claim_basis,
        bound_kind,
        qualifier,
        value,
        value_low,
        value_high,
        unit,
        cited_publisher,
        cited_publication,
        cited_source,
        source_id,
        fact_ids,
        n_facts,
        n_mentions,
        n_sections,
        char_start,
        is_comparable,
        consensus_id,
        kind_rank,
        basis_rank,
        source_rank,
        precision_rank,
        preference_rank,
        coalesce(preference_rank = 1, false) as is_preferred
    from ranked
)

select * from final

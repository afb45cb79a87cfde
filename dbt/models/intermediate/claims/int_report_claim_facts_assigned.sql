{#- One row per stated figure (int_report_claim_statements_prepared) with the claim it
    belongs to. A claim is one figure of one document: metric × period × region × cited
    publisher × stated interval. A document repeating a figure (the 摘要 and the body both
    say 1,862亿元) makes one claim resting on both figures:
      1. an undated figure joins a dated claim of the same document, metric, region, unit and
         interval (the summary often drops the year the body gives), if it cites no one, the
         same publisher, or the dated figures cite no one; the earliest such claim in the text;
      2. within a document × metric × period × region × unit × interval, every cited publisher
         makes its own claim, and an uncited figure joins the first publisher cited for it
         (the summary rarely repeats the citation of the body);
      3. the claim's id is the id of its first figure in the text (claim-<fact_id>). -#}
with

statements as (
    select * from {{ ref('int_report_claim_statements_prepared') }}
),

dated_groups as (
    select
        document_id,
        metric_id,
        region_key,
        unit,
        bound_key,
        period_year,
        min(char_start) as first_char,
        count(publisher) as n_cited
    from statements
    where period_year is not null
    group by document_id, metric_id, region_key, unit, bound_key, period_year
),

dated_group_publishers as (
    select distinct
        document_id,
        metric_id,
        region_key,
        unit,
        bound_key,
        period_year,
        publisher
    from statements
    where period_year is not null and publisher is not null
),

undated_candidates as (
    select
        undated.fact_id,
        dated_groups.period_year,
        row_number() over (
            partition by undated.fact_id
            order by dated_groups.first_char asc, dated_groups.period_year asc
        ) as candidate_rank
    from statements as undated
    inner join dated_groups
        on
            undated.document_id = dated_groups.document_id
            and undated.metric_id = dated_groups.metric_id
            and undated.region_key = dated_groups.region_key
            and undated.unit = dated_groups.unit
            and undated.bound_key = dated_groups.bound_key
    left join dated_group_publishers as same_publisher
        on
            dated_groups.document_id = same_publisher.document_id
            and dated_groups.metric_id = same_publisher.metric_id
            and dated_groups.region_key = same_publisher.region_key
            and dated_groups.unit = same_publisher.unit
            and dated_groups.bound_key = same_publisher.bound_key
            and dated_groups.period_year = same_publisher.period_year
            and undated.publisher = same_publisher.publisher
    where
        undated.period_year is null
        and (
            undated.publisher is null
            or same_publisher.publisher is not null
            or dated_groups.n_cited = 0
        )
),

placed as (
    select
        statements.*,
        coalesce(statements.period_year, undated_candidates.period_year) as claim_period_year
    from statements
    left join undated_candidates
        on
            statements.fact_id = undated_candidates.fact_id
            and undated_candidates.candidate_rank = 1
),

-- The period as text, so that undated claims join like dated ones.
period_keyed as (
    select
        *,
        coalesce(cast(claim_period_year as {{ xdb_type_string() }}), 'undated') as period_key
    from placed
),

group_publishers as (
    select
        document_id,
        metric_id,
        region_key,
        unit,
        bound_key,
        period_key,
        publisher,
        row_number() over (
            partition by document_id, metric_id, region_key, unit, bound_key, period_key
            order by min(char_start) asc, publisher asc
        ) as publisher_order
    from period_keyed
    where publisher is not null
    group by document_id, metric_id, region_key, unit, bound_key, period_key, publisher
),

assigned as (
    select
        period_keyed.*,
        coalesce(period_keyed.publisher, first_publisher.publisher) as claim_publisher
    from period_keyed
    left join group_publishers as first_publisher
        on
            period_keyed.document_id = first_publisher.document_id
            and period_keyed.metric_id = first_publisher.metric_id
            and period_keyed.region_key = first_publisher.region_key
            and period_keyed.unit = first_publisher.unit
            and period_keyed.bound_key = first_publisher.bound_key
            and period_keyed.period_key = first_publisher.period_key
            and first_publisher.publisher_order = 1
),

identified as (
    select
        *,
        first_value(fact_id) over (
            partition by
                document_id, metric_id, region_key, unit, bound_key, period_key, claim_publisher
            order by char_start asc, fact_id asc
            rows between unbounded preceding and unbounded following
        ) as first_fact_id
    from assigned
),

final as (
    select
        {{ xdb_concat(["'claim-'", "first_fact_id"]) }} as claim_id,
        fact_id,
        document_id,
        section_id,
        metric_id,
        metric_name_zh,
        metric_name_en,
        region_code,
        region_name_zh,
        region_level,
        region_key,
        claim_period_year as period_year,
        period_year as fact_period_year,
        period_label,
        kind,
        qualifier,
        unit,
        bound_kind,
        value_low,
        value_high,
        source_id,
        cited_source,
        publisher,
        publication,
        claim_publisher,
        sentence_start,
        char_start
    from identified
)

select * from final

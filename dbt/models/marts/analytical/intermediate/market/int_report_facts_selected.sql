{#- The report figures the analytical marts may use: clean figures (a corrupted one may have
    lost digits) of the latest edition of each report (dim_report_document.is_latest_edition),
    so that ingesting a new edition moves every mart built on it. Each figure gets the
    publisher of its citation and its clause: the sentence text between the punctuation
    (, ; 。 :) before and after it, which names what the figure measures. An undated figure
    gets the document's reference year: the year most of its dated actual figures refer to. -#}
with

facts as (
    select * from {{ ref('fct_report_facts') }}
),

documents as (
    select * from {{ ref('dim_report_document') }}
),

sources as (
    select * from {{ ref('dim_source') }}
),

current_facts as (
    select
        facts.fact_id,
        facts.document_id,
        facts.edition,
        facts.section_id,
        facts.sentence,
        facts.sentence_start,
        facts.char_start,
        facts.char_end,
        facts.char_start - facts.sentence_start as offset_in_sentence,
        facts.char_end - facts.sentence_start as end_in_sentence,
        facts.metric_id,
        facts.region_code,
        facts.region_level,
        facts.period_year,
        facts.value,
        facts.unit,
        facts.qualifier,
        facts.kind,
        facts.range_role,
        facts.figure_text,
        facts.cited_source,
        sources.publisher
    from facts
    inner join documents
        on facts.document_id = documents.document_id
    left join sources on facts.source_id = sources.source_id
    where
        documents.is_latest_edition
        and facts.quality_flag = 'clean'
        and facts.value is not null
),

year_counts as (
    select
        document_id,
        period_year,
        count(*) as n_facts
    from current_facts
    where kind = 'actual' and period_year is not null
    group by document_id, period_year
),

reference_years as (
    select
        document_id,
        period_year as reference_year,
        row_number() over (
            partition by document_id
            order by n_facts desc, period_year desc
        ) as year_rank
    from year_counts
),

with_clause as (
    select
        current_facts.*,
        reference_years.reference_year,
        coalesce(
            {{ regex_extract(
                "substring(current_facts.sentence, 1, current_facts.offset_in_sentence)",
                "'[^,;。:]*$'"
            ) }},
            ''
        ) as clause_before,
        coalesce(
            {{ regex_extract(
                "substring(current_facts.sentence, current_facts.end_in_sentence + 1)",
                "'^[^,;。]*'"
            ) }},
            ''
        ) as clause_after
    from current_facts
    left join reference_years
        on
            current_facts.document_id = reference_years.document_id
            and reference_years.year_rank = 1
),

final as (
    select
        fact_id,
        document_id,
        edition,
        section_id,
        sentence,
        sentence_start,
        char_start,
        char_end,
        metric_id,
        region_code,
        region_level,
        period_year,
        coalesce(period_year, reference_year) as observation_year,
        period_year is null as is_undated,
        reference_year,
        value,
        unit,
        qualifier,
        kind,
        range_role,
        figure_text,
        {{ xdb_concat(["clause_before", "figure_text", "clause_after"]) }} as clause,
        clause_before,
        cited_source,
        publisher
    from with_clause
)

select * from final

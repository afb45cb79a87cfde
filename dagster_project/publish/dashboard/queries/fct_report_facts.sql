-- Report figures page: every figure of marts.fct_report_facts with its document's title.
select
    facts.fact_id,
    facts.document_id,
    facts.edition,
    documents.title as document_title,
    documents.is_latest_edition,
    facts.section_number,
    facts.section_title,
    facts.metric_id,
    facts.metric_name_zh,
    facts.metric_name_en,
    facts.value,
    facts.unit,
    facts.period_year,
    facts.period_label,
    facts.region_code,
    facts.region_name_zh,
    facts.entity_name,
    facts.qualifier,
    facts.kind,
    facts.range_role,
    facts.cited_source,
    facts.quality_flag,
    facts.figure_text,
    facts.sentence
from marts.fct_report_facts as facts
left join marts.dim_report_document as documents
    on facts.document_id = documents.document_id and facts.edition = documents.edition
order by facts.document_id, facts.edition, facts.char_start, facts.fact_id

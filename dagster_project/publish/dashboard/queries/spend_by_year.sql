-- Market size and IT spend page: every row of marts.spend_by_year, with the report
-- citations of the facts each value rests on (document title, section, cited source).
with cited as (
    select
        series_id,
        year,
        scenario,
        unnest(string_split(source_fact_ids, ',')) as fact_id
    from marts.spend_by_year
),

citations as (
    select
        cited.series_id,
        cited.year,
        cited.scenario,
        string_agg(distinct documents.title, ' | ' order by documents.title) as cited_documents,
        string_agg(
            distinct concat_ws(' ', facts.section_number, facts.section_title), ' | '
            order by concat_ws(' ', facts.section_number, facts.section_title)
        ) as cited_sections,
        string_agg(
            distinct facts.cited_source, ' | ' order by facts.cited_source
        ) as fact_sources
    from cited
    inner join marts.fct_report_facts as facts on cited.fact_id = facts.fact_id
    left join marts.dim_report_document as documents
        on facts.document_id = documents.document_id and facts.edition = documents.edition
    group by cited.series_id, cited.year, cited.scenario
)

select
    spend.series_id,
    spend.series_name_zh,
    spend.series_name_en,
    spend.series_sort_order,
    spend.year,
    spend.scenario,
    spend.value_cny,
    spend.value_usd,
    spend.fx_rate,
    spend.fx_source,
    spend.fx_year,
    spend.is_fx_projected,
    spend.yoy_growth_pct,
    spend.is_derived,
    spend.value_method,
    spend.qualifier,
    spend.cited_source,
    citations.cited_documents,
    citations.cited_sections,
    citations.fact_sources
from marts.spend_by_year as spend
left join citations
    on
        spend.series_id = citations.series_id
        and spend.year = citations.year
        and spend.scenario = citations.scenario
order by spend.series_sort_order, spend.series_id, spend.year, spend.scenario

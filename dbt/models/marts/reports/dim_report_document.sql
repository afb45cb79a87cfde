with

documents as (
    select * from {{ ref('stg_reports__documents') }}
),

{# Editions of one report series in order: the newest edition first, then the latest
    publication date, then the document id. Ranked among published documents only, so every
    series with a published document has exactly one latest edition, whatever ties its
    documents hold (two copies of one edition, an undated one), and a rejected document is
    never the latest. #}
ranked as (
    select
        document_id,
        row_number() over (
            partition by series_id
            order by edition desc nulls last, published_date desc nulls last, document_id desc
        ) as edition_rank
    from documents
    where status = 'published'
),

final as (
    select
        documents.document_id,
        documents.status,
        documents.status_reason,
        documents.edition,
        documents.title,
        documents.title_source,
        documents.publisher,
        documents.published_date,
        documents.kind,
        documents.series_id,
        documents.sha256,
        documents.source_file,
        documents.source_format,
        documents.licence,
        documents.origin,
        documents.extractor_version,
        documents.input_bytes,
        documents.n_pages,
        documents.n_facts,
        documents.n_corrupted_facts,
        documents.n_table_cells,
        documents.n_tables,
        documents.n_sections,
        documents.n_sources,
        documents.n_garbled_spans,
        coalesce(ranked.edition_rank = 1, false) as is_latest_edition
    from documents
    left join ranked on documents.document_id = ranked.document_id
)

select * from final

with

documents as (
    select * from {{ ref('stg_reports__documents') }}
),

final as (
    select
        document_id,
        edition,
        title,
        sha256,
        source_file,
        licence,
        origin,
        extractor_version,
        input_bytes,
        n_facts,
        n_corrupted_facts,
        n_table_cells,
        n_tables,
        n_sections,
        n_sources,
        n_garbled_spans,
        -- Editions of one report share the title up to its years (2026年及未来5年… → 2027年…).
        edition = max(edition) over (
            partition by regexp_replace(title, '[0-9]{4}', '', 'g')
        ) as is_latest_edition
    from documents
)

select * from final

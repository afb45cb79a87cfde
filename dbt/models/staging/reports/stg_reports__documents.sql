with

source as (
    select * from {{ source('raw', 'report_documents') }}
),

renamed as (
    select
        -- ids
        document_id,
        series_id,
        -- identity
        title,
        title_source,
        publisher,
        kind,
        licence,
        edition,
        try_cast(published_date as date) as published_date,
        -- status: published | rejected, and why (dagster_project/reports/checks.py)
        status,
        status_reason,
        -- provenance
        sha256,
        source_file,
        source_format,
        origin,
        extractor_version,
        data_version,
        -- counts
        input_bytes,
        cleaned_chars,
        cast(n_pages as integer) as n_pages,
        n_facts,
        n_corrupted_facts,
        n_table_cells,
        n_tables,
        n_sections,
        n_sources,
        n_garbled_spans
    from source
)

select * from renamed

with

source as (
    select * from {{ source('raw', 'report_documents') }}
),

renamed as (
    select
        document_id,
        title,
        sha256,
        source_file,
        licence,
        extractor_version,
        origin,
        data_version,
        edition,
        input_bytes,
        cleaned_chars,
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

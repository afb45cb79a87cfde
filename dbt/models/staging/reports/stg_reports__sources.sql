with

source as (
    select * from {{ source('raw', 'report_sources') }}
),

renamed as (
    select
        document_id,
        source_id,
        publisher,
        publication,
        cited_source,
        cited_as_raw,
        cast(n_facts as integer) as n_facts
    from source
)

select * from renamed

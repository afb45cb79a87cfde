with

cited as (
    select * from {{ ref('stg_reports__sources') }}
),

documents as (
    select * from {{ ref('stg_reports__documents') }}
    where status = 'published'
),

deduplicated as (
    select
        cited.source_id,
        min(cited.publisher) as publisher,
        min(cited.publication) as publication,
        min(cited.cited_source) as cited_source,
        min(cited.cited_as_raw) as cited_as_example,
        count(distinct cited.document_id) as n_documents,
        sum(cited.n_facts) as n_facts
    from cited
    inner join documents on cited.document_id = documents.document_id
    group by cited.source_id
)

select * from deduplicated

with

cited as (
    select * from {{ ref('stg_reports__sources') }}
),

deduplicated as (
    select
        source_id,
        min(publisher) as publisher,
        min(publication) as publication,
        min(cited_source) as cited_source,
        min(cited_as_raw) as cited_as_example,
        count(distinct document_id) as n_documents,
        sum(n_facts) as n_facts
    from cited
    group by source_id
)

select * from deduplicated

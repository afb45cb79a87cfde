-- Every fact a claim lists exists, in the claim's own document.
select
    listed.claim_id,
    listed.fact_id,
    facts.fact_id is not null as fact_exists,
    coalesce(facts.document_id = listed.document_id, false) as is_same_document
from (
    select
        claims.claim_id,
        claims.document_id,
        claims.claim_basis,
        listed.fact_id
    from marts.fct_report_claims as claims,
        unnest(string_split(claims.fact_ids, ',')) as listed (fact_id)
) as listed
left join marts.fct_report_facts as facts on listed.fact_id = facts.fact_id

-- Every clean figure with a metric rests under exactly one stated claim, the one
-- fct_report_facts.claim_id names.
select
    facts.fact_id,
    count(listed.claim_id) as n_stated_claims,
    coalesce(bool_and(listed.claim_id = facts.claim_id), false) as is_named_claim
from marts.fct_report_facts as facts
left join (
    select
        claims.claim_id,
        claims.document_id,
        claims.claim_basis,
        listed.fact_id
    from marts.fct_report_claims as claims,
        unnest(string_split(claims.fact_ids, ',')) as listed (fact_id)
) as listed
    on facts.fact_id = listed.fact_id and listed.claim_basis = 'stated'
where
    facts.metric_id is not null and facts.quality_flag = 'clean'
    and facts.value is not null
group by facts.fact_id

-- Every comparable claim is counted in its group, and every group has its claims.
select
    consensus.consensus_id,
    consensus.n_claims,
    count(claims.claim_id) as n_listed,
    consensus.value_min <= consensus.value_max as is_ordered
from marts.fct_claim_consensus as consensus
left join marts.fct_report_claims as claims
    on consensus.consensus_id = claims.consensus_id
group by
    consensus.consensus_id, consensus.n_claims, consensus.value_min,
    consensus.value_max

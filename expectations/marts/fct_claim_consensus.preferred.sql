-- The preferred claim is the first-ranked claim of the group and the value is its value.
select
    consensus.consensus_id,
    claims.preference_rank,
    claims.is_preferred,
    coalesce(
        claims.value = consensus.preferred_value
        or (claims.value is null and consensus.preferred_value is null), false)
        as is_same_value,
    claims.consensus_id = consensus.consensus_id as is_same_group
from marts.fct_claim_consensus as consensus
left join marts.fct_report_claims as claims
    on consensus.preferred_claim_id = claims.claim_id

select
    (
        select count(distinct consensus_id) from marts.fct_report_claims
        where is_comparable
    ) as n_claim_groups,
    (select count(*) from marts.fct_claim_consensus) as n_consensus_rows

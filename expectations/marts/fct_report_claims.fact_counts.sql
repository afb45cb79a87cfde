select
    claim_id,
    n_facts,
    len(string_split(fact_ids, ',')) as n_listed
from marts.fct_report_claims

-- One preferred claim per consensus group; none outside a group.
select
    consensus_id,
    count(*) filter (where is_preferred)
    = case when consensus_id is null then 0 else 1 end as has_its_preferred
from marts.fct_report_claims
group by consensus_id

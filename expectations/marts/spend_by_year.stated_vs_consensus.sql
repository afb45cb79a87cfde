-- A stated value is the preferred value of its consensus group, and a back-cast the preferred
-- (derived) claim of its year: the mart follows the consensus.
select
    spend.series_id,
    spend.year,
    abs(cast(spend.value_cny as double) - consensus.preferred_value)
    / greatest(abs(consensus.preferred_value), 1) as relative_difference,
    consensus.preferred_basis
    = case when spend.value_method = 'backcast_yoy' then 'derived' else 'stated' end
        as is_same_basis
from marts.spend_by_year as spend
inner join raw.spend_series as series
    on spend.series_id = series.series_id
inner join marts.fct_report_facts as facts
    on split_part(spend.source_fact_ids, ',', 1) = facts.fact_id
inner join marts.fct_report_claims as stated
    on facts.claim_id = stated.claim_id and series.metric_id = stated.metric_id
inner join marts.fct_claim_consensus as consensus
    on consensus.consensus_id = concat_ws(
        ':', stated.metric_id, stated.region_code, cast(spend.year as varchar)
    )
where spend.value_method in ('stated', 'stated_bound', 'backcast_yoy')

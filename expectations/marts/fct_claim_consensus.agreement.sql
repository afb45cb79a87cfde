-- Agreement recomputed from the claims of the preferred kind and the tolerance seed: within the
-- tolerance it is agree, beyond it conflict, one claim single.
with compared as (
    select
        consensus.consensus_id,
        consensus.agreement,
        count(*) as n_compared,
        greatest(coalesce(max(claims.value_low) - min(claims.value_high), 0), 0)
            as gap,
        any_value(coalesce(metric_tolerance.tolerance, unit_tolerance.tolerance))
            as tolerance,
        any_value(coalesce(
            metric_tolerance.tolerance_kind,
            unit_tolerance.tolerance_kind
        )) as tolerance_kind,
        any_value(coalesce(
            consensus.preferred_value,
            (consensus.preferred_value_low + consensus.preferred_value_high) / 2
        ))
            as reference_value
    from marts.fct_claim_consensus as consensus
    inner join marts.fct_report_claims as claims
        on
            consensus.consensus_id = claims.consensus_id
            and consensus.preferred_kind = claims.kind
    left join raw.claim_tolerances as metric_tolerance
        on
            consensus.unit = metric_tolerance.unit
            and consensus.metric_id = metric_tolerance.metric_id
    left join raw.claim_tolerances as unit_tolerance
        on consensus.unit = unit_tolerance.unit and unit_tolerance.metric_id is null
    group by consensus.consensus_id, consensus.agreement
)

select
    consensus_id,
    agreement,
    case
        when n_compared = 1 then 'single'
        when gap <= case tolerance_kind
            when 'relative_pct' then tolerance * abs(reference_value) / 100
            else tolerance
        end + 1e-9 * greatest(abs(reference_value), 1) then 'agree'
        else 'conflict'
    end as expected_agreement
from compared

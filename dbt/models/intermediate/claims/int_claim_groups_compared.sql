{#- One row per consensus group (metric × region × year, int_report_claims_ranked): how far
    its claims lie apart and whether they agree.
      compared claims  those of the preferred claim's kind (an actual is not in disagreement
                       with the forecast it replaces: fct_claim_forecast_vintages measures
                       that);
      spread           value_min / value_max over the compared claims' stated values (a
                       range contributes both bounds), relative to the preferred value;
      interval_gap     how far apart the compared claims' intervals lie: the highest floor
                       (or point) minus the lowest ceiling (or point), 0 when they overlap (a
                       floor of 3,000 and a point of 3,100 do);
      agreement        single (one compared claim) | agree (interval_gap within the tolerance
                       of seeds/claim_tolerances, the metric's row before its unit's,
                       relative_pct of the preferred value or absolute) | conflict;
      preferred_because  the first step of the preference rule that sets the preferred claim
                       before the runner-up (kind, basis, source, edition, precision, order),
                       or single_claim. -#}
with

claims as (
    select * from {{ ref('int_report_claims_ranked') }}
    where is_comparable
),

tolerances as (
    select * from {{ ref('claim_tolerances') }}
),

preferred as (
    select * from claims
    where preference_rank = 1
),

runner_up as (
    select * from claims
    where preference_rank = 2
),

compared as (
    select
        claims.consensus_id,
        count(*) as n_compared,
        min(coalesce(claims.value_low, claims.value_high)) as value_min,
        max(coalesce(claims.value_high, claims.value_low)) as value_max,
        max(claims.value_low) - min(claims.value_high) as bounds_apart
    from claims
    inner join preferred
        on
            claims.consensus_id = preferred.consensus_id
            and claims.kind = preferred.kind
    group by claims.consensus_id
),

toleranced as (
    select
        preferred.consensus_id,
        preferred.kind,
        coalesce(preferred.value, (preferred.value_low + preferred.value_high) / 2)
            as reference_value,
        coalesce(metric_tolerance.tolerance, unit_tolerance.tolerance) as tolerance,
        coalesce(metric_tolerance.tolerance_kind, unit_tolerance.tolerance_kind)
            as tolerance_kind
    from preferred
    left join tolerances as metric_tolerance
        on
            preferred.unit = metric_tolerance.unit
            and preferred.metric_id = metric_tolerance.metric_id
    left join tolerances as unit_tolerance
        on
            preferred.unit = unit_tolerance.unit
            and unit_tolerance.metric_id is null
),

measured as (
    select
        compared.consensus_id,
        compared.n_compared,
        compared.value_min,
        compared.value_max,
        greatest(coalesce(compared.bounds_apart, 0), 0) as interval_gap,
        (compared.value_max - compared.value_min)
        / nullif(abs(toleranced.reference_value), 0) * 100 as relative_spread_pct,
        toleranced.tolerance,
        toleranced.tolerance_kind,
        case toleranced.tolerance_kind
            when 'relative_pct' then toleranced.tolerance * abs(toleranced.reference_value) / 100
            else toleranced.tolerance
        end as tolerance_in_unit,
        -- A billionth of the value absorbs floating-point noise (98.7 - 98.6 > 0.1).
        1e-9 * greatest(abs(toleranced.reference_value), 1) as float_margin
    from compared
    inner join toleranced on compared.consensus_id = toleranced.consensus_id
),

final as (
    select
        measured.consensus_id,
        measured.n_compared,
        measured.value_min,
        measured.value_max,
        measured.relative_spread_pct,
        measured.interval_gap,
        measured.tolerance,
        measured.tolerance_kind,
        measured.tolerance_in_unit,
        case
            when measured.n_compared = 1 then 'single'
            when measured.interval_gap <= measured.tolerance_in_unit + measured.float_margin
                then 'agree'
            else 'conflict'
        end as agreement,
        case
            when runner_up.claim_id is null then 'single_claim'
            when preferred.kind_rank <> runner_up.kind_rank then 'kind'
            when preferred.basis_rank <> runner_up.basis_rank then 'basis'
            when preferred.source_rank <> runner_up.source_rank then 'source'
            when coalesce(preferred.edition, -1) <> coalesce(runner_up.edition, -1) then 'edition'
            when preferred.precision_rank <> runner_up.precision_rank then 'precision'
            else 'order'
        end as preferred_because
    from measured
    inner join preferred on measured.consensus_id = preferred.consensus_id
    left join runner_up on measured.consensus_id = runner_up.consensus_id
)

select * from final

"""marts.fct_claim_consensus: the preferred value, spread and agreement follow from the claims.

Blocking: analysts quote the preferred value and its agreement, and the analytical marts
follow the same preferred claims; a group whose agreement contradicts its tolerance, whose
preferred value is not its first-ranked claim's, or whose claims are miscounted would mislead.
Column rules (keys, agreement values) are dbt tests; the rule itself is in the dbt docs.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_claim_consensus",
    # Agreement recomputed from the claims of the preferred kind and the tolerance seed:
    # within the tolerance it is agree, beyond it conflict, one claim single.
    "agreement": """
        with compared as (
            select
                consensus.consensus_id,
                consensus.agreement,
                count(*) as n_compared,
                greatest(coalesce(max(claims.value_low) - min(claims.value_high), 0), 0)
                    as gap,
                any_value(coalesce(metric_tolerance.tolerance, unit_tolerance.tolerance))
                    as tolerance,
                any_value(coalesce(metric_tolerance.tolerance_kind,
                    unit_tolerance.tolerance_kind)) as tolerance_kind,
                any_value(coalesce(consensus.preferred_value,
                    (consensus.preferred_value_low + consensus.preferred_value_high) / 2))
                    as reference_value
            from marts.fct_claim_consensus as consensus
            inner join marts.fct_report_claims as claims
                on consensus.consensus_id = claims.consensus_id
                and claims.kind = consensus.preferred_kind
            left join raw.claim_tolerances as metric_tolerance
                on consensus.unit = metric_tolerance.unit
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
    """,
    # The preferred claim is the first-ranked claim of the group and the value is its value.
    "preferred": """
        select
            consensus.consensus_id,
            claims.preference_rank,
            claims.is_preferred,
            coalesce(claims.value = consensus.preferred_value
                or (claims.value is null and consensus.preferred_value is null), false)
                as is_same_value,
            claims.consensus_id = consensus.consensus_id as is_same_group
        from marts.fct_claim_consensus as consensus
        left join marts.fct_report_claims as claims
            on consensus.preferred_claim_id = claims.claim_id
    """,
    # Every comparable claim is counted in its group, and every group has its claims.
    "counts": """
        select
            consensus.consensus_id,
            consensus.n_claims,
            count(claims.claim_id) as n_listed,
            consensus.value_min <= consensus.value_max as is_ordered
        from marts.fct_claim_consensus as consensus
        left join marts.fct_report_claims as claims
            on consensus.consensus_id = claims.consensus_id
        group by consensus.consensus_id, consensus.n_claims, consensus.value_min,
            consensus.value_max
    """,
    "groups": """
        select
            (select count(distinct consensus_id) from marts.fct_report_claims
                where is_comparable) as n_claim_groups,
            (select count(*) from marts.fct_claim_consensus) as n_consensus_rows
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "consensus_id",
                    "metric_id",
                    "region_code",
                    "period_year",
                    "unit",
                    "n_claims",
                    "n_documents",
                    "n_compared",
                    "claim_ids",
                    "claims_side_by_side",
                    "preferred_claim_id",
                    "preferred_document_id",
                    "preferred_edition",
                    "preferred_kind",
                    "preferred_qualifier",
                    "preferred_value",
                    "preferred_because",
                    "value_min",
                    "value_max",
                    "relative_spread_pct",
                    "interval_gap",
                    "tolerance",
                    "tolerance_kind",
                    "agreement",
                ],
                exact_match=False,
            ),
            gxe.ExpectColumnValuesToBeBetween(column="relative_spread_pct", min_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="interval_gap", min_value=0),
        ],
        "agreement": [
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="agreement", column_B="expected_agreement"
            ),
        ],
        "preferred": [
            gxe.ExpectColumnValuesToBeBetween(column="preference_rank", min_value=1, max_value=1),
            gxe.ExpectColumnValuesToBeInSet(column="is_preferred", value_set=[True]),
            gxe.ExpectColumnValuesToBeInSet(column="is_same_value", value_set=[True]),
            gxe.ExpectColumnValuesToBeInSet(column="is_same_group", value_set=[True]),
        ],
        "counts": [
            gxe.ExpectColumnPairValuesToBeEqual(column_A="n_claims", column_B="n_listed"),
            gxe.ExpectColumnValuesToBeInSet(column="is_ordered", value_set=[True]),
        ],
        "groups": [
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="n_claim_groups", column_B="n_consensus_rows"
            ),
        ],
    }

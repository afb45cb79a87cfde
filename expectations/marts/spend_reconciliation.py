"""marts.spend_reconciliation: every check listed once, with a known type and status.

Blocking on structure only: a mismatch is a finding to publish, not a failure; a duplicated or
unlabelled check, or a headline CAGR that was not checked at all, would hide one.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.spend_reconciliation",
    # The series with a stated CAGR and two stated point figures get their CAGR recomputed.
    "cagr_checks": """
        select count(*) as n_checked
        from marts.spend_reconciliation
        where check_type = 'cagr_vs_endpoints' and status in ('ok', 'mismatch')
    """,
    "scope_checks": """
        select count(*) as n_scope
        from marts.spend_reconciliation
        where check_type = 'scope_comparison'
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "check_id",
                    "check_type",
                    "series_id",
                    "compared_series_id",
                    "year",
                    "compared_year",
                    "stated_value",
                    "recomputed_value",
                    "unit",
                    "qualifier",
                    "difference",
                    "tolerance",
                    "status",
                    "is_flagged",
                    "source_fact_ids",
                    "note",
                ],
                exact_match=False,
            ),
            gxe.ExpectColumnValuesToBeUnique(column="check_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="check_id"),
            gxe.ExpectColumnValuesToBeInSet(
                column="check_type",
                value_set=[
                    "cagr_vs_endpoints",
                    "growth_vs_recomputed",
                    "bound_vs_path",
                    "duplicate_statement",
                    "other_source",
                    "scope_comparison",
                    "subset_check",
                    "identical_growth",
                ],
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="status",
                value_set=["ok", "mismatch", "not_checkable", "different_scope", "review"],
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="status"),
            gxe.ExpectColumnValuesToNotBeNull(column="series_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="note"),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["percent", "CNY"]),
        ],
        "cagr_checks": [
            gxe.ExpectColumnValuesToBeBetween(column="n_checked", min_value=1),
        ],
        "scope_checks": [
            gxe.ExpectColumnValuesToBeBetween(column="n_scope", min_value=1),
        ],
    }

"""marts.fct_procurement_monthly: one row per month, segment and buyer; totals equal the items.

Blocking: dashboards read segment totals, monthly budgets and top buyers from this mart
instead of the item mart, so its figures must be exactly the items' counts and sums.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_procurement_monthly",
    # Every figure against the same aggregate of the item mart (0 when they agree).
    "reconciled": """
        with monthly as (
            select
                sum(item_count) as items,
                sum(budgeted_item_count) as budgeted,
                sum(budget_cny) as budget,
                sum(sme_reserved_item_count) as sme
            from marts.fct_procurement_monthly
        ),
        notices as (
            select
                count(*) as items,
                count(budget_cny) as budgeted,
                sum(budget_cny) as budget,
                count(*) filter (where is_sme_reserved) as sme
            from marts.fct_procurement_notices
        )
        select
            monthly.items - notices.items as item_gap,
            monthly.budgeted - notices.budgeted as budgeted_gap,
            coalesce(monthly.budget, 0) - coalesce(notices.budget, 0) as budget_gap,
            monthly.sme - notices.sme as sme_gap
        from monthly, notices
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "expected_month",
                    "segment_id",
                    "segment_name_zh",
                    "segment_name_en",
                    "buyer",
                    "region_code",
                    "item_count",
                    "budgeted_item_count",
                    "budget_cny",
                    "sme_reserved_item_count",
                ],
                exact_match=True,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(
                column_list=["expected_month", "segment_id", "buyer", "region_code"],
                ignore_row_if="never",
            ),
            gxe.ExpectColumnValuesToBeBetween(column="item_count", min_value=1),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="item_count", column_B="budgeted_item_count", or_equal=True
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="item_count", column_B="sme_reserved_item_count", or_equal=True
            ),
        ],
        "reconciled": [
            gxe.ExpectTableRowCountToEqual(value=1),
            *(
                gxe.ExpectColumnValuesToBeBetween(column=column, min_value=0, max_value=0)
                for column in ("item_gap", "budgeted_gap", "budget_gap", "sme_gap")
            ),
        ],
    }

"""marts.fct_procurement_notices: unique items, known segments, rule ids, buyers in dim_region.

Blocking: segment totals and forecasts read the classification of these items.
"""

from great_expectations import expectations as gxe

CRITICAL = True

SEGMENTS = [
    "gov_cloud_data",
    "smart_approval",
    "city_ops",
    "grassroots_tools",
    "security_privacy",
    "none",
]

BATCHES = {
    "all": "marts.fct_procurement_notices",
    "not_in_dim_region": """
        select notices.procurement_item_id
        from marts.fct_procurement_notices as notices
        left join marts.dim_region as regions on notices.region_code = regions.region_code
        where regions.region_code is null
    """,
    "unknown_rule": """
        select notices.segment_rule_id
        from marts.fct_procurement_notices as notices
        left join raw.smartgov_segment_rules as rules
            on notices.segment_rule_id = rules.rule_id and notices.segment_id = rules.segment_id
        where rules.rule_id is null
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "procurement_item_id",
                    "notice_url",
                    "buyer",
                    "region_code",
                    "title",
                    "description",
                    "budget_cny",
                    "expected_month",
                    "segment_id",
                    "segment_name_zh",
                    "segment_rule_id",
                    "source_dataset",
                ],
                exact_match=False,
            ),
            gxe.ExpectTableRowCountToBeBetween(min_value=10, max_value=200_000),
            gxe.ExpectColumnValuesToBeUnique(column="procurement_item_id"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["notice_url", "title"]),
            gxe.ExpectColumnValuesToNotBeNull(column="notice_url"),
            gxe.ExpectColumnValuesToNotBeNull(column="buyer"),
            gxe.ExpectColumnValuesToNotBeNull(column="title"),
            gxe.ExpectColumnValuesToBeBetween(column="budget_cny", min_value=1e3, max_value=5e9),
            gxe.ExpectColumnValuesToNotBeNull(column="segment_id"),
            gxe.ExpectColumnValuesToBeInSet(column="segment_id", value_set=SEGMENTS),
            gxe.ExpectColumnValuesToNotBeNull(column="segment_name_zh"),
            gxe.ExpectColumnValuesToNotBeNull(column="segment_rule_id"),
            gxe.ExpectColumnValuesToBeInSet(
                column="source_dataset",
                value_set=["ccgp_shandong__intentions", "ccgp_shandong__intentions_detail"],
            ),
        ],
        "not_in_dim_region": [
            gxe.ExpectTableRowCountToEqual(value=0),
        ],
        "unknown_rule": [
            gxe.ExpectTableRowCountToEqual(value=0),
        ],
    }

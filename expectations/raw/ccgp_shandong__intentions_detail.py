"""raw.ccgp_shandong__intentions_detail: Shandong procurement intentions, detail view, per item.

Blocking: items of marts.fct_procurement_notices come from here.
"""

from great_expectations import expectations as gxe

CRITICAL = True

COLUMNS = [
    "notice_url",
    "notice_title",
    "notice_published_at",
    "buyer_name",
    "region_code",
    "item_no",
    "project_title",
    "description",
    "budget_cny",
    "sme_reserved",
    "expected_month",
]

BATCHES = {"all": "raw.ccgp_shandong__intentions_detail"}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(column_set=COLUMNS, exact_match=False),
            # 22 items in the shipped scrape.
            gxe.ExpectTableRowCountToBeBetween(min_value=5, max_value=100_000),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["notice_url", "item_no"]),
            gxe.ExpectColumnValuesToNotBeNull(column="notice_url"),
            gxe.ExpectColumnValuesToMatchRegex(
                column="notice_url", regex=r"^https?://www\.ccgp-shandong\.gov\.cn/"
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="notice_title"),
            gxe.ExpectColumnValuesToNotBeNull(column="notice_published_at"),
            gxe.ExpectColumnValuesToNotBeNull(column="item_no"),
            gxe.ExpectColumnValuesToBeBetween(column="item_no", min_value=1, max_value=1_000),
            gxe.ExpectColumnValuesToNotBeNull(column="project_title"),
            gxe.ExpectColumnValuesToNotBeNull(column="buyer_name"),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^37[0-9]{4}$"),
            gxe.ExpectColumnValuesToNotBeNull(column="budget_cny"),
            gxe.ExpectColumnValuesToBeBetween(column="budget_cny", min_value=1e3, max_value=5e9),
        ],
    }

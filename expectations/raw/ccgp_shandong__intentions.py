"""raw.ccgp_shandong__intentions: Shandong procurement intentions, customer view, one per project.

Blocking: items of marts.fct_procurement_notices come from here.
"""

from great_expectations import expectations as gxe

CRITICAL = True

COLUMNS = [
    "notice_url",
    "buyer_name",
    "region_name_raw",
    "region_code",
    "category",
    "project_title",
    "description",
    "budget_cny",
    "sme_reserved",
    "expected_month",
    "remark",
]

BATCHES = {"all": "raw.ccgp_shandong__intentions"}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(column_set=COLUMNS, exact_match=False),
            # 45 projects in the shipped scrape; a live scrape grows, an empty one is broken.
            gxe.ExpectTableRowCountToBeBetween(min_value=10, max_value=100_000),
            gxe.ExpectCompoundColumnsToBeUnique(
                column_list=["notice_url", "project_title", "expected_month"]
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="notice_url"),
            gxe.ExpectColumnValuesToMatchRegex(
                column="notice_url", regex=r"^https?://www\.ccgp-shandong\.gov\.cn/"
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="project_title"),
            gxe.ExpectColumnValuesToNotBeNull(column="buyer_name"),
            # Shandong only: 37xxxx.
            gxe.ExpectColumnValuesToNotBeNull(column="region_code"),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^37[0-9]{4}$"),
            # 0.1 万元 .. 500,000 万元
            gxe.ExpectColumnValuesToNotBeNull(column="budget_cny", mostly=0.9),
            gxe.ExpectColumnValuesToBeBetween(column="budget_cny", min_value=1e3, max_value=5e9),
        ],
    }

"""marts.dim_report_document: one row per known document, published or rejected.

Blocking: facts join documents on document_id (a duplicate would double every figure), and
the analytical marts read the one latest edition of each report series. The rules on a
published document's identity are the ones dagster_project/reports/checks.py applies before
a document is loaded, so a document that breaks them is rejected and never reaches this
suite; a failure here is a bug in those checks, not a bad document.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.dim_report_document",
    "published": "select * from marts.dim_report_document where status = 'published'",
    "rejected": "select * from marts.dim_report_document where status = 'rejected'",
    "latest": (
        "select series_id, count(*) filter (where is_latest_edition) as latest "
        "from marts.dim_report_document where status = 'published' group by all"
    ),
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectColumnValuesToBeUnique(column="document_id"),
            gxe.ExpectColumnValuesToMatchRegex(column="sha256", regex=r"^[0-9a-f]{64}$"),
            gxe.ExpectColumnValuesToBeInSet(column="status", value_set=["published", "rejected"]),
            gxe.ExpectColumnValuesToBeInSet(column="origin", value_set=["bundled", "landed"]),
        ],
        "published": [
            gxe.ExpectColumnValuesToNotBeNull(column="title"),
            gxe.ExpectColumnValuesToNotBeNull(column="series_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="edition"),
            gxe.ExpectColumnValuesToBeBetween(column="edition", min_value=2000, max_value=2100),
            gxe.ExpectColumnValuesToBeBetween(column="n_facts", min_value=0),
            gxe.ExpectColumnValuesToBeNull(column="status_reason"),
        ],
        # A rejection always says why.
        "rejected": [
            gxe.ExpectColumnValuesToNotBeNull(column="status_reason"),
            gxe.ExpectColumnValuesToBeInSet(column="is_latest_edition", value_set=[False]),
        ],
        # Exactly one latest edition per report series (by construction in the model).
        "latest": [gxe.ExpectColumnValuesToBeBetween(column="latest", min_value=1, max_value=1)],
    }

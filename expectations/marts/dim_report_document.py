"""marts.dim_report_document: one row per ingested document, with its checksum and edition.

Blocking: facts join documents on document_id; a duplicate would double every figure.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.dim_report_document",
    "latest": (
        "select regexp_replace(title, '[0-9]{4}', '', 'g') as report, "
        "count(*) filter (where is_latest_edition) as latest "
        "from marts.dim_report_document group by all"
    ),
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToBeUnique(column="document_id"),
            gxe.ExpectColumnValuesToMatchRegex(column="sha256", regex=r"^[0-9a-f]{64}$"),
            gxe.ExpectColumnValuesToBeBetween(column="edition", min_value=2000, max_value=2100),
            gxe.ExpectColumnValuesToBeInSet(column="origin", value_set=["bundled", "landed"]),
            gxe.ExpectColumnValuesToBeBetween(column="n_facts", min_value=0),
        ],
        # Exactly one latest edition per report.
        "latest": [gxe.ExpectColumnValuesToBeBetween(column="latest", min_value=1, max_value=1)],
    }

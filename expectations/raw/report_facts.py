"""raw.report_facts: what the extractor wrote for published documents, before any join.

Blocking: a document whose figures collide or lack a unit or sentence is rejected before it
is loaded (dagster_project/reports/checks.py), so a failure here is an extractor or a
checks bug, never one bad document.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {"all": "raw.report_facts"}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "fact_id",
                    "document_id",
                    "section_id",
                    "sentence",
                    "metric_id",
                    "value",
                    "unit",
                    "qualifier",
                    "kind",
                    "quality_flag",
                    "char_start",
                    "char_end",
                    "page",
                ],
                exact_match=False,
            ),
            gxe.ExpectColumnValuesToBeUnique(column="fact_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="unit"),
            gxe.ExpectColumnValuesToNotBeNull(column="sentence"),
        ]
    }

"""raw.report_facts: what the extractor wrote, before any join.

Blocking: an id collision or a unit outside the vocabulary is an extractor bug.
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
                ],
                exact_match=False,
            ),
            gxe.ExpectColumnValuesToBeUnique(column="fact_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="unit"),
            gxe.ExpectColumnValuesToNotBeNull(column="sentence"),
        ]
    }

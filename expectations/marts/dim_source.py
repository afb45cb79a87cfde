"""marts.dim_source: one row per cited source, each with a publisher.

Not blocking: a citation the extractor could not split into publisher and publication is
worth a warning, not a withheld refresh.
"""

from great_expectations import expectations as gxe

CRITICAL = False

BATCHES = {"all": "marts.dim_source"}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectColumnValuesToBeUnique(column="source_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="source_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="publisher"),
            gxe.ExpectColumnValuesToBeBetween(column="n_facts", min_value=0),
        ]
    }

"""raw.digital_economy__indicator_system: category and publisher of each panel indicator.

Not blocking: it labels the panel's figures with their publisher; the values do not depend
on it.
"""

from great_expectations import expectations as gxe

CRITICAL = False

BATCHES = {"all": "raw.digital_economy__indicator_system"}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "indicator",
                    "indicator_label",
                    "primary_category",
                    "secondary_category",
                    "data_source",
                    "expected_sign",
                ],
                exact_match=False,
            ),
            gxe.ExpectTableRowCountToBeBetween(min_value=20, max_value=30),
            gxe.ExpectColumnValuesToBeUnique(column="indicator"),
            gxe.ExpectColumnValuesToNotBeNull(column="primary_category"),
            gxe.ExpectColumnValuesToNotBeNull(column="secondary_category"),
            gxe.ExpectColumnValuesToNotBeNull(column="data_source"),
            gxe.ExpectColumnValuesToBeInSet(column="expected_sign", value_set=["+", "-"]),
        ]
    }

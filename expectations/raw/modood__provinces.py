"""raw.modood__provinces: 31 two-digit province prefixes with full names, as shipped.

Blocking: every region code of the warehouse derives from this list.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {"all": "raw.modood__provinces"}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["province_prefix", "name"], exact_match=False
            ),
            gxe.ExpectTableRowCountToEqual(value=31),
            gxe.ExpectColumnValuesToBeUnique(column="province_prefix"),
            gxe.ExpectColumnValuesToMatchRegex(column="province_prefix", regex=r"^[1-8][0-9]$"),
            gxe.ExpectColumnValuesToNotBeNull(column="name"),
            gxe.ExpectColumnValuesToMatchRegex(column="name", regex=r"(省|市|自治区)$"),
        ]
    }

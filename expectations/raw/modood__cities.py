"""raw.modood__cities: four-digit prefecture prefixes under known province prefixes.

Blocking: prefectures join the region dimension and the report's city figures.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {"all": "raw.modood__cities"}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["prefecture_prefix", "name", "province_prefix", "name_pinyin"],
                exact_match=False,
            ),
            # About 340 rows in the 2023 code list; a big drop means a truncated file.
            gxe.ExpectTableRowCountToBeBetween(min_value=300, max_value=400),
            gxe.ExpectColumnValuesToBeUnique(column="prefecture_prefix"),
            gxe.ExpectColumnValuesToMatchRegex(
                column="prefecture_prefix", regex=r"^[1-8][0-9]{3}$"
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="name"),
            gxe.ExpectColumnValuesToMatchRegex(column="province_prefix", regex=r"^[1-8][0-9]$"),
            # One toneless syllable per character, for the English names of dim_region.
            gxe.ExpectColumnValuesToMatchRegex(column="name_pinyin", regex=r"^[a-zü]+( [a-zü]+)*$"),
        ]
    }

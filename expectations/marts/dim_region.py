"""marts.dim_region: the 31 mainland provinces and their prefectures, unique codes and names.

Blocking: a broken region dimension would mis-join every regional figure downstream.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.dim_region",
    "provinces": "select * from marts.dim_region where region_level = 'province'",
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "region_code",
                    "region_level",
                    "name_zh",
                    "short_name_zh",
                    "name_en",
                    "region_group",
                    "parent_code",
                ],
                exact_match=False,
            ),
            gxe.ExpectColumnValuesToBeUnique(column="region_code"),
            gxe.ExpectColumnValuesToNotBeNull(column="region_code"),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-8][0-9]{5}$"),
            gxe.ExpectColumnValuesToBeInSet(
                column="region_level", value_set=["province", "prefecture"]
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="name_zh"),
            gxe.ExpectColumnValuesToNotBeNull(column="short_name_zh"),
            # Provinces from the chinautils crosswalk, prefectures romanised (Shenzhen, Xi'an).
            gxe.ExpectColumnValuesToNotBeNull(column="name_en"),
            gxe.ExpectColumnValuesToMatchRegex(column="name_en", regex=r"^[A-Z][A-Za-zü' ]+$"),
            gxe.ExpectColumnValuesToBeInSet(
                column="name_en_origin", value_set=["chinautils", "pinyin"]
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="region_group", value_set=["east", "central", "west", "northeast"]
            ),
        ],
        "provinces": [
            gxe.ExpectTableRowCountToEqual(value=31),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-8][0-9]0000$"),
            gxe.ExpectColumnValuesToNotBeNull(column="name_en"),
            gxe.ExpectColumnValuesToNotBeNull(column="region_group"),
            gxe.ExpectColumnValuesToBeNull(column="parent_code"),
        ],
    }

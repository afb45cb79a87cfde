"""raw.chinautils__province_dict: names for 31 mainland provinces plus HK, MO and TW.

Blocking: English and short names of dim_region come from here.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.chinautils__province_dict",
    "mainland": "select * from raw.chinautils__province_dict where mainland",
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableRowCountToEqual(value=34),
            gxe.ExpectColumnValuesToBeUnique(column="province_prefix"),
        ],
        "mainland": [
            gxe.ExpectTableRowCountToEqual(value=31),
            gxe.ExpectColumnValuesToNotBeNull(column="short_name_en"),
            gxe.ExpectColumnValuesToNotBeNull(column="short_name_zh"),
            gxe.ExpectColumnValuesToMatchRegex(column="iso_3166_2", regex=r"^CN-[A-Z]{2}$"),
        ],
    }

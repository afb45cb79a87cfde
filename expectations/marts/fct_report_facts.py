"""marts.fct_report_facts: every report figure with a valid unit, qualifier, kind and region.

Blocking: analysts and the spend marts read these figures; a figure with a lost digit must
never pass as clean.
"""

from great_expectations import expectations as gxe

CRITICAL = True

UNITS = [
    "CNY", "percent", "pp", "count", "hours", "days", "working_days", "minutes", "seconds",
    "months", "tonnes", "score", "rank", "multiple",
]  # fmt: skip

BATCHES = {
    "all": "marts.fct_report_facts",
    "percent": "select * from marts.fct_report_facts where unit = 'percent'",
    "money": "select * from marts.fct_report_facts where unit = 'CNY'",
    "garbled": "select * from marts.fct_report_facts where value_raw like '%?%' or value is null",
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToBeUnique(column="fact_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="fact_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="document_id"),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=UNITS),
            gxe.ExpectColumnValuesToBeInSet(
                column="qualifier", value_set=["=", ">", ">=", "<", "<=", "~"]
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="kind", value_set=["actual", "forecast", "target"]
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="quality_flag", value_set=["clean", "corrupted"]
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="region_level",
                value_set=[
                    "national",
                    "province",
                    "prefecture",
                    "anonymous_province",
                    "anonymous_city",
                ],
            ),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^([1-8][0-9]{5}|CN)$"),
            gxe.ExpectColumnValuesToBeBetween(column="period_year", min_value=1990, max_value=2100),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="char_end", column_B="char_start", or_equal=False
            ),
        ],
        # Percentages are on a 0–100 scale; growth rates may pass 100 but never 1000.
        "percent": [gxe.ExpectColumnValuesToBeBetween(column="value", min_value=0, max_value=1000)],
        "money": [gxe.ExpectColumnValuesToBeBetween(column="value", min_value=1, strict_min=False)],
        # A figure whose digits may be lost (a '?' in it, or no value) is never clean.
        "garbled": [
            gxe.ExpectColumnValuesToBeInSet(column="quality_flag", value_set=["corrupted"])
        ],
    }

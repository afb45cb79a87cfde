"""marts.fct_online_service_capability: the 2019 capability index, 31 provinces and 32 cities.

Blocking: the digital-service pillar of the maturity index and its validation read it.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_online_service_capability",
    "scored_provinces": """
        select evaluation_year, count(distinct region_code) as provinces
        from marts.fct_online_service_capability
        where region_level = 'province' and is_scored
        group by evaluation_year
    """,
    "scored": "select * from marts.fct_online_service_capability where is_scored",
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "evaluation_year",
                    "region_code",
                    "region_name_zh",
                    "region_name_en",
                    "region_level",
                    "score",
                    "score_rank",
                    "printed_rank",
                    "is_printed_rank_tied",
                    "is_printed_rank_inverted",
                    "is_scored",
                ],
                exact_match=False,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(
                column_list=["evaluation_year", "region_level", "region_name_zh"]
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="region_level", value_set=["province", "prefecture"]
            ),
            gxe.ExpectColumnValuesToBeBetween(column="score", min_value=0, max_value=100),
            gxe.ExpectColumnValuesToNotBeNull(column="region_name_zh"),
        ],
        "scored_provinces": [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
        "scored": [
            gxe.ExpectColumnValuesToNotBeNull(column="region_code"),
            gxe.ExpectColumnValuesToNotBeNull(column="score_rank"),
            gxe.ExpectColumnValuesToNotBeNull(column="region_name_en"),
        ],
    }

"""raw.cps_egov__online_service_index: the 2019 capability index of 31 provinces and 32 cities.

Blocking: the digital-service pillar of marts.regional_maturity_index rests on it. The grade
counts are the page's own commentary (非常高 ≥ 90: 8 provinces, 高 80–90: 15, 中: 9 including
the unscored XPCC), so a mis-read score breaks them.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.cps_egov__online_service_index",
    "provincial_grades": """
        select
            count(*) filter (where score >= 90) as very_high,
            count(*) filter (where score >= 80 and score < 90) as high,
            count(*) filter (where score < 80 or score is null) as medium,
            count(distinct region_code) as provinces
        from raw.cps_egov__online_service_index
        where region_level = 'province' and evaluation_year = 2019
    """,
    "as_printed": """
        select region_name_raw, printed_rank, score
        from raw.cps_egov__online_service_index
        where region_name_raw in ('安徽', '福建', '广州', '南京', '杭州', '新疆生产建设兵团')
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "evaluation_year",
                    "region_level",
                    "printed_rank",
                    "region_name_raw",
                    "region_code",
                    "score",
                ],
                exact_match=False,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(
                column_list=["evaluation_year", "region_level", "region_name_raw"]
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="region_level", value_set=["province", "prefecture"]
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="evaluation_year", min_value=2015, max_value=2035
            ),
            gxe.ExpectColumnValuesToBeBetween(column="score", min_value=0, max_value=100),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-8][0-9]{3}00$"),
            # Only XPCC lacks a code and a score.
            gxe.ExpectColumnValuesToNotBeNull(column="region_code", mostly=0.95),
            gxe.ExpectColumnValuesToNotBeNull(column="score", mostly=0.95),
        ],
        "provincial_grades": [
            gxe.ExpectColumnValuesToBeBetween(column="very_high", min_value=8, max_value=8),
            gxe.ExpectColumnValuesToBeBetween(column="high", min_value=15, max_value=15),
            gxe.ExpectColumnValuesToBeBetween(column="medium", min_value=9, max_value=9),
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
        # The printed inversion (安徽 5th above 福建 6th), the three-way tie at rank 2 and the
        # unscored XPCC are landed as printed, never "corrected".
        "as_printed": [
            gxe.ExpectTableRowCountToEqual(value=6),
            gxe.ExpectColumnPairValuesToBeInSet(
                column_A="region_name_raw",
                column_B="printed_rank",
                value_pairs_set=[
                    ("安徽", 5),
                    ("福建", 6),
                    ("广州", 2),
                    ("南京", 2),
                    ("杭州", 2),
                    ("新疆生产建设兵团", 28),
                ],
            ),
        ],
    }

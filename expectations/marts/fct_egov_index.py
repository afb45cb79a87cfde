"""marts.fct_egov_index: 193 countries per survey, indices in 0–1, China 2018 rank 65.

Blocking: China's international e-government position is quoted from this table.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_egov_index",
    "per_survey": """
        select
            survey_year,
            count(*) as countries,
            count(*) filter (where is_china) as china_rows
        from marts.fct_egov_index
        group by survey_year
    """,
    "peers_missing": """
        select peers.country_code, surveys.survey_year
        from raw.egdi_peer_countries as peers
        cross join (select distinct survey_year from marts.fct_egov_index) as surveys
        left join marts.fct_egov_index as egdi
            on peers.country_code = egdi.country_code
            and surveys.survey_year = egdi.survey_year
            and egdi.is_peer
        where egdi.country_code is null
    """,
    "china_2018": """
        select egdi_rank, egdi, peer_group
        from marts.fct_egov_index
        where country_code = 'CHN' and survey_year = 2018
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "survey_year",
                    "country_code",
                    "country_name",
                    "egdi_rank",
                    "egdi",
                    "osi",
                    "hci",
                    "tii",
                    "epi",
                    "is_peer",
                    "peer_group",
                ],
                exact_match=False,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["survey_year", "country_code"]),
            gxe.ExpectColumnValuesToMatchRegex(column="country_code", regex=r"^[A-Z]{3}$"),
            gxe.ExpectColumnValuesToBeBetween(column="egdi_rank", min_value=1, max_value=193),
            gxe.ExpectColumnValuesToBeBetween(column="egdi", min_value=0.0, max_value=1.0),
            gxe.ExpectColumnValuesToBeBetween(column="osi", min_value=0.0, max_value=1.0),
            gxe.ExpectColumnValuesToBeBetween(column="hci", min_value=0.0, max_value=1.0),
            gxe.ExpectColumnValuesToBeBetween(column="tii", min_value=0.0, max_value=1.0),
            gxe.ExpectColumnValuesToBeBetween(column="epi", min_value=0.0, max_value=1.0),
            gxe.ExpectColumnValuesToBeInSet(
                column="peer_group", value_set=["self", "brics", "east_asia", "advanced_major"]
            ),
        ],
        "per_survey": [
            gxe.ExpectColumnValuesToBeBetween(column="countries", min_value=193, max_value=193),
            gxe.ExpectColumnValuesToBeBetween(column="china_rows", min_value=1, max_value=1),
        ],
        "peers_missing": [
            gxe.ExpectTableRowCountToEqual(value=0),
        ],
        "china_2018": [
            gxe.ExpectTableRowCountToEqual(value=1),
            gxe.ExpectColumnValuesToBeInSet(column="egdi_rank", value_set=[65]),
            gxe.ExpectColumnValuesToBeBetween(column="egdi", min_value=0.68105, max_value=0.68115),
            gxe.ExpectColumnValuesToBeInSet(column="peer_group", value_set=["self"]),
        ],
    }

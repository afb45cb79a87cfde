"""raw.un_egdi__egdi: UN EGDI and components for 193 countries per survey, 2010–2018.

Blocking: marts.fct_egov_index comes from here.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.un_egdi__egdi",
    "per_survey": (
        "select survey_year, count(*) as countries from raw.un_egdi__egdi group by survey_year"
    ),
    "china_2018": (
        "select egdi_rank, egdi from raw.un_egdi__egdi "
        "where country_code = 'CHN' and survey_year = 2018"
    ),
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
                    "epi",
                    "osi",
                    "hci",
                    "tii",
                ],
                exact_match=False,
            ),
            gxe.ExpectTableRowCountToBeBetween(min_value=193 * 5, max_value=193 * 12),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["survey_year", "country_code"]),
            gxe.ExpectColumnValuesToBeInSet(
                column="survey_year", value_set=list(range(2010, 2031, 2))
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="country_code"),
            gxe.ExpectColumnValuesToMatchRegex(column="country_code", regex=r"^[A-Z]{3}$"),
            # 2010 has no values at all for South Sudan.
            gxe.ExpectColumnValuesToNotBeNull(column="egdi", mostly=0.99),
            gxe.ExpectColumnValuesToBeBetween(column="egdi_rank", min_value=1, max_value=193),
            gxe.ExpectColumnValuesToBeBetween(column="egdi", min_value=0.0, max_value=1.0),
            gxe.ExpectColumnValuesToBeBetween(column="epi", min_value=0.0, max_value=1.0),
            gxe.ExpectColumnValuesToBeBetween(column="osi", min_value=0.0, max_value=1.0),
            gxe.ExpectColumnValuesToBeBetween(column="hci", min_value=0.0, max_value=1.0),
            gxe.ExpectColumnValuesToBeBetween(column="tii", min_value=0.0, max_value=1.0),
        ],
        "per_survey": [
            gxe.ExpectColumnValuesToBeBetween(column="countries", min_value=193, max_value=193),
        ],
        "china_2018": [
            gxe.ExpectTableRowCountToEqual(value=1),
            gxe.ExpectColumnValuesToBeInSet(column="egdi_rank", value_set=[65]),
            gxe.ExpectColumnValuesToBeBetween(column="egdi", min_value=0.68105, max_value=0.68115),
        ],
    }

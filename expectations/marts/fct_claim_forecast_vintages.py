"""marts.fct_claim_forecast_vintages: each forecast meets a later actual, its error recomputed.

Blocking: the forecast error is the basis of judging a publisher's forecasts; an error not
equal to actual / forecast - 1, a forecast paired with a claim of another group or of its own
document, or a forecast left out although an actual exists would misjudge it.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_claim_forecast_vintages",
    "recomputed": """
        select
            forecast_claim_id,
            abs(forecast_error - (actual_value / forecast_value - 1)) as error_difference,
            vintage_gap_years = actual_edition - forecast_edition as is_gap_recomputed
        from marts.fct_claim_forecast_vintages
        where forecast_value <> 0
    """,
    # A forecast claim of one document meets an actual claim of another in its own group.
    "pairing": """
        select
            vintages.forecast_claim_id,
            forecast.kind = 'forecast' and actual.kind = 'actual' as is_forecast_vs_actual,
            forecast.consensus_id = actual.consensus_id as is_same_group,
            forecast.document_id <> actual.document_id as is_other_document
        from marts.fct_claim_forecast_vintages as vintages
        inner join marts.fct_report_claims as forecast
            on vintages.forecast_claim_id = forecast.claim_id
        inner join marts.fct_report_claims as actual
            on vintages.actual_claim_id = actual.claim_id
    """,
    # Every forecast whose group has an actual from another document is listed.
    "coverage": """
        select
            (select count(distinct forecast.claim_id)
                from marts.fct_report_claims as forecast
                inner join marts.fct_report_claims as actual
                    on forecast.consensus_id = actual.consensus_id
                    and forecast.document_id <> actual.document_id
                where forecast.kind = 'forecast' and actual.kind = 'actual') as n_expected,
            (select count(*) from marts.fct_claim_forecast_vintages) as n_listed
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "forecast_claim_id",
                    "consensus_id",
                    "metric_id",
                    "region_code",
                    "period_year",
                    "forecast_document_id",
                    "forecast_edition",
                    "forecast_qualifier",
                    "forecast_value",
                    "actual_claim_id",
                    "actual_document_id",
                    "actual_edition",
                    "actual_value",
                    "forecast_error",
                    "vintage_gap_years",
                    "horizon_years",
                    "is_bound_met",
                ],
                exact_match=False,
            ),
        ],
        "recomputed": [
            gxe.ExpectColumnValuesToBeBetween(
                column="error_difference", min_value=0, max_value=1e-12
            ),
            gxe.ExpectColumnValuesToBeInSet(column="is_gap_recomputed", value_set=[True]),
        ],
        "pairing": [
            gxe.ExpectColumnValuesToBeInSet(column="is_forecast_vs_actual", value_set=[True]),
            gxe.ExpectColumnValuesToBeInSet(column="is_same_group", value_set=[True]),
            gxe.ExpectColumnValuesToBeInSet(column="is_other_document", value_set=[True]),
        ],
        "coverage": [
            gxe.ExpectColumnPairValuesToBeEqual(column_A="n_expected", column_B="n_listed"),
        ],
    }

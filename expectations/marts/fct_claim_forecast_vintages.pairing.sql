-- A forecast claim of one document meets an actual claim of another in its own group.
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

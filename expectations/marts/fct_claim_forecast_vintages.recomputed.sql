select
    forecast_claim_id,
    abs(forecast_error - (actual_value / forecast_value - 1)) as error_difference,
    vintage_gap_years = actual_edition - forecast_edition as is_gap_recomputed
from marts.fct_claim_forecast_vintages
where forecast_value <> 0

-- consistent exactly when the official value lies within the claim's interval, widened by the
-- tolerance; the difference is claim minus official.
select
    claim_id,
    status,
    case
        when official_value is null then 'no_official_value'
        when
            greatest(
                coalesce(claim_value_low - official_value, 0),
                coalesce(official_value - claim_value_high, 0), 0
            )
            <= tolerance_in_unit + 1e-9 * greatest(abs(official_value), 1)
            then 'consistent'
        else 'differs'
    end as expected_status,
    coalesce(abs(difference - (claim_value - official_value)) <= 1e-6, true)
        as is_difference_recomputed
from marts.fct_claim_official_checks

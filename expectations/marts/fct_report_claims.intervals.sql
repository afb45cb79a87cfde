-- The interval matches the qualifier: a point has value = low = high, a floor no high, a ceiling no
-- low, a range both bounds in order and no single value.
select
    claim_id,
    case bound_kind
        when 'point' then value = value_low and value = value_high
        when 'floor' then value = value_low and value_high is null
        when 'ceiling' then value = value_high and value_low is null
        else value is null and value_low <= value_high
    end as is_consistent
from marts.fct_report_claims

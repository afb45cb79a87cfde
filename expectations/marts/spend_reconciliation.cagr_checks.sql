select count(*) as n_checked
from marts.spend_reconciliation
where check_type = 'cagr_vs_endpoints' and status in ('ok', 'mismatch')

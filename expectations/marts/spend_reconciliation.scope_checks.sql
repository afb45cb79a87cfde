select count(*) as n_scope
from marts.spend_reconciliation
where check_type = 'scope_comparison'

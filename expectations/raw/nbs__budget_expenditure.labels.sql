select
    indicator,
    (indicator = 'budget_expenditure' and year >= 2007)
    or (indicator = 'fiscal_expenditure' and year < 2007) as is_right_era
from {{ payload }}

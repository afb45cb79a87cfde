{{ nbs_staging('nbs__budget_expenditure') }}

{{ nbs_staging('nbs__budget_revenue') }}

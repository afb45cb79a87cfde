with monthly as (
    select
        sum(item_count) as items,
        sum(budgeted_item_count) as budgeted,
        sum(budget_cny) as budget,
        sum(sme_reserved_item_count) as sme
    from marts.fct_procurement_monthly
),

notices as (
    select
        count(*) as items,
        count(budget_cny) as budgeted,
        sum(budget_cny) as budget,
        count(*) filter (where is_sme_reserved) as sme
    from marts.fct_procurement_notices
)

select
    monthly.items - notices.items as item_gap,
    monthly.budgeted - notices.budgeted as budgeted_gap,
    coalesce(monthly.budget, 0) - coalesce(notices.budget, 0) as budget_gap,
    monthly.sme - notices.sme as sme_gap
from monthly, notices

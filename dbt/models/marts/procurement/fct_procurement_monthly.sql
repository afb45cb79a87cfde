with

items as (
    select * from {{ ref('fct_procurement_notices') }}
),

final as (
    select
        expected_month,
        segment_id,
        segment_name_zh,
        segment_name_en,
        buyer,
        region_code,
        count(*) as item_count,
        count(budget_cny) as budgeted_item_count,
        sum(budget_cny) as budget_cny,
        count(*) filter (where is_sme_reserved) as sme_reserved_item_count
    from items
    group by
        expected_month,
        segment_id,
        segment_name_zh,
        segment_name_en,
        buyer,
        region_code
)

select * from final
order by expected_month, segment_id, buyer

with

items as (
    select * from {{ ref('int_procurement_items_segmented') }}
),

segments as (
    select * from {{ ref('smartgov_segments') }}
),

final as (
    select
        items.procurement_item_id,
        items.notice_url,
        items.notice_title,
        items.notice_published_at,
        cast(items.notice_published_at as date) as published_date,
        items.buyer_name as buyer,
        items.region_code,
        items.item_no,
        items.project_title as title,
        items.description,
        items.category,
        cast(items.budget_cny as decimal(20, 2)) as budget_cny,
        items.is_sme_reserved,
        items.expected_month,
        items.remark,
        items.segment_id,
        coalesce(segments.segment_name_zh, '非智慧政务IT') as segment_name_zh,
        coalesce(segments.segment_name_en, 'Not smart-government IT') as segment_name_en,
        items.segment_rule_id,
        items.segment_matched_on,
        items.source_dataset,
        items.source_dataset_count
    from items
    left join segments on items.segment_id = segments.segment_id
)

-- Sorted by id: each row group then covers one id range, so a lookup by id reads one.
select * from final
order by procurement_item_id

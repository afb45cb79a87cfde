{#- Each item gets the smart-government segment of one rule of smartgov_segment_rules:
      1. rules whose regular expression matches the item's title, lowest priority first;
      2. if none does, rules whose expression matches its description, lowest priority first;
      3. otherwise the rule without a pattern (default_none).
    The title says what is bought; a description often names requirements in passing
    (等保, 政务服务), so it decides only when the title is silent. Exclusion rules map to
    `none` and carry the lowest numbers, so an event or a supply never becomes IT. The notice
    title is not matched: it holds the buyer's name (山东省大数据局…), which would classify every
    item of that buyer alike. -#}
with

items as (
    select * from {{ ref('int_procurement_items_unioned') }}
),

rules as (
    select * from {{ ref('smartgov_segment_rules') }}
),

candidates as (
    select
        items.procurement_item_id,
        rules.rule_id,
        rules.segment_id,
        rules.priority,
        case
            when rules.pattern is null or rules.pattern = '' then 3
            when {{ regex_matches('items.project_title', 'rules.pattern') }} then 1
            when {{ regex_matches("coalesce(items.description, '')", 'rules.pattern') }} then 2
        end as match_tier
    from items
    cross join rules
),

ranked as (
    select
        *,
        row_number() over (
            partition by procurement_item_id
            order by match_tier, priority, rule_id
        ) as match_rank
    from candidates
    where match_tier is not null
),

first_match as (
    select * from ranked
    where match_rank = 1
),

final as (
    select
        items.procurement_item_id,
        items.notice_url,
        items.notice_title,
        items.notice_published_at,
        items.buyer_name,
        items.region_name_source,
        items.region_code,
        items.category,
        items.item_no,
        items.project_title,
        items.description,
        items.budget_cny,
        items.is_sme_reserved,
        items.expected_month,
        items.remark,
        items.source_dataset,
        items.source_dataset_count,
        items.source_file,
        items.source_row,
        coalesce(first_match.segment_id, 'none') as segment_id,
        first_match.rule_id as segment_rule_id,
        case first_match.match_tier
            when 1 then 'title'
            when 2 then 'description'
            else 'default'
        end as segment_matched_on
    from items
    left join first_match on items.procurement_item_id = first_match.procurement_item_id
)

select * from final

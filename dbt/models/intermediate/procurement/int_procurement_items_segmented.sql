{#- Each item gets the smart-government segment of one rule of smartgov_segment_rules:
      1. rules whose regular expression matches the item's title, lowest priority first;
      2. if none does, rules whose expression matches its description, lowest priority first;
      3. otherwise the rule without a pattern (default_none).
    The title says what is bought; a description often names requirements in passing
    (等保, 政务服务), so it decides only when the title is silent. Exclusion rules map to
    `none` and carry the lowest numbers, so an event or a supply never becomes IT. The notice
    title is not matched: it holds the buyer's name (山东省大数据局…), which would classify every
    item of that buyer alike. The patterns are inlined as constants (smartgov_segment_patterns);
    materialised as a table so that publishing copies the result instead of recomputing it. -#}
{{ config(materialized='table') }}
{%- set patterns = smartgov_segment_patterns() %}
with

items as (
    select * from {{ ref('int_procurement_items_unioned') }}
),

rules as (
    select * from {{ ref('smartgov_segment_rules') }}
),

matched as (
    select
        procurement_item_id,
        {{ first_matching_rule('project_title', patterns) }} as title_rule_id,
        {{ first_matching_rule("coalesce(description, '')", patterns) }} as description_rule_id
    from items
),

default_rule as (
    select rule_id
    from rules
    where coalesce(pattern, '') = ''
    order by priority, rule_id
    limit 1
),

assigned as (
    select
        matched.procurement_item_id,
        coalesce(
            matched.title_rule_id,
            matched.description_rule_id,
            (select default_rule.rule_id from default_rule)
        ) as segment_rule_id,
        case
            when matched.title_rule_id is not null then 'title'
            when matched.description_rule_id is not null then 'description'
            else 'default'
        end as segment_matched_on
    from matched
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
        coalesce(rules.segment_id, 'none') as segment_id,
        assigned.segment_rule_id,
        assigned.segment_matched_on
    from items
    inner join assigned on items.procurement_item_id = assigned.procurement_item_id
    left join rules on assigned.segment_rule_id = rules.rule_id
)

select * from final

{#- One row per procurement-intention item across both Shandong scrapes. The customer view
    and the detail view are two exports of the same notices; an item is identified by its
    notice URL and its title (whitespace and full-width brackets normalised). When both views
    hold the item, the detail view wins: it carries the item number, the notice title and the
    publication time. -#}
with

customer_view as (
    select * from {{ ref('stg_ccgp_shandong__intentions') }}
),

detail_view as (
    select * from {{ ref('stg_ccgp_shandong__intentions_detail') }}
),

unioned as (
    select
        *,
        1 as source_priority
    from detail_view
    union all
    select
        *,
        2 as source_priority
    from customer_view
),

keyed as (
    select
        *,
        replace(
            replace(
                replace(replace(project_title, ' ', ''), '　', ''),
                '（', '('
            ),
            '）', ')'
        ) as title_key
    from unioned
),

ranked as (
    select
        *,
        count(*) over (partition by notice_url, title_key) as source_dataset_count,
        row_number() over (
            partition by notice_url, title_key
            order by source_priority, source_row
        ) as source_rank
    from keyed
),

final as (
    select
        md5(notice_url || '|' || title_key) as procurement_item_id,
        notice_url,
        notice_title,
        notice_published_at,
        buyer_name,
        region_name_source,
        region_code,
        category,
        item_no,
        project_title,
        description,
        budget_cny,
        is_sme_reserved,
        expected_month,
        remark,
        source_dataset,
        source_dataset_count,
        source_file,
        source_row
    from ranked
    where source_rank = 1
)

select * from final

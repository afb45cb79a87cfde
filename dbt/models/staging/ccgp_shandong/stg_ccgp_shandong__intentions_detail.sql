with

source as (
    select * from {{ source('raw', 'ccgp_shandong__intentions_detail') }}
),

renamed as (
    select
        notice_url,
        nullif(trim(notice_title), '') as notice_title,
        cast(notice_published_at as timestamp) as notice_published_at,
        trim(buyer_name) as buyer_name,
        trim(region_name_raw) as region_name_source,
        region_code,
        nullif(trim(category), '') as category,
        cast(item_no as integer) as item_no,
        trim(project_title) as project_title,
        nullif(trim(description), '') as description,
        -- landed in CNY (the notices state 万元)
        budget_cny,
        sme_reserved as is_sme_reserved,
        cast(expected_month as date) as expected_month,
        nullif(trim(remark), '') as remark,
        'ccgp_shandong__intentions_detail' as source_dataset,
        source_file,
        source_row
    from source
)

select * from renamed

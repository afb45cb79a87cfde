with

source as (
    select * from {{ source('raw', 'report_facts') }}
),

renamed as (
    select
        -- ids
        fact_id,
        document_id,
        section_id,
        metric_id,
        source_id,
        -- strings
        sentence,
        metric_name_zh,
        metric_name_en,
        nullif(region_code, '') as region_code,
        region_name_zh,
        region_level,
        entity_name,
        unit,
        qualifier,
        kind,
        range_role,
        value_raw,
        unit_raw,
        figure_text,
        cited_source,
        quality_flag,
        period_label,
        -- numerics
        cast(period_year as integer) as period_year,
        value,
        value_low,
        value_high,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_start as integer) as sentence_start,
        cast(sentence_end as integer) as sentence_end,
        cast(page as integer) as page
    from source
)

select * from renamed

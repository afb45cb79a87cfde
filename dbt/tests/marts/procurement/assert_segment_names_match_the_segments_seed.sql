{#- Every classified item carries the names of its segment as the seed spells them, and only
    `none` items carry the not-IT label. Returns the mismatches. -#}
with

notices as (
    select * from {{ ref('fct_procurement_notices') }}
),

segments as (
    select * from {{ ref('smartgov_segments') }}
)

select
    notices.procurement_item_id,
    notices.segment_id,
    notices.segment_name_zh
from notices
left join segments on notices.segment_id = segments.segment_id
where
    (notices.segment_id <> 'none' and segments.segment_id is null)
    or (notices.segment_id <> 'none' and notices.segment_name_zh <> segments.segment_name_zh)
    or (notices.segment_id = 'none' and notices.segment_name_zh <> '非智慧政务IT')

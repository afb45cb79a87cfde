{#- The online government-service capability index as published: one row per evaluation
    year and region of the two ranking tables, the printed rank beside the rank by score,
    the printed tie and inversion flagged, XPCC kept without code or score. -#}
with

capability as (
    select * from {{ ref('stg_cps_egov__online_service_index') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

final as (
    select
        capability.evaluation_year,
        capability.region_code,
        coalesce(regions.name_zh, capability.region_name_raw) as region_name_zh,
        regions.name_en as region_name_en,
        capability.region_level,
        capability.region_name_raw,
        capability.score,
        capability.score_rank,
        capability.printed_rank,
        capability.is_printed_rank_tied,
        capability.is_printed_rank_inverted,
        capability.is_scored,
        capability.table_title,
        capability.source_row
    from capability
    left join regions on capability.region_code = regions.region_code
)

select * from final

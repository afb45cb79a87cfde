{#- The capability index as printed, plus what the printed ranks do not say: the rank by
    score (ties share the best rank) and two flags on the printed rank: a tie, and an
    inversion (a region printed at a better rank than one with a higher score, as 安徽 5th
    at 90.82 above 福建 6th at 91.11). XPCC stays, unscored. -#}
with

source as (
    select * from {{ source('raw', 'cps_egov__online_service_index') }}
),

renamed as (
    select
        region_code,
        region_level,
        trim(region_name_raw) as region_name_raw,
        table_title,
        cast(evaluation_year as integer) as evaluation_year,
        cast(printed_rank as integer) as printed_rank,
        cast(score as double) as score,
        region_code is not null and score is not null as is_scored,
        cast(source_row as integer) as source_row,
        source_file
    from source
),

ranked as (
    select
        *,
        case
            when is_scored
                then rank() over (
                    partition by evaluation_year, region_level, is_scored
                    order by score desc
                )
        end as score_rank,
        count(*) over (
            partition by evaluation_year, region_level, printed_rank
        ) > 1 as is_printed_rank_tied,
        coalesce(
            max(score) over (
                partition by evaluation_year, region_level
                order by printed_rank
                range between 1 following and unbounded following
            ) > score,
            false
        ) as is_printed_rank_inverted
    from renamed
)

select * from ranked

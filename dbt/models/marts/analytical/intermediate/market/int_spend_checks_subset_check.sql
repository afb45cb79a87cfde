{#- One row per actual year of a money series that is part of another (subset_of_series_id):
    the part must stay at or below the whole of the same year. -#}
with

series as (
    select * from {{ ref('spend_series') }}
),

paths as (
    select * from {{ ref('int_spend_paths_filled') }}
),

subset_checks as (
    select
        'subset_check' as check_type,
        part.series_id,
        whole.series_id as compared_series_id,
        part.year,
        whole.year as compared_year,
        part.value_cny as stated_value,
        whole.value_cny as recomputed_value,
        'CNY' as unit,
        cast(0 as double) as tolerance,
        '<=' as qualifier,
        {{ xdb_concat(["part.source_fact_ids", "','", "whole.source_fact_ids"]) }}
            as source_fact_ids,
        'A part of another series must not exceed it' as note
    from series
    inner join paths as part
        on series.series_id = part.series_id
    inner join paths as whole
        on
            series.subset_of_series_id = whole.series_id
            and part.year = whole.year
            and part.scenario = whole.scenario
    where part.scenario = 'actual'
)

select * from subset_checks

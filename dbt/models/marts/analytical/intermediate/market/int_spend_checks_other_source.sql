{#- One row per anchor or CAGR of a money series stated by another publisher than the
    series' own: compared with the series' actual or base path of that year (anchor) or its
    own preferred CAGR (CAGR), and kept out of the series as another scope. -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
),

paths as (
    select * from {{ ref('int_spend_paths_filled') }}
),

series_cagrs as (
    select * from {{ ref('int_spend_cagr_statements_preferred') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

tolerances as (
    select
        max(case when parameter_id = 'cagr_tolerance_pp' then value end) as cagr_pp,
        max(case when parameter_id = 'value_tolerance_pct' then value end) as value_pct
    from parameters
),

other_source_checks as (
    select
        'other_source' as check_type,
        other.series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        other.period_year as year,
        other.period_year as compared_year,
        other.value as stated_value,
        case
            when other.statement_role = 'cagr' then series_cagr.value
            else paths.value_cny
        end as recomputed_value,
        other.unit,
        case
            when other.statement_role = 'cagr' then tolerances.cagr_pp
            else tolerances.value_pct
        end as tolerance,
        other.qualifier,
        other.fact_id as source_fact_ids,
        {{ xdb_concat([
            "other.cited_source",
            "' vs the series publisher: kept out of the series as another scope'"
        ]) }} as note
    from statements as other
    left join paths
        on
            other.series_id = paths.series_id
            and other.period_year = paths.year
            and paths.scenario in ('actual', 'base')
    left join series_cagrs as series_cagr
        on other.series_id = series_cagr.series_id
    cross join tolerances
    where not other.is_series_source and other.statement_role in ('anchor', 'cagr')
)

select * from other_source_checks

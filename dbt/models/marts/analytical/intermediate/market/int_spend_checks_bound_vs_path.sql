{#- One row per floor or ceiling stated by a series' own publisher (到2026年将突破3,000亿元)
    and the actual or base path value of its year: a bound is not an anchor of the path, so
    the path is checked against it. -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
    where is_series_source
),

paths as (
    select * from {{ ref('int_spend_paths_filled') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

tolerances as (
    select max(case when parameter_id = 'value_tolerance_pct' then value end) as value_pct
    from parameters
),

bound_checks as (
    select
        'bound_vs_path' as check_type,
        bound.series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        bound.period_year as year,
        bound.period_year as compared_year,
        bound.value as stated_value,
        paths.value_cny as recomputed_value,
        'CNY' as unit,
        tolerances.value_pct as tolerance,
        bound.qualifier,
        {{ xdb_concat(["bound.fact_id", "','", "paths.source_fact_ids"]) }} as source_fact_ids,
        {{ xdb_concat(["'Stated bound vs the base path (method '", "paths.value_method", "')'"]) }}
            as note
    from statements as bound
    inner join paths
        on
            bound.series_id = paths.series_id
            and bound.period_year = paths.year
            and paths.scenario in ('actual', 'base')
            and paths.value_method <> 'stated_bound'
    cross join tolerances
    where bound.statement_role = 'anchor' and bound.qualifier in ('>', '>=', '<', '<=')
)

select * from bound_checks

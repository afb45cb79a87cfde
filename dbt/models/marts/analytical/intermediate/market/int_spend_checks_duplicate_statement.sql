{#- One row per money series × role × year × qualifier that the series' own publisher
    states more than once: the highest vs the lowest value stated. -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
    where is_series_source
),

duplicate_checks as (
    select
        'duplicate_statement' as check_type,
        series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        period_year as year,
        period_year as compared_year,
        max(value) as stated_value,
        min(value) as recomputed_value,
        min(unit) as unit,
        0 as tolerance,
        qualifier,
        {{ xdb_listagg("fact_id", "','", "order by fact_id") }} as source_fact_ids,
        {{ xdb_concat([
            "cast(count(*) as " ~ xdb_type_string() ~ ")",
            "' statements of the '",
            "statement_role",
            "': highest vs lowest value'"
        ]) }} as note
    from statements
    where period_year is not null
    group by series_id, statement_role, period_year, qualifier
    having count(*) > 1
)

select * from duplicate_checks

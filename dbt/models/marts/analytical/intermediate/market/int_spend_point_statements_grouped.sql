{#- One row per money series × year with a stated point figure (= or ~) of the series' own
    publisher: the lowest value stated for the year and every fact it rests on. The stated
    points the reconciliation recomputes rates from (cagr_vs_endpoints,
    growth_vs_recomputed). -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
    where is_series_source
),

stated_points as (
    select
        series_id,
        period_year,
        min(value) as value,
        {{ xdb_listagg("fact_id", "','", "order by fact_id") }} as fact_ids
    from statements
    where statement_role = 'anchor' and qualifier in ('=', '~') and period_year is not null
    group by series_id, period_year
)

select * from stated_points

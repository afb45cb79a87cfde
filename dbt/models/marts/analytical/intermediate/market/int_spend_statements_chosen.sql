{#- One statement per money series × role × year, from the series' own publisher (or the
    report's own voice) in the latest report edition: a point figure (= or ~) before a bound,
    then the latest edition, a cited publisher before none, the first in the text. fact_ids
    lists every statement of the same value and qualifier, so a figure repeated in the report
    rests on all its mentions; is_point tells a point figure from a floor or ceiling. A
    statement without a year has no place on the grid and is left out. The first step of
    int_spend_paths_filled. -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
    where is_series_source and period_year is not null
),

ranked as (
    select
        series_id,
        statement_role,
        period_year,
        value,
        qualifier,
        kind,
        cited_source,
        row_number() over (
            partition by series_id, statement_role, period_year
            order by
                qualifier in ('=', '~') desc, edition desc, publisher is null, char_start asc
        ) as preference
    from statements
),

chosen as (
    select
        ranked.series_id,
        ranked.statement_role,
        ranked.period_year,
        ranked.value,
        ranked.qualifier,
        ranked.kind,
        ranked.cited_source,
        ranked.qualifier in ('=', '~') as is_point,
        {{ xdb_listagg("statements.fact_id", "','", "order by statements.fact_id") }} as fact_ids
    from ranked
    inner join statements
        on
            ranked.series_id = statements.series_id
            and ranked.statement_role = statements.statement_role
            and ranked.period_year = statements.period_year
            and ranked.value = statements.value
            and ranked.qualifier = statements.qualifier
    where ranked.preference = 1
    group by
        ranked.series_id,
        ranked.statement_role,
        ranked.period_year,
        ranked.value,
        ranked.qualifier,
        ranked.kind,
        ranked.cited_source
)

select * from chosen

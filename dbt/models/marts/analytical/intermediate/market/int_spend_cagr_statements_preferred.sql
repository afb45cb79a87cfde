{#- One row per money series with a CAGR stated by its own publisher: the statement the
    reconciliation compares with (the latest horizon, then the latest edition, the first in
    the text). -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
    where is_series_source
),

cagr_statements as (
    select
        series_id,
        period_year,
        value,
        qualifier,
        fact_id,
        row_number() over (
            partition by series_id order by period_year desc, edition desc, char_start asc
        ) as preference
    from statements
    where statement_role = 'cagr'
),

preferred as (
    select
        series_id,
        period_year,
        value,
        qualifier,
        fact_id
    from cagr_statements
    where preference = 1
)

select * from preferred

{#- One row per consistency check of the spend paths, before its status: the checks of the
    eight types (one helper model each, int_spend_checks_<check_type>) in one relation with
    the same columns. -#}
with

cagr_checks as (
    select * from {{ ref('int_spend_checks_cagr_vs_endpoints') }}
),

growth_checks as (
    select * from {{ ref('int_spend_checks_growth_vs_recomputed') }}
),

bound_checks as (
    select * from {{ ref('int_spend_checks_bound_vs_path') }}
),

duplicate_checks as (
    select * from {{ ref('int_spend_checks_duplicate_statement') }}
),

other_source_checks as (
    select * from {{ ref('int_spend_checks_other_source') }}
),

scope_checks as (
    select * from {{ ref('int_spend_checks_scope_comparison') }}
),

subset_checks as (
    select * from {{ ref('int_spend_checks_subset_check') }}
),

identical_growth_checks as (
    select * from {{ ref('int_spend_checks_identical_growth') }}
),

unioned as (
    select * from cagr_checks
    union all
    select * from growth_checks
    union all
    select * from bound_checks
    union all
    select * from duplicate_checks
    union all
    select * from other_source_checks
    union all
    select * from scope_checks
    union all
    select * from subset_checks
    union all
    select * from identical_growth_checks
),

final as (
    select
        check_type,
        series_id,
        compared_series_id,
        year,
        compared_year,
        stated_value,
        recomputed_value,
        unit,
        tolerance,
        qualifier,
        source_fact_ids,
        note
    from unioned
)

select * from final

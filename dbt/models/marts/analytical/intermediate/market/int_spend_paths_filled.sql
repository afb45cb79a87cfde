{#- One value per money series × year × scenario of the spend grid, the last step of named
    steps over the statements of the series' publisher in the latest report edition:
      int_spend_statements_chosen         one statement per series × role × year;
      int_spend_cagrs_banded              the stated CAGR and the low/high band rates;
      int_spend_actuals_backcast          actual: stated figures and one-year back-casts;
      int_spend_projection_years_spanned  the projected years and where they start;
      int_spend_base_paths_projected      base: point figures, CAGR fills and extensions;
      int_spend_band_paths_projected      low/high: the band rates from the start;
      int_spend_report_paths_unioned      the three above together;
      int_spend_security_paths_derived    security spend: share path × IT spend;
      int_spend_budget_paths_summed       local budget expenditure: NBS sum of 31 provinces.
    Here the report, security and NBS rows meet, restricted to the grid, with is_derived and
    the series' publisher as the cited source where the figure names none. -#}
with

report_paths as (
    select * from {{ ref('int_spend_report_paths_unioned') }}
),

security_paths as (
    select * from {{ ref('int_spend_security_paths_derived') }}
),

budget_paths as (
    select * from {{ ref('int_spend_budget_paths_summed') }}
),

series as (
    select * from {{ ref('spend_series') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

years as (
    {{ spend_years('parameters') }}
),

unioned as (
    select * from report_paths
    union all
    select * from security_paths
    union all
    select * from budget_paths
),

final as (
    select
        unioned.series_id,
        unioned.year,
        unioned.scenario,
        unioned.value_cny,
        unioned.value_method,
        unioned.value_method not in ('stated', 'stated_bound', 'nbs_provincial_sum') as is_derived,
        unioned.qualifier,
        unioned.source_fact_ids,
        coalesce(unioned.cited_source, series.publisher) as cited_source
    from unioned
    inner join series on unioned.series_id = series.series_id
    inner join years on unioned.year = years.year
)

select * from final

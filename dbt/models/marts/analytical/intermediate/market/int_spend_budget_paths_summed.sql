{#- One row per NBS money series (local budget expenditure) × complete year of the spend
    grid: the sum of the 31 provinces' budget expenditure in marts.fct_province_stats, the
    public-spending denominator of the report's series. A year in which any province lacks
    the figure is left out rather than summed short. -#}
with

series as (
    select * from {{ ref('spend_series') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

province_stats as (
    select * from {{ ref('fct_province_stats') }}
),

years as (
    {{ spend_years('parameters') }}
),

nbs_rows as (
    select
        series.series_id,
        years.year,
        'actual' as scenario,
        cast(sum(province_stats.budget_expenditure_cny) as double) as value_cny,
        'nbs_provincial_sum' as value_method,
        cast(null as {{ xdb_type_string() }}) as qualifier,
        cast(null as {{ xdb_type_string() }}) as source_fact_ids,
        '国家统计局 (marts.fct_province_stats)' as cited_source
    from series
    cross join years
    inner join province_stats on years.year = province_stats.year
    where series.source_kind = 'nbs'
    group by series.series_id, years.year
    having count(province_stats.budget_expenditure_cny) = count(*)
)

select * from nbs_rows

{#- Every NBS provincial file in one long table, one row per province × year × indicator.
    Where two files carry the same figure (GDP 2021–2024 is in three of them), the row of the
    most authoritative file wins: the 20-year GDP panel first, then the newer five-year export,
    then the component cross-sections. The files agree exactly today (tested in
    tests/staging/nbs); the order only decides which file a figure is attributed to, and lets
    a newer year enter from whichever file publishes it first. -#}
with

gdp as (
    select * from {{ ref('stg_nbs__gdp') }}
),

gdp_2021_2025 as (
    select * from {{ ref('stg_nbs__gdp_2021_2025') }}
),

gdp_components as (
    select * from {{ ref('stg_nbs__gdp_components') }}
),

gdp_index as (
    select * from {{ ref('stg_nbs__gdp_index') }}
),

budget_revenue as (
    select * from {{ ref('stg_nbs__budget_revenue') }}
),

budget_expenditure as (
    select * from {{ ref('stg_nbs__budget_expenditure') }}
),

population_2000_2020 as (
    select * from {{ ref('stg_nbs__population_2000_2020') }}
),

population_2024 as (
    select * from {{ ref('stg_nbs__population_2024') }}
),

unioned as (
    select
        *,
        1 as source_priority
    from gdp
    union all
    select
        *,
        2 as source_priority
    from gdp_2021_2025
    union all
    select
        *,
        3 as source_priority
    from gdp_components
    union all
    select
        *,
        1 as source_priority
    from gdp_index
    union all
    select
        *,
        1 as source_priority
    from budget_revenue
    union all
    select
        *,
        1 as source_priority
    from budget_expenditure
    union all
    select
        *,
        1 as source_priority
    from population_2024
    union all
    select
        *,
        2 as source_priority
    from population_2000_2020
),

ranked as (
    select
        *,
        count(*) over (
            partition by region_code, year, indicator
        ) as source_count,
        row_number() over (
            partition by region_code, year, indicator
            order by source_priority, source_dataset
        ) as source_rank
    from unioned
    where indicator_value is not null
),

final as (
    select
        region_code,
        year,
        indicator,
        indicator_value,
        unit,
        vintage,
        source_dataset,
        source_count,
        source_file,
        source_row,
        source_column
    from ranked
    where source_rank = 1
)

select * from final

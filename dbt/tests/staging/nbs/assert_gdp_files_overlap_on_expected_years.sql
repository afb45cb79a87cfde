{#- The agreement test above is only meaningful if the files do overlap: the 2021–2025 export
    must share 2021–2024 and the component files 2019–2024 with the 20-year panel, for all 31
    provinces. Returns the file-years with fewer than 31 shared provinces. -#}
with

gdp as (
    select * from {{ ref('stg_nbs__gdp') }}
),

others as (
    select
        source_dataset,
        region_code,
        year
    from {{ ref('stg_nbs__gdp_2021_2025') }}
    union all
    select
        source_dataset,
        region_code,
        year
    from {{ ref('stg_nbs__gdp_components') }}
    where indicator = 'gdp'
),

expected as (
    select
        'nbs__gdp_2021_2025' as source_dataset,
        2021 as first_year,
        2024 as last_year
    union all
    select
        'nbs__gdp_components' as source_dataset,
        2019 as first_year,
        2024 as last_year
),

shared as (
    select
        others.source_dataset,
        others.year,
        count(*) as provinces
    from others
    inner join gdp
        on
            others.region_code = gdp.region_code
            and others.year = gdp.year
    group by others.source_dataset, others.year
),

checked as (
    select
        expected.source_dataset,
        shared.year,
        coalesce(shared.provinces, 0) as provinces
    from expected
    left join shared
        on
            expected.source_dataset = shared.source_dataset
            and shared.year between expected.first_year and expected.last_year
)

select * from checked
where provinces < 31

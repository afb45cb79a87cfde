{#- The three GDP files are exports of one NBS series (post-5th-census revision): where two of
    them carry the same province-year, the values agree to 0.01 亿元 and the vintages match.
    Returns the disagreeing pairs. -#}
with

gdp as (
    select * from {{ ref('stg_nbs__gdp') }}
),

gdp_2021_2025 as (
    select * from {{ ref('stg_nbs__gdp_2021_2025') }}
),

gdp_components as (
    select * from {{ ref('stg_nbs__gdp_components') }}
    where indicator = 'gdp'
),

other_files as (
    select * from gdp_2021_2025
    union all
    select * from gdp_components
),

compared as (
    select
        other_files.source_dataset,
        gdp.region_code,
        gdp.year,
        gdp.indicator_value as panel_value,
        other_files.indicator_value as other_value,
        gdp.vintage as panel_vintage,
        other_files.vintage as other_vintage
    from gdp
    inner join other_files
        on
            gdp.region_code = other_files.region_code
            and gdp.year = other_files.year
)

select * from compared
where
    abs(panel_value - other_value) > 1e6
    or panel_vintage <> other_vintage

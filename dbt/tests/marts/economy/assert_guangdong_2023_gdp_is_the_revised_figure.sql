{#- Guangdong 2023 GDP is 137,905.4 亿元 after the 5th-census revision (first published
    ≈135,673 亿元): the mart must carry the revised vintage. Returns a row unless it does. -#}
with

stats as (
    select * from {{ ref('fct_province_stats') }}
    where region_code = '440000' and year = 2023
),

expected as (
    select cast(13790540000000 as decimal(20, 2)) as gdp_cny
)

select
    expected.gdp_cny as expected_gdp_cny,
    stats.gdp_cny,
    stats.gdp_vintage
from expected
left join stats on true
where
    stats.gdp_cny is null
    or stats.gdp_cny <> expected.gdp_cny
    or stats.gdp_vintage <> 'nbs_fsnd_2025_5th_census_revision'

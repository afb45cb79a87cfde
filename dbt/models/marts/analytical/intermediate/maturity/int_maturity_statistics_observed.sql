{#- Observations of the indicators of seeds/maturity_indicators that come from statistics,
    one row per region × indicator × year:
      nbs               a measure of fct_province_stats (gdp_cny, budget_revenue_cny …);
      panel             an indicator of the digital-economy panel, only where neither the
                        indicator nor the cell is marked (fct_province_digital_economy.is_usable:
                        the spliced telecom revenue, the territory-scaled cable length, the
                        ×19 software spike of Inner Mongolia 2021 … never enter);
      capability_index  the online-service capability index of the evaluation year, for the
                        provinces and key cities it scores (XPCC has no code and no score).
    Where the seed names a denominator (`per`: population or gdp_cny of the same province and
    year), the value is measure × per_scale / denominator; a year without the denominator has
    no observation. -#}
with

indicators as (
    select * from {{ ref('maturity_indicators') }}
),

province_stats as (
    select * from {{ ref('fct_province_stats') }}
),

panel as (
    select * from {{ ref('fct_province_digital_economy') }}
    where is_usable
),

capability as (
    select * from {{ ref('fct_online_service_capability') }}
    where is_scored
),

nbs_measures as (
    select
        region_code,
        year,
        'gdp_cny' as measure,
        cast(gdp_cny as double) as value
    from province_stats
    union all
    select
        region_code,
        year,
        'budget_revenue_cny' as measure,
        cast(budget_revenue_cny as double) as value
    from province_stats
    union all
    select
        region_code,
        year,
        'budget_expenditure_cny' as measure,
        cast(budget_expenditure_cny as double) as value
    from province_stats
),

measures as (
    select
        'nbs' as source,
        region_code,
        year,
        measure,
        value
    from nbs_measures
    union all
    select
        'panel' as source,
        region_code,
        year,
        indicator as measure,
        value
    from panel
),

denominators as (
    select
        region_code,
        year,
        'population' as per,
        cast(population as double) as per_value
    from province_stats
    union all
    select
        region_code,
        year,
        'gdp_cny' as per,
        cast(gdp_cny as double) as per_value
    from province_stats
),

statistic_observations as (
    select
        measures.region_code,
        'province' as region_level,
        indicators.indicator_id,
        measures.year as observation_year,
        case
            when indicators.per is null then measures.value * coalesce(indicators.per_scale, 1)
            else measures.value * coalesce(indicators.per_scale, 1) / denominators.per_value
        end as value
    from indicators
    inner join measures
        on
            indicators.source = measures.source
            and indicators.source_measure = measures.measure
    left join denominators
        on
            indicators.per = denominators.per
            and measures.region_code = denominators.region_code
            and measures.year = denominators.year
    where indicators.per is null or denominators.per_value > 0
),

capability_observations as (
    select
        capability.region_code,
        capability.region_level,
        indicators.indicator_id,
        capability.evaluation_year as observation_year,
        capability.score as value
    from capability
    inner join indicators
        on indicators.source = 'capability_index'
),

unioned as (
    select * from statistic_observations
    union all
    select * from capability_observations
)

select * from unioned
where value is not null

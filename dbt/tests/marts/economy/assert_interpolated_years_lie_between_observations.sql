{#- An interpolated population lies between the observed populations of the same province
    in the nearest observed years before and after it, and the flag is set only on years
    that no file reports. Returns the violations. -#}
with

stats as (
    select * from {{ ref('fct_province_stats') }}
),

population as (
    select * from {{ ref('int_province_population_interpolated') }}
),

observed_years as (
    select distinct
        region_code,
        year
    from {{ ref('int_province_indicators_unioned') }}
    where indicator = 'population'
),

anchors as (
    select
        population.region_code,
        population.year,
        before_anchor.population as population_before,
        after_anchor.population as population_after
    from population
    inner join population as before_anchor
        on
            population.region_code = before_anchor.region_code
            and population.anchor_year_before = before_anchor.year
    inner join population as after_anchor
        on
            population.region_code = after_anchor.region_code
            and population.anchor_year_after = after_anchor.year
    where population.is_interpolated
),

checked as (
    select
        stats.region_code,
        stats.year,
        stats.population,
        stats.is_interpolated,
        anchors.population_before,
        anchors.population_after,
        observed_years.year is not null as is_observed
    from stats
    left join anchors
        on stats.region_code = anchors.region_code and stats.year = anchors.year
    left join observed_years
        on stats.region_code = observed_years.region_code and stats.year = observed_years.year
)

select * from checked
where
    (is_interpolated and is_observed)
    or (not is_interpolated and not is_observed)
    or (
        is_interpolated
        and (
            population < least(population_before, population_after) - 10000
            or population > greatest(population_before, population_after) + 10000
        )
    )

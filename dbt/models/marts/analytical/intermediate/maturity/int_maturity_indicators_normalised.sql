{#- Each indicator scored 0-100 for every region and index year:
      index years   index_first_year to the latest observation year;
      observation   the region's latest observation of the indicator from the index year
                    back to index_carry_forward_years before it;
      normalisation min-max across the regions of the same level with an observation
                    (after ln(1 + x) for indicators with transform log), reversed for
                    lower-is-better indicators (direction -1);
      eligibility   only when at least index_min_regions regions report it and their values
                    differ: one region's figure cannot be compared with anyone's. -#}
with

observations as (
    select * from {{ ref('int_maturity_observations_collected') }}
),

indicators as (
    select * from {{ ref('maturity_indicators') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

settings as (
    select
        cast(max(case when parameter_id = 'index_first_year' then value end) as integer)
            as first_year,
        cast(max(case when parameter_id = 'index_carry_forward_years' then value end) as integer)
            as carry_forward_years,
        cast(max(case when parameter_id = 'index_min_regions' then value end) as integer)
            as min_regions
    from parameters
),

latest_observation as (
    select max(observation_year) as last_year
    from observations
),

index_years as (
    select settings.first_year + series.generated_number - 1 as year
    from ({{ integer_series(60) }}) as series
    cross join settings
    cross join latest_observation
    where settings.first_year + series.generated_number - 1 <= latest_observation.last_year
),

applicable as (
    select
        index_years.year,
        observations.region_code,
        observations.region_level,
        observations.indicator_id,
        observations.observation_year,
        observations.value,
        observations.source_fact_ids,
        row_number() over (
            partition by
                index_years.year, observations.region_code, observations.indicator_id
            order by observations.observation_year desc
        ) as recency
    from index_years
    cross join settings
    inner join observations
        on
            index_years.year >= observations.observation_year
            and observations.observation_year
            >= index_years.year - settings.carry_forward_years
),

transformed as (
    select
        applicable.year,
        applicable.region_code,
        applicable.region_level,
        applicable.indicator_id,
        applicable.observation_year,
        applicable.value,
        applicable.source_fact_ids,
        indicators.pillar_id,
        indicators.direction,
        indicators.weight,
        case
            when indicators.transform = 'log' then ln(1 + applicable.value)
            else applicable.value
        end as transformed_value
    from applicable
    inner join indicators on applicable.indicator_id = indicators.indicator_id
    where applicable.recency = 1
),

spread as (
    select
        transformed.*,
        count(*)
            over (partition by transformed.year, transformed.indicator_id, transformed.region_level)
            as n_regions,
        min(transformed.transformed_value)
            over (partition by transformed.year, transformed.indicator_id, transformed.region_level)
            as min_value,
        max(transformed.transformed_value)
            over (partition by transformed.year, transformed.indicator_id, transformed.region_level)
            as max_value
    from transformed
),

final as (
    select
        spread.year,
        spread.region_code,
        spread.region_level,
        spread.pillar_id,
        spread.indicator_id,
        spread.weight,
        spread.observation_year,
        spread.value,
        spread.n_regions,
        spread.n_regions >= settings.min_regions and spread.max_value > spread.min_value
            as is_scored,
        case
            when spread.n_regions < settings.min_regions or spread.max_value = spread.min_value
                then null
            when spread.direction < 0
                then
                    100 * (spread.max_value - spread.transformed_value)
                    / (spread.max_value - spread.min_value)
            else
                100 * (spread.transformed_value - spread.min_value)
                / (spread.max_value - spread.min_value)
        end as indicator_score,
        spread.source_fact_ids
    from spread
    cross join settings
)

select * from final

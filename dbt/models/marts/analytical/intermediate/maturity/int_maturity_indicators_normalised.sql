{#- Each indicator scored 0-100 for every region and index year:
      index years   index_first_year to the latest observation year of any indicator (the
                    index never runs ahead of all its evidence);
      observation   the region's latest observation of the indicator from the index year back
                    to the indicator's carry_forward_years before it (seeds/maturity_indicators):
                    older evidence stands for nothing;
      scale         relative: min-max across the regions of the same level with an observation
                    (after ln(1 + x) for transform log), reversed for lower-is-better
                    indicators, and only when at least index_min_regions regions report it and
                    their values differ (one region's figure cannot be compared with anyone's);
                    absolute: a rate that is a 0-100 score as it stands (a share of services
                    online), scored as its value, wherever a region reports it;
      flags         a flag (is_flag, observed only as 1 for the regions it names) scores 100
                    where observed: it can only add. -#}
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
        cast(max(case when parameter_id = 'index_min_regions' then value end) as integer)
            as min_regions
    from parameters
),

last_year as (
    select max(observation_year) as last_year
    from observations
),

index_years as (
    select settings.first_year + series.generated_number - 1 as year
    from ({{ integer_series(60) }}) as series
    cross join settings
    cross join last_year
    where settings.first_year + series.generated_number - 1 <= last_year.last_year
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
        indicators.pillar_id,
        indicators.direction,
        indicators.weight,
        indicators.is_flag,
        indicators.scale,
        case
            when indicators.transform = 'log' then ln(1 + observations.value)
            else observations.value
        end as transformed_value,
        row_number() over (
            partition by index_years.year, observations.region_code, observations.indicator_id
            order by observations.observation_year desc
        ) as recency
    from index_years
    inner join observations on index_years.year >= observations.observation_year
    inner join indicators
        on
            observations.indicator_id = indicators.indicator_id
            and observations.observation_year >= index_years.year - indicators.carry_forward_years
),

spread as (
    select
        *,
        count(*) over by_level as n_regions,
        min(transformed_value) over by_level as min_value,
        max(transformed_value) over by_level as max_value
    from applicable
    where recency = 1
    window by_level as (partition by year, indicator_id, region_level)
),

final as (
    select
        spread.year,
        spread.region_code,
        spread.region_level,
        spread.pillar_id,
        spread.indicator_id,
        spread.weight,
        spread.is_flag,
        spread.observation_year,
        spread.observation_year < spread.year as is_carried_forward,
        spread.value,
        spread.n_regions,
        spread.is_flag
        or spread.scale = 'absolute'
        or (spread.n_regions >= settings.min_regions and spread.max_value > spread.min_value)
            as is_scored,
        case
            when spread.is_flag then 100.0
            when spread.scale = 'absolute' then least(greatest(spread.value, 0), 100)
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

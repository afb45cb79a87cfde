{#- The score and rank of every region and index year under each weighting of the
    perturbation grid: every pillar weight of seeds/maturity_pillars multiplied by one factor
    of seeds/maturity_weight_perturbations (0.75, 1, 1.25), all combinations (3^4 = 81),
    renormalised over the pillars the region has. Scenario `is_base` (every factor 1) is the
    published weighting. Ranks are per year and level (provinces among provinces, cities
    among cities), 1 = highest score, ties broken by coverage and then code, the same rule in
    every scenario, so the published rank always lies within the range of the grid. -#}
with

pillar_scores as (
    select * from {{ ref('int_maturity_pillars_scored') }}
),

pillars as (
    select * from {{ ref('maturity_pillars') }}
),

factors as (
    select * from {{ ref('maturity_weight_perturbations') }}
),

pillar_positions as (
    select
        pillar_id,
        weight,
        row_number() over (order by sort_order, pillar_id) - 1 as pillar_position,
        sum(weight) over () as total_weight
    from pillars
),

factor_positions as (
    select
        factor,
        row_number() over (order by factor) - 1 as factor_position,
        count(*) over () as n_factors
    from factors
),

grid_size as (
    select
        max(factor_positions.n_factors) as n_factors,
        cast(
            pow(max(factor_positions.n_factors), count(distinct pillar_positions.pillar_id))
            as integer
        ) as n_scenarios
    from factor_positions
    cross join pillar_positions
),

scenarios as (
    {#- Up to 729 scenarios (six pillars at three factors); a larger grid fails the test
        assert_weight_grid_is_complete rather than being cut silently. -#}
    select series.generated_number - 1 as scenario_id
    from ({{ integer_series(729) }}) as series
    cross join grid_size
    where series.generated_number <= grid_size.n_scenarios
),

scenario_pillars as (
    {#- Scenario s takes, for the pillar at position p, the factor at position
        floor(s / n^p) mod n: the scenarios enumerate the grid like base-n numbers. -#}
    select
        scenarios.scenario_id,
        pillar_positions.pillar_id,
        pillar_positions.weight,
        pillar_positions.total_weight,
        cast(
            floor(
                scenarios.scenario_id
                / pow(grid_size.n_factors, pillar_positions.pillar_position)
            ) as integer
        ) % grid_size.n_factors as factor_position
    from scenarios
    cross join pillar_positions
    cross join grid_size
),

scenario_weights as (
    select
        scenario_pillars.scenario_id,
        scenario_pillars.pillar_id,
        scenario_pillars.weight,
        scenario_pillars.total_weight,
        factor_positions.factor
    from scenario_pillars
    inner join factor_positions
        on scenario_pillars.factor_position = factor_positions.factor_position
),

scored as (
    select
        scenario_weights.scenario_id,
        pillar_scores.year,
        pillar_scores.region_code,
        pillar_scores.region_level,
        -- Sums in a fixed order: a sum of doubles depends on the order it is added in, and an
        -- incremental build must publish the very scores and ranks of a full one.
        {{ ordered_sum(
            'scenario_weights.weight * scenario_weights.factor * pillar_scores.pillar_score',
            'pillar_scores.pillar_id'
        ) }}
        / {{ ordered_sum(
            'scenario_weights.weight * scenario_weights.factor', 'pillar_scores.pillar_id'
        ) }} as score,
        {{ ordered_sum('scenario_weights.weight', 'pillar_scores.pillar_id') }}
        / max(scenario_weights.total_weight) as coverage_share
    from pillar_scores
    inner join scenario_weights on pillar_scores.pillar_id = scenario_weights.pillar_id
    group by
        scenario_weights.scenario_id,
        pillar_scores.year,
        pillar_scores.region_code,
        pillar_scores.region_level
),

base_scenario as (
    select scenario_id
    from scenario_weights
    group by scenario_id
    having bool_and(factor = 1)
),

final as (
    select
        scored.scenario_id,
        scored.scenario_id = base_scenario.scenario_id as is_base,
        scored.year,
        scored.region_code,
        scored.region_level,
        scored.score,
        scored.coverage_share,
        row_number() over (
            partition by scored.scenario_id, scored.year, scored.region_level
            order by scored.score desc, scored.coverage_share desc, scored.region_code asc
        ) as rank
    from scored
    cross join base_scenario
)

select * from final

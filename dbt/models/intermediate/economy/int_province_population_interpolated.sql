{#- Year-end resident population for every year between a province's first and last
    observation. NBS files ship 2000–2020 and 2024; a missing year y between two observed
    anchors (y0, p0) and (y1, p1) is filled by geometric interpolation, i.e. a constant annual
    growth rate between the anchors:
        p(y) = p0 × (p1 / p0) ^ ((y − y0) / (y1 − y0)),
    rounded to the nearest 10,000 persons (万人, the precision of the source files).
    Both anchors must share a statistical vintage (tested). -#}
with

indicators as (
    select * from {{ ref('int_province_indicators_unioned') }}
),

observed as (
    select
        region_code,
        year,
        indicator_value as population,
        vintage
    from indicators
    where indicator = 'population'
),

with_next_anchor as (
    select
        region_code,
        year as anchor_year,
        population as anchor_population,
        vintage as anchor_vintage,
        lead(year) over (partition by region_code order by year) as next_year,
        lead(population) over (partition by region_code order by year) as next_population,
        lead(vintage) over (partition by region_code order by year) as next_vintage
    from observed
),

offsets as (
    {#- Gaps of up to 50 years between two observations can be filled. -#}
    {{ integer_series(50) }}
),

interpolated as (
    select
        with_next_anchor.region_code,
        with_next_anchor.anchor_year + offsets.generated_number as year,
        round(
            with_next_anchor.anchor_population * power(
                with_next_anchor.next_population / with_next_anchor.anchor_population,
                offsets.generated_number * 1.0
                / (with_next_anchor.next_year - with_next_anchor.anchor_year)
            ) / 10000
        ) * 10000 as population,
        case
            when with_next_anchor.anchor_vintage = with_next_anchor.next_vintage
                then with_next_anchor.anchor_vintage
        end as vintage,
        true as is_interpolated,
        with_next_anchor.anchor_year as anchor_year_before,
        with_next_anchor.next_year as anchor_year_after
    from with_next_anchor
    inner join offsets
        on offsets.generated_number < with_next_anchor.next_year - with_next_anchor.anchor_year
),

observed_rows as (
    select
        region_code,
        year,
        population,
        vintage,
        false as is_interpolated,
        cast(null as integer) as anchor_year_before,
        cast(null as integer) as anchor_year_after
    from observed
),

unioned as (
    select * from observed_rows
    union all
    select * from interpolated
),

final as (
    select
        region_code,
        year,
        cast(population as bigint) as population,
        vintage as population_vintage,
        is_interpolated,
        anchor_year_before,
        anchor_year_after
    from unioned
)

select * from final

{#- One row per money series × projected year of the base scenario. Stated forecast point
    figures (= or ~) keep their value; the years between point figures and after the last one
    grow at the series' stated CAGR from the previous one (cagr_interpolated up to the next
    point figure, cagr_extended after the last); without a stated CAGR, the years between two
    point figures take the rate the two imply (endpoint_interpolated), and a year after the
    last one has no base value. A floor or ceiling in a forecast year (到2026年将突破3,000亿元)
    is not an anchor: spend_reconciliation checks the base path against it. -#}
with

chosen as (
    select * from {{ ref('int_spend_statements_chosen') }}
),

projection_years as (
    select * from {{ ref('int_spend_projection_years_spanned') }}
),

band_rates as (
    select * from {{ ref('int_spend_cagrs_banded') }}
),

point_anchors as (
    select * from chosen
    where statement_role = 'anchor' and is_point
),

neighbours as (
    select
        projection_years.series_id,
        projection_years.year,
        max(case
            when point_anchors.period_year <= projection_years.year
                then point_anchors.period_year
        end) as previous_year,
        min(case
            when point_anchors.period_year > projection_years.year
                then point_anchors.period_year
        end) as next_year
    from projection_years
    inner join point_anchors on projection_years.series_id = point_anchors.series_id
    group by projection_years.series_id, projection_years.year
),

base_rows as (
    select
        neighbours.series_id,
        neighbours.year,
        'base' as scenario,
        case
            when neighbours.previous_year = neighbours.year then previous_anchor.value
            when band_rates.base_rate is not null
                then
                    previous_anchor.value
                    * power(
                        1 + band_rates.base_rate / 100,
                        neighbours.year - neighbours.previous_year
                    )
            when neighbours.next_year is not null
                then
                    previous_anchor.value
                    * power(
                        next_anchor.value / previous_anchor.value,
                        1.0 * (neighbours.year - neighbours.previous_year)
                        / (neighbours.next_year - neighbours.previous_year)
                    )
        end as value_cny,
        case
            when neighbours.previous_year = neighbours.year then 'stated'
            when band_rates.base_rate is not null and neighbours.next_year is not null
                then 'cagr_interpolated'
            when band_rates.base_rate is not null then 'cagr_extended'
            else 'endpoint_interpolated'
        end as value_method,
        case
            when neighbours.previous_year = neighbours.year then previous_anchor.qualifier
        end as qualifier,
        case
            when neighbours.previous_year = neighbours.year then previous_anchor.fact_ids
            when band_rates.base_rate is not null
                then {{ xdb_concat(["previous_anchor.fact_ids", "','", "band_rates.fact_ids"]) }}
            else {{ xdb_concat(["previous_anchor.fact_ids", "','", "next_anchor.fact_ids"]) }}
        end as source_fact_ids,
        previous_anchor.cited_source
    from neighbours
    inner join point_anchors as previous_anchor
        on
            neighbours.series_id = previous_anchor.series_id
            and neighbours.previous_year = previous_anchor.period_year
    left join point_anchors as next_anchor
        on
            neighbours.series_id = next_anchor.series_id
            and neighbours.next_year = next_anchor.period_year
    left join band_rates on neighbours.series_id = band_rates.series_id
),

projected as (
    select * from base_rows
    where value_cny is not null
)

select * from projected

{#- One row per money series × actual year: the stated actual figures (a floor such as
    突破600亿元 stays a floor, value_method stated_bound), and one year back-cast from a
    stated year-on-year growth (v[y-1] = v[y] / (1 + g)), only where the report states that
    growth and does not state the year before itself. -#}
with

chosen as (
    select * from {{ ref('int_spend_statements_chosen') }}
),

anchors as (
    select * from chosen
    where statement_role = 'anchor'
),

point_anchors as (
    select * from anchors
    where is_point
),

growths as (
    select * from chosen
    where statement_role = 'growth'
),

stated_actuals as (
    select
        series_id,
        period_year as year,
        'actual' as scenario,
        value as value_cny,
        case when is_point then 'stated' else 'stated_bound' end as value_method,
        qualifier,
        fact_ids as source_fact_ids,
        cited_source
    from anchors
    where kind = 'actual'
),

backcasts as (
    select
        point_anchors.series_id,
        point_anchors.period_year - 1 as year,
        'actual' as scenario,
        point_anchors.value / (1 + growths.value / 100) as value_cny,
        'backcast_yoy' as value_method,
        cast(null as {{ xdb_type_string() }}) as qualifier,
        {{ xdb_concat(["point_anchors.fact_ids", "','", "growths.fact_ids"]) }}
            as source_fact_ids,
        point_anchors.cited_source
    from point_anchors
    inner join growths
        on
            point_anchors.series_id = growths.series_id
            and point_anchors.period_year = growths.period_year
    left join anchors as earlier
        on
            point_anchors.series_id = earlier.series_id
            and point_anchors.period_year - 1 = earlier.period_year
    where point_anchors.kind = 'actual' and earlier.series_id is null
),

actuals as (
    select * from stated_actuals
    union all
    select * from backcasts
)

select * from actuals

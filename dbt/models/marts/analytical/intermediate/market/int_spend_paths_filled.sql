{#- One value per money series × year × scenario, from the statements of the series'
    publisher in the latest report edition (int_spend_statements_collected):
      actual    stated actual figures (a floor such as 突破600亿元 stays a floor,
                value_method stated_bound), and one year back-cast from a stated
                year-on-year growth (v[y-1] = v[y] / (1 + g)), only where the report states
                that growth;
      base      stated forecast point figures (= or ~) keep their value; the years between
                point anchors and after the last one grow at the series' stated CAGR from the
                previous anchor (cagr_interpolated / cagr_extended); without a stated CAGR,
                the years between two anchors take the rate the anchors imply;
      low/high  from the projection start (the last actual point figure, else the first
                forecast point figure) at the band rates: the band is as wide as the spread
                between the forward CAGRs of the series with in_band_spread (times the
                parameter band_width_share_of_spread); a point CAGR sits in its middle, a lower
                bound (>=, >) is its floor, an upper bound (<=, <) its ceiling.
    A floor or ceiling in a forecast year (到2026年将突破3,000亿元) is not an anchor: the
    reconciliation checks the base path against it. security_spend is the security share path
    times IT spend of the same year and scenario; local_budget_expenditure the NBS sum of the
    31 provinces in complete years. -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
    where is_series_source
),

series as (
    select * from {{ ref('spend_series') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

security_shares as (
    select * from {{ ref('int_security_shares_projected') }}
),

province_stats as (
    select * from {{ ref('fct_province_stats') }}
),

settings as (
    select
        max(case when parameter_id = 'band_width_share_of_spread' then value end)
            as band_width_share
    from parameters
),

years as (
    {{ spend_years('parameters') }}
),

ranked as (
    select
        series_id,
        statement_role,
        period_year,
        value,
        qualifier,
        kind,
        cited_source,
        row_number() over (
            partition by series_id, statement_role, period_year
            order by
                qualifier in ('=', '~') desc, edition desc, publisher is null, char_start asc
        ) as preference
    from statements
),

chosen as (
    select
        ranked.series_id,
        ranked.statement_role,
        ranked.period_year,
        ranked.value,
        ranked.qualifier,
        ranked.kind,
        ranked.cited_source,
        {{ xdb_listagg("statements.fact_id", "','", "order by statements.fact_id") }} as fact_ids
    from ranked
    inner join statements
        on
            ranked.series_id = statements.series_id
            and ranked.statement_role = statements.statement_role
            and ranked.period_year = statements.period_year
            and ranked.value = statements.value
            and ranked.qualifier = statements.qualifier
    where ranked.preference = 1
    group by
        ranked.series_id,
        ranked.statement_role,
        ranked.period_year,
        ranked.value,
        ranked.qualifier,
        ranked.kind,
        ranked.cited_source
),

anchors as (
    select
        chosen.*,
        chosen.qualifier in ('=', '~') as is_point
    from chosen
    where chosen.statement_role = 'anchor' and chosen.period_year is not null
),

point_anchors as (
    select * from anchors
    where is_point
),

growths as (
    select * from chosen
    where statement_role = 'growth'
),

cagr_ranked as (
    -- One CAGR per series: the latest horizon stated.
    select
        chosen.*,
        row_number() over (
            partition by chosen.series_id order by chosen.period_year desc
        ) as horizon_rank
    from chosen
    where chosen.statement_role = 'cagr'
),

cagrs as (
    select * from cagr_ranked
    where horizon_rank = 1
),

spread as (
    select max(cagrs.value) - min(cagrs.value) as spread_pp
    from cagrs
    inner join series on cagrs.series_id = series.series_id
    where series.in_band_spread
),

band_rates as (
    select
        cagrs.series_id,
        cagrs.value as base_rate,
        cagrs.fact_ids,
        case
            when cagrs.qualifier in ('>=', '>') then cagrs.value
            when cagrs.qualifier in ('<=', '<')
                then cagrs.value - spread.spread_pp * settings.band_width_share
            else cagrs.value - spread.spread_pp * settings.band_width_share / 2
        end as low_rate,
        case
            when cagrs.qualifier in ('>=', '>')
                then cagrs.value + spread.spread_pp * settings.band_width_share
            when cagrs.qualifier in ('<=', '<') then cagrs.value
            else cagrs.value + spread.spread_pp * settings.band_width_share / 2
        end as high_rate
    from cagrs
    cross join spread
    cross join settings
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

projection_start as (
    select
        series_id,
        coalesce(
            max(case when kind = 'actual' then period_year end),
            min(case when kind <> 'actual' then period_year end)
        ) as start_year,
        max(case when kind = 'actual' then period_year end) as last_actual_year
    from point_anchors
    group by series_id
),

projection_years as (
    select
        projection_start.series_id,
        projection_start.start_year,
        years.year
    from projection_start
    inner join years
        on
            projection_start.start_year <= years.year
            and (
                projection_start.last_actual_year < years.year
                or projection_start.last_actual_year is null
            )
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

band_scenarios as (
    select 'low' as scenario
    union all
    select 'high' as scenario
),

band_rows as (
    select
        projection_years.series_id,
        projection_years.year,
        scenarios.scenario,
        start_anchor.value
        * power(
            1 + case scenarios.scenario
                when 'low' then band_rates.low_rate
                else band_rates.high_rate
            end / 100,
            projection_years.year - projection_years.start_year
        ) as value_cny,
        case
            when projection_years.year = projection_years.start_year then 'stated'
            else {{ xdb_concat(["'band_'", "scenarios.scenario"]) }}
        end as value_method,
        case
            when projection_years.year = projection_years.start_year
                then start_anchor.qualifier
        end as qualifier,
        case
            when projection_years.year = projection_years.start_year then start_anchor.fact_ids
            else {{ xdb_concat(["start_anchor.fact_ids", "','", "band_rates.fact_ids"]) }}
        end as source_fact_ids,
        start_anchor.cited_source
    from projection_years
    inner join point_anchors as start_anchor
        on
            projection_years.series_id = start_anchor.series_id
            and projection_years.start_year = start_anchor.period_year
    inner join band_rates on projection_years.series_id = band_rates.series_id
    cross join band_scenarios as scenarios
),

report_rows as (
    select * from stated_actuals
    union all
    select * from backcasts
    union all
    select * from base_rows
    where value_cny is not null
    union all
    select * from band_rows
),

security_rows as (
    select
        series.series_id,
        report_rows.year,
        report_rows.scenario,
        report_rows.value_cny * security_shares.share_pct / 100 as value_cny,
        'share_of_series' as value_method,
        cast(null as {{ xdb_type_string() }}) as qualifier,
        {{ xdb_concat(["report_rows.source_fact_ids", "','", "security_shares.source_fact_ids"]) }}
            as source_fact_ids,
        cast(null as {{ xdb_type_string() }}) as cited_source
    from series
    inner join report_rows on series.base_series_id = report_rows.series_id
    inner join security_shares on report_rows.year = security_shares.year
    where series.source_kind = 'share_of_series'
),

nbs_rows as (
    select
        series.series_id,
        years.year,
        'actual' as scenario,
        cast(sum(province_stats.budget_expenditure_cny) as double) as value_cny,
        'nbs_provincial_sum' as value_method,
        cast(null as {{ xdb_type_string() }}) as qualifier,
        cast(null as {{ xdb_type_string() }}) as source_fact_ids,
        '国家统计局 (marts.fct_province_stats)' as cited_source
    from series
    cross join years
    inner join province_stats on years.year = province_stats.year
    where series.source_kind = 'nbs'
    group by series.series_id, years.year
    having count(province_stats.budget_expenditure_cny) = count(*)
),

unioned as (
    select * from report_rows
    union all
    select * from security_rows
    union all
    select * from nbs_rows
),

final as (
    select
        unioned.series_id,
        unioned.year,
        unioned.scenario,
        unioned.value_cny,
        unioned.value_method,
        unioned.value_method not in ('stated', 'stated_bound', 'nbs_provincial_sum') as is_derived,
        unioned.qualifier,
        unioned.source_fact_ids,
        coalesce(unioned.cited_source, series.publisher) as cited_source
    from unioned
    inner join series on unioned.series_id = series.series_id
    inner join years on unioned.year = years.year
)

select * from final

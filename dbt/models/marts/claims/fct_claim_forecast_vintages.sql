{#- A forecast claim meets the actual claim of its year from another document (a later
    edition, or another report): the preferred one among the actual claims of its consensus
    group that other documents make. The forecast's reference value is its point, its bound,
    or the middle of its range. -#}
with

claims as (
    select * from {{ ref('fct_report_claims') }}
    where is_comparable
),

forecasts as (
    select * from claims
    where kind = 'forecast'
),

actuals as (
    select * from claims
    where kind = 'actual'
),

matched as (
    select
        forecasts.claim_id as forecast_claim_id,
        actuals.claim_id as actual_claim_id,
        row_number() over (
            partition by forecasts.claim_id
            order by actuals.preference_rank
        ) as actual_order
    from forecasts
    inner join actuals
        on
            forecasts.consensus_id = actuals.consensus_id
            and forecasts.document_id <> actuals.document_id
),

final as (
    select
        forecast.claim_id as forecast_claim_id,
        forecast.consensus_id,
        forecast.metric_id,
        forecast.metric_name_zh,
        forecast.metric_name_en,
        forecast.region_code,
        forecast.period_year,
        forecast.unit,
        forecast.document_id as forecast_document_id,
        forecast.edition as forecast_edition,
        forecast.cited_publisher as forecast_publisher,
        forecast.bound_kind as forecast_bound_kind,
        forecast.qualifier as forecast_qualifier,
        coalesce(forecast.value, (forecast.value_low + forecast.value_high) / 2)
            as forecast_value,
        forecast.value_low as forecast_value_low,
        forecast.value_high as forecast_value_high,
        actual.claim_id as actual_claim_id,
        actual.document_id as actual_document_id,
        actual.edition as actual_edition,
        actual.cited_publisher as actual_publisher,
        actual.qualifier as actual_qualifier,
        coalesce(actual.value, (actual.value_low + actual.value_high) / 2) as actual_value,
        coalesce(actual.value, (actual.value_low + actual.value_high) / 2)
        / nullif(coalesce(forecast.value, (forecast.value_low + forecast.value_high) / 2), 0)
        - 1 as forecast_error,
        actual.edition - forecast.edition as vintage_gap_years,
        forecast.period_year - forecast.edition as horizon_years,
        case
            when forecast.bound_kind = 'point' then null
            else
                coalesce(
                    coalesce(actual.value, actual.value_low) >= forecast.value_low, true
                )
                and coalesce(
                    coalesce(actual.value, actual.value_high) <= forecast.value_high, true
                )
        end as is_bound_met
    from matched
    inner join forecasts as forecast on matched.forecast_claim_id = forecast.claim_id
    inner join actuals as actual on matched.actual_claim_id = actual.claim_id
    where matched.actual_order = 1
)

select * from final

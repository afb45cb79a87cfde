{#- Top-down segment forecasts: the smart-government market size path of spend_by_year
    (int_spend_paths_filled, series smartgov_market_size) in each scenario, split by the segment
    shares of int_segment_shares_projected. Values are rounded to the fen; the rounding residual
    goes to the segment that carries the share residual, so a year and scenario sums to the
    market total exactly. -#}
with

shares as (
    select * from {{ ref('int_segment_shares_projected') }}
),

segments as (
    select * from {{ ref('smartgov_segments') }}
),

paths as (
    select * from {{ ref('int_spend_paths_filled') }}
),

market as (
    select
        year,
        scenario,
        cast(value_cny as decimal(20, 2)) as market_value_cny,
        source_fact_ids
    from paths
    where series_id = 'smartgov_market_size' and scenario in ('base', 'low', 'high')
),

split as (
    select
        shares.segment_id,
        market.year,
        market.scenario,
        market.market_value_cny,
        shares.share_pct,
        shares.carries_rounding_residual,
        shares.share_method,
        shares.assumptions_version,
        cast(round(market.market_value_cny * shares.share_pct / 100, 2) as decimal(20, 2))
            as value_rounded,
        market.source_fact_ids as market_fact_ids,
        shares.source_fact_ids as share_fact_ids
    from market
    inner join shares on market.year = shares.year
),

balanced as (
    select
        split.*,
        case
            when split.carries_rounding_residual
                then
                    split.market_value_cny
                    - sum(
                        case when not split.carries_rounding_residual then split.value_rounded end
                    )
                        over (partition by split.year, split.scenario)
            else split.value_rounded
        end as value_cny
    from split
),

final as (
    select
        balanced.segment_id,
        segments.segment_name_zh,
        segments.segment_name_en,
        balanced.year,
        balanced.scenario,
        balanced.value_cny,
        balanced.share_pct,
        round(
            (cast(balanced.value_cny as double) / cast(previous.value_cny as double) - 1) * 100,
            4
        ) as yoy_growth_pct,
        balanced.market_value_cny,
        balanced.share_method,
        balanced.assumptions_version,
        case
            when balanced.share_fact_ids is null then balanced.market_fact_ids
            else {{ xdb_concat(["balanced.market_fact_ids", "','", "balanced.share_fact_ids"]) }}
        end as source_fact_ids
    from balanced
    inner join segments on balanced.segment_id = segments.segment_id
    left join balanced as previous
        on
            balanced.segment_id = previous.segment_id
            and balanced.scenario = previous.scenario
            and balanced.year - 1 = previous.year
)

select * from final

{#- Each segment's share of the smart-government market in every forecast year, from the
    assumptions of seeds/segment_share_assumptions:
      report_share_of_it_spend  the security share path of int_security_shares_projected;
      procurement_budget_mix    what that leaves, split in proportion to each segment's budget
                                of smart-government procurement items (fct_procurement_notices).
    Shares are published with four decimals; the rounding residual goes to the largest segment,
    so the shares of a year sum to exactly 100. The forecast years are the years of the market
    size series in int_spend_paths_filled. -#}
with

assumptions as (
    select * from {{ ref('segment_share_assumptions') }}
),

segments as (
    select * from {{ ref('smartgov_segments') }}
),

security_shares as (
    select * from {{ ref('int_security_shares_projected') }}
),

notices as (
    select * from {{ ref('fct_procurement_notices') }}
),

paths as (
    select * from {{ ref('int_spend_paths_filled') }}
),

forecast_years as (
    select distinct year
    from paths
    where series_id = 'smartgov_market_size'
),

mix_budgets as (
    select
        assumptions.segment_id,
        coalesce(sum(notices.budget_cny), 0) as budget_cny,
        count(notices.procurement_item_id) as n_items
    from assumptions
    left join notices on assumptions.segment_id = notices.segment_id
    where assumptions.share_basis = 'procurement_budget_mix'
    group by assumptions.segment_id
),

mix as (
    select
        segment_id,
        n_items,
        -- In double precision, as DuckDB divides decimals: Spark would keep a decimal of
        -- 6 places.
        cast(budget_cny as double)
        / nullif(cast(sum(budget_cny) over () as double), 0) as mix_share
    from mix_budgets
),

fixed_shares as (
    select
        assumptions.segment_id,
        forecast_years.year,
        security_shares.share_pct,
        security_shares.share_method,
        security_shares.source_fact_ids
    from assumptions
    cross join forecast_years
    inner join security_shares
        on
            assumptions.segment_id = security_shares.segment_id
            and forecast_years.year = security_shares.year
    where assumptions.share_basis = 'report_share_of_it_spend'
),

remainders as (
    select
        year,
        100 - sum(share_pct) as remainder_pct
    from fixed_shares
    group by year
),

mix_shares as (
    select
        mix.segment_id,
        remainders.year,
        remainders.remainder_pct * mix.mix_share as share_pct,
        'procurement_budget_mix' as share_method,
        cast(null as {{ xdb_type_string() }}) as source_fact_ids
    from mix
    cross join remainders
),

exact_shares as (
    select * from fixed_shares
    union all
    select * from mix_shares
),

ranked as (
    select
        exact_shares.*,
        row_number() over (
            partition by exact_shares.year
            order by exact_shares.share_pct desc, exact_shares.segment_id asc
        ) as size_rank
    from exact_shares
),

rounded as (
    select
        ranked.*,
        cast(round(ranked.share_pct, 4) as decimal(9, 4)) as share_rounded
    from ranked
),

final as (
    select
        rounded.segment_id,
        rounded.year,
        case
            when rounded.size_rank = 1
                then
                    cast(100 as decimal(9, 4))
                    - sum(case when rounded.size_rank > 1 then rounded.share_rounded end)
                        over (partition by rounded.year)
            else rounded.share_rounded
        end as share_pct,
        rounded.share_pct as share_pct_unrounded,
        rounded.size_rank = 1 as carries_rounding_residual,
        rounded.share_method,
        rounded.source_fact_ids,
        assumptions.assumptions_version,
        segments.sort_order
    from rounded
    inner join assumptions on rounded.segment_id = assumptions.segment_id
    inner join segments on rounded.segment_id = segments.segment_id
)

select * from final

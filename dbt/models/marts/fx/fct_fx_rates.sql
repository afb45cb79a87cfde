with

rates as (
    select * from {{ ref('int_fx_rates_unioned') }}
),

final as (
    select
        rate_date,
        source,
        cny_per_usd,
        rate_basis
    from rates
)

select * from final

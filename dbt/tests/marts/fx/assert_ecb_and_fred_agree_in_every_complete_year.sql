{#- Two independent fixings of one market rate: in every year complete in both sources the
    annual averages differ by less than 0.5 % (largest gap 2006–2024: 0.15 %, 2018). Returns
    the years that differ more. -#}
select
    year,
    source,
    ecb_vs_fred_rel_diff
from {{ ref('fct_fx_rates_annual') }}
where abs(ecb_vs_fred_rel_diff) > 0.005

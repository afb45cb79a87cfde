{#- UN E-Government Survey 2018: China ranks 65th with EGDI 0.6811. Returns a row unless the
    mart says so. -#}
with

china as (
    select * from {{ ref('fct_egov_index') }}
    where country_code = 'CHN' and survey_year = 2018
),

expected as (
    select
        65 as egdi_rank,
        0.6811 as egdi
)

select
    china.egdi_rank,
    china.egdi,
    china.is_peer,
    china.peer_group
from expected
left join china on true
where
    china.egdi_rank is null
    or china.egdi_rank <> expected.egdi_rank
    or abs(china.egdi - expected.egdi) > 0.00005
    or not china.is_peer
    or china.peer_group <> 'self'

{#- Every country of the peer seed appears in every survey (a mistyped ISO code would
    silently drop out of the comparison). Returns the missing peer-surveys. -#}
with

peers as (
    select * from {{ ref('egdi_peer_countries') }}
),

surveys as (
    select distinct survey_year from {{ ref('fct_egov_index') }}
),

published as (
    select
        survey_year,
        country_code
    from {{ ref('fct_egov_index') }}
    where is_peer
)

select
    surveys.survey_year,
    peers.country_code
from peers
cross join surveys
left join published
    on
        peers.country_code = published.country_code
        and surveys.survey_year = published.survey_year
where published.country_code is null

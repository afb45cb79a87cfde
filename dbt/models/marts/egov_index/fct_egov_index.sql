{#- Every country of every survey is published; the comparison set is flagged (is_peer,
    peer_group) from the egdi_peer_countries seed, and peer_egdi_rank ranks the set, China
    included, by EGDI within a survey. -#}
with

egdi as (
    select * from {{ ref('stg_un_egdi__egdi') }}
),

peers as (
    select * from {{ ref('egdi_peer_countries') }}
),

joined as (
    select
        egdi.survey_year,
        egdi.country_code,
        egdi.country_name,
        egdi.egdi_rank,
        egdi.egdi,
        egdi.osi,
        egdi.hci,
        egdi.tii,
        egdi.epi,
        peers.country_code is not null as is_peer,
        peers.peer_group,
        egdi.country_code = 'CHN' as is_china
    from egdi
    left join peers on egdi.country_code = peers.country_code
),

final as (
    select
        *,
        case
            when is_peer and egdi is not null
                then rank() over (
                    partition by survey_year, (is_peer and egdi is not null)
                    order by egdi desc
                )
        end as peer_egdi_rank
    from joined
)

select * from final

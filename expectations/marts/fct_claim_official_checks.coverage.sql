-- Every claim whose metric maps to an official series is listed exactly once.
select
    (
        select count(*) from marts.fct_report_claims as claims
        inner join raw.claim_official_series as series
            on claims.metric_id = series.metric_id
    ) as n_mapped_claims,
    (select count(*) from marts.fct_claim_official_checks) as n_listed

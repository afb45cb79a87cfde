-- Every forecast whose group has an actual from another document is listed.
select
    (
        select count(distinct forecast.claim_id)
        from marts.fct_report_claims as forecast
        inner join marts.fct_report_claims as actual
            on
                forecast.consensus_id = actual.consensus_id
                and forecast.document_id <> actual.document_id
        where forecast.kind = 'forecast' and actual.kind = 'actual'
    ) as n_expected,
    (select count(*) from marts.fct_claim_forecast_vintages) as n_listed

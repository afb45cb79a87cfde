-- A document states one figure once as a claim, however often its text repeats it.
select
    concat_ws(
        '|', document_id, metric_id, coalesce(region_code, region_level),
        coalesce(cast(period_year as varchar), '-'), coalesce(cited_publisher, '-'),
        bound_kind, coalesce(cast(value_low as varchar), '-'),
        coalesce(cast(value_high as varchar), '-')
    ) as statement_key
from marts.fct_report_claims
where claim_basis = 'stated'

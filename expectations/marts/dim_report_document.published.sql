select
    title,
    series_id,
    edition,
    n_facts,
    status_reason
from marts.dim_report_document
where status = 'published'

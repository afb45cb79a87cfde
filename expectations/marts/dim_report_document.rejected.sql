select
    status_reason,
    is_latest_edition
from marts.dim_report_document
where status = 'rejected'

select
    regexp_replace(title, '[0-9]{4}', '', 'g') as report,
    count(*) filter (where is_latest_edition) as latest
from marts.dim_report_document
group by all

select
    series_id,
    count(*) filter (where is_latest_edition) as latest
from marts.dim_report_document
where status = 'published'
group by all

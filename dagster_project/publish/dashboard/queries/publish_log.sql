-- Quality page and every page's date: the publish history in audit.publish_log, newest first.
select
    published_at,
    run_id,
    fingerprint
from audit.publish_log
order by published_at desc

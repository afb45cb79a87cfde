select
    fact_id,
    quality_flag
from marts.fct_report_facts
where value_raw like '%?%' or value is null

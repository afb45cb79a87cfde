select
    fact_id,
    value
from marts.fct_report_facts
where unit = 'CNY'

{# A share table (expected_total = 100) whose cells do not add up to 100 (±0.1). #}
select
    table_id,
    sum(value) as table_total
from {{ ref('fct_report_table_cells') }}
where expected_total is not null
group by table_id, expected_total
having abs(sum(value) - expected_total) > 0.1

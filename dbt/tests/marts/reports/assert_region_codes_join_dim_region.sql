{# A province or prefecture figure whose GB/T 2260 code is not in dim_region. #}
select
    facts.fact_id,
    facts.region_code
from {{ ref('fct_report_facts') }} as facts
left join {{ ref('dim_region') }} as regions
    on facts.region_code = regions.region_code
where
    facts.region_level in ('province', 'prefecture')
    and regions.region_code is null

select
    indicator,
    min(indicator_caveat) as caveat,
    count(*) as n_rows
from {{ payload }}
where
    indicator in (
        'telecom_revenue', 'optical_cable_length', 'computers_per_100_people',
        'digital_real_integration_index'
    )
group by indicator
having count(distinct coalesce(indicator_caveat, '')) = 1

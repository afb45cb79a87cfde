select
    region_code,
    abs(
        max(case when indicator = 'population' then value end)
        - max(case when indicator = 'population_urban' then value end)
        - max(case when indicator = 'population_rural' then value end)
    ) as gap_persons
from {{ payload }}
group by region_code

select
    region_code,
    year,
    abs(
        sum(case
            when indicator in ('va_primary', 'va_secondary', 'va_tertiary')
                then value
        end)
        - sum(case when indicator = 'gdp' then value end)
    ) / sum(case when indicator = 'gdp' then value end) as relative_gap
from {{ payload }}
group by region_code, year

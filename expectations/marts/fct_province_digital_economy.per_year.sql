select
    year,
    indicator,
    count(distinct region_code) as provinces
from marts.fct_province_digital_economy
group by year, indicator

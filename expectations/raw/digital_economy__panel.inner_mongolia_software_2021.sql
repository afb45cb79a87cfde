select value_flag
from {{ payload }}
where region_code = '150000' and year = 2021 and indicator = 'software_revenue'

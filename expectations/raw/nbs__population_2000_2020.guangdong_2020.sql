select value from {{ payload }}
where region_code = '440000' and year = 2020

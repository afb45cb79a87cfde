select
    survey_year,
    count(*) as countries
from {{ payload }}
group by survey_year

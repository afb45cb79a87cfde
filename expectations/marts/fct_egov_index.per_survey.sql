select
    survey_year,
    count(*) as countries,
    count(*) filter (where is_china) as china_rows
from marts.fct_egov_index
group by survey_year

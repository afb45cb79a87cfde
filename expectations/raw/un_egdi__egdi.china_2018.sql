select
    egdi_rank,
    egdi
from {{ payload }}
where country_code = 'CHN' and survey_year = 2018

select
    value,
    indicator_caveat,
    value_flag
from marts.fct_province_digital_economy
where is_usable

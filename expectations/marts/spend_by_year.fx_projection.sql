select
    year,
    fx_year
from marts.spend_by_year
where is_fx_projected

-- FRED's noon rate in New York against the ECB's cross rate of the same day, as last loaded.
select
    payload.source_file,
    payload.source_row,
    payload.rate_date,
    payload.cny_per_usd,
    ecb.cny_per_usd as ecb_cny_per_usd,
    payload.cny_per_usd / ecb.cny_per_usd - 1 as relative_difference
from {{ payload }} as payload
inner join raw.ecb__eurofxref as ecb on payload.rate_date = ecb.rate_date

-- The ECB's cross rate against FRED's noon rate in New York of the same day, as last loaded.
select
    payload.source_file,
    payload.source_row,
    payload.rate_date,
    payload.cny_per_usd,
    fred.cny_per_usd as fred_cny_per_usd,
    payload.cny_per_usd / fred.cny_per_usd - 1 as relative_difference
from {{ payload }} as payload
inner join raw.fred__dexchus as fred on payload.rate_date = fred.rate_date

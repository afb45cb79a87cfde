{{ nbs_staging('nbs__gdp') }}

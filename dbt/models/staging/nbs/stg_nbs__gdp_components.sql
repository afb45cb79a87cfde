{{ nbs_staging('nbs__gdp_components') }}

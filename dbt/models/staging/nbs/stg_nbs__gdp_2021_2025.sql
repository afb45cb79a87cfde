{{ nbs_staging('nbs__gdp_2021_2025') }}

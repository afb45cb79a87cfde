{{ nbs_staging('nbs__population_2000_2020') }}

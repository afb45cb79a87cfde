{{ nbs_staging('nbs__population_2024') }}

-- Every row's published rank lies within the range of ranks the weight grid gives it, and
-- the range lies within the regions ranked that year and level.
select
    region_code,
    year,
    rank,
    rank_low,
    rank_high,
    n_ranked
from {{ ref('regional_maturity_index') }}
where
    not (rank_low <= rank and rank <= rank_high)
    or rank_low < 1
    or rank_high > n_ranked
    or rank_low is null
    or rank_high is null

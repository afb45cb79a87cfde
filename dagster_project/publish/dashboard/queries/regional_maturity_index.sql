-- Regional maturity page: the provinces of marts.regional_maturity_index, with every column
-- the table has (rank_low and rank_high appear when the mart publishes a rank range).
select *  -- noqa: AM04
from marts.regional_maturity_index
where region_level = 'province'
order by year asc, rank asc

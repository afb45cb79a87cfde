select
    cur.region_code,
    cur.indicator,
    cur.year
from {{ payload }} as cur
inner join {{ payload }} as prev
    on
        cur.region_code = prev.region_code and cur.indicator = prev.indicator
        and prev.year = cur.year - 1
inner join {{ payload }} as nxt
    on
        cur.region_code = nxt.region_code and cur.indicator = nxt.indicator
        and nxt.year = cur.year + 1
where
    cur.value_flag is null and cur.value > 0 and prev.value > 0 and nxt.value > 0
    and (
        (cur.value >= 3 * prev.value and cur.value >= 3 * nxt.value)
        or (3 * cur.value <= prev.value and 3 * cur.value <= nxt.value)
    )

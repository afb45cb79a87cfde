-- Declared-contract checks on a table loaded by DuckDB (see duckdb_load.py), the SQL twins of
-- contract.check_key and contract.check_plausible. {key}, {target}, {value} and {filter} are
-- quoted identifiers (or a fixed filter) filled in by the loader; values are parameters.

-- name: any_repeated_key
-- Cheap first: one hash aggregate, no sort, in the normal case that finds nothing.
select 1
from {target}
group by {key}
having count(*) > 1
limit 1

-- name: second_occurrence
-- The earliest row (in file, then row order) whose key already appeared above it.
select
    source_file,
    source_row,
    {key}
from (
    select
        *,
        row_number() over (partition by {key} order by source_file, source_row) as occurrence
    from {target}
)
where occurrence = 2
order by source_file, source_row
limit 1

-- name: outside_range
select
    source_file,
    source_row,
    {value}
from {target}
where {filter} and ({value} < $low or {value} > $high)
order by source_file, source_row
limit 1

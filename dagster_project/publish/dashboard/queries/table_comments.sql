-- What each published table says about itself (descriptions, sources, method), for the pages'
-- notes.
select
    schema_name,
    table_name,
    comment
from duckdb_tables()
where schema_name in ('marts', 'audit')
order by schema_name, table_name

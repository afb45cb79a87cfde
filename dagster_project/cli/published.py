"""The tail of every `egov refresh` summary: where the published file is and what it holds.

Free of Dagster imports, so the no-op shortcut can print it without starting the platform.
"""

from __future__ import annotations

import duckdb

from dagster_project.settings import Paths


def published_tables(home: Paths) -> list[tuple[str, int]]:
    """(schema.table, row count) of every raw, mart and audit table in the published file."""
    con = duckdb.connect(str(home.published_db), read_only=True)
    try:
        names = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where schema_name in ('marts', 'raw', 'audit') order by 1, 2"
        ).fetchall()
        return [
            (f"{s}.{t}", con.execute(f'select count(*) from "{s}"."{t}"').fetchone()[0])
            for s, t in names
        ]
    finally:
        con.close()


def print_published(home: Paths, *, republished: bool) -> None:
    if not home.published_db.exists():
        return
    print(f"published: {home.published_db}" + ("" if republished else " (unchanged)"))
    print(f"parquet:   {home.parquet_dir}/marts/")
    for name, rows in published_tables(home):
        print(f"  {name:<48} {rows:>10} rows")

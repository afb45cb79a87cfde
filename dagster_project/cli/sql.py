"""egov sql: read-only queries against the published file."""

from __future__ import annotations

import sys

import duckdb

from dagster_project.cli.render import RENDERERS
from dagster_project.settings import paths


def run_sql(query: str, output_format: str) -> int:
    published = paths().published_db
    if not published.exists():
        print(
            f"egov: no published warehouse at {published}; run `egov refresh` first",
            file=sys.stderr,
        )
        return 1
    try:
        con = duckdb.connect(str(published), read_only=True)
    except duckdb.Error as exc:
        print(f"egov: cannot open {published}: {exc}", file=sys.stderr)
        return 1
    try:
        cursor = con.execute(query)
        if cursor.description is None:
            return 0
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    except duckdb.Error as exc:
        print(f"egov: query failed: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print(RENDERERS[output_format](columns, rows))
    return 0

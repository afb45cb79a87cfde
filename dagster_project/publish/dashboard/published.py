"""What the dashboard reads: the rows of its queries against the published file, read-only.

Each query is a `.sql` file in `queries/`, named like the relation it reads; the site ships the
same files, so every page links to the exact SQL behind it. Values are converted to what JSON
can carry (decimals to floats, timestamps to ISO text) and nothing else is done to them.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from dagster_project.core.files import sha256_file

QUERIES_DIR = Path(__file__).with_name("queries")
Row = dict[str, Any]


@dataclass(frozen=True)
class Query:
    """One query's result: its columns in order and its rows as JSON-ready dicts."""

    name: str
    sql: str
    columns: list[str]
    rows: list[Row]


@dataclass(frozen=True)
class Published:
    """Everything the pages need, read from one published file in one connection."""

    path: Path
    sha256: str
    queries: dict[str, Query] = field(default_factory=dict)

    def rows(self, name: str) -> list[Row]:
        return self.queries[name].rows

    def columns(self, name: str) -> list[str]:
        return self.queries[name].columns

    def comment(self, relation: str) -> str:
        """The description a published table carries (its dbt docs), '' if none."""
        schema, table = relation.split(".")
        for row in self.rows("table_comments"):
            if row["schema_name"] == schema and row["table_name"] == table:
                return (row["comment"] or "").strip()
        return ""

    @property
    def published_at(self) -> str | None:
        """When the file was published (the newest entry of audit.publish_log)."""
        log = self.rows("publish_log")
        return log[0]["published_at"] if log else None

    @property
    def run_id(self) -> str | None:
        log = self.rows("publish_log")
        return log[0]["run_id"] if log else None


def query_files() -> list[Path]:
    return sorted(QUERIES_DIR.glob("*.sql"))


def _json_value(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _run(con: duckdb.DuckDBPyConnection, path: Path) -> Query:
    sql = path.read_text(encoding="utf-8")
    try:
        cursor = con.execute(sql)
    except duckdb.Error as exc:
        message = f"dashboard query {path.name} failed on the published file: {exc}"
        raise RuntimeError(message) from exc
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, map(_json_value, row))) for row in cursor.fetchall()]
    return Query(path.stem, sql, columns, rows)


def read_published(path: Path) -> Published:
    """Run every dashboard query against the published file, opened read-only."""
    if not path.exists():
        raise FileNotFoundError(f"no published warehouse at {path}; run `egov refresh` first")
    digest = sha256_file(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        queries = {q.name: q for q in (_run(con, p) for p in query_files())}
    finally:
        con.close()
    return Published(path=path, sha256=digest, queries=queries)

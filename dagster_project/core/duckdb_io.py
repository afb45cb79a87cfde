"""Opening the build file: one configuration per process, retries while another step holds it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from dagster_project.core.errors import TransientError
from dagster_project.settings import duckdb_memory_limit

# A dbt subprocess that just exited (or an orphan of a killed run) can hold the lock for a
# few seconds; anything longer is a real conflict worth reporting.
LOCK_WAIT_S = 60.0


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    return "lock" in str(exc).lower()


@contextmanager
def connect(path: Path, *, read_only: bool = False, wait_s: float = LOCK_WAIT_S) -> Iterator:
    """A short-lived connection that is always closed, so the next step can open the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    delay = 0.1
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if not _is_lock_conflict(exc) or time.monotonic() > deadline:
                raise TransientError(f"cannot open {path}: {exc}") from exc
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
    try:
        limit_memory(con)
        yield con
    finally:
        con.close()


def limit_memory(con: duckdb.DuckDBPyConnection) -> None:
    """Cap DuckDB's memory for this database (it spills to disk above the limit)."""
    con.execute(f"set memory_limit = '{duckdb_memory_limit()}'")


@contextmanager
def memory_capped(con: duckdb.DuckDBPyConnection, limit: str, *, then: str) -> Iterator[None]:
    """DuckDB's memory limit set to `limit` for the block, then to `then` (a setting of the
    database instance, shared by every connection to the file in this process). `then` is
    given, not read back: DuckDB prints the limit rounded down, so restoring what it prints
    would lower it a little at every call."""
    con.execute(f"set memory_limit = '{limit}'")
    try:
        yield
    finally:
        con.execute(f"set memory_limit = '{then}'")


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    row = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table],
    ).fetchone()
    return bool(row and row[0])


def replace_table(con: duckdb.DuckDBPyConnection, schema: str, table: str, frame: object) -> int:
    """Swap a table's content in one transaction: readers of the build never see half of it."""
    target = f"{quote_ident(schema)}.{quote_ident(table)}"
    con.execute("begin transaction")
    try:
        con.execute(f"create schema if not exists {quote_ident(schema)}")
        con.register("_incoming", frame)
        con.execute(f"create or replace table {target} as select * from _incoming")
        con.unregister("_incoming")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return int(con.execute(f"select count(*) from {target}").fetchone()[0])

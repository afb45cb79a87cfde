"""Write-audit-publish: the only writer of the published file $EGOV_HOME/egov.duckdb.

The pipeline builds into a private file; once every asset and blocking check has passed,
this module copies the layers into a fresh file (in the storage format older DuckDB clients
read), exports the marts to Parquet, fsyncs, and swaps both in with atomic renames. A reader
that holds the old file keeps reading the old inode; a crash at any point leaves the
previous published file untouched (a half-written temporary is removed on the next run).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from dagster_project.core.duckdb_io import quote_ident
from dagster_project.core.files import fsync_path, sha256_file
from dagster_project.settings import STORAGE_COMPATIBILITY, Paths, drill_pause_s

PUBLISHED_SCHEMAS = ("raw", "staging", "intermediate", "marts", "audit")
PARQUET_SCHEMAS = ("marts",)
TMP_PREFIX = ".egov.duckdb.tmp-"
KEEP_PARQUET_VERSIONS = 2


@dataclass(frozen=True)
class PublishResult:
    path: Path
    sha256: str
    tables: dict[str, int]
    parquet_dir: Path
    published_at: str


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def remove_stale_temporaries(home: Paths) -> None:
    """Leftovers of a publish that was killed before its rename."""
    for leftover in home.home.glob(f"{TMP_PREFIX}*"):
        leftover.unlink(missing_ok=True)
    for leftover in (home.home / "parquet_versions").glob("*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)


def _relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str | None]]:
    schemas = ", ".join(_sql_string(s) for s in PUBLISHED_SCHEMAS)
    return con.execute(
        f"""
        select schema_name, table_name, comment from duckdb_tables()
        where database_name = 'build' and schema_name in ({schemas})
        union all
        select schema_name, view_name, comment from duckdb_views()
        where database_name = 'build' and schema_name in ({schemas}) and not internal
        order by 1, 2
        """
    ).fetchall()


def _copy_comments(
    con: duckdb.DuckDBPyConnection, schema: str, table: str, comment: str | None
) -> None:
    target = f"pub.{quote_ident(schema)}.{quote_ident(table)}"
    if comment:
        con.execute(f"comment on table {target} is {_sql_string(comment)}")
    columns = con.execute(
        "select column_name, comment from duckdb_columns() where database_name = 'build' "
        "and schema_name = ? and table_name = ? and comment is not null",
        [schema, table],
    ).fetchall()
    for column, text in columns:
        con.execute(f"comment on column {target}.{quote_ident(column)} is {_sql_string(text)}")


def _build_published_copy(
    build_db: Path, tmp: Path, previous: Path, run_id: str, fingerprint: str
) -> dict[str, int]:
    """Materialise every relation of the published layers (views too) into the new file."""
    counts: dict[str, int] = {}
    con = duckdb.connect()
    try:
        con.execute(f"attach {_sql_string(str(build_db))} as build (read_only)")
        storage = _sql_string(STORAGE_COMPATIBILITY)
        con.execute(f"attach {_sql_string(str(tmp))} as pub (storage_version {storage})")
        for schema in PUBLISHED_SCHEMAS:
            con.execute(f"create schema if not exists pub.{quote_ident(schema)}")
        for schema, table, comment in _relations(con):
            source = f"build.{quote_ident(schema)}.{quote_ident(table)}"
            target = f"pub.{quote_ident(schema)}.{quote_ident(table)}"
            con.execute(f"create table {target} as select * from {source}")
            _copy_comments(con, schema, table, comment)
            counts[f"{schema}.{table}"] = con.execute(f"select count(*) from {target}").fetchone()[
                0
            ]
        con.execute(
            "create table if not exists pub.audit.publish_log "
            "(published_at timestamp with time zone, run_id varchar, fingerprint varchar)"
        )
        _carry_publish_log(con, previous)
        con.execute("insert into pub.audit.publish_log values (now(), ?, ?)", [run_id, fingerprint])
        counts["audit.publish_log"] = con.execute(
            "select count(*) from pub.audit.publish_log"
        ).fetchone()[0]
        con.execute("detach pub")
    finally:
        con.close()
    return counts


def _carry_publish_log(con: duckdb.DuckDBPyConnection, previous: Path) -> None:
    """Copy the publish history of the file being replaced: every new file is built from the
    build file, which has no publish log, so without this each file would know one publish."""
    if not previous.exists():
        return
    try:
        con.execute(f"attach {_sql_string(str(previous))} as previous (read_only)")
    except duckdb.Error as exc:
        # An unreadable previous file must not stop a good build from replacing it.
        print(f"egov: publish history of {previous} not carried over: {exc}", file=sys.stderr)
        return
    try:
        if con.execute(
            "select count(*) from duckdb_tables() where database_name = 'previous' "
            "and schema_name = 'audit' and table_name = 'publish_log'"
        ).fetchone()[0]:
            con.execute(
                "insert into pub.audit.publish_log by name "
                "select * from previous.audit.publish_log order by published_at"
            )
    finally:
        con.execute("detach previous")


def _export_parquet(published: Path, versions_dir: Path) -> Path:
    """Marts as Parquet in a new version folder (the symlink swap happens later)."""
    folder = versions_dir / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}.tmp"
    con = duckdb.connect(str(published), read_only=True)
    try:
        for schema in PARQUET_SCHEMAS:
            (folder / schema).mkdir(parents=True, exist_ok=True)
            tables = con.execute(
                "select table_name from duckdb_tables() where schema_name = ?", [schema]
            ).fetchall()
            for (table,) in tables:
                out = folder / schema / f"{table}.parquet"
                con.execute(
                    f"copy {quote_ident(schema)}.{quote_ident(table)} to {_sql_string(str(out))} "
                    "(format parquet)"
                )
    finally:
        con.close()
    final = folder.with_suffix("")
    folder.rename(final)
    return final


def _swap_symlink(link: Path, target: Path) -> None:
    tmp_link = link.with_name(f".{link.name}.{uuid.uuid4().hex[:6]}")
    tmp_link.symlink_to(target.relative_to(link.parent))
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)
    os.replace(tmp_link, link)


def _prune_versions(versions_dir: Path, current: Path) -> None:
    versions = sorted(p for p in versions_dir.iterdir() if p.is_dir() and p.suffix != ".tmp")
    for old in versions[:-KEEP_PARQUET_VERSIONS]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


def publish(home: Paths, *, run_id: str, fingerprint: str) -> PublishResult:
    """Copy, export, fsync and swap. The previous file stays valid until the rename."""
    home.home.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(home)
    tmp = home.home / f"{TMP_PREFIX}{uuid.uuid4().hex}"
    try:
        counts = _build_published_copy(home.build_db, tmp, home.published_db, run_id, fingerprint)
        fsync_path(tmp)
        versions_dir = home.home / "parquet_versions"
        parquet_version = _export_parquet(tmp, versions_dir)
        digest = sha256_file(tmp)
        time.sleep(drill_pause_s("publish"))
        os.replace(tmp, home.published_db)
        fsync_path(home.home)
        _swap_symlink(home.parquet_dir, parquet_version)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    _prune_versions(versions_dir, parquet_version)
    return PublishResult(
        path=home.published_db,
        sha256=digest,
        tables=counts,
        parquet_dir=home.parquet_dir,
        published_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )

"""Write-audit-publish: the only writer of the published file $EGOV_HOME/egov.duckdb.

The pipeline builds into a private file; once every asset and blocking check has passed,
this module writes a new file beside the published one, exports the marts to Parquet,
fsyncs, and swaps both in with atomic renames. A reader that holds the old file keeps
reading the old inode; a crash at any point leaves the previous published file untouched
(a half-written temporary is removed on the next run).

Two ways to write the new file, same rows either way:

* **full**: every relation of the published layers copied from the build file into a
  fresh file in the storage format older DuckDB clients read (views materialised);
* **incremental**: the previous published file copied (sequential IO) and, inside the
  copy, only the relations whose version changed since it was published replaced, plus
  the audit tables. Used when the caller knows the version of every relation and the file
  on disk is the one those versions describe; unknown relations are always replaced.

Every publish appends one row to `audit.publish_log`, whose earlier rows come from the
file it replaces.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from dagster_project.core.duckdb_io import limit_memory, quote_ident
from dagster_project.core.files import fsync_path, sha256_file
from dagster_project.publish.records import content_identity, reconcile
from dagster_project.settings import STORAGE_COMPATIBILITY, Paths, drill_pause_s

PUBLISHED_SCHEMAS = ("raw", "staging", "intermediate", "marts", "audit")
PARQUET_SCHEMAS = ("marts",)
# Rebuilt on every publish: the quality history grows with every run.
ALWAYS_REPLACED = ("audit",)
PUBLISH_LOG = "audit.publish_log"
TMP_PREFIX = ".egov.duckdb.tmp-"
KEEP_PARQUET_VERSIONS = 2
# Replaced relations leave free blocks in the copy; past this share of the file, the next
# publish writes a fresh file instead, so the published file never keeps growing.
MAX_FREE_SHARE = 0.5


@dataclass(frozen=True)
class Previous:
    """What the published file holds: its identity and the version of each relation."""

    identity: list[int] | None
    relations: Mapping[str, str]


@dataclass(frozen=True)
class PublishResult:
    path: Path
    sha256: str
    tables: dict[str, int]
    parquet_dir: Path
    published_at: str
    mode: str = "full"
    replaced: tuple[str, ...] = ()
    identity: list[int] | None = None
    relations: dict[str, str] = field(default_factory=dict)


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _name(schema: str, table: str, catalog: str) -> str:
    return f"{catalog}.{quote_ident(schema)}.{quote_ident(table)}"


def remove_stale_temporaries(home: Paths) -> None:
    """Leftovers of a killed publish: its temporary files, and its record if it died
    between the rename and the final record (see publish.records)."""
    reconcile(home)
    for leftover in home.home.glob(f"{TMP_PREFIX}*"):
        leftover.unlink(missing_ok=True)
    for leftover in (home.home / "parquet_versions").glob("*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)


def _relations(con: duckdb.DuckDBPyConnection, catalog: str) -> dict[str, str | None]:
    """schema.table -> comment, of every table and view of the published layers."""
    schemas = ", ".join(_sql_string(s) for s in PUBLISHED_SCHEMAS)
    rows = con.execute(
        f"""
        select schema_name, table_name, comment from duckdb_tables()
        where database_name = ? and schema_name in ({schemas})
        union all
        select schema_name, view_name, comment from duckdb_views()
        where database_name = ? and schema_name in ({schemas}) and not internal
        order by 1, 2
        """,
        [catalog, catalog],
    ).fetchall()
    return {f"{schema}.{table}": comment for schema, table, comment in rows}


def _copy_comments(
    con: duckdb.DuckDBPyConnection, schema: str, table: str, comment: str | None
) -> None:
    target = _name(schema, table, "pub")
    if comment:
        con.execute(f"comment on table {target} is {_sql_string(comment)}")
    columns = con.execute(
        "select column_name, comment from duckdb_columns() where database_name = 'build' "
        "and schema_name = ? and table_name = ? and comment is not null",
        [schema, table],
    ).fetchall()
    for column, text in columns:
        con.execute(f"comment on column {target}.{quote_ident(column)} is {_sql_string(text)}")


def _copy_relation(con: duckdb.DuckDBPyConnection, relation: str, comment: str | None) -> None:
    schema, table = relation.split(".", 1)
    source, target = _name(schema, table, "build"), _name(schema, table, "pub")
    con.execute(f"create schema if not exists pub.{quote_ident(schema)}")
    con.execute(f"create table {target} as select * from {source}")
    _copy_comments(con, schema, table, comment)


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    counts = {}
    for relation in _relations(con, "pub"):
        schema, table = relation.split(".", 1)
        counts[relation] = con.execute(
            f"select count(*) from {_name(schema, table, 'pub')}"
        ).fetchone()[0]
    return counts


def _log_publish(
    con: duckdb.DuckDBPyConnection, run_id: str, fingerprint: str, earlier: Path | None
) -> None:
    """One row for this publish, after the rows of the file it replaces."""
    con.execute(
        f"create table if not exists pub.{PUBLISH_LOG} "
        "(published_at timestamp with time zone, run_id varchar, fingerprint varchar)"
    )
    if earlier is not None:
        try:
            con.execute(f"attach {_sql_string(str(earlier))} as earlier (read_only)")
        except duckdb.Error as exc:
            # An unreadable previous file must not stop a good build from replacing it.
            print(f"egov: publish history of {earlier} not carried over: {exc}", file=sys.stderr)
            earlier = None
    if earlier is not None:
        try:
            found = con.execute(
                "select count(*) from duckdb_tables() where database_name = 'earlier' "
                "and schema_name = 'audit' and table_name = 'publish_log'"
            ).fetchone()[0]
            if found:
                con.execute(
                    f"insert into pub.{PUBLISH_LOG} by name select * from earlier.{PUBLISH_LOG} "
                    "order by published_at"
                )
        finally:
            con.execute("detach earlier")
    con.execute(f"insert into pub.{PUBLISH_LOG} values (now(), ?, ?)", [run_id, fingerprint])


def _write_full(
    build_db: Path, tmp: Path, run_id: str, fingerprint: str, earlier: Path | None
) -> tuple[dict[str, int], tuple[str, ...]]:
    """Materialise every relation of the published layers (views too) into a new file."""
    con = duckdb.connect()
    try:
        limit_memory(con)
        con.execute(f"attach {_sql_string(str(build_db))} as build (read_only)")
        storage = _sql_string(STORAGE_COMPATIBILITY)
        con.execute(f"attach {_sql_string(str(tmp))} as pub (storage_version {storage})")
        for schema in PUBLISHED_SCHEMAS:
            con.execute(f"create schema if not exists pub.{quote_ident(schema)}")
        relations = _relations(con, "build")
        for relation, comment in relations.items():
            _copy_relation(con, relation, comment)
        _log_publish(con, run_id, fingerprint, earlier)
        counts = _counts(con)
        con.execute("detach pub")
    finally:
        con.close()
    return counts, tuple(relations)


def _stale(
    relation: str, versions: Mapping[str, str], previous: Previous, published: set[str]
) -> bool:
    if relation.split(".", 1)[0] in ALWAYS_REPLACED or relation not in published:
        return True
    version = versions.get(relation)
    return version is None or previous.relations.get(relation) != version


def _free_share(con: duckdb.DuckDBPyConnection) -> float:
    row = con.execute(
        "select total_blocks, free_blocks from pragma_database_size() where database_name = 'pub'"
    ).fetchone()
    return (row[1] / row[0]) if row and row[0] else 0.0


def _write_incremental(
    build_db: Path,
    tmp: Path,
    *,
    run_id: str,
    fingerprint: str,
    versions: Mapping[str, str],
    previous: Previous,
) -> tuple[dict[str, int], tuple[str, ...]] | None:
    """Replace the changed relations inside `tmp` (a copy of the published file).

    None when the copy is not worth patching (too much free space): write a full file."""
    con = duckdb.connect()
    try:
        limit_memory(con)
        con.execute(f"attach {_sql_string(str(tmp))} as pub")
        if _free_share(con) > MAX_FREE_SHARE:
            return None
        con.execute(f"attach {_sql_string(str(build_db))} as build (read_only)")
        built = _relations(con, "build")
        published = set(_relations(con, "pub"))
        replaced = tuple(r for r in built if _stale(r, versions, previous, published))
        gone = [r for r in published if r not in built and r != PUBLISH_LOG]
        for relation in (*gone, *replaced):
            if relation in published:
                schema, table = relation.split(".", 1)
                con.execute(f"drop table {_name(schema, table, 'pub')}")
        for relation in replaced:
            _copy_relation(con, relation, built[relation])
        _log_publish(con, run_id, fingerprint, None)
        counts = _counts(con)
        con.execute("detach pub")
    finally:
        con.close()
    return counts, replaced


def _export_parquet(
    published: Path,
    versions_dir: Path,
    *,
    reuse: Path | None = None,
    changed: frozenset[str] = frozenset(),
) -> Path:
    """Marts as Parquet in a new version folder (the symlink swap happens later).

    With `reuse` (the folder published last), a mart that did not change is hard-linked
    from it instead of written again: Parquet files are never modified once written."""
    # Microseconds: versions are pruned by name, so names must sort in build order.
    folder = versions_dir / f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:6]}.tmp"
    con = duckdb.connect(str(published), read_only=True)
    try:
        limit_memory(con)
        for schema in PARQUET_SCHEMAS:
            (folder / schema).mkdir(parents=True, exist_ok=True)
            tables = con.execute(
                "select table_name from duckdb_tables() where schema_name = ?", [schema]
            ).fetchall()
            for (table,) in tables:
                out = folder / schema / f"{table}.parquet"
                earlier = reuse / schema / out.name if reuse is not None else None
                if earlier is not None and earlier.exists() and f"{schema}.{table}" not in changed:
                    os.link(earlier, out)
                    continue
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


def _current_parquet(home: Paths) -> Path | None:
    link = home.parquet_dir
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def publish(
    home: Paths,
    *,
    run_id: str,
    fingerprint: str,
    versions: Mapping[str, str] | None = None,
    previous: Previous | None = None,
    before_swap: Callable[[PublishResult], None] | None = None,
) -> PublishResult:
    """Write, export, fsync and swap. The previous file stays valid until the rename.

    `versions` (schema.relation -> version, of the build) and `previous` (what the
    published file holds) allow the incremental write; `before_swap` is called with the
    result just before the rename (to record what is about to be published)."""
    home.home.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(home)
    tmp = home.home / f"{TMP_PREFIX}{uuid.uuid4().hex}"
    earlier = home.published_db if home.published_db.exists() else None
    incremental = (
        versions is not None
        and previous is not None
        and earlier is not None
        and previous.identity == content_identity(earlier)
    )
    try:
        written = None
        if incremental:
            shutil.copyfile(earlier, tmp)
            written = _write_incremental(
                home.build_db,
                tmp,
                run_id=run_id,
                fingerprint=fingerprint,
                versions=versions,
                previous=previous,
            )
            if written is None:
                tmp.unlink()
        mode = "incremental" if written is not None else "full"
        if written is None:
            written = _write_full(home.build_db, tmp, run_id, fingerprint, earlier)
        counts, replaced = written
        fsync_path(tmp)
        versions_dir = home.home / "parquet_versions"
        reuse = _current_parquet(home) if mode == "incremental" else None
        parquet_version = _export_parquet(
            tmp, versions_dir, reuse=reuse, changed=frozenset(replaced)
        )
        result = PublishResult(
            path=home.published_db,
            sha256=sha256_file(tmp),
            tables=counts,
            parquet_dir=home.parquet_dir,
            published_at=datetime.now(UTC).isoformat(timespec="seconds"),
            mode=mode,
            replaced=replaced,
            identity=content_identity(tmp),
            relations={r: v for r, v in (versions or {}).items() if r in counts},
        )
        if before_swap is not None:
            before_swap(result)
        time.sleep(drill_pause_s("publish"))
        os.replace(tmp, home.published_db)
        fsync_path(home.home)
        _swap_symlink(home.parquet_dir, parquet_version)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    _prune_versions(versions_dir, parquet_version)
    return result

"""The records of what was built and published, and of the last successful CLI refresh.

* `build.json`: what the build file holds: the warehouse fingerprint (core.changes) of the
  last dbt step (`partial:<fingerprint>` for a subset run, so it never vouches for the whole
  warehouse), the version of every dbt node it holds (transform.versions) and of every
  relation dbt builds. Nodes about to be rebuilt are dropped from it before dbt starts.
* `published.json`: the fingerprint, sha256, run, file identity (size, mtime) and
  relation versions of the file published last. `publishing.json` is the same record
  written just before the rename: if a refresh dies between the rename and the final
  record, the identity of the file on disk says which of the two describes it, so the
  provenance shown (`egov status`) always matches the published file.
* `shortcut.json`: the input digest of the last successful `egov refresh` together with the
  identity of the file it left published. It is forgotten when a run starts, so a failed or
  killed run is always followed by one that goes through the job.

Dagster-free: the no-op shortcut reads these before the platform is imported.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dagster_project.core.files import now_iso, read_json, write_json
from dagster_project.settings import Paths


def file_identity(path: Path) -> list[int] | None:
    """(inode, size, mtime in ns): a rename keeps it, any rewrite or replacement changes it."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def content_identity(path: Path) -> list[int] | None:
    """(size, mtime in ns): what a publish record vouches for. A rename keeps it, so does a
    copy of the whole home that keeps times (cp -a, copytree); any rewrite changes it."""
    identity = file_identity(path)
    return identity[1:] if identity else None


def record_build(
    home: Paths,
    fingerprint: str,
    *,
    nodes: Mapping[str, str],
    relations: Mapping[str, str],
    finished: bool,
    rebuilt: int | None = None,
    forced: bool = False,
) -> None:
    record = {
        "fingerprint": fingerprint,
        "finished": finished,
        "forced": forced,
        "at": now_iso(),
        "rebuilt": rebuilt,
        "nodes": dict(nodes),
        "relations": dict(relations),
    }
    write_json(home.build_record, record)


def built_fingerprint(home: Paths) -> str | None:
    return read_json(home.build_record).get("fingerprint")


def build_forced(home: Paths) -> bool:
    """The last build was forced: its publish writes a fresh file, not a patched copy."""
    return bool(read_json(home.build_record).get("forced"))


def built_nodes(home: Paths) -> dict[str, str]:
    """unique_id -> version of the dbt nodes the build file holds (nothing if unknown)."""
    return dict(read_json(home.build_record).get("nodes") or {})


def built_relations(home: Paths) -> dict[str, str]:
    """schema.relation -> version of the relations dbt built into the build file."""
    return dict(read_json(home.build_record).get("relations") or {})


def record_publishing(home: Paths, record: Mapping[str, Any]) -> None:
    """Just before the rename: what the file about to become egov.duckdb is."""
    write_json(home.publishing_record, {**record, "at": now_iso()})


def record_published(home: Paths, record: Mapping[str, Any]) -> None:
    """After the rename (and only after a successful publish)."""
    write_json(home.published_record, {**record, "at": record.get("at") or now_iso()})
    home.publishing_record.unlink(missing_ok=True)


def published_record(home: Paths) -> dict[str, Any]:
    """The record of the file published now: the pending record if the rename happened."""
    pending = read_json(home.publishing_record)
    if pending and pending.get("identity") == content_identity(home.published_db):
        return pending
    return read_json(home.published_record)


def reconcile(home: Paths) -> None:
    """Settle a publish that died around its rename (under the refresh lock)."""
    pending = read_json(home.publishing_record)
    if not pending:
        return
    if pending.get("identity") == content_identity(home.published_db):
        record_published(home, pending)
    else:
        home.publishing_record.unlink(missing_ok=True)


def is_published(home: Paths, fingerprint: str) -> bool:
    """The file published now is the one recorded for this fingerprint."""
    record = published_record(home)
    identity = content_identity(home.published_db)
    return (
        identity is not None
        and record.get("fingerprint") == fingerprint
        and (record.get("identity") == identity)
    )


def record_refresh(home: Paths, digest: str, run_id: str) -> None:
    """After a successful CLI refresh: these inputs gave the file that is published now."""
    published = file_identity(home.published_db)
    if published is None:
        return
    write_json(
        home.shortcut_record,
        {"digest": digest, "published": published, "run_id": run_id, "at": now_iso()},
    )


def forget_refresh(home: Paths) -> None:
    """Before a run starts: until it succeeds, the next refresh goes through the job too."""
    home.shortcut_record.unlink(missing_ok=True)


def unchanged_since(home: Paths, digest: str | None) -> dict[str, Any] | None:
    """The record of the last refresh if its inputs and published file are still the same."""
    if digest is None:
        return None
    entry = read_json(home.shortcut_record)
    if entry.get("digest") != digest:
        return None
    if entry.get("published") != file_identity(home.published_db):
        return None
    return entry

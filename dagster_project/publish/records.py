"""The records of what was built and published, and of the last successful CLI refresh.

* `build.json`: the warehouse fingerprint (core.changes) the dbt step started building;
  a subset run records `partial:<fingerprint>` so it never vouches for the whole warehouse.
* `published.json`: the fingerprint, sha256 and run of the file published last. It is written
  only after a successful publish, so a refresh that failed a check is retried in full.
* `shortcut.json`: the input digest of the last successful `egov refresh` together with the
  identity (inode, size, mtime) of the file it left published. It is forgotten when a run
  starts, so a failed or killed run is always followed by one that goes through the job.

Dagster-free: the no-op shortcut reads these before the platform is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dagster_project.core.files import now_iso, read_json, write_json
from dagster_project.settings import Paths


def record_build_started(home: Paths, fingerprint: str) -> None:
    write_json(home.build_record, {"fingerprint": fingerprint, "at": now_iso()})


def built_fingerprint(home: Paths) -> str | None:
    return read_json(home.build_record).get("fingerprint")


def record_published(home: Paths, record: dict[str, Any]) -> None:
    write_json(home.published_record, {**record, "at": now_iso()})


def published_record(home: Paths) -> dict[str, Any]:
    return read_json(home.published_record)


def is_published(home: Paths, fingerprint: str) -> bool:
    record = published_record(home)
    return record.get("fingerprint") == fingerprint and home.published_db.exists()


def _identity(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def record_refresh(home: Paths, digest: str, run_id: str) -> None:
    """After a successful CLI refresh: these inputs gave the file that is published now."""
    published = _identity(home.published_db)
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
    if entry.get("published") != _identity(home.published_db):
        return None
    return entry

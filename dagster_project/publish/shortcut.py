"""The no-op shortcut of `egov refresh`: nothing changed, so nothing needs to start.

The refresh job already rebuilds nothing when no input changed (state.py), but to know that it
loads the definitions, opens the instance and re-reads every source: seconds of start-up for
an answer that is "no". In snapshot and drop mode every input of a refresh is a local file, so
a digest of those files answers the same question in milliseconds, before Dagster is imported:

* the project: sources/ (declarations, snapshots, bundled report output), the dbt project
  (the files `dbt parse` reads), expectations/ and the package's own code;
* the installed versions of the libraries that compute and write the data;
* the warehouse home: every file waiting in inbox/ (path, size, mtime) and the report
  documents landed by `egov ingest-report` (their sha256);
* the EGOV_* settings of the process.

The digest is recorded after a successful CLI refresh together with the identity of the file
it left published, and forgotten when the next run starts. The shortcut is taken only when
the last CLI refresh succeeded and both still match: a failed or killed run, any other
publish (a report ingested, a run from the UI or a schedule) or a removed published file
sends the next refresh through the job. A dataset whose default mode is http disables it,
since only a request can tell whether the remote file changed; `--force` and `--no-shortcut`
bypass it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from dagster_project.settings import DBT_DIR, EXPECTATIONS_DIR, PROJECT_ROOT, SOURCES_DIR, Paths
from dagster_project.transform.manifest import WATCHED

RECORD_FILE = "shortcut.json"
PACKAGE_DIR = PROJECT_ROOT / "dagster_project"
# The libraries whose version can change what lands in the published file.
DISTRIBUTIONS = (
    "dagster",
    "dagster-dbt",
    "dbt-core",
    "dbt-duckdb",
    "duckdb",
    "great-expectations",
    "pandas",
    "opencc",
    "openpyxl",
    "xlrd",
    "pyreadr",
)


def _files(root: Path) -> Iterable[Path]:
    if root.is_file():
        yield root
    elif root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path


def _hash_contents(digest: Any, roots: Iterable[Path]) -> None:
    for root in roots:
        for path in _files(root):
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())


def _hash_listing(digest: Any, root: Path) -> None:
    for path in _files(root):
        info = path.stat()
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())


def _landed_reports(home: Paths) -> list[tuple[str, str]]:
    landed = []
    for state in sorted((home.state_dir / "reports").glob("*.json")):
        try:
            landed.append((state.stem, json.loads(state.read_text(encoding="utf-8"))["sha256"]))
        except (OSError, ValueError, KeyError):
            landed.append((state.stem, "unreadable"))
    return landed


def _versions() -> dict[str, str]:
    found = {"python": sys.version}
    for name in DISTRIBUTIONS:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    return found


def _http_datasets() -> list[str]:
    from dagster_project.landing.declarations import all_specs

    return sorted(name for name, spec in all_specs().items() if spec.default_mode == "http")


def input_digest(home: Paths) -> str | None:
    """sha256 over every input of a full refresh; None when one can only be known remotely."""
    if _http_datasets():
        return None
    digest = hashlib.sha256()
    _hash_contents(
        digest,
        [
            SOURCES_DIR,
            *(DBT_DIR / name for name in WATCHED),
            EXPECTATIONS_DIR,
            PACKAGE_DIR,
        ],
    )
    _hash_listing(digest, home.inbox_dir)
    _hash_listing(digest, home.reports_inbox)
    settings = {k: v for k, v in os.environ.items() if k.startswith("EGOV_")}
    extra = {"reports": _landed_reports(home), "versions": _versions(), "settings": settings}
    digest.update(json.dumps(extra, sort_keys=True).encode())
    return digest.hexdigest()


def _identity(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def record(home: Paths, digest: str, run_id: str) -> None:
    """After a successful refresh: these inputs gave the file that is published now."""
    published = _identity(home.published_db)
    if published is None:
        return
    entry = {
        "digest": digest,
        "published": published,
        "run_id": run_id,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    target = home.state_dir / RECORD_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(entry, indent=2), encoding="utf-8")
    tmp.replace(target)


def forget(home: Paths) -> None:
    """Before a run starts: until it succeeds, the next refresh goes through the job too (so a
    killed or failed run is always followed by one that recovers and reports it)."""
    (home.state_dir / RECORD_FILE).unlink(missing_ok=True)


def unchanged_since(home: Paths, digest: str | None) -> dict[str, Any] | None:
    """The record of the last refresh if its inputs and published file are still the same."""
    if digest is None:
        return None
    try:
        entry = json.loads((home.state_dir / RECORD_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    if entry.get("digest") != digest:
        return None
    if entry.get("published") != _identity(home.published_db):
        return None
    return entry

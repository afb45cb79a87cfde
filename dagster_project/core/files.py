"""Hashing files and writing small JSON records: one way of each for the whole platform.

Every state record under `$EGOV_HOME/state/` is written by `write_json` (a sibling file,
fsynced, renamed over the old one), so a crash leaves the old record or the new one, never
half of one. A record that is unreadable anyway (a disk that lied, a hand edit) is moved
aside by `read_json`, named on stderr, and read as absent: every record can be rebuilt from
the landing store and the run history, so a damaged one costs a re-parse, not a stuck
warehouse.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

CHUNK = 1 << 20
CORRUPT_MARK = ".corrupt-"
CORRUPT_STAMP = "%Y%m%dT%H%M%S"


def sha256_file(path: Path) -> str:
    """The sha256 of a file's bytes (what `sha256sum` prints), read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fsync_path(path: Path) -> None:
    """Flush a file (or a directory entry, after a rename) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_json(path: Path, record: Any) -> None:
    """Replace `path` atomically with `record` as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(record, handle, indent=2, ensure_ascii=False, default=str)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read_json(path: Path) -> dict[str, Any]:
    """The record at `path`; {} when absent. A corrupt record is moved aside and named."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        record = json.loads(text)
        if not isinstance(record, dict):
            raise ValueError(f"expected a JSON object, found {type(record).__name__}")
    except ValueError as exc:
        stamp = datetime.now(UTC).strftime(CORRUPT_STAMP)
        aside = path.with_name(f"{path.name}{CORRUPT_MARK}{stamp}")
        os.replace(path, aside)
        print(
            f"egov: state file {path} was unreadable ({exc}); moved to {aside.name} and "
            "rebuilt from the landing store and the run history",
            file=sys.stderr,
        )
        return {}
    return record


def moved_aside_since(root: Path, since: datetime) -> list[Path]:
    """Records under `root` that `read_json` moved aside at or after `since` (the aside
    copies, oldest first), so a command can tell its user what it recovered."""
    found = []
    for aside in root.rglob(f"*{CORRUPT_MARK}*"):
        stamp = aside.name.rpartition(CORRUPT_MARK)[2]
        try:
            moved = datetime.strptime(stamp, CORRUPT_STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        if moved >= since.replace(microsecond=0):
            found.append((moved, aside))
    return [aside for _, aside in sorted(found)]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

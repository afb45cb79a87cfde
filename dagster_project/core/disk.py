"""Recognising a full disk wherever it surfaces, and saying so in one paragraph.

A full file system shows up in many costumes: `OSError` errno 28 from Python, DuckDB's
`IO Error: … No space left on device`, SQLite's `database or disk is full` from the Dagster
instance, dbt's own log of either. They are recognised here by errno or by message, through
the whole chain of causes (and in the text Dagster keeps of a failed step), so that every
command answers with the same short explanation instead of a traceback.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

MARKERS = (
    "no space left on device",
    "database or disk is full",
    "disk is full",
    "[errno 28]",
    "enospc",
)


# SQLite often reports a write that found no space as a plain "disk I/O error" (SQLITE_IOERR,
# e.g. while extending its journal), DuckDB as an "IO Error": an I/O error on a file system
# that is (nearly) full is taken for what it almost surely is.
IO_MARKERS = ("disk i/o error", "io error", "input/output error")
NEARLY_FULL_BYTES = 64 * 1024 * 1024


def is_disk_full_text(text: str | None, home: Path | None = None) -> bool:
    lowered = (text or "").lower()
    if any(marker in lowered for marker in MARKERS):
        return True
    return home is not None and any(m in lowered for m in IO_MARKERS) and nearly_full(home)


def nearly_full(path: Path) -> bool:
    usage = _usage(path)
    return usage is not None and usage[0] < min(NEARLY_FULL_BYTES, usage[1] // 20)


def is_disk_full(error: BaseException, home: Path | None = None) -> bool:
    """True when the error or any of its causes is a full file system (an I/O error counts
    when the file system holding `home` is nearly full)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno == errno.ENOSPC:
            return True
        if is_disk_full_text(str(current), home):
            return True
        current = current.__cause__ or current.__context__
    return False


def _usage(path: Path) -> tuple[int, int] | None:
    """(free, total) bytes of the file system holding `path` (or its nearest parent)."""
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        usage = shutil.disk_usage(probe)
    except OSError:
        return None
    return usage.free, usage.total


def _free(path: Path) -> str:
    usage = _usage(path)
    if usage is None:
        return "unknown free space"
    return f"{usage[0] / 1e6:.1f} MB free of {usage[1] / 1e6:.0f} MB"


def disk_full_message(home: Path, published: Path, *, published_changed: bool) -> str:
    """The paragraph every command prints when the disk filled up."""
    outcome = (
        f"The new file was already in place at {published}, but what came after it (the "
        "Parquet export or the records) may be incomplete: run `egov refresh` again."
        if published_changed
        else f"Nothing was published: {published} is unchanged and readers keep using it."
    )
    return (
        f"egov: no space left on device. The file system holding {home} is full "
        f"({_free(home)}). {outcome} Free some space (old logs in {home / 'logs'}, payloads "
        f"no longer needed in {home / 'landing'}) and run the command again; a refresh picks "
        "up where it stopped."
    )

"""The refresh lock: two refreshes never write the build file at once.

Dagster's pool limits steps, not whole runs, and `egov refresh` runs in-process outside the
run queue, so every writer (the CLI and any run launched from the UI or a schedule) also
holds this file lock for its whole run. The lock is re-entrant within a process: the CLI
takes it first, and the run's resource then joins it instead of waiting on itself.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path


class RefreshBusyError(RuntimeError):
    """Another refresh holds the lock and the caller chose not to wait (long enough)."""


_held: dict[Path, tuple[int, int]] = {}
_guard = threading.Lock()


def holder(lock_file: Path) -> str:
    try:
        return lock_file.read_text(encoding="utf-8").strip() or "unknown process"
    except FileNotFoundError:
        return "unknown process"


def _acquire(lock_file: Path, wait_s: float | None, on_wait: object) -> int:
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = None if wait_s is None else time.monotonic() + wait_s
    announced = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if deadline is not None and time.monotonic() >= deadline:
                os.close(fd)
                raise RefreshBusyError(
                    f"another refresh is running ({holder(lock_file)}); lock file {lock_file}"
                ) from None
            if not announced and callable(on_wait):
                on_wait(holder(lock_file))
                announced = True
            time.sleep(0.5)
    os.ftruncate(fd, 0)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    os.write(fd, f"pid {os.getpid()} since {stamp}\n".encode())
    return fd


@contextmanager
def refresh_lock(
    lock_file: Path, wait_s: float | None = None, on_wait: object = None
) -> Iterator[None]:
    """Hold the lock; wait_s=None waits forever, 0 fails at once with RefreshBusyError."""
    key = lock_file.resolve()
    with _guard:
        entry = _held.get(key)
        if entry:
            _held[key] = (entry[0], entry[1] + 1)
    if not entry:
        fd = _acquire(key, wait_s, on_wait)
        with _guard:
            _held[key] = (fd, 1)
    try:
        yield
    finally:
        with _guard:
            fd, depth = _held[key]
            if depth > 1:
                _held[key] = (fd, depth - 1)
            else:
                del _held[key]
                os.ftruncate(fd, 0)
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)


def is_held_here(lock_file: Path) -> bool:
    return lock_file.resolve() in _held

"""egov refresh: the no-op shortcut, then report documents and the refresh job, in-process."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime

from dagster_project.cli.published import print_published
from dagster_project.cli.reports import print_rejected
from dagster_project.core import changes
from dagster_project.core.files import CORRUPT_MARK, moved_aside_since
from dagster_project.core.lock import RefreshBusyError, refresh_lock
from dagster_project.landing.declarations import all_specs
from dagster_project.publish import records
from dagster_project.settings import Paths, paths
from dagster_project.transform.manifest import ensure_manifest

EXIT_BUSY = 75


def run_refresh(
    *,
    force: bool = False,
    wait: bool = True,
    verbose: bool = False,
    shortcut: bool = True,
    strict: bool = False,
) -> int:
    """Full refresh + publish. Exit 0 on success, 1 on any failure, 75 if busy and not waiting.

    A rejected payload fails its own dataset only: the rest is published and the exit code is
    0, or 1 when `strict`.

    Unless forced, a refresh whose inputs all match the last successful one ends at once,
    without starting Dagster (core.changes.input_digest, publish.records.unchanged_since).
    """
    home = paths()
    began = datetime.now(UTC)
    try:
        with refresh_lock(home.ensure().lock_file, wait_s=None if wait else 0, on_wait=_waiting):
            digest = _input_digest(home)
            if shortcut and not force and _answer_unchanged(home, digest):
                return 0
            return _run_job(
                home, force=force, verbose=verbose, wait=wait, digest=digest, strict=strict
            )
    except RefreshBusyError as exc:
        print(f"egov: {exc}", file=sys.stderr)
        return EXIT_BUSY
    finally:
        _report_recovered(home, began)


def _report_recovered(home: Paths, began: datetime) -> None:
    """Name every record this refresh found unreadable and rebuilt (core.files.read_json
    says so where it happens, but inside the run that goes to the log file)."""
    asides = [
        a for root in (home.state_dir, home.landing_dir) for a in moved_aside_since(root, began)
    ]
    for aside in asides:
        original = aside.with_name(aside.name.partition(CORRUPT_MARK)[0])
        print(
            f"egov: {original.relative_to(home.home)} was unreadable: moved to {aside.name} "
            "and rebuilt from the landing store and the run history",
            file=sys.stderr,
        )


def _waiting(holder: str) -> None:
    print(f"egov: another refresh is running ({holder}); waiting for it to finish", file=sys.stderr)


def _input_digest(home: Paths) -> str | None:
    """None when an input can only be known remotely (a dataset that defaults to http)."""
    if any(spec.default_mode == "http" for spec in all_specs().values()):
        return None
    return changes.input_digest(home)


def _answer_unchanged(home: Paths, digest: str | None) -> bool:
    last = records.unchanged_since(home, digest)
    if last is None:
        return False
    print(
        f"egov refresh: nothing changed since the last publish (run {last['run_id']}, "
        f"{last['at']}): no input, model, suite or library differs; no run started"
    )
    print("  egov refresh --no-shortcut runs the job anyway; --force rebuilds everything")
    print_published(home, republished=False)
    print_rejected(home)
    return True


def _run_job(
    home: Paths, *, force: bool, verbose: bool, wait: bool, digest: str | None, strict: bool
) -> int:
    # Before the import: the definitions read dbt's manifest when they are imported, so a dbt
    # file changed since the last parse is parsed first (else dbt would report tests the
    # definitions do not know).
    ensure_manifest(home)
    # Lazy on purpose: the session imports Dagster, dbt and the definitions (seconds), which
    # the no-op answer above must not pay (it answers in a fraction of a second).
    from dagster_project.cli.refresh_job import execute

    started = time.monotonic()
    records.forget_refresh(home)
    code, run_id = execute(force=force, verbose=verbose, wait=wait, started=started, strict=strict)
    if code == 0 and digest is not None and run_id is not None:
        records.record_refresh(home, digest, run_id)
    return code

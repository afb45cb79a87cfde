"""egov refresh / dev: run the refresh on the persistent instance, in this process."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dagster_project.cli.capture import output_to
from dagster_project.core.lock import RefreshBusyError, refresh_lock
from dagster_project.settings import Paths, apply_process_env, paths

EXIT_BUSY = 75


def _prepare() -> Paths:
    home = paths().ensure()
    apply_process_env(home)
    from dagster_project.core.instance import ensure_dagster_home
    from dagster_project.transform.manifest import ensure_manifest

    ensure_dagster_home(home)
    ensure_manifest(home)
    return home


def _waiting(holder: str) -> None:
    print(f"egov: another refresh is running ({holder}); waiting for it to finish", file=sys.stderr)


@contextmanager
def locked_session(*, wait: bool, verbose: bool) -> Iterator[tuple]:
    """Definitions, instance, home and log file, with the refresh lock held throughout.

    Raises RefreshBusyError when another refresh holds the lock and wait is False.
    """
    home = _prepare()
    with refresh_lock(home.lock_file, wait_s=None if wait else 0, on_wait=_waiting):
        from dagster_project.core.instance import get_instance, recover_dead_runs
        from dagster_project.definitions import defs
        from dagster_project.publish.writer import remove_stale_temporaries

        remove_stale_temporaries(home)
        instance = get_instance(home)
        for run_id in recover_dead_runs(instance):
            print(f"egov: marked run {run_id} of a killed refresh as failed", file=sys.stderr)
        stamp = time.strftime("%Y%m%dT%H%M%S")
        log_file = None if verbose else home.logs_dir / f"refresh-{stamp}-{os.getpid()}.log"
        yield defs, instance, home, log_file


def run_refresh(
    *, force: bool = False, wait: bool = True, verbose: bool = False, shortcut: bool = True
) -> int:
    """Full refresh + publish. Exit 0 on success, 1 on any failure, 75 if busy and not waiting.

    Unless forced, a refresh whose inputs all match the last successful one ends at once
    (shortcut.py) without starting Dagster.
    """
    home = paths()
    try:
        with refresh_lock(home.ensure().lock_file, wait_s=None if wait else 0, on_wait=_waiting):
            digest = _input_digest(home)
            if shortcut and not force and _answer_unchanged(home, digest):
                return 0
            with locked_session(wait=wait, verbose=verbose) as (defs, instance, home, log_file):
                return _execute(defs, instance, home, log_file, force=force, digest=digest)
    except RefreshBusyError as exc:
        print(f"egov: {exc}", file=sys.stderr)
        return EXIT_BUSY


def _input_digest(home: Paths) -> str | None:
    from dagster_project.publish.shortcut import input_digest

    return input_digest(home)


def _answer_unchanged(home: Paths, digest: str | None) -> bool:
    from dagster_project.cli.published import print_published
    from dagster_project.publish.shortcut import unchanged_since

    last = unchanged_since(home, digest)
    if last is None:
        return False
    print(
        f"egov refresh: nothing changed since the last publish (run {last['run_id']}, "
        f"{last['at']}): no input, model, suite or library differs; no run started"
    )
    print("  egov refresh --no-shortcut runs the job anyway; --force rebuilds everything")
    print_published(home, republished=False)
    return True


def _execute(
    defs, instance, home: Paths, log_file: Path | None, *, force: bool, digest: str | None
) -> int:
    from dagster_project.cli.ingest_report import sync_reports
    from dagster_project.cli.summary import print_report
    from dagster_project.jobs import REFRESH_JOB
    from dagster_project.publish.shortcut import forget, record

    started = time.monotonic()
    forget(home)
    failed_documents = sync_reports(defs, instance, home, log_file)
    if failed_documents:
        print("egov refresh FAILED: report documents not loaded:", file=sys.stderr)
        for line in failed_documents:
            print(f"  {line}", file=sys.stderr)
        print(f"  nothing published; {home.published_db} is unchanged", file=sys.stderr)
        if log_file is not None:
            print(f"log:       {log_file}")
        return 1
    with output_to(log_file):
        result = defs.resolve_job_def(REFRESH_JOB).execute_in_process(
            instance=instance,
            run_config={"ops": {"dbt_models": {"config": {"force": force}}}},
            tags={"egov/pid": str(os.getpid()), "egov/trigger": "cli"},
            raise_on_error=False,
        )
    code = print_report(home, result, time.monotonic() - started)
    if code == 0 and digest is not None:
        record(home, digest, result.run_id)
    if log_file is not None:
        print(f"log:       {log_file}")
    return code


def run_dev(host: str, port: str) -> int:
    """`dagster dev` with DAGSTER_HOME and EGOV_HOME set for this warehouse home."""
    _prepare()
    from dagster_project.settings import PROJECT_ROOT

    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")
    args = [dagster, "dev", "-w", str(PROJECT_ROOT / "workspace.yaml"), "-h", host, "-p", port]
    os.chdir(PROJECT_ROOT)
    os.execv(dagster, args)
    return 0

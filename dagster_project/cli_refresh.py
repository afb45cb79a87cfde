"""egov refresh / dev: run the refresh job in-process on the persistent instance."""

from __future__ import annotations

import os
import sys
import time

from dagster_project.capture import output_to
from dagster_project.lock import RefreshBusyError, refresh_lock
from dagster_project.settings import Paths, apply_process_env, paths

EXIT_BUSY = 75


def _prepare() -> Paths:
    home = paths().ensure()
    apply_process_env(home)
    from dagster_project.instance import ensure_dagster_home
    from dagster_project.manifest import ensure_manifest

    ensure_dagster_home(home)
    ensure_manifest(home)
    return home


def _waiting(holder: str) -> None:
    print(f"egov: another refresh is running ({holder}); waiting for it to finish", file=sys.stderr)


def run_refresh(*, force: bool = False, wait: bool = True, verbose: bool = False) -> int:
    """Full refresh + publish. Exit 0 on success, 1 on any failure, 75 if busy and not waiting."""
    home = _prepare()
    try:
        with refresh_lock(home.lock_file, wait_s=None if wait else 0, on_wait=_waiting):
            return _execute(home, force=force, verbose=verbose)
    except RefreshBusyError as exc:
        print(f"egov: {exc}", file=sys.stderr)
        return EXIT_BUSY


def _execute(home: Paths, *, force: bool, verbose: bool) -> int:
    from dagster_project.definitions import defs
    from dagster_project.instance import get_instance, recover_dead_runs
    from dagster_project.jobs import REFRESH_JOB
    from dagster_project.refresh_report import print_report

    instance = get_instance(home)
    for run_id in recover_dead_runs(instance):
        print(f"egov: marked run {run_id} of a killed refresh as failed", file=sys.stderr)
    started = time.monotonic()
    log_file = None if verbose else home.logs_dir / f"refresh-{time.strftime('%Y%m%dT%H%M%S')}.log"
    with output_to(log_file):
        result = defs.resolve_job_def(REFRESH_JOB).execute_in_process(
            instance=instance,
            run_config={"ops": {"dbt_models": {"config": {"force": force}}}},
            tags={"egov/pid": str(os.getpid()), "egov/trigger": "cli"},
            raise_on_error=False,
        )
    code = print_report(home, result, time.monotonic() - started)
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

"""A CLI session on the warehouse home: the refresh lock held, the instance recovered, the
definitions loaded and a log file for the noisy phases."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dagster as dg
from dagster._core.execution.execution_result import ExecutionResult

from dagster_project.cli.capture import output_to
from dagster_project.core import runs
from dagster_project.core.instance import ensure_dagster_home, get_instance, recover_dead_runs
from dagster_project.core.lock import refresh_lock
from dagster_project.definitions import defs
from dagster_project.publish.writer import remove_stale_temporaries
from dagster_project.settings import Paths, apply_process_env, paths
from dagster_project.transform.manifest import ensure_manifest


@dataclass(frozen=True)
class Session:
    """What a command that runs jobs needs; the refresh lock is held while it exists."""

    defs: dg.Definitions
    instance: dg.DagsterInstance
    home: Paths
    log_file: Path | None

    def run_tags(self, trigger: str) -> dict[str, str]:
        """Tags of a run started by this process (recover_dead_runs reads the pid)."""
        return {"egov/pid": str(os.getpid()), "egov/trigger": trigger}

    def execute(
        self,
        job_name: str,
        *,
        trigger: str,
        partition_key: str | None = None,
        run_config: dict[str, Any] | None = None,
        asset_selection: list[dg.AssetKey] | None = None,
        listener: runs.Listener | None = None,
    ) -> ExecutionResult:
        """Run a job of the definitions (or `asset_selection` of it) in this process, its logs
        sent to the log file.

        The run is recorded with the workspace's code location (core.runs), so the UI's job
        page and timeline list it; `listener` sees each of its events (progress display)."""
        with output_to(self.log_file):
            return runs.execute(
                self.defs,
                self.instance,
                job_name,
                tags=self.run_tags(trigger),
                run_config=run_config,
                partition_key=partition_key,
                asset_selection=asset_selection,
                listener=listener,
            )


def prepare() -> Paths:
    """The home's folders, environment, Dagster home and an up-to-date dbt manifest."""
    home = paths().ensure()
    apply_process_env(home)
    ensure_dagster_home(home)
    ensure_manifest(home)
    return home


def waiting(holder: str) -> None:
    print(f"egov: another refresh is running ({holder}); waiting for it to finish", file=sys.stderr)


@contextmanager
def locked_session(*, wait: bool, verbose: bool) -> Iterator[Session]:
    """Raises RefreshBusyError when another refresh holds the lock and wait is False."""
    home = prepare()
    with refresh_lock(home.lock_file, wait_s=None if wait else 0, on_wait=waiting):
        remove_stale_temporaries(home)
        instance = get_instance(home)
        for run_id in recover_dead_runs(instance):
            print(f"egov: marked run {run_id} of a killed refresh as failed", file=sys.stderr)
        stamp = time.strftime("%Y%m%dT%H%M%S")
        log_file = None if verbose else home.logs_dir / f"refresh-{stamp}-{os.getpid()}.log"
        yield Session(defs, instance, home, log_file)

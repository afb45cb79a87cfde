"""The persistent Dagster instance under $EGOV_HOME/dagster, and recovery after a crash."""

from __future__ import annotations

import os

import dagster as dg

from dagster_project.settings import Paths

DAGSTER_YAML = """\
# Written by egov: one writer of the build file at a time.
concurrency:
  pools:
    default_limit: 1
    granularity: op
  runs:
    max_concurrent_runs: 4
    tag_concurrency_limits:
      - key: egov/writer
        value: build
        limit: 1
telemetry:
  enabled: false
"""


def ensure_dagster_home(home: Paths) -> None:
    home.dagster_home.mkdir(parents=True, exist_ok=True)
    config = home.dagster_home / "dagster.yaml"
    if not config.exists() or config.read_text(encoding="utf-8") != DAGSTER_YAML:
        config.write_text(DAGSTER_YAML, encoding="utf-8")


def get_instance(home: Paths) -> dg.DagsterInstance:
    ensure_dagster_home(home)
    return dg.DagsterInstance.from_config(str(home.dagster_home))


def recover_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Runs of `egov` left 'started' by a killed process: fail them and free their pool slots.

    Only runs tagged with the pid of an `egov` process that no longer exists are touched;
    runs launched from the UI are watched by the Dagster daemon instead.
    """
    unfinished = instance.get_runs(
        filters=dg.RunsFilter(
            # NOT_STARTED too: egov creates its run, then executes it (core.runs).
            statuses=[
                dg.DagsterRunStatus.NOT_STARTED,
                dg.DagsterRunStatus.STARTING,
                dg.DagsterRunStatus.STARTED,
            ],
            tags={"egov/writer": "build"},
        )
    )
    recovered = []
    for run in unfinished:
        pid = run.tags.get("egov/pid")
        if pid is None or _alive(int(pid)):
            continue
        instance.report_run_failed(run, message="process died during the run (recovered by egov)")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        recovered.append(run.run_id)
    return recovered


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

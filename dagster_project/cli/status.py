"""egov status: the last refresh, when each asset was last materialized, and check results."""

from __future__ import annotations

from datetime import UTC, datetime

import dagster as dg

from dagster_project.cli.render import render_table
from dagster_project.core.instance import get_instance
from dagster_project.definitions import defs
from dagster_project.jobs import refresh_all
from dagster_project.publish import records
from dagster_project.settings import apply_process_env, paths


def _when(timestamp: float | None) -> str:
    if timestamp is None:
        return "never"
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def run_status() -> int:
    home = paths()
    apply_process_env(home)
    if not (home.dagster_home / "dagster.yaml").exists():
        print(f"egov: no refresh has run in {home.home} yet; run `egov refresh`")
        return 1
    instance = get_instance(home)
    record = records.published_record(home)
    print(f"EGOV_HOME:  {home.home}")
    presence = "present" if home.published_db.exists() else "missing"
    print(f"published:  {home.published_db} ({presence})")
    if record:
        print(f"            at {record.get('at')} by run {record.get('run_id')}")
        print(f"            sha256 {record.get('sha256')}")
    runs = instance.get_runs(filters=dg.RunsFilter(job_name=refresh_all.name), limit=1)
    if runs:
        run = runs[0]
        stats = instance.get_run_stats(run.run_id)
        print(
            f"last refresh: run {run.run_id} {run.status.value}, "
            f"started {_when(stats.start_time)}, ended {_when(stats.end_time)}"
        )
    graph = defs.resolve_asset_graph()
    rows = []
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        event = instance.get_latest_materialization_event(key)
        rows.append((key.to_user_string(), _when(event.timestamp if event else None)))
    print(render_table(["asset", "last materialized (UTC)"], rows))
    check_keys = list(graph.asset_check_keys)
    latest = instance.event_log_storage.get_latest_asset_check_execution_by_key(check_keys)
    check_rows = []
    for key in sorted(check_keys, key=lambda k: (k.asset_key.to_user_string(), k.name)):
        execution = latest.get(key)
        status = execution.status.value if execution else "never run"
        when = _when(execution.create_timestamp) if execution else ""
        check_rows.append((key.asset_key.to_user_string(), key.name, status, when))
    print(render_table(["asset", "check", "latest result", "at (UTC)"], check_rows))
    return 0

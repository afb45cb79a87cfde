"""Where a refresh spent its time, read from the Dagster event log of its warehouse home.

The runs a refresh started (the report-document run, then `refresh_all`) are read from the
instance under `$EGOV_HOME/dagster`; each step's STEP_START → STEP_SUCCESS/FAILURE is put in
one bucket: raw ingestion, dbt (models and dbt tests), GX checks, publish, dashboard. Start-up
is the time from the process start to the first step; what remains of the wall time is Dagster's
machinery between steps and the summary the CLI prints. dbt's own run_results.json splits
the dbt step into models and tests (summed node times, shown as shares of the step).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BUCKETS = ("raw_s", "dbt_s", "checks_s", "publish_s", "dashboard_s")


def bucket(step_key: str) -> str:
    if "_gx_" in step_key:
        return "checks_s"
    if step_key.startswith("raw"):
        return "raw_s"
    if step_key.startswith("publish__dashboard"):
        return "dashboard_s"
    if step_key.startswith("publish"):
        return "publish_s"
    return "dbt_s"


def _steps(home: Path, since: float) -> list[tuple[str, float, float]]:
    import dagster as dg

    instance = dg.DagsterInstance.from_config(str(home / "dagster"))
    steps = []
    try:
        for record in instance.get_run_records():
            if record.create_timestamp.timestamp() < since - 1:
                continue
            started: dict[str, float] = {}
            for entry in instance.all_logs(record.dagster_run.run_id):
                event = entry.dagster_event
                if event is None or not entry.step_key:
                    continue
                if event.event_type_value == "STEP_START":
                    started[entry.step_key] = entry.timestamp
                elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
                    begin = started.pop(entry.step_key, entry.timestamp)
                    steps.append((entry.step_key, begin, entry.timestamp))
    finally:
        instance.dispose()
    return steps


def _dbt_split(home: Path, since: float) -> dict[str, Any]:
    """From dbt's run_results.json, if dbt ran during this refresh (not on a no-op)."""
    path = home / "state" / "dbt_target" / "run_results.json"
    if not path.exists() or path.stat().st_mtime < since:
        return {}
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    by_kind: dict[str, float] = {}
    for result in results:
        kind = result["unique_id"].split(".")[0]
        by_kind[kind] = by_kind.get(kind, 0.0) + result["execution_time"]
    slowest = sorted(results, key=lambda r: r["execution_time"], reverse=True)[:3]
    return {
        "dbt_node_seconds": {k: round(v, 2) for k, v in sorted(by_kind.items())},
        "dbt_slowest": {r["unique_id"]: round(r["execution_time"], 2) for r in slowest},
    }


def split(home: Path, started_at: float, wall_s: float) -> dict[str, Any]:
    """Seconds per bucket for the refresh that started at `started_at` (epoch seconds)."""
    steps = _steps(home, started_at)
    if not steps:
        return {}
    times = dict.fromkeys(BUCKETS, 0.0)
    for key, begin, end in steps:
        times[bucket(key)] += end - begin
    startup = min(begin for _, begin, _ in steps) - started_at
    other = wall_s - startup - sum(times.values())
    return {
        "startup_s": round(startup, 2),
        **{k: round(v, 2) for k, v in times.items()},
        "between_steps_s": round(other, 2),
        "steps": len(steps),
        **_dbt_split(home, started_at),
    }

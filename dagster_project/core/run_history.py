"""The run history, read straight from the Dagster instance's SQLite storage.

`egov status` must answer in well under two seconds, and importing Dagster alone costs
more than that on a small machine, so this module reads the tables the instance writes
(`$EGOV_HOME/dagster/history/runs.db`, `history/runs/index.db` and the per-run event logs
`history/runs/<run_id>.db`; the layout of Dagster's default SQLite storage, which
core.instance configures) with the standard library, read-only. It reads runs, asset check
executions, materialization times and step failures; anything it cannot read is reported
as absent, never as an error.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dagster_project.settings import Paths

FAILED_CHECK = ("FAILED", "EXECUTION_FAILED")


@dataclass(frozen=True)
class Run:
    run_id: str
    job: str
    status: str
    started: float | None
    ended: float | None
    tags: dict[str, str]

    @property
    def duration_s(self) -> float | None:
        if self.started is None or self.ended is None:
            return None
        return self.ended - self.started


@dataclass(frozen=True)
class CheckResult:
    asset: str  # "schema/table"
    check: str
    run_id: str
    status: str  # SUCCEEDED | FAILED | EXECUTION_FAILED | IN_PROGRESS | SKIPPED | PLANNED
    at: str
    detail: str

    @property
    def failed(self) -> bool:
        return self.status in FAILED_CHECK


@dataclass(frozen=True)
class StepFailure:
    step: str
    message: str


def _history(home: Paths) -> Path:
    return home.dagster_home / "history"


@contextmanager
def _read(path: Path) -> Iterator[sqlite3.Connection | None]:
    if not path.exists():
        yield None
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2.0)
    except sqlite3.Error:
        yield None
        return
    try:
        yield con
    finally:
        con.close()


def _asset(key_json: str) -> str:
    try:
        return "/".join(json.loads(key_json))
    except (ValueError, TypeError):
        return str(key_json)


def last_runs(home: Paths, jobs: tuple[str, ...], limit: int = 1) -> list[Run]:
    """The newest runs of these jobs, newest first."""
    marks = ", ".join("?" for _ in jobs)
    with _read(_history(home) / "runs.db") as con:
        if con is None:
            return []
        try:
            rows = con.execute(
                "select run_id, pipeline_name, status, start_time, end_time from runs "
                f"where pipeline_name in ({marks}) order by id desc limit ?",
                [*jobs, limit],
            ).fetchall()
            found = []
            for run_id, job, status, started, ended in rows:
                tags = dict(
                    con.execute("select key, value from run_tags where run_id = ?", [run_id])
                )
                found.append(Run(run_id, job, status, started, ended, tags))
            return found
        except sqlite3.Error:
            return []


def _detail(evaluation_json: str | None) -> str:
    """What failed, from the stored evaluation: GX expectations or dbt's failing rows."""
    if not evaluation_json:
        return ""
    try:
        event = json.loads(evaluation_json)
        data = event["dagster_event"]["event_specific_data"]
        metadata: dict[str, Any] = data.get("metadata") or {}
    except (ValueError, KeyError, TypeError):
        return ""
    expectations = (metadata.get("failed_expectations") or {}).get("data")
    if expectations:
        return ", ".join(str(e).rstrip(":") for e in expectations)
    rows = (metadata.get("dagster_dbt/failed_row_count") or {}).get("value")
    return f"{rows} failing rows" if rows else ""


def latest_checks(home: Paths) -> list[CheckResult]:
    """The latest execution of every asset check ever run, sorted by asset and check."""
    with _read(_history(home) / "runs" / "index.db") as con:
        if con is None:
            return []
        try:
            rows = con.execute(
                "select asset_key, check_name, run_id, execution_status, "
                "coalesce(evaluation_event_timestamp, create_timestamp), evaluation_event "
                "from asset_check_executions where id in ("
                "  select max(id) from asset_check_executions "
                "  where execution_status <> 'PLANNED' group by asset_key, check_name)"
            ).fetchall()
        except sqlite3.Error:
            return []
    results = [
        CheckResult(_asset(key), name, run_id, status, str(at or ""), _detail(event))
        for key, name, run_id, status, at, event in rows
    ]
    return sorted(results, key=lambda r: (r.asset, r.check))


def last_materializations(home: Paths) -> dict[str, str]:
    """asset ("schema/table") -> when it was last materialized (UTC text)."""
    with _read(_history(home) / "runs" / "index.db") as con:
        if con is None:
            return {}
        try:
            rows = con.execute(
                "select asset_key, last_materialization_timestamp from asset_keys "
                "where last_materialization_timestamp is not null"
            ).fetchall()
        except sqlite3.Error:
            return {}
    return {_asset(key): str(at) for key, at in rows}


def step_failures(home: Paths, run_id: str) -> list[StepFailure]:
    """The steps that failed in one run, with the first line of their error."""
    with _read(_history(home) / "runs" / f"{run_id}.db") as con:
        if con is None:
            return []
        try:
            rows = con.execute(
                "select step_key, event from event_logs "
                "where dagster_event_type = 'STEP_FAILURE' order by id"
            ).fetchall()
        except sqlite3.Error:
            return []
    failures = []
    for step, event_json in rows:
        try:
            error = json.loads(event_json)["dagster_event"]["event_specific_data"]["error"]
            message = (error.get("message") or "").strip().splitlines()[0]
        except (ValueError, KeyError, TypeError, IndexError):
            message = ""
        failures.append(StepFailure(step or "", message))
    return failures


def when(timestamp: float | None) -> str:
    if timestamp is None:
        return "never"
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M UTC")

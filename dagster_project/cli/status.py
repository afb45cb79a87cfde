"""egov status: one screen on the state of the warehouse; `--all` for the long form.

What was published and when, the last refresh (result, duration, failed steps), the latest
result of every check with the failures listed, whether any input changed since, and how
fresh each source is. Read from the records under state/, the landing records and the
Dagster instance's SQLite storage (core.run_history): neither Dagster nor the definitions
are imported, so it answers in a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dagster_project.cli.freshness import Freshness, source_freshness, today
from dagster_project.core import changes, run_history
from dagster_project.landing.declarations import all_specs
from dagster_project.publish import records
from dagster_project.settings import Paths, apply_process_env, paths

REFRESH_JOBS = ("refresh_all",)
WRITER_JOBS = ("refresh_all", "ingest_report", "load_report")
SHORT_FAILURES = 8


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "still running or killed"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{rest}s"


def _columns(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    return [
        indent + "  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip() for row in rows
    ]


def _published(home: Paths) -> list[str]:
    record = records.published_record(home)
    if not home.published_db.exists():
        return [f"published   nothing yet ({home.published_db} is missing)"]
    size = home.published_db.stat().st_size / 1e6
    when = record.get("at", "unknown time")
    run = str(record.get("run_id", "unknown run"))[:8]
    return [
        f"published   {home.published_db.name}: {when} by run {run}, {size:.1f} MB",
        f"            sha256 {record.get('sha256', 'unknown')}",
    ]


def _last_run(home: Paths) -> list[str]:
    runs = run_history.last_runs(home, REFRESH_JOBS)
    if not runs:
        return ["last run    none recorded"]
    run = runs[0]
    lines = [
        f"last run    {run.job} {run.run_id[:8]}: {run.status}, "
        f"{run_history.when(run.started)}, took {_duration(run.duration_s)} ({_trigger(run)})"
    ]
    for failure in run_history.step_failures(home, run.run_id)[:SHORT_FAILURES]:
        lines.append(f"  step {failure.step} FAILED: {failure.message}"[:160])
    published_by = str(records.published_record(home).get("run_id", ""))
    if run.status != "SUCCESS" and published_by and published_by != run.run_id:
        lines.append(
            f"  nothing published by it: the published file is from run {published_by[:8]}"
        )
    return lines


def _trigger(run: run_history.Run) -> str:
    if "egov/trigger" in run.tags:
        return f"egov {run.tags['egov/trigger']}"
    if "dagster/schedule_name" in run.tags:
        return f"schedule {run.tags['dagster/schedule_name']}"
    if "dagster/sensor_name" in run.tags:
        return f"sensor {run.tags['dagster/sensor_name']}"
    return "Dagster UI"


def _checks(home: Paths, long_form: bool) -> list[str]:
    checks = run_history.latest_checks(home)
    if not checks:
        return ["checks      none run yet"]
    failed = [c for c in checks if c.failed]
    lines = [
        f"checks      {len(checks) - len(failed)} passed, {len(failed)} failed "
        f"(latest result of each of {len(checks)} checks)"
    ]
    shown = failed if long_form else failed[:SHORT_FAILURES]
    for check in shown:
        detail = f": {check.detail}" if check.detail else ""
        lines.append(f"  FAILED {check.asset} {check.check}{detail}"[:160])
    if len(shown) < len(failed):
        lines.append(f"  … {len(failed) - len(shown)} more: egov status --all")
    return lines


def _inputs(home: Paths) -> str:
    if any(spec.default_mode == "http" for spec in all_specs().values()):
        return "inputs      a source is fetched over HTTP: only a refresh can tell"
    if records.unchanged_since(home, changes.input_digest(home)) is not None:
        return "inputs      unchanged since the last refresh"
    return "inputs      changed since the last successful refresh (egov refresh rebuilds)"


def _sources(found: list[Freshness], day: date) -> list[str]:
    stale = [f for f in found if f.is_stale(day)]
    lines = [f"sources     {len(found)} declared, {len(stale)} stale (older than their period)"]
    rows = [("source", "mode", "data as of", "loaded", "every", "status")]
    for item in found:
        rows.append(
            (
                item.source,
                item.mode or "-",
                str(item.data_as_of or "-"),
                item.loaded_at[:10] or "-",
                f"{item.period_days} d",
                item.status(day),
            )
        )
    return lines + _columns(rows)


def _assets(home: Paths) -> list[str]:
    times = run_history.last_materializations(home)
    rows = [("asset", "last materialized (UTC)")]
    rows += [(asset, times[asset][:19]) for asset in sorted(times)]
    return ["assets", *_columns(rows)]


def _all_checks(home: Paths) -> list[str]:
    rows = [("asset", "check", "latest result", "at (UTC)", "run")]
    rows += [
        (c.asset, c.check, c.status, c.at[:19], c.run_id[:8])
        for c in run_history.latest_checks(home)
    ]
    return ["every check", *_columns(rows)]


def _recent_runs(home: Paths) -> list[str]:
    rows = [("job", "run", "status", "started", "took")]
    for run in run_history.last_runs(home, WRITER_JOBS, limit=10):
        rows.append(
            (run.job, run.run_id[:8], run.status, run_history.when(run.started),
             _duration(run.duration_s))
        )  # fmt: skip
    return ["recent runs", *_columns(rows)]


def run_status(*, long_form: bool = False) -> int:
    home = paths()
    apply_process_env(home)
    if not home.home.exists():
        print(f"egov: no warehouse at {home.home} yet; run `egov refresh`")
        return 1
    lines = [f"EGOV_HOME   {home.home}", *_published(home), *_last_run(home)]
    lines += [*_checks(home, long_form), _inputs(home), *_sources(source_freshness(home), today())]
    if long_form:
        lines += ["", *_recent_runs(home), "", *_all_checks(home), "", *_assets(home)]
    print("\n".join(lines))
    return 0

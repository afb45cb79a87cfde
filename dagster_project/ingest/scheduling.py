"""Per-source jobs, schedules at each source's rhythm, and inbox sensors for drop mode.

Each declared dataset gets a job `refresh_<dataset>` (its raw asset and everything
downstream, ending with publish) and a schedule on the declaration's cron, stopped by
default. Datasets that accept dropped files get a sensor on their inbox folder.
"""

from __future__ import annotations

import hashlib

import dagster as dg
from dagster._core.definitions.unresolved_asset_job_definition import (
    UnresolvedAssetJobDefinition,
)

from dagster_project.landing.declarations import DatasetSpec, all_specs
from dagster_project.settings import paths

SCHEDULE_TIMEZONE = "Asia/Shanghai"


def job_name(spec: DatasetSpec) -> str:
    return f"refresh_{spec.name}"


def _op_name(spec: DatasetSpec) -> str:
    return f"raw__{spec.name}"


def source_job(spec: DatasetSpec) -> UnresolvedAssetJobDefinition:
    return dg.define_asset_job(
        job_name(spec),
        selection=dg.AssetSelection.assets(dg.AssetKey(["raw", spec.name])).downstream(),
        description=f"Refresh {spec.title} and everything built from it, then publish.",
        executor_def=dg.in_process_executor,
        tags={"egov/writer": "build", "egov/provider": spec.provider},
    )


def source_schedule(spec: DatasetSpec, job: UnresolvedAssetJobDefinition) -> dg.ScheduleDefinition:
    return dg.ScheduleDefinition(
        name=f"{job_name(spec)}_schedule",
        job=job,
        cron_schedule=spec.schedule,
        execution_timezone=SCHEDULE_TIMEZONE,
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description=f"{spec.title}: updated about every {spec.update_period_days} days.",
    )


def inbox_digest(spec: DatasetSpec) -> str | None:
    """Names, sizes and mtimes of the files waiting in the dataset's inbox (None if empty)."""
    inbox = paths().inbox_dir / spec.modes["drop"]["inbox"]
    pattern = spec.modes["drop"].get("pattern", "*")
    files = sorted(p for p in inbox.glob(pattern) if p.is_file()) if inbox.exists() else []
    if not files:
        return None
    listing = "\n".join(f"{p.name}\t{p.stat().st_size}\t{p.stat().st_mtime_ns}" for p in files)
    return hashlib.sha256(listing.encode()).hexdigest()[:16]


def inbox_sensor(spec: DatasetSpec, job: UnresolvedAssetJobDefinition) -> dg.SensorDefinition:
    @dg.sensor(
        name=f"{spec.name}_inbox",
        job=job,
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description=f"Loads files dropped into $EGOV_HOME/inbox/{spec.modes['drop']['inbox']}/",
    )
    def _sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
        digest = inbox_digest(spec)
        if digest is None:
            return dg.SensorResult(skip_reason=dg.SkipReason("inbox is empty"))
        return dg.SensorResult(
            run_requests=[
                dg.RunRequest(
                    run_key=f"{spec.name}:{digest}",
                    run_config={"ops": {_op_name(spec): {"config": {"mode": "drop"}}}},
                    tags={"egov/trigger": "inbox"},
                )
            ]
        )

    return _sensor


def source_automation() -> tuple[list, list, list]:
    """Jobs, schedules and sensors for every declared dataset."""
    jobs, schedules, sensors = [], [], []
    for spec in all_specs().values():
        job = source_job(spec)
        jobs.append(job)
        schedules.append(source_schedule(spec, job))
        if "drop" in spec.modes:
            sensors.append(inbox_sensor(spec, job))
    return jobs, schedules, sensors

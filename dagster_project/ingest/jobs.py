"""Per-source jobs and schedules at each source's rhythm.

Each declared dataset gets a job `refresh_<dataset>` (its raw asset and everything
downstream, ending with publish) and a schedule on the declaration's cron, stopped by
default.
"""

from __future__ import annotations

import dagster as dg
from dagster._core.definitions.unresolved_asset_job_definition import (
    UnresolvedAssetJobDefinition,
)

from dagster_project.landing.declarations import DatasetSpec

SCHEDULE_TIMEZONE = "Asia/Shanghai"


def job_name(spec: DatasetSpec) -> str:
    return f"refresh_{spec.name}"


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

"""Inbox sensors: a dataset that accepts dropped files is loaded when files appear."""

from __future__ import annotations

import hashlib

import dagster as dg
from dagster._core.definitions.unresolved_asset_job_definition import (
    UnresolvedAssetJobDefinition,
)

from dagster_project.ingest.assets import mode_run_config
from dagster_project.landing.declarations import DatasetSpec
from dagster_project.landing.sources import local_files
from dagster_project.settings import paths


def inbox_digest(spec: DatasetSpec) -> str | None:
    """Names, sizes and mtimes of the files waiting in the dataset's inbox (None if empty)."""
    files = local_files(spec, "drop", paths())
    if not files:
        return None
    listing = "\n".join(f"{p.name}\t{p.stat().st_size}\t{p.stat().st_mtime_ns}" for p in files)
    return hashlib.sha256(listing.encode()).hexdigest()[:16]


def inbox_sensor(
    spec: DatasetSpec, asset: dg.AssetsDefinition, job: UnresolvedAssetJobDefinition
) -> dg.SensorDefinition:
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
                    run_config=mode_run_config(asset, "drop"),
                    tags={"egov/trigger": "inbox"},
                )
            ]
        )

    return _sensor

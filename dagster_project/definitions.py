"""The one Definitions object: wiring only."""

from __future__ import annotations

import dagster as dg

from dagster_project.core.resources import BuildDatabase
from dagster_project.ingest.assets import raw_assets
from dagster_project.ingest.jobs import source_job, source_schedule
from dagster_project.ingest.sensors import inbox_sensor
from dagster_project.jobs import refresh_all, refresh_all_daily
from dagster_project.landing.declarations import all_specs
from dagster_project.publish.assets import build_publish_asset
from dagster_project.publish.dashboard.assets import publish_dashboard
from dagster_project.quality.checks import gx_checks
from dagster_project.reports.assets import REPORT_KEYS, raw_report_documents
from dagster_project.reports.jobs import ingest_report, load_report, reports_inbox
from dagster_project.settings import apply_process_env, paths
from dagster_project.transform.assets import dbt_models


def _source_automation(raw: dict[str, dg.AssetsDefinition]) -> tuple[list, list, list]:
    """A job and a schedule for every declared dataset, an inbox sensor where it takes drops."""
    jobs, schedules, sensors = [], [], []
    for name, spec in all_specs().items():
        job = source_job(spec)
        jobs.append(job)
        schedules.append(source_schedule(spec, job))
        if "drop" in spec.modes:
            sensors.append(inbox_sensor(spec, raw[name], job))
    return jobs, schedules, sensors


def build_definitions() -> dg.Definitions:
    home = paths()
    apply_process_env(home)
    raw = raw_assets()
    upstream = [key for asset in [*raw.values(), dbt_models] for key in asset.keys]
    raw_keys = [*(key for asset in raw.values() for key in asset.keys), *REPORT_KEYS]
    source_jobs, source_schedules, source_sensors = _source_automation(raw)
    return dg.Definitions(
        assets=[
            *raw.values(),
            raw_report_documents,
            dbt_models,
            build_publish_asset(upstream, raw_keys),
            publish_dashboard,
        ],
        asset_checks=gx_checks(),
        jobs=[refresh_all, ingest_report, load_report, *source_jobs],
        schedules=[refresh_all_daily, *source_schedules],
        sensors=[reports_inbox, *source_sensors],
        resources={"build_db": BuildDatabase(home=str(home.home))},
        executor=dg.in_process_executor,
    )


defs = build_definitions()

"""The one Definitions object: wiring only."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from dagster_project.core.resources import BuildDatabase
from dagster_project.ingest.assets import raw_assets
from dagster_project.ingest.scheduling import source_automation
from dagster_project.jobs import refresh_all, refresh_all_daily
from dagster_project.publish.assets import build_publish_asset
from dagster_project.publish.dashboard.assets import publish_dashboard
from dagster_project.quality.checks import gx_checks
from dagster_project.reports.assets import (
    ingest_report,
    load_report,
    raw_report_documents,
    reports_inbox,
)
from dagster_project.settings import apply_process_env, dbt_executable, paths
from dagster_project.transform.assets import dbt_models
from dagster_project.transform.project import dbt_project


def build_definitions() -> dg.Definitions:
    home = paths()
    apply_process_env(home)
    raw = raw_assets()
    upstream = [key for asset in [*raw, dbt_models] for key in asset.keys]
    source_jobs, source_schedules, source_sensors = source_automation()
    return dg.Definitions(
        assets=[
            *raw,
            raw_report_documents,
            dbt_models,
            build_publish_asset(upstream),
            publish_dashboard,
        ],
        asset_checks=gx_checks(),
        jobs=[refresh_all, ingest_report, load_report, *source_jobs],
        schedules=[refresh_all_daily, *source_schedules],
        sensors=[reports_inbox, *source_sensors],
        resources={
            "build_db": BuildDatabase(home=str(home.home)),
            "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable()),
        },
        executor=dg.in_process_executor,
    )


defs = build_definitions()

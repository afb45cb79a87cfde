"""The refresh job and its schedule."""

from __future__ import annotations

import dagster as dg

from dagster_project.reports.assets import REPORT_KEYS

# Report documents are partitions of their own (one per document), loaded by the inbox
# sensor, `egov ingest-report` and, for every known document, by `egov refresh` first.
refresh_all = dg.define_asset_job(
    "refresh_all",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(*REPORT_KEYS),
    description="Land every source, build every dbt layer, validate, and publish egov.duckdb.",
    # One DuckDB writer anyway: separate step processes only add start-up time.
    executor_def=dg.in_process_executor,
    tags={"egov/writer": "build"},
)

refresh_all_daily = dg.ScheduleDefinition(
    name="refresh_all_daily",
    job=refresh_all,
    cron_schedule="0 3 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Full refresh every night at 03:00 Beijing time (stopped until switched on).",
)

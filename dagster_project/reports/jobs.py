"""Jobs and the inbox sensor of report documents (one partition per document)."""

import dagster as dg

from dagster_project.reports import documents
from dagster_project.reports.assets import REPORT_KEYS, documents_partitions
from dagster_project.settings import paths

# A document and everything built from it, then publish.
ingest_report = dg.define_asset_job(
    "ingest_report",
    selection=dg.AssetSelection.assets(*REPORT_KEYS).downstream(),
    executor_def=dg.in_process_executor,
    tags={"egov/writer": "build"},
    description="Ingest one report document (a partition), rebuild what depends on it, publish.",
)

# Only raw.report_*: `egov refresh` loads every changed document, then runs refresh_all.
load_report = dg.define_asset_job(
    "load_report",
    selection=dg.AssetSelection.assets(*REPORT_KEYS),
    executor_def=dg.in_process_executor,
    tags={"egov/writer": "build"},
    description="Load one report document (a partition) into raw.report_*, nothing downstream.",
)


@dg.sensor(
    job=ingest_report,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Ingests report documents dropped into $EGOV_HOME/inbox/reports/.",
)
def reports_inbox(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    home = paths()
    waiting = [d for d in documents.known_documents(home).values() if d.origin == "inbox"]
    if not waiting:
        return dg.SensorResult(skip_reason=dg.SkipReason("no report documents in the inbox"))
    existing = set(context.instance.get_dynamic_partitions(documents_partitions.name))
    new_partitions = [d.document_id for d in waiting if d.document_id not in existing]
    requests = [
        dg.RunRequest(partition_key=d.document_id, run_key=f"{d.document_id}:{d.sha256}")
        for d in waiting
    ]
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[documents_partitions.build_add_request(new_partitions)],
    )

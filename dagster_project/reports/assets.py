"""Report documents as Dagster assets: one partition per document, an inbox sensor, a job.

The extraction library (dagster_project.reports.extraction) returns rows; this module lands the
document, runs the library (or reads the bundled output) and writes raw.report_*.
"""

from collections.abc import Iterator

import dagster as dg

from dagster_project.core.resources import BuildDatabase
from dagster_project.reports import documents as report_documents
from dagster_project.reports.load import replace_document
from dagster_project.settings import DUCKDB_POOL, SOURCES_DIR, paths

REPORT_TABLES = (
    "report_documents",
    "report_facts",
    "report_table_cells",
    "report_sections",
    "report_sources",
)
REPORT_KEYS = [dg.AssetKey(["raw", table]) for table in REPORT_TABLES]
documents_partitions = dg.DynamicPartitionsDefinition(name="report_documents")
INGEST_JOB = "ingest_report"
LOAD_JOB = "load_report"


def _last_version(context: dg.AssetExecutionContext, document_id: str) -> str | None:
    records = context.instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=REPORT_KEYS[0], asset_partitions=[document_id]), limit=1
    ).records
    if not records:
        return None
    return records[0].asset_materialization.tags.get("dagster/data_version")


def _tables(document: report_documents.ReportDocument) -> dict[str, list[dict]]:
    if document.origin == "bundled":
        from dagster_project.reports.extraction.output import read_output

        tables = read_output(document.path)
    else:
        from dagster_project.reports.extraction import extract_document

        tables = extract_document(
            document.path, document_id=document.document_id, sources_dir=SOURCES_DIR
        ).tables()
    for row in tables["report_documents"]:
        row.update(origin=document.origin, data_version=document.data_version)
    return tables


def _results(
    document: report_documents.ReportDocument,
    counts: dict[str, int],
    tables: dict[str, list[dict]],
    changed: bool,
) -> Iterator[dg.MaterializeResult]:
    """One materialization per raw.report_* table, with the document's extraction summary."""
    manifest = tables["report_documents"][0] if tables else {}
    summary = {
        "document_id": document.document_id,
        "origin": document.origin,
        "sha256": document.sha256,
        "changed": changed,
    }
    if tables:
        facts = tables["report_facts"]
        summary.update(
            edition=manifest.get("edition") or 0,
            title=manifest.get("title") or "",
            figures=len(facts),
            tables=len({c["table_id"] for c in tables["report_table_cells"]}),
            flagged_figures=sum(f["quality_flag"] != "clean" for f in facts),
            unmatched_metrics=sum(not f["metric_id"] for f in facts),
        )
    for key, table in zip(REPORT_KEYS, REPORT_TABLES):
        metadata = dict(summary)
        if table in counts:
            metadata["dagster/row_count"] = counts[table]
        yield dg.MaterializeResult(
            asset_key=key, metadata=metadata, data_version=dg.DataVersion(document.data_version)
        )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            key,
            group_name="raw",
            kinds={"python", "duckdb"},
            description=f"raw.{table}: extracted from report documents, one partition each.",
        )
        for key, table in zip(REPORT_KEYS, REPORT_TABLES)
    ],
    partitions_def=documents_partitions,
    pool=DUCKDB_POOL,
    name="raw_report_documents",
)
def raw_report_documents(
    context: dg.AssetExecutionContext, build_db: BuildDatabase
) -> Iterator[dg.MaterializeResult]:
    """Land (or read bundled) one report document and load its figures, tables, sections."""
    document_id = context.partition_key
    document = report_documents.resolve(document_id, build_db.paths)
    if _last_version(context, document_id) == document.data_version:
        context.log.info(f"{document_id}: same bytes and extractor as loaded, nothing to do")
        yield from _results(document, {}, {}, changed=False)
        return
    tables = _tables(document)
    with build_db.connect() as con:
        counts = replace_document(con, document_id, tables)
    yield from _results(document, counts, tables, changed=True)


ingest_report = dg.define_asset_job(
    INGEST_JOB,
    selection=dg.AssetSelection.assets(*REPORT_KEYS).downstream(),
    executor_def=dg.in_process_executor,
    tags={"egov/writer": "build"},
    description="Ingest one report document (a partition), rebuild what depends on it, publish.",
)


load_report = dg.define_asset_job(
    LOAD_JOB,
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
    requests, new_partitions = [], []
    existing = set(context.instance.get_dynamic_partitions(documents_partitions.name))
    for path in report_documents.inbox_files(home):
        document_id = report_documents.document_id_for(path)
        digest = report_documents.sha256_of(path)
        if document_id not in existing:
            new_partitions.append(document_id)
        requests.append(dg.RunRequest(partition_key=document_id, run_key=f"{document_id}:{digest}"))
    if not requests:
        return dg.SensorResult(skip_reason=dg.SkipReason("no report documents in the inbox"))
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[documents_partitions.build_add_request(new_partitions)],
    )

"""Report documents as Dagster assets: one partition per document, five raw tables.

The extraction library (reports.extraction) returns rows; this module lands the document
(once, if it waits in the inbox), decides its outcome (reports.outcome: published, rejected
with a reason, or removed) and writes raw.report_* through reports.load. A document that
cannot be read or breaks a rule is a row with a status, never a failed step: one bad
document does not stop a refresh.
"""

from collections.abc import Iterator
from typing import Any

import dagster as dg

from dagster_project.core.resources import BuildDatabase
from dagster_project.reports import documents
from dagster_project.reports.load import loaded_versions, replace_document
from dagster_project.reports.outcome import Outcome, outcome_of
from dagster_project.settings import DUCKDB_POOL

REPORT_TABLES = (
    "report_documents",
    "report_facts",
    "report_table_cells",
    "report_sections",
    "report_sources",
)
REPORT_KEYS = tuple(dg.AssetKey(["raw", table]) for table in REPORT_TABLES)
DOCUMENTS_KEY = dg.AssetKey(["raw", "report_documents"])
FACTS_KEY = dg.AssetKey(["raw", "report_facts"])
documents_partitions = dg.DynamicPartitionsDefinition(name="report_documents")
# Carried from the last load when the same version is asked for again.
CARRIED = ("status", "status_reason", "source_file")


def _last_load(instance: dg.DagsterInstance, document_id: str) -> dg.AssetMaterialization | None:
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=DOCUMENTS_KEY, asset_partitions=[document_id]), limit=1
    ).records
    return records[0].asset_materialization if records else None


def loaded_version(instance: dg.DagsterInstance, document_id: str) -> str | None:
    """The data version of the document as last loaded into raw.report_*."""
    last = _last_load(instance, document_id)
    return last.tags.get("dagster/data_version") if last else None


def loaded_status(instance: dg.DagsterInstance, document_id: str) -> tuple[str | None, str | None]:
    """(data version, status) of the document as last loaded; (None, None) if never."""
    last = _last_load(instance, document_id)
    if last is None:
        return None, None
    status = last.metadata.get("status")
    return last.tags.get("dagster/data_version"), str(status.value) if status else None


def _summary(document: documents.ReportDocument, outcome: Outcome | None) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "document_id": document.document_id,
        "origin": document.origin,
        "sha256": document.sha256 or "",
        "changed": outcome is not None,
    }
    if outcome is None:
        return summary
    summary.update(status=outcome.status, status_reason=outcome.reason or "")
    manifest = (outcome.tables.get("report_documents") or [{}])[0]
    summary["source_file"] = manifest.get("source_file") or ""
    if outcome.extracted:
        facts = outcome.extracted.get("report_facts", [])
        summary.update(
            edition=manifest.get("edition") or 0,
            title=manifest.get("title") or "",
            figures=len(facts),
            tables=len({c["table_id"] for c in outcome.extracted.get("report_table_cells", [])}),
            flagged_figures=sum(f.get("quality_flag") != "clean" for f in facts),
            unmatched_metrics=sum(not f.get("metric_id") for f in facts),
        )
    return summary


def _results(
    document: documents.ReportDocument,
    counts: dict[str, int],
    summary: dict[str, Any],
) -> Iterator[dg.MaterializeResult]:
    """One materialization per raw.report_* table, with the document's outcome."""
    for key, table in zip(REPORT_KEYS, REPORT_TABLES, strict=True):
        metadata = dict(summary)
        if table in counts:
            metadata["dagster/row_count"] = counts[table]
        yield dg.MaterializeResult(
            asset_key=key, metadata=metadata, data_version=dg.DataVersion(document.data_version)
        )


def _unchanged(instance: dg.DagsterInstance, document: documents.ReportDocument) -> dict | None:
    """The summary of the last load when it loaded this very version, else None."""
    last = _last_load(instance, document.document_id)
    if last is None or last.tags.get("dagster/data_version") != document.data_version:
        return None
    summary = _summary(document, None)
    for key in CARRIED:
        if key in last.metadata:
            summary[key] = last.metadata[key].value
    return summary


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            key,
            group_name="raw",
            kinds={"python", "duckdb"},
            description=f"raw.{table}: extracted from report documents, one partition each.",
        )
        for key, table in zip(REPORT_KEYS, REPORT_TABLES, strict=True)
    ],
    partitions_def=documents_partitions,
    pool=DUCKDB_POOL,
    name="raw_report_documents",
)
def raw_report_documents(
    context: dg.AssetExecutionContext, build_db: BuildDatabase
) -> Iterator[dg.MaterializeResult]:
    """Land (or read bundled) one report document; load its rows, or its rejection."""
    # Load inputs.
    document_id = context.partition_key
    document = documents.resolve(document_id, build_db.paths)
    with build_db.connect() as con:
        in_build = loaded_versions(con).get(document_id)
    # The build file, not only the run history, must hold this version (a deleted or
    # rebuilt build file has lost every document).
    unchanged = (
        _unchanged(context.instance, document) if in_build == document.data_version else None
    )
    if unchanged is not None:
        context.log.info(f"{document_id}: same bytes and extractor as loaded, nothing to do")
        yield from _results(document, {}, unchanged)
        return
    # Process data.
    outcome = outcome_of(document)
    if outcome.status == "rejected":
        context.log.warning(f"{document_id} rejected: {outcome.reason}")
    # Save outputs.
    with build_db.connect() as con:
        counts = replace_document(con, document_id, outcome.tables)
    yield from _results(document, counts, _summary(document, outcome))

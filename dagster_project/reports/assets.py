"""Report documents as Dagster assets: one partition per document, five raw tables.

The extraction library (reports.extraction) returns rows; this module lands the document
(once, if it waits in the inbox), runs the library or reads the bundled output, and writes
raw.report_* through reports.load.
"""

from collections.abc import Iterator

import dagster as dg

from dagster_project.core.resources import BuildDatabase
from dagster_project.reports import documents
from dagster_project.reports.extraction import extract_document
from dagster_project.reports.extraction.output import read_output
from dagster_project.reports.load import loaded_versions, replace_document
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


def loaded_version(instance: dg.DagsterInstance, document_id: str) -> str | None:
    """The data version of the document as last loaded into raw.report_*."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=DOCUMENTS_KEY, asset_partitions=[document_id]), limit=1
    ).records
    if not records:
        return None
    return records[0].asset_materialization.tags.get("dagster/data_version")


def _tables(document: documents.ReportDocument) -> dict[str, list[dict]]:
    if document.origin == "bundled":
        tables = read_output(document.path)
    else:
        tables = extract_document(document.path, document_id=document.document_id).tables()
    for row in tables["report_documents"]:
        row.update(origin=document.origin, data_version=document.data_version)
    return tables


def _summary(document: documents.ReportDocument, tables: dict[str, list[dict]]) -> dict:
    summary = {
        "document_id": document.document_id,
        "origin": document.origin,
        "sha256": document.sha256,
        "changed": bool(tables),
    }
    if tables:
        manifest = tables["report_documents"][0]
        facts = tables["report_facts"]
        summary.update(
            edition=manifest.get("edition") or 0,
            title=manifest.get("title") or "",
            figures=len(facts),
            tables=len({c["table_id"] for c in tables["report_table_cells"]}),
            flagged_figures=sum(f["quality_flag"] != "clean" for f in facts),
            unmatched_metrics=sum(not f["metric_id"] for f in facts),
        )
    return summary


def _results(
    document: documents.ReportDocument, counts: dict[str, int], tables: dict[str, list[dict]]
) -> Iterator[dg.MaterializeResult]:
    """One materialization per raw.report_* table, with the document's extraction summary."""
    summary = _summary(document, tables)
    for key, table in zip(REPORT_KEYS, REPORT_TABLES, strict=True):
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
        for key, table in zip(REPORT_KEYS, REPORT_TABLES, strict=True)
    ],
    partitions_def=documents_partitions,
    pool=DUCKDB_POOL,
    name="raw_report_documents",
)
def raw_report_documents(
    context: dg.AssetExecutionContext, build_db: BuildDatabase
) -> Iterator[dg.MaterializeResult]:
    """Land (or read bundled) one report document and load its figures, tables, sections."""
    # Load inputs.
    document_id = context.partition_key
    document = documents.resolve(document_id, build_db.paths)
    with build_db.connect() as con:
        in_build = loaded_versions(con).get(document_id)
    if document.data_version == in_build == loaded_version(context.instance, document_id):
        context.log.info(f"{document_id}: same bytes and extractor as loaded, nothing to do")
        yield from _results(document, {}, {})
        return
    # Process data.
    tables = _tables(document)
    # Save outputs.
    with build_db.connect() as con:
        counts = replace_document(con, document_id, tables)
    yield from _results(document, counts, tables)

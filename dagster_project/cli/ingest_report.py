"""Report documents from the command line: sync before a refresh, and `egov ingest-report`."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import dagster as dg

from dagster_project.cli.capture import output_to
from dagster_project.reports import documents as report_documents
from dagster_project.settings import Paths


def _run_tags(trigger: str) -> dict[str, str]:
    return {"egov/pid": str(os.getpid()), "egov/trigger": trigger}


def _register(instance: dg.DagsterInstance, document_ids: list[str]) -> None:
    from dagster_project.reports.assets import documents_partitions

    known = set(instance.get_dynamic_partitions(documents_partitions.name))
    missing = [d for d in document_ids if d not in known]
    if missing:
        instance.add_dynamic_partitions(documents_partitions.name, missing)


def _loaded_version(instance: dg.DagsterInstance, document_id: str) -> str | None:
    from dagster_project.reports.assets import REPORT_KEYS

    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=REPORT_KEYS[0], asset_partitions=[document_id]), limit=1
    ).records
    return records[0].asset_materialization.tags.get("dagster/data_version") if records else None


def sync_reports(
    defs: dg.Definitions, instance: dg.DagsterInstance, home: Paths, log_file: Path | None
) -> list[str]:
    """Load every known report document whose bytes or extractor changed; return failures."""
    from dagster_project.reports.assets import LOAD_JOB

    for path in report_documents.inbox_files(home):
        report_documents.land_report(path, home)
    documents = report_documents.known_documents(home)
    _register(instance, list(documents))
    failures = []
    for document_id, document in documents.items():
        if _loaded_version(instance, document_id) == document.data_version:
            continue
        with output_to(log_file):
            result = defs.resolve_job_def(LOAD_JOB).execute_in_process(
                instance=instance,
                partition_key=document_id,
                tags=_run_tags("cli"),
                raise_on_error=False,
            )
        if not result.success:
            from dagster_project.cli.summary import step_failures

            failures.extend(f"{document_id}: {line.strip()}" for line in step_failures(result))
    return failures


def _figures_summary(result: dg.ExecuteInProcessResult) -> str | None:
    from dagster_project.reports.assets import REPORT_KEYS

    for event in result.get_asset_materialization_events():
        if event.asset_key == REPORT_KEYS[1]:
            meta = event.materialization.metadata
            if "figures" not in meta:
                return "the same bytes are already ingested: nothing changed"
            return (
                f"{meta['figures'].value} figures, {meta['tables'].value} tables, "
                f"{meta['flagged_figures'].value} flagged figures, "
                f"{meta['unmatched_metrics'].value} figures with no catalog metric"
            )
    return None


def ingest_report_file(defs: dg.Definitions, instance: dg.DagsterInstance, home: Paths, path: Path,
                       log_file: Path | None) -> tuple[dg.ExecuteInProcessResult, str]:  # fmt: skip
    """Land one document, register its partition, run ingest_report for it."""
    from dagster_project.reports.assets import INGEST_JOB

    document = report_documents.land_report(path, home)
    _register(instance, [document.document_id])
    with output_to(log_file):
        result = defs.resolve_job_def(INGEST_JOB).execute_in_process(
            instance=instance,
            partition_key=document.document_id,
            tags=_run_tags("ingest-report"),
            raise_on_error=False,
        )
    return result, document.document_id


def run_ingest_report(path_text: str, verbose: bool = False) -> int:
    from dagster_project.cli.refresh import locked_session
    from dagster_project.cli.summary import print_report

    path = Path(path_text).expanduser().resolve()
    if not report_documents.supported(path):
        print(f"egov: {path} is not a readable report document (.txt, .md, .html)", file=sys.stderr)
        return 2
    with locked_session(wait=True, verbose=verbose) as (defs, instance, home, log_file):
        started = time.monotonic()
        result, document_id = ingest_report_file(defs, instance, home, path, log_file)
        print(f"{document_id}: {_figures_summary(result) or 'not ingested'}")
        code = print_report(home, result, time.monotonic() - started)
        if log_file is not None:
            print(f"log:       {log_file}")
        return code

"""egov ingest-report PATH: land one report document, rebuild what depends on it, publish."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import dagster as dg

from dagster_project.cli.session import locked_session
from dagster_project.cli.summary import print_report
from dagster_project.reports import documents
from dagster_project.reports.assets import FACTS_KEY
from dagster_project.reports.extraction.loaders import supported_suffixes
from dagster_project.reports.jobs import ingest_report
from dagster_project.reports.sync import register


def _figures_summary(result: dg.ExecuteInProcessResult) -> str | None:
    for event in result.get_asset_materialization_events():
        if event.asset_key == FACTS_KEY:
            meta = event.materialization.metadata
            if "figures" not in meta:
                return "the same bytes are already ingested: nothing changed"
            return (
                f"{meta['figures'].value} figures, {meta['tables'].value} tables, "
                f"{meta['flagged_figures'].value} flagged figures, "
                f"{meta['unmatched_metrics'].value} figures with no catalog metric"
            )
    return None


def run_ingest_report(path_text: str, verbose: bool = False) -> int:
    path = Path(path_text).expanduser().resolve()
    if not documents.supported(path):
        kinds = ", ".join(sorted(supported_suffixes()))
        print(f"egov: {path} is not a readable report document ({kinds})", file=sys.stderr)
        return 2
    with locked_session(wait=True, verbose=verbose) as session:
        started = time.monotonic()
        document = documents.land_given(path, session.home)
        register(session.instance, [document.document_id])
        result = session.execute(
            ingest_report.name, trigger="ingest-report", partition_key=document.document_id
        )
        print(f"{document.document_id}: {_figures_summary(result) or 'not ingested'}")
        code = print_report(session.home, result, time.monotonic() - started)
        if session.log_file is not None:
            print(f"log:       {session.log_file}")
        return code

"""egov ingest-report PATH: land one report document, rebuild what depends on it, publish.

A document the warehouse rejects (reports.checks), or holds back because the warehouse's
checks fail with it (cli.isolation), is still landed and recorded, with its reason, in
marts.dim_report_document; the command then exits 1 naming the document and the reason, and
the next `egov refresh` is not affected by it. Ingesting a held document again tries it
again.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import dagster as dg

from dagster_project.cli.isolation import execute_isolating_documents
from dagster_project.cli.session import locked_session
from dagster_project.cli.summary import print_report
from dagster_project.landing.document_state import release_hold
from dagster_project.reports import documents
from dagster_project.reports.assets import DOCUMENTS_KEY
from dagster_project.reports.extraction.loaders import supported_suffixes
from dagster_project.reports.jobs import ingest_report
from dagster_project.reports.sync import register


def _outcome(result: dg.ExecuteInProcessResult) -> dict[str, Any]:
    """The metadata the document's asset recorded ({} when it did not run)."""
    for event in result.get_asset_materialization_events():
        if event.asset_key == DOCUMENTS_KEY:
            return {k: v.value for k, v in event.materialization.metadata.items()}
    return {}


def _describe(outcome: dict[str, Any]) -> str:
    if not outcome:
        return "not ingested"
    rejected = outcome.get("status") == "rejected"
    if not outcome.get("changed"):
        done = "the same bytes are already ingested: nothing changed"
        return done + (" (rejected)" if rejected else "")
    if "figures" not in outcome:
        return "rejected: it could not be extracted"
    found = (
        f"{outcome['figures']} figures, {outcome['tables']} tables, "
        f"{outcome['flagged_figures']} flagged figures, "
        f"{outcome['unmatched_metrics']} figures with no catalog metric"
    )
    return f"rejected ({found} found, none loaded)" if rejected else found


def run_ingest_report(path_text: str, verbose: bool = False) -> int:
    path = Path(path_text).expanduser().resolve()
    if not path.is_file():
        print(f"egov: {path} is not a file", file=sys.stderr)
        return 2
    if not documents.supported(path):
        kinds = ", ".join(sorted(supported_suffixes()))
        print(f"egov: {path} is not a readable report document ({kinds})", file=sys.stderr)
        return 2
    with locked_session(wait=True, verbose=verbose) as session:
        started = time.monotonic()
        document = documents.land_given(path, session.home)
        # Asking for a document again is asking to try it again, even if it was held back.
        release_hold(document.document_id, session.home)
        register(session.instance, [document.document_id])
        result, held = execute_isolating_documents(
            session, ingest_report.name, trigger="ingest-report",
            partition_key=document.document_id,
        )  # fmt: skip
        outcome = _outcome(result)
        described = "rejected: held back" if document.document_id in held else _describe(outcome)
        print(f"{document.document_id}: {described}")
        code = print_report(session.home, result, time.monotonic() - started)
        if session.log_file is not None:
            print(f"log:       {session.log_file}")
        if outcome.get("status") == "rejected":
            print(
                f"egov ingest-report: report document {document.document_id} rejected: "
                f"{outcome.get('status_reason')}\n"
                f"  it stays in landing for inspection and never fails a refresh; "
                f"`egov reports remove {document.document_id}` takes it out",
                file=sys.stderr,
            )
            return code or 1
        return code

"""When the warehouse's checks fail with new report documents: hold them back, publish the
rest.

A document passes its own checks before it is loaded (reports.checks), but a rule that
reads several documents at once (the analytical marts combine the figures of every
report's latest edition) can still fail with a document that is sound on its own. A run
whose build or blocking checks fail while documents are new since the last publish is run
once more with those documents held back (landing.document_state.record_hold): they load as
rejected, with the check that failed as the reason, and the rest is published. If the
second run fails too, the documents were not the cause: the holds are lifted, the documents
load as before, and the first failure is what the command reports.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import dagster as dg

from dagster_project.cli.session import Session
from dagster_project.cli.summary import step_failures
from dagster_project.landing.document_state import record_hold, release_hold
from dagster_project.reports.documents import ReportDocument
from dagster_project.reports.jobs import load_report
from dagster_project.reports.sync import unpublished_documents

_DBT_FAILURE = re.compile(r"\b(?:FAIL|ERROR) \d+ ([\w.]+)")


def failure_cause(result: dg.ExecuteInProcessResult) -> str:
    """The first blocking check or dbt node that failed, as a user would look it up."""
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.ERROR:
            return f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
    lines = step_failures(result)
    for line in lines:
        match = _DBT_FAILURE.search(line)
        if match:
            return match.group(1)
    return " ".join(lines[0].split())[:200] if lines else "the build"


def _reason(document: ReportDocument, cause: str, others: int) -> str:
    name = document.path.name if document.path is not None else document.document_id
    text = (
        f"{name}: held back: the warehouse check {cause} fails with this document, so it "
        "is not published; the rest of the warehouse is"
    )
    if others:
        text += (
            f" (held with {others} other document{'s' if others > 1 else ''} new since the "
            "last publish: `egov ingest-report` each one to find the one at fault)"
        )
    return text


def _reload(session: Session, held: list[ReportDocument]) -> None:
    for document in held:
        session.execute(load_report.name, trigger="cli", partition_key=document.document_id)


def execute_isolating_documents(
    session: Session,
    job_name: str,
    *,
    trigger: str,
    first: dg.ExecuteInProcessResult | None = None,
    **job: Any,
) -> tuple[dg.ExecuteInProcessResult, list[str]]:
    """Run the job (or take its `first` result); on failure with new documents, hold them
    and run it once more. Returns the result to report and the ids of the documents held
    back."""
    result = first if first is not None else session.execute(job_name, trigger=trigger, **job)
    if result.success:
        return result, []
    suspects = unpublished_documents(session.instance, session.home)
    if not suspects:
        return result, []
    cause = failure_cause(result)
    ids = [d.document_id for d in suspects]
    print(
        f"egov: the run failed ({cause}) with report documents new since the last publish "
        f"({', '.join(ids)}); running it again with them held back",
        file=sys.stderr,
    )
    for document in suspects:
        reason = _reason(document, cause, len(suspects) - 1)
        record_hold(document.document_id, document.base_version, reason, session.home)
    _reload(session, suspects)
    retry = session.execute(job_name, trigger=trigger, **job)
    if retry.success:
        return retry, ids
    for document in suspects:
        release_hold(document.document_id, session.home)
    _reload(session, suspects)
    print("egov: it failed without them too: they are not the cause", file=sys.stderr)
    return result, []

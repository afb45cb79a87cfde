"""The Dagster half of `egov refresh`: load changed report documents, run `refresh_all`.

A rejected document is loaded as a status row, not a failure (reports.outcome), and a
document the warehouse's checks fail with is held back (cli.isolation): the refresh
publishes everything else and ends with one warning per rejected document. A document that
fails to load for any other reason (the build file, the disk) fails the refresh.
"""

from __future__ import annotations

import sys
import time

from dagster_project.cli.isolation import execute_isolating_documents
from dagster_project.cli.reports import print_rejected
from dagster_project.cli.session import Session, locked_session
from dagster_project.cli.summary import print_report, step_failures
from dagster_project.jobs import refresh_all
from dagster_project.reports.jobs import load_report
from dagster_project.reports.sync import stale_documents
from dagster_project.transform.assets import build_run_config


def execute(*, force: bool, verbose: bool, wait: bool, started: float) -> tuple[int, str | None]:
    """(exit code, run id of the refresh job or None when it did not start)."""
    with locked_session(wait=wait, verbose=verbose) as session:
        code, run_id = _refresh(session, force=force, started=started)
        if session.log_file is not None:
            print(f"log:       {session.log_file}")
        return code, run_id


def _load_documents(session: Session) -> list[str]:
    failures = []
    for document_id in stale_documents(session.instance, session.home):
        result = session.execute(load_report.name, trigger="cli", partition_key=document_id)
        if not result.success:
            failures.extend(f"{document_id}: {line.strip()}" for line in step_failures(result))
    return failures


def _refresh(session: Session, *, force: bool, started: float) -> tuple[int, str | None]:
    failed_documents = _load_documents(session)
    if failed_documents:
        print("egov refresh FAILED: report documents not loaded:", file=sys.stderr)
        for line in failed_documents:
            print(f"  {line}", file=sys.stderr)
        print(f"  nothing published; {session.home.published_db} is unchanged", file=sys.stderr)
        return 1, None
    result, _ = execute_isolating_documents(
        session, refresh_all.name, trigger="cli", run_config=build_run_config(force=force)
    )
    code = print_report(session.home, result, time.monotonic() - started)
    if code == 0:
        print_rejected(session.home)
    return code, result.run_id

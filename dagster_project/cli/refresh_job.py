"""The Dagster half of `egov refresh`: load changed report documents, run `refresh_all`.

A rejected document is loaded as a status row, not a failure (reports.outcome), and a
document the warehouse's checks fail with is held back (cli.isolation); a rejected dataset
payload keeps the previous one and the rest is built in a second run (cli.rejections). The
refresh publishes everything else and ends with one warning per rejected document. A
document that fails to load for any other reason (the build file, the disk) fails the refresh.
"""

from __future__ import annotations

import sys
import time

from dagster_project.cli.isolation import execute_isolating_documents
from dagster_project.cli.rejections import only_datasets_failed, rejected_payloads, rest_of_refresh
from dagster_project.cli.reports import print_rejected
from dagster_project.cli.session import Session, locked_session
from dagster_project.cli.summary import print_report, step_failures
from dagster_project.jobs import refresh_all
from dagster_project.reports.jobs import load_report
from dagster_project.reports.sync import stale_documents
from dagster_project.transform.assets import build_run_config


def execute(
    *, force: bool, verbose: bool, wait: bool, started: float, strict: bool = False
) -> tuple[int, str | None]:
    """(exit code, run id of the refresh job or None when it did not start or a payload was
    rejected: such a refresh is not a state the no-op shortcut may answer from)."""
    with locked_session(wait=wait, verbose=verbose) as session:
        code, run_id = _refresh(session, force=force, started=started, strict=strict)
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


def _refresh(
    session: Session, *, force: bool, started: float, strict: bool
) -> tuple[int, str | None]:
    failed_documents = _load_documents(session)
    if failed_documents:
        print("egov refresh FAILED: report documents not loaded:", file=sys.stderr)
        for line in failed_documents:
            print(f"  {line}", file=sys.stderr)
        print(f"  nothing published; {session.home.published_db} is unchanged", file=sys.stderr)
        return 1, None
    run_config = build_run_config(force=force)
    first = session.execute(refresh_all.name, trigger="cli", run_config=run_config)
    rejected = rejected_payloads(first)
    if rejected and only_datasets_failed(first):
        return _publish_the_rest(session, rejected, run_config, started=started, strict=strict)
    result, _ = execute_isolating_documents(
        session, refresh_all.name, trigger="cli", first=first, run_config=run_config
    )
    code = print_report(session.home, result, time.monotonic() - started)
    if code == 0:
        print_rejected(session.home)
    return code, result.run_id


def _publish_the_rest(
    session: Session, rejected: dict[str, str], run_config: dict, *, started: float, strict: bool
) -> tuple[int, None]:
    """Datasets whose payload was rejected keep their previous payload: build, check and
    publish everything else from what is loaded, in a second run without the raw assets."""
    print(f"egov refresh: {len(rejected)} payload(s) rejected:", file=sys.stderr)
    for message in rejected.values():
        print(f"  {message}", file=sys.stderr)
    job = session.defs.resolve_job_def(refresh_all.name)
    rest, _ = execute_isolating_documents(
        session,
        refresh_all.name,
        trigger="cli",
        run_config=run_config,
        asset_selection=rest_of_refresh(job),
    )
    code = print_report(session.home, rest, time.monotonic() - started)
    if code == 0:
        print_rejected(session.home)
    if strict and code == 0:
        print(
            f"egov refresh --strict: exit 1, {len(rejected)} payload(s) rejected "
            f"({', '.join(sorted(rejected))})",
            file=sys.stderr,
        )
        code = 1
    return code, None

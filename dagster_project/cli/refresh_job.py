"""The Dagster half of `egov refresh`: load changed report documents, run `refresh_all`.

A rejected document is loaded as a status row, not a failure (reports.outcome), and a
document the warehouse's checks fail with is held back (cli.isolation); a rejected dataset
payload keeps the previous one and the rest is built in a second run (cli.rejections). The
refresh publishes everything else and ends with one warning per rejected document. A
document that fails to load for any other reason (the build file, the disk) fails the refresh.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from contextlib import nullcontext
from typing import Any

import dagster as dg
from dagster._core.execution.execution_result import ExecutionResult

from dagster_project.cli.isolation import execute_isolating_documents
from dagster_project.cli.progress import Plan, RefreshProgress
from dagster_project.cli.rejections import only_datasets_failed, rejected_payloads, rest_of_refresh
from dagster_project.cli.reports import print_rejected
from dagster_project.cli.session import Session, locked_session
from dagster_project.cli.summary import print_report, step_failures
from dagster_project.core import progress
from dagster_project.ingest.assets import raw_asset_keys
from dagster_project.jobs import refresh_all
from dagster_project.publish.assets import PUBLISH_KEY
from dagster_project.reports.jobs import load_report
from dagster_project.reports.sync import stale_documents
from dagster_project.transform.assets import build_run_config, dbt_models
from dagster_project.transform.project import dbt_project


def execute(
    *, force: bool, verbose: bool, wait: bool, started: float, strict: bool = False
) -> tuple[int, str | None]:
    """(exit code, run id of the refresh job or None when it did not start or a payload was
    rejected: such a refresh is not a state the no-op shortcut may answer from)."""
    with locked_session(wait=wait, verbose=verbose) as session:
        documents = stale_documents(session.instance, session.home)
        # -v streams Dagster's own log to the terminal: no progress lines on top of it.
        display = None if verbose else RefreshProgress(_plan(session.defs, len(documents)))
        with display or nullcontext():
            failed_documents = _load_documents(session, documents, display)
            # After the documents: the run config carries the versions of what is loaded.
            run_config = build_run_config(force=force)
            first = None if failed_documents else _run(session, run_config, display=display)
        if first is None:
            print("egov refresh FAILED: report documents not loaded:", file=sys.stderr)
            for line in failed_documents:
                print(f"  {line}", file=sys.stderr)
            print(f"  nothing published; {session.home.published_db} is unchanged", file=sys.stderr)
            code, run_id = 1, None
        else:
            code, run_id = _settle(session, first, run_config, started=started, strict=strict)
        if session.log_file is not None:
            print(f"log:       {session.log_file}")
        return code, run_id


def _load_documents(
    session: Session, documents: list[str], display: RefreshProgress | None
) -> list[str]:
    failures = []
    for document_id in documents:
        result = session.execute(load_report.name, trigger="cli", partition_key=document_id)
        if display is not None:
            display.document_loaded(document_id, result.success)
        if not result.success:
            failures.extend(f"{document_id}: {line.strip()}" for line in step_failures(result))
    return failures


def _settle(
    session: Session,
    first: ExecutionResult,
    run_config: dict,
    *,
    started: float,
    strict: bool,
) -> tuple[int, str | None]:
    """Report the run; a rejected payload publishes the rest, a failure with new documents
    runs once more with them held back (cli.isolation)."""
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


def _run(session: Session, run_config: dict, *, display: RefreshProgress | None) -> ExecutionResult:
    watching = progress.subscribed(display.on_node) if display is not None else nullcontext()
    with watching:
        return session.execute(
            refresh_all.name,
            trigger="cli",
            run_config=run_config,
            listener=display.on_event if display is not None else None,
        )


def _dbt_totals() -> dict[str, int]:
    """dbt nodes a full build runs, by progress group: seeds, tests, or the model's layer."""
    manifest: dict[str, Any] = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))
    totals: Counter = Counter()
    for node in manifest.get("nodes", {}).values():
        kind = node.get("resource_type")
        if kind in ("seed", "test"):
            totals[f"{kind}s"] += 1
        elif kind == "model":
            totals[node.get("schema") or "models"] += 1
    return dict(totals)


def _plan(defs: dg.Definitions, documents: int) -> Plan:
    layer = defs.resolve_job_def(refresh_all.name).asset_layer
    selected = layer.selected_asset_keys
    sources = frozenset(key for key in raw_asset_keys() if key in selected)
    return Plan(
        documents=documents,
        source_keys=sources,
        source_steps=frozenset(defs.resolve_assets_def(key).op.name for key in sources),
        dbt_step=dbt_models.op.name,
        dbt_totals=_dbt_totals(),
        checks=sum(1 for key in layer.asset_graph.asset_check_keys if key.asset_key in selected),
        publish_key=PUBLISH_KEY,
        publish_step=defs.resolve_assets_def(PUBLISH_KEY).op.name,
    )

"""The Dagster half of `egov refresh`: load changed report documents, run `refresh_all`."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from contextlib import nullcontext
from typing import Any

import dagster as dg
from dagster._core.execution.execution_result import ExecutionResult

from dagster_project.cli.progress import Plan, RefreshProgress
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


def execute(*, force: bool, verbose: bool, wait: bool, started: float) -> tuple[int, str | None]:
    """(exit code, run id of the refresh job or None when it did not start)."""
    with locked_session(wait=wait, verbose=verbose) as session:
        documents = stale_documents(session.instance, session.home)
        # -v streams Dagster's own log to the terminal: no progress lines on top of it.
        display = None if verbose else RefreshProgress(_plan(session.defs, len(documents)))
        with display or nullcontext():
            failed_documents = _load_documents(session, documents, display)
            result = None if failed_documents else _run(session, force=force, display=display)
        if result is None:
            print("egov refresh FAILED: report documents not loaded:", file=sys.stderr)
            for line in failed_documents:
                print(f"  {line}", file=sys.stderr)
            print(f"  nothing published; {session.home.published_db} is unchanged", file=sys.stderr)
            code, run_id = 1, None
        else:
            code = print_report(session.home, result, time.monotonic() - started)
            run_id = result.run_id
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


def _run(session: Session, *, force: bool, display: RefreshProgress | None) -> ExecutionResult:
    watching = progress.subscribed(display.on_node) if display is not None else nullcontext()
    with watching:
        return session.execute(
            refresh_all.name,
            trigger="cli",
            run_config=build_run_config(force=force),
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

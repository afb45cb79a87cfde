"""The summary `egov refresh` prints: what was built, what was checked, what was published."""

from __future__ import annotations

import sys
from collections import Counter

import dagster as dg
from dagster._core.execution.execution_result import ExecutionResult

from dagster_project.cli.published import print_published
from dagster_project.core.disk import disk_full_message, is_disk_full_text
from dagster_project.publish.assets import PUBLISH_KEY
from dagster_project.settings import Paths


def step_failures(result: ExecutionResult) -> list[str]:
    lines = []
    for event in result.all_events:
        if event.event_type == dg.DagsterEventType.STEP_FAILURE:
            error = event.step_failure_data.error
            if error and error.cls_name == "DagsterAssetCheckFailedError":
                continue  # reported with its failing expectations below
            message = error.message.strip() if error else "unknown error"
            cause = error.cause if error else None
            while cause is not None and cause.cause is not None:
                cause = cause.cause
            detail = f"\n      caused by: {cause.message.strip()}" if cause else ""
            lines.append(f"  step {event.step_key} failed: {message}{detail}")
    return lines


def _check_lines(result: ExecutionResult) -> tuple[Counter, list[str]]:
    tally: Counter = Counter()
    failed = []
    for evaluation in result.get_asset_check_evaluations():
        tally["passed" if evaluation.passed else "failed"] += 1
        if evaluation.passed:
            continue
        name = f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
        failed.append(f"  check {name} FAILED ({evaluation.severity.value})")
        meta = evaluation.metadata
        if "failures" in meta:
            failed.append("    " + str(meta["failures"].value).replace("\n", "\n    "))
        elif meta:
            detail = {k: v.value for k, v in meta.items() if hasattr(v, "value")}
            failed.append(f"    {detail}")
    return tally, failed


def print_report(home: Paths, result: ExecutionResult, seconds: float) -> int:
    materialized = {e.asset_key for e in result.get_asset_materialization_events()}
    published = PUBLISH_KEY in materialized
    tally, failed_checks = _check_lines(result)
    status = "succeeded" if result.success else "FAILED"
    print(f"egov refresh {status} in {seconds:.1f}s (run {result.run_id})")
    print(
        f"  assets materialized: {len(materialized)}; "
        f"checks passed: {tally['passed']}, failed: {tally['failed']}"
    )
    failures = step_failures(result)
    if any(is_disk_full_text(line, home.home) for line in failures):
        # Every step after the full disk fails the same way: the cause, once.
        message = disk_full_message(home.home, home.published_db, published_changed=published)
        print(message, file=sys.stderr)
        return 1
    for line in failures + failed_checks:
        print(line, file=sys.stderr if not result.success else sys.stdout)
    if not result.success:
        print(f"  nothing published; {home.published_db} is unchanged", file=sys.stderr)
        return 1
    if not published:
        print("  nothing changed since the last publish: no rebuild, nothing republished")
    print_published(home, republished=published)
    return 0

"""dbt test results into the quality history (audit.check_results), next to GX outcomes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from dagster_project.quality.gx_runner import Outcome


def _relation(manifest: Mapping[str, Any], test: Mapping[str, Any]) -> str:
    attached = test.get("attached_node") or (test.get("depends_on", {}).get("nodes") or [""])[0]
    node = manifest.get("nodes", {}).get(attached) or {}
    if node:
        return f"{node.get('schema')}.{node.get('name')}"
    return attached or "unknown"


def test_outcomes(run_results: Mapping[str, Any], manifest: Mapping[str, Any]) -> Iterator[Outcome]:
    """One Outcome per dbt data test of the invocation (models and seeds are skipped)."""
    nodes = manifest.get("nodes", {})
    for result in run_results.get("results", []):
        unique_id = result.get("unique_id", "")
        if not unique_id.startswith("test."):
            continue
        test = nodes.get(unique_id, {})
        metadata = test.get("test_metadata") or {}
        failures = result.get("failures")
        yield Outcome(
            suite=_relation(manifest, test),
            batch="dbt",
            expectation=metadata.get("name") or test.get("name") or unique_id,
            column=test.get("column_name"),
            success=result.get("status") == "pass",
            observed_value=str(result.get("message") or result.get("status")),
            unexpected_count=failures if isinstance(failures, int) else None,
            kwargs={"unique_id": unique_id, "status": result.get("status")},
        )

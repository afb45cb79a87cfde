"""The publish step as the last asset of the graph: it runs only when everything upstream
materialized and every blocking check passed in the same run."""

import time
from collections.abc import Mapping, Sequence
from typing import Any

import dagster as dg

from dagster_project.core.instance import latest_data_version
from dagster_project.core.resources import BuildDatabase
from dagster_project.publish import records
from dagster_project.publish.writer import Previous, PublishResult, publish
from dagster_project.quality.docs import build_docs
from dagster_project.settings import DUCKDB_POOL, Paths, drill_pause_s

PUBLISH_KEY = dg.AssetKey(["publish", "egov_duckdb"])


def build_versions(
    instance: dg.DagsterInstance, home: Paths, raw_keys: Sequence[dg.AssetKey]
) -> dict[str, str]:
    """schema.relation -> version of what the build file holds: raw tables by the data
    version of their latest materialization, dbt relations by the version the dbt step
    recorded."""
    versions = {}
    for key in raw_keys:
        version = latest_data_version(instance, key)
        if version:
            versions[".".join(key.path)] = version
    return {**versions, **records.built_relations(home)}


def _previous(home: Paths) -> Previous | None:
    """What the published file holds, unless the last build asks for a fresh file."""
    record = records.published_record(home)
    if "relations" not in record or records.build_forced(home):
        return None
    return Previous(identity=record.get("identity"), relations=record["relations"])


def _record(result: PublishResult, run_id: str, fingerprint: str) -> Mapping[str, Any]:
    return {
        "fingerprint": fingerprint,
        "sha256": result.sha256,
        "run_id": run_id,
        "identity": result.identity,
        "mode": result.mode,
        "replaced": len(result.replaced),
        "relations": result.relations,
        "at": result.published_at,
    }


def build_publish_asset(
    upstream: list[dg.AssetKey], raw_keys: Sequence[dg.AssetKey]
) -> dg.AssetsDefinition:
    """The publish asset after `upstream`; `raw_keys` are the assets written by Python into
    the raw schema (datasets and report documents), versioned by their data versions."""

    @dg.asset(
        key=PUBLISH_KEY,
        deps=upstream,
        group_name="publish",
        kinds={"duckdb", "parquet"},
        pool=DUCKDB_POOL,
        description=(
            "Atomically replace $EGOV_HOME/egov.duckdb (and the Parquet export of the marts) "
            "with the validated build: the relations that changed since the last publish, "
            "or a fresh file."
        ),
    )
    def publish_egov_duckdb(
        context: dg.AssetExecutionContext, build_db: BuildDatabase
    ) -> dg.MaterializeResult:
        home = build_db.paths
        records.reconcile(home)
        fingerprint = records.built_fingerprint(home) or "unknown"
        result = publish(
            home,
            run_id=context.run_id,
            fingerprint=fingerprint,
            versions=build_versions(context.instance, home, raw_keys),
            previous=_previous(home),
            before_swap=lambda pending: records.record_publishing(
                home, _record(pending, context.run_id, fingerprint)
            ),
        )
        time.sleep(drill_pause_s("published"))
        records.record_published(home, _record(result, context.run_id, fingerprint))
        docs = build_docs(home)
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(str(result.path)),
                "sha256": result.sha256,
                "mode": result.mode,
                "replaced": dg.MetadataValue.json(list(result.replaced)),
                "parquet_dir": dg.MetadataValue.path(str(result.parquet_dir)),
                "tables": len(result.tables),
                "data_docs": docs or "no validation ran in this run",
                "row_counts": dg.MetadataValue.json(result.tables),
            }
        )

    return publish_egov_duckdb

"""The publish step as the last asset of the graph: it runs only when everything upstream
materialized and every blocking check passed in the same run."""

import dagster as dg

from dagster_project.core.resources import BuildDatabase
from dagster_project.publish import records
from dagster_project.publish.writer import publish
from dagster_project.quality.docs import build_docs
from dagster_project.settings import DUCKDB_POOL

PUBLISH_KEY = dg.AssetKey(["publish", "egov_duckdb"])


def build_publish_asset(upstream: list[dg.AssetKey]) -> dg.AssetsDefinition:
    @dg.asset(
        key=PUBLISH_KEY,
        deps=upstream,
        group_name="publish",
        kinds={"duckdb", "parquet"},
        pool=DUCKDB_POOL,
        description=(
            "Atomically replace $EGOV_HOME/egov.duckdb (and the Parquet export of the marts) "
            "with the validated build."
        ),
    )
    def publish_egov_duckdb(
        context: dg.AssetExecutionContext, build_db: BuildDatabase
    ) -> dg.MaterializeResult:
        home = build_db.paths
        fingerprint = records.built_fingerprint(home) or "unknown"
        result = publish(home, run_id=context.run_id, fingerprint=fingerprint)
        docs = build_docs(home)
        records.record_published(
            home,
            {"fingerprint": fingerprint, "sha256": result.sha256, "run_id": context.run_id},
        )
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(str(result.path)),
                "sha256": result.sha256,
                "parquet_dir": dg.MetadataValue.path(str(result.parquet_dir)),
                "tables": len(result.tables),
                "data_docs": docs or "no validation ran in this run",
                "row_counts": dg.MetadataValue.json(result.tables),
            }
        )

    return publish_egov_duckdb

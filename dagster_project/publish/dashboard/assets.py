"""The dashboard as the asset after the publish step: it runs only when a publish did, so a
refresh that failed a check (and published nothing) leaves the dashboard as it was."""

import dagster as dg

from dagster_project.core.resources import BuildDatabase
from dagster_project.publish.assets import PUBLISH_KEY
from dagster_project.settings import DUCKDB_POOL

DASHBOARD_KEY = dg.AssetKey(["publish", "dashboard"])


@dg.asset(
    key=DASHBOARD_KEY,
    deps=[PUBLISH_KEY],
    group_name="publish",
    kinds={"html"},
    # It reads only the published file, but it runs inside the refresh that holds the pool.
    pool=DUCKDB_POOL,
    description=(
        "Static dashboard at $EGOV_HOME/dashboard/index.html, built from the published "
        "egov.duckdb (read-only) and swapped in atomically; works offline from file://."
    ),
)
def publish_dashboard(build_db: BuildDatabase) -> dg.MaterializeResult:
    # Imported here: the charting libraries take seconds to import, and loading the
    # definitions (every CLI refresh, the UI) should not pay for them.
    from dagster_project.publish.dashboard.site import build_dashboard

    result = build_dashboard(build_db.paths)
    return dg.MaterializeResult(
        metadata={
            "index": dg.MetadataValue.path(str(result.index)),
            "pages": dg.MetadataValue.json(result.pages),
            "files": result.files,
            "bytes": result.bytes,
            "published_sha256": result.published_sha256,
            "build_seconds": result.seconds,
        }
    )

"""`make docs`: the dbt docs site (models, columns, lineage, catalog), from a snapshot.

`dbt docs generate` reads the catalog of the database its profile names. Pointed at the build
file it would open the pipeline's private file, and wait for (or break) a refresh holding
it. It reads a private copy of the published file instead: the same schemas and tables,
consistent (the published file is replaced whole, never written in place) and free of any
lock. The site is written to `$EGOV_HOME/docs/dbt/`; dbt/target (the manifest Dagster
loads) is left alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from dagster_project.settings import BUILD_DB_NAME, DBT_DIR, dbt_env, dbt_executable, paths


def build_docs_site() -> int:
    home = paths()
    if not home.published_db.exists():
        print(f"egov: no published warehouse at {home.published_db}; run `egov refresh` first")
        return 1
    target = home.docs_dir / "dbt"
    with tempfile.TemporaryDirectory(prefix="egov-docs-") as scratch:
        # dbt-duckdb names the database after the file stem, as in the manifest.
        snapshot = Path(scratch) / f"{BUILD_DB_NAME}.duckdb"
        shutil.copyfile(home.published_db, snapshot)
        env = {**os.environ, **dbt_env(home), "EGOV_BUILD_DB": str(snapshot)}
        command = [
            dbt_executable(), "docs", "generate",
            "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
            "--target-path", str(target), "--log-path", str(Path(scratch) / "logs"),
        ]  # fmt: skip
        completed = subprocess.run(command, env=env, check=False)
    if completed.returncode == 0:
        print(f"dbt docs: {target / 'index.html'} (catalog read from a copy of the published file)")
    return completed.returncode


if __name__ == "__main__":
    sys.exit(build_docs_site())

"""Keeping dbt/target/manifest.json in step with the dbt project before Dagster loads it."""

from __future__ import annotations

import os
import subprocess
import sys

from dagster_project.settings import DBT_DIR, DBT_WATCHED, Paths, dbt_env, dbt_executable


def manifest_is_stale() -> bool:
    manifest = DBT_DIR / "target" / "manifest.json"
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    for name in DBT_WATCHED:
        root = DBT_DIR / name
        files = [root] if root.is_file() else root.rglob("*") if root.exists() else []
        if any(f.is_file() and f.stat().st_mtime > built for f in files):
            return True
    return False


def ensure_manifest(home: Paths) -> None:
    """Run `dbt parse` when a dbt file changed since the manifest was written."""
    if not manifest_is_stale():
        return
    print("egov: dbt project changed, parsing it (dbt parse)", file=sys.stderr)
    env = {**os.environ, **dbt_env(home)}
    completed = subprocess.run(
        [dbt_executable(), "parse", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"dbt parse failed:\n{completed.stdout[-4000:]}{completed.stderr[-2000:]}"
        )

"""What the warehouse was last built and published from, so an unchanged refresh is a no-op.

The fingerprint covers everything a published file is a function of: the data version of
every raw input (payload sha256 and parser version, recorded by the raw assets), the dbt
project (model, seed, test and macro checksums from the manifest) and the quality suites.
It is recorded as published only after a successful publish, so a refresh that failed a check
is retried in full next time instead of being skipped as unchanged.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import dagster as dg

from dagster_project.settings import EXPECTATIONS_DIR, Paths

BUILD_FILE = "build.json"
PUBLISHED_FILE = "published.json"


def _manifest_digest(manifest_path: Path) -> str:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    parts: dict[str, Any] = {}
    for uid, node in sorted(manifest.get("nodes", {}).items()):
        parts[uid] = [node.get("checksum", {}).get("checksum"), node.get("config")]
    for uid, macro in sorted(manifest.get("macros", {}).items()):
        if macro.get("package_name") == manifest.get("metadata", {}).get("project_name"):
            parts[uid] = macro.get("macro_sql")
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _expectations_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(EXPECTATIONS_DIR.rglob("*.py")):
        digest.update(str(path.relative_to(EXPECTATIONS_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def raw_data_versions(instance: dg.DagsterInstance, keys: list[dg.AssetKey]) -> dict[str, str]:
    """The latest recorded data version of each raw asset ('missing' if never materialized)."""
    versions = {}
    for key in sorted(keys, key=lambda k: k.to_user_string()):
        event = instance.get_latest_materialization_event(key)
        materialization = event.asset_materialization if event else None
        tags = materialization.tags if materialization else None
        versions[key.to_user_string()] = (tags or {}).get("dagster/data_version", "missing")
    return versions


def input_fingerprint(instance: dg.DagsterInstance, manifest_path: Path) -> str:
    from dagster_project.ingest.assets import raw_asset_keys
    from dagster_project.reports.assets import REPORT_KEYS

    payload = {
        "raw": raw_data_versions(instance, [*raw_asset_keys(), *REPORT_KEYS]),
        "dbt": _manifest_digest(manifest_path),
        "expectations": _expectations_digest(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _write(path: Path, record: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(record, indent=2), encoding="utf-8")
    tmp.replace(path)


def _read(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def record_build_started(home: Paths, fingerprint: str) -> None:
    _write(home.state_dir / BUILD_FILE, {"fingerprint": fingerprint, "at": _now()})


def built_fingerprint(home: Paths) -> str | None:
    return _read(home.state_dir / BUILD_FILE).get("fingerprint")


def record_published(home: Paths, record: dict[str, Any]) -> None:
    _write(home.state_dir / PUBLISHED_FILE, {**record, "at": _now()})


def published_record(home: Paths) -> dict[str, Any]:
    return _read(home.state_dir / PUBLISHED_FILE)


def is_published(home: Paths, fingerprint: str) -> bool:
    record = published_record(home)
    return record.get("fingerprint") == fingerprint and home.published_db.exists()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

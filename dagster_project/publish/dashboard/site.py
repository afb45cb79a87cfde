"""The dashboard site: pages rendered from the published file, written aside and swapped in.

`render_site` turns what was read from the published file into the site's files (a pure
function: the same file gives the same bytes). `build_dashboard` writes them into a new
folder under `dashboard_versions/`, renames it into place and swaps the `dashboard` symlink
to it, like the Parquet export: a reader of the old version keeps a complete site, and a
build that fails half-way leaves the previous one untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dagster_project.publish.dashboard import html
from dagster_project.publish.dashboard.cache import cache_dir
from dagster_project.publish.dashboard.page import Page
from dagster_project.publish.dashboard.pages import facts, quality, regional, segments, spend
from dagster_project.publish.dashboard.published import Published, read_published
from dagster_project.publish.dashboard.record import RECORD, builder_digest
from dagster_project.publish.dashboard.shapes import china_shapes
from dagster_project.publish.dashboard.vega import javascript_bundle
from dagster_project.settings import DBT_DIR, Paths

STATIC = Path(__file__).resolve().parent / "static"
KEEP_VERSIONS = 2


@dataclass(frozen=True)
class DashboardResult:
    index: Path
    pages: list[str]
    files: int
    bytes: int
    published_sha256: str
    seconds: float


def model_sql(relations: list[str]) -> dict[str, str]:
    """The dbt model behind each published relation that has one (audit tables have none)."""
    found = {}
    for relation in relations:
        schema, table = relation.split(".")
        matches = sorted((DBT_DIR / "models" / schema).rglob(f"{table}.sql"))
        if matches:
            found[relation] = matches[0].read_text(encoding="utf-8")
    return found


def pages_of(published: Published, shapes: dict[str, Any]) -> list[Page]:
    return [
        spend.build(published),
        regional.build(published, shapes),
        segments.build(published),
        facts.build(published),
        quality.build(published),
    ]


def render_site(published: Published, shapes: dict[str, Any], bundle: str) -> dict[str, bytes]:
    """Every file of the site by its relative path."""
    pages = pages_of(published, shapes)
    relations = sorted({r for page in pages for r in page.relations})
    models = model_sql(relations)
    files: dict[str, bytes] = {
        "assets/vega.js": bundle.encode("utf-8"),
        "assets/dashboard.css": (STATIC / "dashboard.css").read_bytes(),
        "assets/dashboard.js": (STATIC / "dashboard.js").read_bytes(),
    }
    for page in pages:
        files[page.filename] = html.render_page(page, pages, published, models).encode("utf-8")
    for name, query in sorted(published.queries.items()):
        files[f"sql/{name}.sql"] = query.sql.encode("utf-8")
        page = html.render_sql(f"{name}.sql", query.sql, "../", f"{name}.sql")
        files[f"sql/{name}.html"] = page.encode("utf-8")
    for relation, sql in models.items():
        files[f"sql/models/{relation}.sql"] = sql.encode("utf-8")
        page = html.render_sql(f"dbt model {relation}", sql, "../../", f"{relation}.sql")
        files[f"sql/models/{relation}.html"] = page.encode("utf-8")
    record = {
        "published_sha256": published.sha256,
        "published_at": published.published_at,
        "run_id": published.run_id,
        "builder": builder_digest(),
        "pages": [page.filename for page in pages],
    }
    files[RECORD] = (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def versions_dir(home: Paths) -> Path:
    return home.dashboard_dir.with_name("dashboard_versions")


def _write_version(home: Paths, files: dict[str, bytes]) -> Path:
    # Microseconds: versions are pruned by name, so names must sort in build order.
    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:6]}"
    folder = versions_dir(home) / f"{stamp}.tmp"
    for relative, content in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    final = folder.with_suffix("")
    folder.rename(final)
    return final


def _swap(link: Path, target: Path) -> None:
    tmp_link = link.with_name(f".{link.name}.{uuid.uuid4().hex[:6]}")
    tmp_link.symlink_to(target.relative_to(link.parent))
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)
    os.replace(tmp_link, link)


def _prune(home: Paths, current: Path) -> None:
    folder = versions_dir(home)
    for leftover in folder.glob("*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)
    versions = sorted(p for p in folder.iterdir() if p.is_dir() and p.suffix != ".tmp")
    for old in versions[:-KEEP_VERSIONS]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


def build_dashboard(home: Paths, cache: Path | None = None) -> DashboardResult:
    """Read the published file, render the site, swap it in at $EGOV_HOME/dashboard."""
    started = time.perf_counter()
    cache = cache or cache_dir(home)
    # The script bundle takes seconds the first time and runs outside Python's lock: start
    # it while the shapes and the queries are read.
    with ThreadPoolExecutor(max_workers=1) as pool:
        bundle = pool.submit(javascript_bundle, cache)
        shapes = china_shapes(cache)
        published = read_published(home.published_db)
        files = render_site(published, shapes, bundle.result())
    version = _write_version(home, files)
    _swap(home.dashboard_dir, version)
    _prune(home, version)
    return DashboardResult(
        index=home.dashboard_dir / "index.html",
        pages=[name for name in files if name.endswith(".html") and "/" not in name],
        files=len(files),
        bytes=sum(len(content) for content in files.values()),
        published_sha256=published.sha256,
        seconds=round(time.perf_counter() - started, 3),
    )

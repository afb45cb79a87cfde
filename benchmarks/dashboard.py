"""What building the dashboard costs, measured on a published home (one process per call).

`python -m benchmarks.dashboard HOME CACHE builds` times a cold build (CACHE empty: the script
bundle and the province outlines are made again, as in an environment whose cache was never
warmed) and then a warm one (every refresh of a set-up environment); `... parts` times the
build's parts, cold then warm, and the baseline: the same queries by plain DuckDB with their
rows written as one JSON file (the least a site of these rows could cost). A new process per
call, because vl-convert keeps a bundle in memory once made. Prints one JSON line.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any


def _timed(work: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def _parts(home: Any, cache: Path) -> dict[str, float]:
    from dagster_project.publish.dashboard.published import read_published
    from dagster_project.publish.dashboard.shapes import china_shapes
    from dagster_project.publish.dashboard.site import render_site
    from dagster_project.publish.dashboard.vega import javascript_bundle

    bundle, bundle_s = _timed(lambda: javascript_bundle(cache))
    shapes, shapes_s = _timed(lambda: china_shapes(cache))
    published, queries_s = _timed(lambda: read_published(home.published_db))
    files, render_s = _timed(lambda: render_site(published, shapes, bundle))
    return {
        "bundle_s": round(bundle_s, 3),
        "shapes_s": round(shapes_s, 3),
        "queries_s": round(queries_s, 3),
        "render_s": round(render_s, 3),
        "bytes": sum(len(v) for v in files.values()),
    }


def _baseline(home: Any, out: Path) -> float:
    """The dashboard's queries by plain DuckDB, rows dumped as JSON: the floor."""
    import duckdb

    from dagster_project.publish.dashboard.published import query_files

    started = time.perf_counter()
    con = duckdb.connect(str(home.published_db), read_only=True)
    rows = {}
    for path in query_files():
        cursor = con.execute(path.read_text(encoding="utf-8"))
        columns = [d[0] for d in cursor.description]
        rows[path.stem] = [dict(zip(columns, r)) for r in cursor.fetchall()]
    con.close()
    out.write_text(json.dumps(rows, default=str, ensure_ascii=False), encoding="utf-8")
    return time.perf_counter() - started


def main(home_dir: str, cache_dir: str, mode: str) -> dict[str, Any]:
    _, import_s = _timed(lambda: __import__("dagster_project.publish.dashboard.site"))
    from dagster_project.publish.dashboard.site import build_dashboard
    from dagster_project.settings import Paths

    home, cache = Paths(Path(home_dir)), Path(cache_dir)
    shutil.rmtree(cache, ignore_errors=True)
    if mode == "builds":
        cold = _timed(lambda: build_dashboard(home, cache))[1]
        warm = _timed(lambda: build_dashboard(home, cache))[1]
        return {"import_s": round(import_s, 3), "cold_s": cold, "warm_s": warm}
    cold_parts = _parts(home, cache)
    warm_parts = _parts(home, cache)
    baseline = _baseline(home, cache / "baseline.json")
    return {"cold": cold_parts, "warm": warm_parts, "baseline_s": baseline}


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))

"""What building the dashboard costs, measured in one process on a published home.

`python -m benchmarks.dashboard HOME REPEATS` prints one JSON line: the import of the builder,
then per repeat a cold build (no cache: the script bundle and the province shapes are made
again, as on the first refresh of a new home) and a warm one (every later refresh), each
split into its parts, and the baseline: the same queries by plain DuckDB with their rows
written as one JSON file (the least a site of these rows could cost). The refresh case adds
the step's own time inside a real refresh (timeline bucket `dashboard_s`).
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def _timed(work: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def _parts(home: Any, cache: Path) -> dict[str, float]:
    """The steps of build_dashboard one by one (as it runs them, minus the overlap)."""
    from dagster_project.publish.dashboard.published import read_published
    from dagster_project.publish.dashboard.shapes import china_shapes
    from dagster_project.publish.dashboard.site import render_site
    from dagster_project.publish.dashboard.vega import javascript_bundle

    bundle, bundle_s = _timed(lambda: javascript_bundle(cache))
    shapes, shapes_s = _timed(lambda: china_shapes(cache))
    published, queries_s = _timed(lambda: read_published(home.published_db))
    files, render_s = _timed(lambda: render_site(published, shapes, bundle))
    return {
        "bundle_s": bundle_s,
        "shapes_s": shapes_s,
        "queries_s": queries_s,
        "render_s": render_s,
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


def main(home_dir: str, repeats: int) -> dict[str, Any]:
    _, import_s = _timed(lambda: __import__("dagster_project.publish.dashboard.site"))
    from dagster_project.publish.dashboard.site import build_dashboard, cache_dir
    from dagster_project.settings import Paths

    home = Paths(Path(home_dir))
    cold, warm, cold_parts, warm_parts, base = [], [], [], [], []
    for _ in range(repeats):
        shutil.rmtree(cache_dir(home), ignore_errors=True)
        cold.append(_timed(lambda: build_dashboard(home))[1])
        warm.append(_timed(lambda: build_dashboard(home))[1])
        shutil.rmtree(cache_dir(home), ignore_errors=True)
        cold_parts.append(_parts(home, cache_dir(home)))
        warm_parts.append(_parts(home, cache_dir(home)))
        base.append(_baseline(home, home.state_dir / "dashboard-baseline.json"))

    def median(parts: list[dict[str, float]]) -> dict[str, float]:
        return {k: round(statistics.median(p[k] for p in parts), 3) for k in parts[0]}

    return {
        "import_s": round(import_s, 3),
        "cold_s": cold,
        "warm_s": warm,
        "cold_split": median(cold_parts),
        "warm_split": median(warm_parts),
        "baseline_s": base,
        "files": len(list((home.dashboard_dir).resolve().rglob("*"))),
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]))))

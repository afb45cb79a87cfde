"""The physical limit: the warehouse built by plain DuckDB in one Python process.

The same work as a refresh, with no orchestration, no landing store, no run history:
* load: every declared dataset read by the product's own parsers and loaders (the CSV of
  synthetic notices through the same DuckDB load SQL), the report outputs, the dbt seeds;
* transform: every dbt model's compiled SQL (from `dbt compile`, never copied by hand),
  executed in dependency order as the view or table dbt would create;
* checks: every dbt data test's compiled SQL as a count, and every quality suite as SQL
  aggregates (benchmarks/sql_checks.py);
* publish: the product's publish (copy every layer into a fresh file, Parquet export, swap).

Its connection has the product's DuckDB memory limit (EGOV_DUCKDB_MEMORY_LIMIT): the same
work under the same constraint.

    python -m benchmarks.baseline HOME COMPILED_MANIFEST SUITES_DIR [--csv FILE] [--ingest]

`--ingest` does only the scale path's first part: load the procurement intentions and run
their raw suite (the twin of `benchmarks.egov_synthetic ... ingest`).

prints one JSON object: the seconds of each phase, the peak RSS, the failed checks.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from benchmarks.sql_checks import check_suite
from dagster_project.core import duckdb_io
from dagster_project.ingest.duckdb_load import DuckDBPayload, load_payload
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs
from dagster_project.publish.writer import publish
from dagster_project.quality.suites import Suite, read_suite
from dagster_project.reports.documents import known_documents
from dagster_project.reports.extraction.output import read_output
from dagster_project.reports.load import replace_document
from dagster_project.settings import DBT_DIR, Paths

INTENTIONS = "ccgp_shandong__intentions"


def _load_sources(con: duckdb.DuckDBPyConnection, csv: Path | None, names: list[str]) -> int:
    rows = 0
    for spec in (all_specs()[name] for name in names):
        files = [csv] if csv and spec.name == INTENTIONS else spec.snapshot_paths
        parsed = parse_dataset(spec, files)
        if isinstance(parsed, DuckDBPayload):
            rows += load_payload(con, spec, parsed)[0]
        else:
            rows += duckdb_io.replace_table(con, "raw", spec.name, parsed)
    return rows


def _load_reports(con: duckdb.DuckDBPyConnection, home: Paths) -> None:
    """The bundled report outputs, as the report asset writes them."""
    for document_id, document in known_documents(home).items():
        tables = read_output(document.path)
        for row in tables["report_documents"]:
            row.update(origin=document.origin, data_version=document.data_version)
        replace_document(con, document_id, tables)


def _load_seeds(con: duckdb.DuckDBPyConnection, manifest: dict) -> None:
    for node in manifest["nodes"].values():
        if node["resource_type"] != "seed":
            continue
        types = node["config"].get("column_types") or {}
        target = f"{duckdb_io.quote_ident(node['schema'])}.{duckdb_io.quote_ident(node['name'])}"
        con.execute(f"create schema if not exists {duckdb_io.quote_ident(node['schema'])}")
        con.execute(
            f"create or replace table {target} as select * from read_csv($path, header = true, "
            "types = $types)",
            {"path": str(DBT_DIR / node["original_file_path"]), "types": types or {}},
        )


def _ordered_models(manifest: dict) -> list[dict]:
    nodes = {k: v for k, v in manifest["nodes"].items() if v["resource_type"] == "model"}
    done: set[str] = set()
    ordered: list[dict] = []

    def visit(uid: str) -> None:
        if uid in done or uid not in nodes:
            return
        done.add(uid)
        for parent in nodes[uid]["depends_on"]["nodes"]:
            visit(parent)
        ordered.append(nodes[uid])

    for uid in sorted(nodes):
        visit(uid)
    return ordered


def _transform(con: duckdb.DuckDBPyConnection, manifest: dict) -> int:
    models = _ordered_models(manifest)
    for node in models:
        schema = duckdb_io.quote_ident(node["schema"])
        kind = "table" if node["config"]["materialized"] == "table" else "view"
        con.execute(f"create schema if not exists {schema}")
        con.execute(
            f"create or replace {kind} {schema}.{duckdb_io.quote_ident(node['name'])} as "
            f"{node['compiled_code']}"
        )
    return len(models)


def _dbt_tests(con: duckdb.DuckDBPyConnection, manifest: dict) -> list[str]:
    failed = []
    for node in manifest["nodes"].values():
        if node["resource_type"] == "test" and node.get("compiled_code"):
            found = con.execute(f"select count(*) from ({node['compiled_code']})").fetchone()[0]
            if found and node["config"].get("severity", "error").lower() == "error":
                failed.append(node["name"])
    return failed


def _load_suites(suites_dir: Path) -> list[tuple[str, Suite]]:
    """The suites (their definitions, not work: read before the clock starts)."""
    suites = [read_suite(path) for path in sorted(suites_dir.glob("*/*.yml"))]
    return [(suite.relation, suite) for suite in suites]


def _payload_context(con: duckdb.DuckDBPyConnection, suite: Suite) -> tuple[dict, dict]:
    """A loaded payload checked as the raw asset checks it, against itself as last loaded."""
    if not suite.validates_payload:
        return {}, {}
    rows = con.execute(f"select count(*) from {suite.relation}").fetchone()[0]
    relations = {"payload": suite.relation, "previous": suite.relation}
    return relations, {"payload_date": date.today(), "previous_row_count": rows}


def _suites(con: duckdb.DuckDBPyConnection, suites: list[tuple[str, Suite]]) -> tuple[list, dict]:
    failed, seconds = [], {}
    for relation, suite in suites:
        started = time.perf_counter()
        outcomes = check_suite(con, suite, *_payload_context(con, suite))
        seconds[relation] = time.perf_counter() - started
        failed += [f"{relation}:{o.expectation}:{o.column}" for o in outcomes if not o.success]
    return failed, seconds


def ingest(home: Path, suites_dir: Path, csv: Path | None) -> dict[str, Any]:
    """Load the procurement intentions and run their raw suite, nothing else."""
    shutil.rmtree(home, ignore_errors=True)
    paths = Paths(home).ensure()
    suites = [s for s in _load_suites(suites_dir) if s[0] == f"raw.{INTENTIONS}"]
    started = time.perf_counter()
    con = duckdb.connect(str(paths.build_db))
    duckdb_io.limit_memory(con)
    try:
        rows = _load_sources(con, csv, [INTENTIONS])
        load_s = time.perf_counter() - started
        failed, by_suite = _suites(con, suites)
    finally:
        con.close()
    return {
        "load_s": round(load_s, 3),
        "suites_s": round(sum(by_suite.values()), 3),
        "wall_s": round(time.perf_counter() - started, 3),
        "raw_rows": rows,
        "failed_checks": failed,
        "suite_s": {k: round(v, 3) for k, v in by_suite.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def run(home: Path, manifest_path: Path, suites_dir: Path, csv: Path | None) -> dict[str, Any]:
    """Build, check and publish into `home` (wiped first); the seconds of each phase."""
    shutil.rmtree(home, ignore_errors=True)
    paths = Paths(home).ensure()
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    suites = _load_suites(suites_dir)
    phases: dict[str, float] = {}
    started = time.perf_counter()
    con = duckdb.connect(str(paths.build_db))
    duckdb_io.limit_memory(con)
    try:
        rows = _load_sources(con, csv, list(all_specs()))
        _load_reports(con, paths)
        _load_seeds(con, manifest)
        phases["load_s"] = time.perf_counter() - started
        mark = time.perf_counter()
        models = _transform(con, manifest)
        phases["transform_s"] = time.perf_counter() - mark
        mark = time.perf_counter()
        failed = _dbt_tests(con, manifest)
        phases["dbt_tests_s"] = time.perf_counter() - mark
        mark = time.perf_counter()
        failed_suites, by_suite = _suites(con, suites)
        phases["suites_s"] = time.perf_counter() - mark
    finally:
        con.close()
    mark = time.perf_counter()
    publish(paths, run_id="baseline", fingerprint="baseline")
    phases["publish_s"] = time.perf_counter() - mark
    return {
        **{k: round(v, 3) for k, v in phases.items()},
        "checks_s": round(phases["dbt_tests_s"] + phases["suites_s"], 3),
        "wall_s": round(time.perf_counter() - started, 3),
        "raw_rows": rows,
        "models": models,
        "failed_checks": failed + failed_suites,
        "suite_s": {k: round(v, 3) for k, v in by_suite.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("manifest", type=Path)
    parser.add_argument("suites", type=Path)
    parser.add_argument("--csv", type=Path)
    parser.add_argument("--ingest", action="store_true")
    args = parser.parse_args()
    if args.ingest:
        result = ingest(args.home, args.suites, args.csv)
    else:
        result = run(args.home, args.manifest, args.suites, args.csv)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()

"""`make spark-check`: build the dbt project on Apache Spark and compare it with DuckDB's.

1. The raw layer of the published DuckDB file is exported to Parquet (lake/export.py).
2. dbt, in this process, on the `spark` target (a local Spark session inside this process):
   `run-operation register_lake_sources` registers the Parquet files as the raw tables, then
   `build` loads every seed, builds every model and runs every data and unit test.
3. Every relation dbt built, and every source it read, is read back from Spark and from the
   published DuckDB file and fingerprinted (lake/fingerprint.py): row count and an
   order-independent checksum of every column, numbers within 1e-9 relative.
A table of relations and results is printed; the exit status is non-zero when a node fails
on Spark or any relation differs from DuckDB's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dagster_project.core.duckdb_io import quote_ident
from dagster_project.lake.export import export_raw, source_tables
from dagster_project.lake.fingerprint import differences, relation_fingerprint
from dagster_project.settings import DBT_DIR, dbt_env, paths

TARGET = "spark"
# A warning (a data test of severity warn) is reported, as on DuckDB, but fails nothing.
PASSED = frozenset({"success", "pass", "warn"})


@dataclass(frozen=True)
class Relation:
    """One relation of the project: a source, a seed or a model."""

    kind: str
    schema: str
    name: str

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True)
class Outcome:
    relation: Relation
    duckdb_rows: int | None
    spark_rows: int | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class NodeResult:
    unique_id: str
    status: str
    message: str


def _dbt(args: Sequence[str], project_dir: Path, target_dir: Path, manifest: Any = None) -> Any:
    from dbt.cli.main import dbtRunner

    full = [
        *args,
        "--target",
        TARGET,
        "--project-dir",
        str(project_dir),
        "--profiles-dir",
        str(project_dir),
        "--target-path",
        str(target_dir / "target"),
        "--log-path",
        str(target_dir / "logs"),
    ]
    return dbtRunner(manifest=manifest).invoke(full)


def _built_relations(manifest: Any, selected: set[str] | None) -> list[Relation]:
    """The seeds and models of the build (or those selected), plus every source."""
    relations = [Relation("source", s.schema, s.identifier) for s in manifest.sources.values()]
    for node in manifest.nodes.values():
        if node.resource_type.value not in ("seed", "model"):
            continue
        if selected is not None and node.unique_id not in selected:
            continue
        relations.append(Relation(node.resource_type.value, node.schema, node.alias))
    return sorted(set(relations), key=lambda r: (r.schema, r.name))


def _read_duckdb(con: duckdb.DuckDBPyConnection, relation: Relation) -> tuple[list, list] | None:
    found = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [relation.schema, relation.name],
    ).fetchone()
    if not found or not found[0]:
        return None
    cursor = con.execute(
        f"select * from {quote_ident(relation.schema)}.{quote_ident(relation.name)}"
    )
    columns = [d[0] for d in cursor.description]
    return columns, cursor.fetchall()


def _read_spark(spark: Any, relation: Relation) -> tuple[list, list] | None:
    if not spark.catalog.tableExists(f"{relation.schema}.{relation.name}"):
        return None
    frame = spark.table(f"`{relation.schema}`.`{relation.name}`")
    return frame.columns, [tuple(row) for row in frame.collect()]


def compare(published: Path, relations: Sequence[Relation], spark: Any) -> list[Outcome]:
    outcomes = []
    con = duckdb.connect(str(published), read_only=True)
    try:
        for relation in relations:
            expected = _read_duckdb(con, relation)
            actual = _read_spark(spark, relation)
            if expected is None or actual is None:
                missing = "DuckDB" if expected is None else "Spark"
                outcomes.append(
                    Outcome(
                        relation,
                        len(expected[1]) if expected else None,
                        len(actual[1]) if actual else None,
                        (f"not in {missing}",),
                    )
                )
                continue
            left, right = relation_fingerprint(*expected), relation_fingerprint(*actual)
            outcomes.append(
                Outcome(relation, left.rows, right.rows, tuple(differences(left, right)))
            )
    finally:
        con.close()
    return outcomes


def node_results(result: Any) -> list[NodeResult]:
    if result is None or getattr(result, "result", None) is None:
        return []
    return [
        NodeResult(r.node.unique_id, str(r.status), (r.message or "").strip())
        for r in getattr(result.result, "results", [])
    ]


def render(outcomes: Sequence[Outcome], nodes: Sequence[NodeResult]) -> str:
    lines = [f"{'relation':<58} {'kind':<6} {'duckdb':>7} {'spark':>7}  result"]
    for o in outcomes:
        result = "equal" if o.ok else "DIFFERS: " + "; ".join(o.problems)
        lines.append(
            f"{o.relation.qualified:<58} {o.relation.kind:<6} "
            f"{'-' if o.duckdb_rows is None else o.duckdb_rows:>7} "
            f"{'-' if o.spark_rows is None else o.spark_rows:>7}  {result}"
        )
    failed = [n for n in nodes if n.status not in PASSED]
    for node in failed:
        lines.append(f"FAILED on Spark: {node.unique_id} ({node.status}) {node.message[:300]}")
    for node in (n for n in nodes if n.status == "warn"):
        lines.append(f"warned on Spark: {node.unique_id} {node.message[:300]}")
    by_kind: dict[str, int] = {}
    for node in nodes:
        kind = node.unique_id.split(".")[0]
        by_kind[kind] = by_kind.get(kind, 0) + 1
    differing = sum(not o.ok for o in outcomes)
    skipped = sum(n.status == "skipped" for n in failed)
    built = ", ".join(f"{n} {k}s" for k, n in sorted(by_kind.items()))
    lines.append(
        f"spark-check: {built or 'no nodes'} ran on Spark, {len(failed) - skipped} failed, "
        f"{skipped} skipped; {len(outcomes)} relations compared, {differing} differ"
    )
    return "\n".join(lines)


def _use_utc() -> None:
    """Timestamps reach Python in the process's time zone: the same one on both sides."""
    os.environ["TZ"] = "UTC"
    if hasattr(time, "tzset"):
        time.tzset()


def run(*, project_dir: Path, published: Path, lake_dir: Path, select: Sequence[str] = ()) -> int:
    started = time.monotonic()
    _use_utc()
    exported = export_raw(published, lake_dir, source_tables())
    print(f"spark-check: {len(exported)} raw tables exported to {lake_dir}", flush=True)
    os.environ.update(dbt_env(paths()))
    os.environ["EGOV_LAKE_DIR"] = str(lake_dir)
    work = lake_dir / "spark"
    # A fresh catalog each time: a table left by an earlier check must never stand in for
    # one this build did not make.
    shutil.rmtree(work, ignore_errors=True)
    parsed = _dbt(["parse"], project_dir, work)
    if not parsed.success:
        print(f"spark-check: dbt parse failed: {parsed.exception}", file=sys.stderr)
        return 1
    manifest = parsed.result
    registered = _dbt(["run-operation", "register_lake_sources"], project_dir, work, manifest)
    if not registered.success:
        print(f"spark-check: registering the lake failed: {registered.exception}", file=sys.stderr)
        return 1
    # A selection builds its models' own tests only: a relationships test whose other
    # model is not selected would read a table this build never made.
    selection = ["--select", *select, "--indirect-selection", "cautious"] if select else []
    built = _dbt(["build", *selection], project_dir, work, manifest)
    nodes = node_results(built)
    selected = {n.unique_id for n in nodes} if select else None
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.getOrCreate()
    outcomes = compare(published, _built_relations(manifest, selected), spark)
    print(render(outcomes, nodes), flush=True)
    print(f"spark-check: {time.monotonic() - started:.0f} s", flush=True)
    failed = (
        not built.success
        or any(n.status not in PASSED for n in nodes)
        or any(not o.ok for o in outcomes)
    )
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the dbt project on Spark, compare.")
    parser.add_argument("--project-dir", type=Path, default=DBT_DIR)
    parser.add_argument("--published", type=Path, help="default: $EGOV_HOME/egov.duckdb")
    parser.add_argument("--lake", type=Path, help="default: $EGOV_HOME/lake")
    parser.add_argument("--select", nargs="*", default=[], help="a dbt selection (default: all)")
    args = parser.parse_args(argv)
    home = paths()
    return run(
        project_dir=args.project_dir.resolve(),
        published=(args.published or home.published_db).resolve(),
        lake_dir=(args.lake or home.lake_dir).resolve(),
        select=args.select,
    )


if __name__ == "__main__":
    raise SystemExit(main())

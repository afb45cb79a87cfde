"""The raw layer as Parquet files, the hand-off to an engine other than DuckDB.

Every dbt source table of the published file (the landed raw tables; seeds are not sources,
dbt loads them on each engine from the CSV files) is written to
<lake>/<schema>/<table>/part-00000.parquet. A new export is written beside the old one and
swapped in whole, so a reader never sees half of one. A Spark cluster reads the same files
once they are copied to storage its executors reach (EGOV_LAKE_URI, README "Spark").
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dagster_project.core.duckdb_io import quote_ident
from dagster_project.settings import DBT_DIR, paths

MANIFEST = DBT_DIR / "target" / "manifest.json"


@dataclass(frozen=True)
class SourceTable:
    schema: str
    name: str

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True)
class ExportedTable:
    table: SourceTable
    rows: int
    path: Path


def source_tables(manifest_path: Path = MANIFEST) -> list[SourceTable]:
    """The dbt sources, from the parsed manifest (`make manifest`)."""
    if not manifest_path.exists():
        raise FileNotFoundError(f"{manifest_path} does not exist: run `make manifest` first")
    sources = json.loads(manifest_path.read_text(encoding="utf-8"))["sources"].values()
    return sorted({SourceTable(s["schema"], s["identifier"]) for s in sources}, key=str)


def export_raw(
    database: Path, lake_dir: Path, tables: Sequence[SourceTable]
) -> list[ExportedTable]:
    """Write each table of `database` to Parquet under `lake_dir`, replacing the last export."""
    if not database.exists():
        raise FileNotFoundError(f"{database} does not exist: run `make run` (egov refresh) first")
    staged = lake_dir / ".export-new"
    shutil.rmtree(staged, ignore_errors=True)
    exported: list[ExportedTable] = []
    con = duckdb.connect(str(database), read_only=True)
    try:
        present = {
            (schema, name)
            for schema, name in con.execute(
                "select table_schema, table_name from information_schema.tables"
            ).fetchall()
        }
        missing = [t.qualified for t in tables if (t.schema, t.name) not in present]
        if missing:
            raise LookupError(f"{database}: source tables missing: {', '.join(missing)}")
        for table in tables:
            target = staged / table.schema / table.name / "part-00000.parquet"
            target.parent.mkdir(parents=True, exist_ok=True)
            relation = f"{quote_ident(table.schema)}.{quote_ident(table.name)}"
            con.execute(
                f"copy (select * from {relation}) to '{target}' (format parquet, compression zstd)"
            )
            (rows,) = con.execute(f"select count(*) from {relation}").fetchone() or (0,)
            final = lake_dir / table.schema / table.name / target.name
            exported.append(ExportedTable(table, int(rows), final))
    finally:
        con.close()
    _swap_in(staged, lake_dir, {t.schema for t in tables})
    return exported


def _swap_in(staged: Path, lake_dir: Path, schemas: set[str]) -> None:
    """Replace each schema folder of the lake by the staged one (a rename per schema)."""
    for schema in sorted(schemas):
        current, retired = lake_dir / schema, lake_dir / f".{schema}-old"
        shutil.rmtree(retired, ignore_errors=True)
        if current.exists():
            current.rename(retired)
        (staged / schema).rename(current)
        shutil.rmtree(retired, ignore_errors=True)
    shutil.rmtree(staged, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, help="default: $EGOV_HOME/egov.duckdb")
    parser.add_argument("--lake", type=Path, help="default: $EGOV_HOME/lake")
    args = parser.parse_args(argv)
    home = paths()
    exported = export_raw(
        args.database or home.published_db, args.lake or home.lake_dir, source_tables()
    )
    for item in exported:
        print(f"{item.table.qualified:<48} {item.rows:>8} rows  {item.path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

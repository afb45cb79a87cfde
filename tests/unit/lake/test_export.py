"""The raw layer exported to Parquet: one folder per table, swapped in whole."""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.lake.export import SourceTable, export_raw, source_tables

TABLES = [SourceTable("raw", "alpha"), SourceTable("raw", "beta")]


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "egov.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    con.execute(
        "create table raw.alpha as select i as id, 'n' || i as name, "
        "timestamp '2024-01-01 00:00:00' + to_days(i) as at from range(5) as t(i)"
    )
    con.execute("create table raw.beta (code varchar, amount decimal(20, 2))")
    con.execute("insert into raw.beta values ('a''b', 1.25), (null, null)")
    con.close()
    return path


def test_each_table_is_one_parquet_folder_with_its_rows(database, tmp_path):
    lake = tmp_path / "lake"
    exported = export_raw(database, lake, TABLES)
    assert [(e.table.qualified, e.rows) for e in exported] == [("raw.alpha", 5), ("raw.beta", 2)]
    con = duckdb.connect()
    back = con.execute(f"select * from '{lake}/raw/beta/*.parquet' order by code").fetchall()
    assert [(r[0], str(r[1]) if r[1] is not None else None) for r in back] == [
        ("a'b", "1.25"),
        (None, None),
    ]
    assert sorted(p.name for p in (lake / "raw").iterdir()) == ["alpha", "beta"]


def test_a_new_export_replaces_the_last_one_whole(database, tmp_path):
    lake = tmp_path / "lake"
    export_raw(database, lake, TABLES)
    export_raw(database, lake, TABLES[:1])
    assert sorted(p.name for p in (lake / "raw").iterdir()) == ["alpha"]
    assert not any(p.name.startswith(".") for p in lake.iterdir())


def test_a_missing_source_table_is_named_and_the_old_export_kept(database, tmp_path):
    lake = tmp_path / "lake"
    export_raw(database, lake, TABLES)
    with pytest.raises(LookupError, match=r"raw\.gamma"):
        export_raw(database, lake, [*TABLES, SourceTable("raw", "gamma")])
    assert sorted(p.name for p in (lake / "raw").iterdir()) == ["alpha", "beta"]


def test_the_sources_are_the_dbt_projects(tmp_path):
    names = {t.qualified for t in source_tables()}
    assert "raw.ecb__eurofxref" in names
    assert all(t.schema == "raw" for t in source_tables())

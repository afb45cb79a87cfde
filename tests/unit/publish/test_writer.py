"""Publishing: a valid, read-only-openable, old-client-compatible copy, swapped atomically."""

import struct

import duckdb
import pytest

from dagster_project.core.files import sha256_file
from dagster_project.publish.writer import publish
from dagster_project.settings import paths


def _build(home, value: int) -> None:
    home.build_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(home.build_db))
    con.execute("create schema if not exists raw; create schema if not exists marts")
    con.execute("create or replace table raw.t as select 1 as a")
    con.execute(f"create or replace table marts.m as select {value} as v, 'x' as s")
    con.execute("comment on column marts.m.v is 'value 值'")
    con.execute("create or replace view marts.v_m as select v * 2 as v2 from marts.m")
    con.close()


def test_publish_copies_layers_materialises_views_and_keeps_comments(egov_home):
    home = paths()
    _build(home, 7)
    result = publish(home, run_id="r1", fingerprint="f1")
    assert result.sha256 == sha256_file(home.published_db)
    con = duckdb.connect(str(home.published_db), read_only=True)
    assert con.execute("select v2 from marts.v_m").fetchone() == (14,)
    assert con.execute(
        "select comment from duckdb_columns() where table_name = 'm' and column_name = 'v'"
    ).fetchone() == ("value 值",)
    assert con.execute("select run_id from audit.publish_log").fetchall() == [("r1",)]
    tags = con.execute("select tags from duckdb_databases() where not internal").fetchall()
    con.close()
    assert any(t[0].get("storage_version") == "v1.4.0+" for t in tags)
    header = home.published_db.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    # DuckDB 1.x reads storage versions 64..68; a default 2.0 file would say 999.
    assert 64 <= struct.unpack("<Q", header[12:20])[0] <= 68
    parquet = home.parquet_dir / "marts" / "m.parquet"
    assert duckdb.sql(f"select v from '{parquet}'").fetchall() == [(7,)]


def test_reader_holding_old_file_keeps_reading_it_after_swap(egov_home):
    home = paths()
    _build(home, 1)
    publish(home, run_id="r1", fingerprint="f1")
    reader = duckdb.connect(str(home.published_db), read_only=True)
    _build(home, 2)
    publish(home, run_id="r2", fingerprint="f2")
    assert reader.execute("select v from marts.m").fetchone() == (1,)
    reader.close()
    fresh = duckdb.connect(str(home.published_db), read_only=True)
    assert fresh.execute("select v from marts.m").fetchone() == (2,)
    log = fresh.execute("select run_id from audit.publish_log order by published_at").fetchall()
    assert log == [("r1",), ("r2",)]
    fresh.close()
    assert not list(home.home.glob(".egov.duckdb.tmp-*"))


def test_failed_publish_leaves_previous_file_byte_identical(egov_home, monkeypatch):
    home = paths()
    _build(home, 1)
    publish(home, run_id="r1", fingerprint="f1")
    before = sha256_file(home.published_db)
    _build(home, 2)

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("dagster_project.publish.writer._export_parquet", explode)
    with pytest.raises(OSError, match="disk full"):
        publish(home, run_id="r2", fingerprint="f2")
    assert sha256_file(home.published_db) == before
    assert not list(home.home.glob(".egov.duckdb.tmp-*"))

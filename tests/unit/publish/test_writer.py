"""Publishing: a valid, read-only-openable, old-client-compatible copy, swapped atomically."""

import struct

import duckdb
import pytest

from dagster_project.core.files import sha256_file
from dagster_project.publish.records import content_identity
from dagster_project.publish.writer import Previous, publish
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


def _versions(**relations: str) -> dict[str, str]:
    return {"raw.t": "t1", "marts.m": "m1", "marts.v_m": "v1", **relations}


def _rows(path, relation: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f"select * from {relation} order by all").fetchall()
    finally:
        con.close()


def test_incremental_publish_replaces_only_changed_relations(egov_home):
    home = paths()
    _build(home, 1)
    first = publish(home, run_id="r1", fingerprint="f1", versions=_versions())
    assert first.mode == "full"
    previous = Previous(identity=first.identity, relations=first.relations)
    _build(home, 2)
    con = duckdb.connect(str(home.build_db))
    con.execute("create or replace table raw.t as select 99 as a")  # not announced: kept
    con.close()
    second = publish(
        home,
        run_id="r2",
        fingerprint="f2",
        versions=_versions(**{"marts.m": "m2", "marts.v_m": "v2"}),
        previous=previous,
    )
    assert second.mode == "incremental"
    assert set(second.replaced) == {"marts.m", "marts.v_m"}
    assert _rows(home.published_db, "marts.m") == [(2, "x")]
    assert _rows(home.published_db, "marts.v_m") == [(4,)]
    assert _rows(home.published_db, "raw.t") == [(1,)], "an unchanged version is not copied"
    assert _rows(home.published_db, "audit.publish_log")[-1][1] == "r2"
    assert second.sha256 == sha256_file(home.published_db)
    con = duckdb.connect(str(home.published_db), read_only=True)
    comment = con.execute(
        "select comment from duckdb_columns() where table_name = 'm' and column_name = 'v'"
    ).fetchone()
    con.close()
    assert comment == ("value 值",)


def test_incremental_parquet_links_unchanged_marts_and_rewrites_changed_ones(egov_home):
    home = paths()
    _build(home, 1)
    con = duckdb.connect(str(home.build_db))
    con.execute("create or replace table marts.other as select 5 as o")
    con.close()
    versions = {**_versions(), "marts.other": "o1"}
    first = publish(home, run_id="r1", fingerprint="f1", versions=versions)
    before = {p.name: p.stat().st_ino for p in (home.parquet_dir / "marts").iterdir()}
    _build(home, 3)
    second = publish(
        home,
        run_id="r2",
        fingerprint="f2",
        versions={**versions, "marts.m": "m2", "marts.v_m": "v2"},
        previous=Previous(identity=first.identity, relations=first.relations),
    )
    after = {p.name: p.stat().st_ino for p in (home.parquet_dir / "marts").iterdir()}
    assert second.mode == "incremental"
    assert after["other.parquet"] == before["other.parquet"], "hard link of the unchanged mart"
    assert after["m.parquet"] != before["m.parquet"]
    parquet = home.parquet_dir / "marts" / "m.parquet"
    assert duckdb.sql(f"select v from '{parquet}'").fetchall() == [(3,)]


def test_a_file_replaced_by_anything_else_is_republished_in_full(egov_home):
    home = paths()
    _build(home, 1)
    first = publish(home, run_id="r1", fingerprint="f1", versions=_versions())
    previous = Previous(identity=first.identity, relations=first.relations)
    stranger = duckdb.connect(str(home.home / "other.duckdb"))
    stranger.execute("create table marts_x as select 1")
    stranger.close()
    (home.home / "other.duckdb").replace(home.published_db)
    again = publish(home, run_id="r2", fingerprint="f2", versions=_versions(), previous=previous)
    assert again.mode == "full"
    assert _rows(home.published_db, "marts.m") == [(1, "x")]


def test_a_relation_gone_from_the_build_is_gone_from_the_published_file(egov_home):
    home = paths()
    _build(home, 1)
    first = publish(home, run_id="r1", fingerprint="f1", versions=_versions())
    con = duckdb.connect(str(home.build_db))
    con.execute("drop view marts.v_m")
    con.close()
    versions = {k: v for k, v in _versions().items() if k != "marts.v_m"}
    again = publish(
        home,
        run_id="r2",
        fingerprint="f2",
        versions=versions,
        previous=Previous(identity=first.identity, relations=first.relations),
    )
    assert again.mode == "incremental"
    assert "marts.v_m" not in again.tables
    assert not (home.parquet_dir / "marts" / "v_m.parquet").exists()


def test_the_record_before_the_swap_describes_the_file_that_is_swapped_in(egov_home):
    home = paths()
    _build(home, 1)
    seen = []
    result = publish(home, run_id="r1", fingerprint="f1", before_swap=seen.append)
    (pending,) = seen
    assert pending.sha256 == result.sha256 == sha256_file(home.published_db)
    assert pending.identity == content_identity(home.published_db)

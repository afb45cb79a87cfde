"""Readers of the published file: the newest file every time, and no way out of it."""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.publish.readers import connect_published
from dagster_project.publish.writer import publish
from dagster_project.settings import paths


def _publish(home, value: int) -> None:
    home.build_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(home.build_db))
    con.execute("create schema if not exists marts")
    con.execute(f"create or replace table marts.m as select {value} as v")
    con.close()
    publish(home, run_id=f"r{value}", fingerprint=f"f{value}")


def test_a_new_connection_sees_a_new_publish_while_an_old_one_is_open(egov_home):
    home = paths()
    _publish(home, 1)
    holder = duckdb.connect(str(home.published_db), read_only=True)
    try:
        _publish(home, 2)
        # DuckDB's per-process instance cache: the same path joins the open instance.
        cached = duckdb.connect(str(home.published_db), read_only=True)
        assert cached.execute("select v from marts.m").fetchone() == (1,)
        cached.close()
        fresh = connect_published(home)
        assert fresh.execute("select v from marts.m").fetchone() == (2,)
        assert fresh.execute("select v from egov.marts.m").fetchone() == (2,)
        fresh.close()
    finally:
        holder.close()


def test_the_connection_is_read_only_and_locked(egov_home, tmp_path):
    home = paths()
    _publish(home, 1)
    con = connect_published(home)
    try:
        for statement in (
            "create table marts.x as select 1",
            f"copy marts.m to '{tmp_path}/x.csv'",
            f"attach '{home.build_db}' as b",
            "install httpfs",
            "set enable_external_access = true",
            "set autoload_known_extensions = true",
        ):
            with pytest.raises(duckdb.Error):
                con.execute(statement)
        settings = dict(
            con.execute(
                "select name, value from duckdb_settings() where name in "
                "('enable_external_access', 'lock_configuration', "
                "'autoload_known_extensions', 'autoinstall_known_extensions')"
            ).fetchall()
        )
        assert settings == {
            "enable_external_access": "false",
            "lock_configuration": "true",
            "autoload_known_extensions": "false",
            "autoinstall_known_extensions": "false",
        }
    finally:
        con.close()
    assert not (tmp_path / "x.csv").exists()


def test_allowed_folders_open_files_below_them_only(egov_home, tmp_path):
    home = paths()
    _publish(home, 1)
    inside, outside = tmp_path / "inside", tmp_path / "outside"
    inside.mkdir()
    outside.mkdir()
    con = connect_published(home, allow_files=[inside])
    try:
        con.execute(f"copy marts.m to '{inside}/m.csv'")
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"copy marts.m to '{outside}/m.csv'")
    finally:
        con.close()
    assert (inside / "m.csv").exists() and not (outside / "m.csv").exists()


def test_nothing_published_raises_file_not_found(egov_home):
    with pytest.raises(FileNotFoundError, match="no published warehouse"):
        connect_published(paths())

from pathlib import Path

import pytest

from dagster_project import settings
from dagster_project.core import duckdb_io


def test_egov_home_defaults_to_warehouse_at_project_root(monkeypatch):
    monkeypatch.delenv("EGOV_HOME", raising=False)
    assert settings.egov_home() == settings.PROJECT_ROOT / "warehouse"


def test_every_path_derives_from_egov_home(egov_home: Path):
    home = settings.paths()
    assert home.home == egov_home.resolve()
    assert home.published_db == egov_home / "egov.duckdb"
    assert home.build_db == egov_home / "build" / "warehouse.duckdb"
    assert home.dagster_home == egov_home / "dagster"
    assert settings.dbt_env(home)["EGOV_BUILD_DB"] == str(home.build_db)


def test_product_code_never_reads_shared():
    offenders = [
        p
        for p in (settings.PROJECT_ROOT / "dagster_project").rglob("*.py")
        if "../shared" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_duckdb_memory_limit_has_a_default_and_refuses_what_is_not_a_size(monkeypatch, tmp_path):
    monkeypatch.delenv("EGOV_DUCKDB_MEMORY_LIMIT", raising=False)
    assert settings.duckdb_memory_limit() == settings.DUCKDB_MEMORY_LIMIT
    monkeypatch.setenv("EGOV_DUCKDB_MEMORY_LIMIT", "1.5GB")
    with duckdb_io.connect(tmp_path / "build.duckdb") as con:
        limit = con.execute("select current_setting('memory_limit')").fetchone()[0]
    assert limit == "1.3 GiB", "1.5 GB as DuckDB prints it"
    assert settings.dbt_env(settings.paths())["EGOV_DUCKDB_MEMORY_LIMIT"] == "1.5GB"
    monkeypatch.setenv("EGOV_DUCKDB_MEMORY_LIMIT", "lots")
    with pytest.raises(ValueError, match="EGOV_DUCKDB_MEMORY_LIMIT"):
        settings.duckdb_memory_limit()

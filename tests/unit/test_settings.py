from pathlib import Path

from dagster_project import settings


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

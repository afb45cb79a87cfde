"""End to end: the real `egov` CLI refreshes a temporary warehouse home and publishes it."""

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.core.files import sha256_file
from tests.support import Refreshed, egov

_egov = egov


@pytest.fixture(scope="module")
def refreshed(refreshed_copy: Refreshed) -> tuple[Path, Refreshed]:
    return refreshed_copy.home, refreshed_copy


def test_refresh_publishes_every_layer_with_dim_region(refreshed):
    home, result = refreshed
    assert "published: " in result.stdout
    assert "marts.dim_region" in result.stdout
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    schemas = {r[0] for r in con.execute("select schema_name from duckdb_schemas()").fetchall()}
    assert {"raw", "staging", "intermediate", "marts", "audit"} <= schemas
    assert "main_marts" not in schemas
    provinces = con.execute(
        "select region_code, name_zh, name_en, region_group from marts.dim_region "
        "where region_level = 'province' order by region_code"
    ).fetchall()
    assert len(provinces) == 31
    assert all(name_zh and name_en and group for _, name_zh, name_en, group in provinces)
    assert ("440000", "广东省", "Guangdong", "east") in provinces
    assert ("150000", "内蒙古自治区", "Inner Mongolia", "west") in provinces
    guangzhou = con.execute(
        "select short_name_zh, parent_code from marts.dim_region where region_code = '440100'"
    ).fetchone()
    assert guangzhou == ("广州", "440000")
    yanbian = con.execute(
        "select short_name_zh from marts.dim_region where name_zh = '延边朝鲜族自治州'"
    ).fetchone()
    assert yanbian == ("延边",)
    checks = con.execute(
        "select count(*), count(*) filter (where success) from audit.check_results "
        "where suite = 'marts.dim_region'"
    ).fetchone()
    assert checks[0] > 0 and checks[0] == checks[1]
    engines = {
        r[0] for r in con.execute("select distinct engine from audit.check_results").fetchall()
    }
    assert engines == {"great_expectations", "dbt"}
    con.close()
    docs = home / "docs" / "index.html"
    assert docs.exists() and "dim_region" in docs.read_text(encoding="utf-8")


def test_report_figures_are_queryable_with_their_citation(refreshed):
    home, _ = refreshed
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    spend = con.execute(
        "select distinct period_year, value, unit, qualifier, kind, cited_source "
        "from marts.fct_report_facts where metric_id = 'smartgov_it_spend' order by 1"
    ).fetchall()
    assert spend == [
        (2023, 186_200_000_000, "CNY", "=", "actual", "IDC"),
        (2026, 300_000_000_000, "CNY", ">", "forecast", "IDC"),
    ]
    garbled = con.execute(
        "select quality_flag from marts.fct_report_facts where value_raw = '?.2'"
    ).fetchall()
    assert garbled == [("corrupted",)]
    table = con.execute(
        "select count(*), sum(value) from marts.fct_report_table_cells "
        "where table_title = '服务类别占比(%)'"
    ).fetchone()
    assert table[0] == 5 and abs(table[1] - 100) < 1e-9
    con.close()


def test_published_file_opens_read_only_while_nothing_else_holds_it(refreshed):
    home, _ = refreshed
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    assert con.execute("select current_setting('access_mode')").fetchone() == ("read_only",)
    with pytest.raises(duckdb.Error):
        con.execute("create table marts.x as select 1")
    con.close()


def test_egov_sql_counts_provinces_in_every_format(refreshed):
    home, _ = refreshed
    query = "select count(*) as n from marts.dim_region where region_level='province'"
    table = _egov(home, "sql", query)
    assert table.returncode == 0 and "| 31 |" in table.stdout
    assert _egov(home, "sql", query, "--format", "csv").stdout.split() == ["n", "31"]
    assert '"n": 31' in _egov(home, "sql", query, "--format", "json").stdout
    bad = _egov(home, "sql", "select * from marts.no_such_table")
    assert bad.returncode == 1 and "no_such_table" in bad.stderr


def test_second_refresh_rebuilds_and_republishes_nothing(refreshed):
    home, _ = refreshed
    before = sha256_file(home / "egov.duckdb")
    again = _egov(home, "refresh", "--no-shortcut")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "nothing changed since the last publish" in again.stdout
    assert "no run started" not in again.stdout
    assert sha256_file(home / "egov.duckdb") == before
    # No parsing (every raw asset reports an unchanged payload) and no dbt rebuild.
    instance = dg.DagsterInstance.from_config(str(home / "dagster"))
    (run,) = instance.get_runs(filters=dg.RunsFilter(job_name="refresh_all"), limit=1)
    materialized = {}
    for record in instance.get_records_for_run(
        run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
    ).records:
        materialization = record.event_log_entry.asset_materialization
        materialized[materialization.asset_key.path[0], materialization.asset_key.path[1]] = (
            materialization.metadata.get("changed")
        )
    assert materialized, "the raw assets should still report their payloads"
    assert {layer for layer, _ in materialized} == {"raw"}
    assert all(changed is not None and changed.value is False for changed in materialized.values())


def _refresh_runs(home: Path) -> int:
    instance = dg.DagsterInstance.from_config(str(home / "dagster"))
    return len(instance.get_runs(filters=dg.RunsFilter(job_name="refresh_all")))


def test_unchanged_inputs_are_answered_without_starting_a_run(refreshed):
    home, _ = refreshed
    primed = _egov(home, "refresh")
    assert primed.returncode == 0, primed.stdout + primed.stderr
    runs, before = _refresh_runs(home), sha256_file(home / "egov.duckdb")
    quick = _egov(home, "refresh")
    assert quick.returncode == 0, quick.stdout + quick.stderr
    assert "nothing changed since the last publish" in quick.stdout
    assert "no run started" in quick.stdout
    assert "marts.dim_region" in quick.stdout and "(unchanged)" in quick.stdout
    assert _refresh_runs(home) == runs
    assert sha256_file(home / "egov.duckdb") == before
    # A new file in the inbox is a possible input: the job runs (and finds nothing to rebuild).
    note = home / "inbox" / "README.txt"
    note.write_text("not a dataset file\n", encoding="utf-8")
    try:
        checked = _egov(home, "refresh")
    finally:
        note.unlink()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no run started" not in checked.stdout
    assert _refresh_runs(home) == runs + 1
    assert sha256_file(home / "egov.duckdb") == before


def test_status_all_lists_assets_and_checks(refreshed):
    home, _ = refreshed
    status = _egov(home, "status", "--all")
    assert status.returncode == 0, status.stderr
    assert "marts/dim_region" in status.stdout
    assert "gx_dim_region" in status.stdout
    assert "SUCCEEDED" in status.stdout

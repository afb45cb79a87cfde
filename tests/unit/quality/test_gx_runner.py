"""GX's SQL engine on DuckDB through the caller's connection (real GX, real DuckDB)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from dagster_project.quality.gx_runner import build_gx_docs, run_suite
from dagster_project.quality.suites import read_suite

SUITE = {
    "name": "marts.probe",
    "meta": {"blocking": True, "batches": {"all": "marts.probe", "big": "probe.big.sql"}},
    "expectations": [
        {"type": "expect_table_row_count_to_equal", "kwargs": {"value": 4}},
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "code"}},
        {
            "type": "expect_column_values_to_match_duckdb_regex",
            "kwargs": {"column": "code", "regex": "^[0-9]{6}$"},
        },
        {
            "type": "expect_column_values_to_be_between",
            "kwargs": {"column": "amount", "min_value": 0, "max_value": 100, "mostly": 0.7},
        },
        {
            "type": "expect_column_values_to_be_between",
            "kwargs": {"column": "amount", "max_value": 10},
            "meta": {"batch": "big", "severity": "warning"},
        },
    ],
}


@pytest.fixture
def suite(tmp_path: Path):
    folder = tmp_path / "marts"
    folder.mkdir()
    (folder / "probe.yml").write_text(yaml.safe_dump(SUITE), encoding="utf-8")
    (folder / "probe.big.sql").write_text(
        "select amount from marts.probe where amount > 50\n", encoding="utf-8"
    )
    return read_suite(folder / "probe.yml")


@pytest.fixture
def con():
    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute(
        "create table marts.probe as select * from (values "
        "('110000', 5.0), ('1200x0', 50.0), (null, 500.0), ('130000', 7.0)) as t(code, amount)"
    )
    yield con
    con.close()


def _by_kind(outcomes) -> dict:
    return {(o.batch, o.expectation): o for o in outcomes}


def test_results_arrive_through_the_sql_engine(suite, con):
    """GX fetched after handing the connection back; DuckDB then returned nothing."""
    found = _by_kind(run_suite(suite, con, run_id="run-1"))
    assert found["all", "expect_table_row_count_to_equal"].observed_value == "4"
    assert found["all", "expect_column_values_to_not_be_null"].unexpected_count == 1
    regex = found["all", "expect_column_values_to_match_duckdb_regex"]
    assert (regex.success, regex.unexpected_count, regex.unexpected_sample) == (
        False, 1, ["1200x0"]
    )  # fmt: skip
    between = found["all", "expect_column_values_to_be_between"]
    assert between.success and between.unexpected_count == 1  # 3 of 4 within: mostly 0.7
    warning = found["big", "expect_column_values_to_be_between"]
    assert not warning.success and not warning.blocking


def test_validation_reads_inside_the_callers_transaction_and_leaves_it_open(suite, con):
    con.execute("begin transaction")
    con.execute("insert into marts.probe values ('140000', 1.0)")
    found = _by_kind(run_suite(suite, con, run_id="run-2"))
    assert found["all", "expect_table_row_count_to_equal"].observed_value == "5"
    con.execute("rollback")  # still the caller's transaction: GX neither ended nor committed it
    assert con.execute("select count(*) from marts.probe").fetchone()[0] == 4


def test_data_docs_name_the_run(suite, con, tmp_path):
    run_suite(suite, con, run_id="dagster-run-4711", docs_dir=tmp_path)
    build_gx_docs(tmp_path)
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "gx").rglob("*.html")]
    assert any("dagster-run-4711" in page for page in pages)
    assert not any("__none__" in page for page in pages if "dagster-run-4711" in page)


def test_validation_runs_under_the_checks_memory_cap_and_sets_the_limit_back(
    con, tmp_path, monkeypatch
):
    monkeypatch.setenv("EGOV_CHECKS_MEMORY_LIMIT", "512MB")
    folder = tmp_path / "capped" / "marts"
    folder.mkdir(parents=True)
    (folder / "probe.yml").write_text(
        yaml.safe_dump(
            {
                "name": "marts.probe",
                "meta": {"batches": {"limit": "probe.limit.sql"}},
                "expectations": [
                    {
                        "type": "expect_column_values_to_be_in_set",
                        # 512 MB as DuckDB prints it, read by the batch while GX validates.
                        "kwargs": {"column": "memory_limit", "value_set": ["488.2 MiB"]},
                        "meta": {"batch": "limit"},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    (folder / "probe.limit.sql").write_text(
        "select current_setting('memory_limit') as memory_limit from marts.probe\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EGOV_DUCKDB_MEMORY_LIMIT", "2GB")
    con.execute("set memory_limit = '8GB'")
    (outcome,) = run_suite(read_suite(folder / "probe.yml"), con)
    assert outcome.success, outcome
    # Back to the build's limit (2 GB as DuckDB prints it), the same after every validation.
    assert con.execute("select current_setting('memory_limit')").fetchone()[0] == "1.8 GiB"
    run_suite(read_suite(folder / "probe.yml"), con)
    assert con.execute("select current_setting('memory_limit')").fetchone()[0] == "1.8 GiB"


def test_the_checks_memory_cap_refuses_what_is_not_a_size(monkeypatch):
    from dagster_project import settings

    monkeypatch.delenv("EGOV_CHECKS_MEMORY_LIMIT", raising=False)
    assert settings.checks_memory_limit() == settings.CHECKS_MEMORY_LIMIT
    monkeypatch.setenv("EGOV_CHECKS_MEMORY_LIMIT", "half")
    with pytest.raises(ValueError, match="EGOV_CHECKS_MEMORY_LIMIT"):
        settings.checks_memory_limit()

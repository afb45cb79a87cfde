"""Smoke test of the benchmark pieces at 1,000 notices (the benchmarks themselves run with
`make bench`): the generator is deterministic and marks every row, the real loader takes its
CSV, the suite overlay changes only its two allowances, and the SQL-aggregate checks of the
baseline agree with Great Expectations on the same table."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb
import pytest

from benchmarks import generate_notices
from benchmarks.sql_checks import check_suite
from benchmarks.suite_overlay import adapt, load_product, write_overlay
from dagster_project.ingest.duckdb_load import load_payload
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs
from dagster_project.quality.gx_runner import run_suite
from dagster_project.quality.suites import read_suite_file
from dagster_project.settings import EXPECTATIONS_DIR

N = 1_000


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_notices.generate(N, tmp_path_factory.mktemp("gen") / "notices.csv")


@pytest.fixture(scope="module")
def loaded(notices: Path):
    spec = all_specs()["ccgp_shandong__intentions"]
    con = duckdb.connect()
    rows, dropped = load_payload(con, spec, parse_dataset(spec, [notices]))
    yield con, rows, dropped
    con.close()


def test_generator_is_deterministic_and_marks_every_row(notices, tmp_path):
    again = generate_notices.generate(N, tmp_path / "again.csv")
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (notices, again)]
    assert digest[0] == digest[1]
    with notices.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "序号",
        "分类1",
        "分类2",
        "地市",
        "客户名称",
        "项目名称",
        "金额",
        "预计时间",
        "link",
    ]
    assert all(row["link"].startswith(generate_notices.SYNTHETIC_URL_PREFIX) for row in rows)
    assert all(row["客户名称"].startswith(generate_notices.SYNTHETIC_MARK) for row in rows)
    projects = [row for row in rows if row["金额"] not in ("是", "否", "拟面向中小企业预留")]
    assert len(projects) == N
    assert all(row["项目名称"].startswith(generate_notices.SYNTHETIC_MARK) for row in projects)


def test_synthetic_notices_only_go_into_benchmark_homes(tmp_path):
    with pytest.raises(ValueError, match="benchmark homes"):
        generate_notices.inbox_for(Path("/work/somewhere/warehouse"))


def test_the_real_loader_takes_the_synthetic_csv(loaded):
    con, rows, dropped = loaded
    assert rows == N and dropped > 0
    merged = con.execute(
        "select count(*) from raw.ccgp_shandong__intentions where description is not null"
    ).fetchone()[0]
    assert 0 < merged < N


def test_overlay_changes_only_its_two_allowances(tmp_path):
    product = load_product("raw/ccgp_shandong__intentions.py").expectations()["all"]
    changed = [(e, adapt(e)) for e in product if adapt(e) is not e]
    assert sorted(e.configuration.type for e, _ in changed) == [
        "expect_column_values_to_match_regex",
        "expect_table_row_count_to_be_between",
    ]
    folder = write_overlay(tmp_path / "suites")
    assert sorted(p.relative_to(folder) for p in folder.glob("*/*.py")) == sorted(
        p.relative_to(EXPECTATIONS_DIR) for p in EXPECTATIONS_DIR.glob("*/*.py")
    )


def test_sql_checks_agree_with_great_expectations(loaded, tmp_path):
    con, _, _ = loaded
    folder = write_overlay(tmp_path / "suites")
    suite = read_suite_file(folder / "raw" / "ccgp_shandong__intentions.py")
    outcomes = run_suite(suite, con)
    gx = {(o.expectation, str(o.kwargs)): (o.success, o.unexpected_count) for o in outcomes}
    module = suite.load()
    sql = check_suite(con, module)
    expectations = module.expectations()["all"]
    for expectation, outcome in zip(expectations, sql, strict=True):
        kwargs = {k: v for k, v in expectation.configuration.kwargs.items() if k != "batch_id"}
        success, count = gx[(outcome.expectation, str(kwargs))]
        assert outcome.success == success
        assert count is None or outcome.unexpected_count == count

"""Smoke test of the benchmark pieces at 1,000 notices (the benchmarks themselves run with
`make bench`): the generator is deterministic and marks every row, the real loader takes its
CSV, the suite overlay changes only its two allowances, and the SQL-aggregate checks of the
baseline agree with Great Expectations on the same table."""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from pathlib import Path

import duckdb
import pytest

from benchmarks import generate_notices
from benchmarks.sql_checks import check_suite
from benchmarks.suite_overlay import adapt, write_overlay
from dagster_project.ingest.duckdb_load import load_payload
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs
from dagster_project.quality.gx_runner import run_suite
from dagster_project.quality.suites import read_suite
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
    product = read_suite(EXPECTATIONS_DIR / "raw" / "ccgp_shandong__intentions.yml").expectations()
    changed = [e for e in product if adapt(e) != e]
    # The two allowances: row-count ceilings (fixed and against the previous payload) and
    # the synthetic URL prefix.
    assert {e["type"] for e in changed} == {
        "expect_column_values_to_match_duckdb_regex",
        "expect_table_row_count_to_be_between",
    }
    assert all(
        adapt(e)["kwargs"].get("max_value") is None for e in changed if "row_count" in e["type"]
    )
    folder = write_overlay(tmp_path / "suites")
    assert sorted(p.relative_to(folder) for p in folder.glob("*/*")) == sorted(
        p.relative_to(EXPECTATIONS_DIR) for p in EXPECTATIONS_DIR.glob("*/*")
    )


def test_sql_checks_agree_with_great_expectations(loaded, tmp_path):
    con, rows, _ = loaded
    folder = write_overlay(tmp_path / "suites")
    suite = read_suite(folder / "raw" / "ccgp_shandong__intentions.yml")
    relations = {"payload": suite.relation, "previous": suite.relation}
    parameters = {"payload_date": date.today(), "previous_row_count": rows}
    gx = run_suite(suite, con, relations=relations, parameters=parameters)
    sql = check_suite(con, suite, relations, parameters)

    def summary(outcomes) -> list:
        return sorted(
            (o.batch, o.expectation, o.column or "", o.success, o.unexpected_count or 0)
            for o in outcomes
        )

    assert len(gx) == len(sql) > 5
    assert summary(gx) == summary(sql)


PAIR_SUITE = """
name: marts.pairs
expectations:
- type: expect_column_pair_values_to_be_equal
  kwargs: {column_A: a, column_B: b}
- type: expect_column_pair_values_to_be_equal
  kwargs: {column_A: a, column_B: b, ignore_row_if: either_value_is_missing}
- type: expect_column_pair_values_a_to_be_greater_than_b
  kwargs: {column_A: a, column_B: c, or_equal: true}
- type: expect_column_pair_values_to_be_in_set
  kwargs: {column_A: name, column_B: a, value_pairs_set: [[北京, 1], [上海, 2]]}
"""


def test_sql_pair_checks_skip_and_count_rows_as_great_expectations_does(tmp_path):
    # Both missing: skipped by default; one missing: unexpected for equality unless ignored,
    # unknown (not counted) for a comparison or a set of pairs, as in GX on SQL.
    (tmp_path / "marts").mkdir()
    (tmp_path / "marts" / "pairs.yml").write_text(PAIR_SUITE, encoding="utf-8")
    suite = read_suite(tmp_path / "marts" / "pairs.yml")
    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute(
        "create table marts.pairs as select * from (values "
        "(1, 1, 0, '北京'), (2, 3, 2, '上海'), (null, null, 1, '天津'), "
        "(4, null, 5, null), (null, 6, null, '北京')) as t(a, b, c, name)"
    )
    gx = run_suite(suite, con)
    sql = check_suite(con, suite)

    def summary(outcomes) -> list:
        return [(o.expectation, o.success, o.unexpected_count or 0) for o in outcomes]

    assert summary(sql) == summary(gx)
    assert [count for _, _, count in summary(sql)] == [3, 1, 1, 2]

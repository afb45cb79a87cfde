"""Carrying a suite's outcomes over: what it reads, when its inputs are the same, what is copied."""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.quality import audit, carry_over
from dagster_project.quality.gx_runner import Outcome
from dagster_project.quality.suites import suite_files

MONTHLY = "marts.fct_procurement_monthly"


def _suite(relation: str):
    return next(s for s in suite_files() if s.relation == relation)


@pytest.fixture
def con():
    con = duckdb.connect()
    yield con
    con.close()


def test_the_relations_a_query_reads_are_found_by_the_parser(con):
    sql = """
        -- from the notes: marts.not_read is only a comment
        with monthly as (select * from marts.fct_procurement_monthly)
        select * from monthly join raw.claim_tolerances t on true
        where exists (select 1 from marts.fct_procurement_notices)
    """
    assert carry_over.relations_read(con, sql) == {
        "marts.fct_procurement_monthly",
        "raw.claim_tolerances",
        "marts.fct_procurement_notices",
    }


@pytest.mark.parametrize(
    "sql",
    [
        "select * from notices",  # a table without its schema
        "select * from read_csv('x.csv')",  # a table function
        "select * from marts.x where",  # does not parse
    ],
)
def test_a_query_it_cannot_account_for_reads_unknown_relations(con, sql):
    assert carry_over.relations_read(con, sql) is None


def test_the_inputs_follow_the_version_of_every_relation_the_suite_reads(con):
    suite = _suite(MONTHLY)
    versions = {MONTHLY: "m1", "marts.fct_procurement_notices": "n1"}
    first = carry_over.inputs_key(con, suite, versions.get)
    assert first is not None
    assert carry_over.inputs_key(con, suite, versions.get) == first
    # The reconciliation batch reads the notices mart: its new version is a new input.
    changed = {**versions, "marts.fct_procurement_notices": "n2"}
    assert carry_over.inputs_key(con, suite, changed.get) != first
    # A relation without a known version: the suite must run.
    assert carry_over.inputs_key(con, suite, {MONTHLY: "m1"}.get) is None


def _outcome(success: bool) -> Outcome:
    return Outcome(
        suite=MONTHLY,
        batch="all",
        expectation="expect_column_values_to_not_be_null",
        column="month",
        success=success,
        observed_value=None,
        unexpected_count=0 if success else 3,
        unexpected_sample=[] if success else ["a", "b"],
        kwargs={"column": "month"},
    )


def _validated(con, run_id: str, inputs: str, *, success: bool) -> None:
    outcomes = [_outcome(success)]
    audit.append(con, outcomes, run_id=run_id)
    carry_over.remember(con, _suite(MONTHLY), inputs, run_id=run_id, passed=success)


def test_a_passing_evaluation_is_appended_again_under_the_new_run(con):
    suite = _suite(MONTHLY)
    _validated(con, "run-1", "inputs-a", success=True)
    found = carry_over.carried(con, suite, "inputs-a", run_id="run-2")
    assert found is not None
    validated_in, outcomes = found
    assert validated_in == "run-1"
    assert [(o.expectation, o.column, o.success) for o in outcomes] == [
        ("expect_column_values_to_not_be_null", "month", True)
    ]
    rows = con.execute(
        "select run_id, suite, expectation, success from audit.check_results order by run_id"
    ).fetchall()
    assert rows == [
        ("run-1", MONTHLY, "expect_column_values_to_not_be_null", True),
        ("run-2", MONTHLY, "expect_column_values_to_not_be_null", True),
    ]
    # A third run carries over from the run that validated, through the second.
    assert carry_over.carried(con, suite, "inputs-a", run_id="run-3")[0] == "run-1"


def test_other_inputs_or_a_failed_evaluation_are_validated_again(con):
    suite = _suite(MONTHLY)
    _validated(con, "run-1", "inputs-a", success=True)
    assert carry_over.carried(con, suite, "inputs-b", run_id="run-2") is None
    _validated(con, "run-2", "inputs-b", success=False)
    assert carry_over.carried(con, suite, "inputs-b", run_id="run-3") is None
    # Nothing was appended by a refusal.
    (count,) = con.execute("select count(*) from audit.check_results").fetchone()
    assert count == 2


def test_a_forced_refresh_validates_everything():
    assert carry_over.forced({"ops": {"dbt_models": {"config": {"force": True}}}})
    assert not carry_over.forced({"ops": {"dbt_models": {"config": {"force": False}}}})
    assert not carry_over.forced({})

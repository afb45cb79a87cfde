"""The offline quality page: built from audit.check_results, no script, no remote asset."""

from __future__ import annotations

import re

import duckdb

from dagster_project.quality import audit
from dagster_project.quality.docs import render
from dagster_project.quality.gx_runner import Outcome


def _outcome(suite: str, success: bool, **kwargs) -> Outcome:
    return Outcome(
        suite=suite, batch="all", expectation="expect_column_values_to_not_be_null",
        column="code", success=success, observed_value=None,
        unexpected_count=0 if success else 2, unexpected_sample=[] if success else ["<x>"],
        **kwargs,
    )  # fmt: skip


def test_page_shows_the_latest_result_of_every_suite_offline():
    con = duckdb.connect()
    audit.append(con, [_outcome("marts.a", False)], run_id="old")
    audit.append(con, [_outcome("marts.a", True), _outcome("marts.b", False)], run_id="new")
    page = render(con)
    assert "marts.a" in page and "marts.b" in page and "new" in page
    failures = page.split("<h2>Failures of the latest runs</h2>")[1].split("<h2>")[0]
    assert "marts.b" in failures and "marts.a" not in failures
    assert "&lt;x&gt;" in page and "<x>" not in page  # values are escaped
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']?https?://""", page)

"""The Spark check fails when a model builds something else on Spark than on DuckDB.

A copy of the dbt project in which one mart scales a rate column by 1.000001 on Spark only
(a divergence no data or unit test sees) is checked against the DuckDB build: the check exits 1,
names that mart and column, and finds its upstream relations equal.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from dagster_project.settings import DBT_DIR, PROJECT_ROOT

pytestmark = pytest.mark.spark

MART = "models/marts/fx/fct_fx_rates_annual.sql"
# A column the model's unit test does not pin (that test would catch the change and skip the
# model: a divergence the check must find is one no dbt test sees).
EXPRESSION = "max(cny_per_usd) as max_cny_per_usd"
DIVERGENT = "max(cny_per_usd) * {{ 1.000001 if target.type == 'spark' else 1 }} as max_cny_per_usd"


def _result_rows(stdout: str) -> dict[str, str]:
    layers = ("raw.", "staging.", "intermediate.", "marts.")
    return {line.split()[0]: line for line in stdout.splitlines() if line.startswith(layers)}


def test_a_model_that_diverges_on_spark_fails_the_check(tmp_path, published_db):
    project = tmp_path / "dbt"
    shutil.copytree(DBT_DIR, project, ignore=shutil.ignore_patterns("target", "logs"))
    model = project / MART
    text = model.read_text(encoding="utf-8")
    assert EXPRESSION in text, f"{MART} no longer computes {EXPRESSION}: pick another column"
    model.write_text(text.replace(EXPRESSION, DIVERGENT), encoding="utf-8")

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dagster_project.lake.spark_check",
            "--project-dir",
            str(project),
            "--published",
            str(published_db),
            "--lake",
            str(tmp_path / "lake"),
            "--select",
            "+fct_fx_rates_annual",
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )

    output = result.stdout[-4000:] + result.stderr[-2000:]
    assert result.returncode == 1, output
    assert "FAILED on Spark" not in result.stdout, output
    rows = _result_rows(result.stdout)
    assert rows["marts.fct_fx_rates_annual"].endswith("DIFFERS: column max_cny_per_usd differs")
    for upstream in (
        "marts.fct_fx_rates",
        "intermediate.int_fx_rates_unioned",
        "raw.ecb__eurofxref",
    ):
        assert rows[upstream].endswith("equal"), rows[upstream]

"""The product's quality suites with two allowances for synthetic notices (benchmark homes only).

Synthetic notices are marked so that they can never pass for real ones, and two product
expectations exist precisely to refuse such data; in a benchmark home they would stop the
refresh before dbt, and nothing past ingestion would be measured. The overlay is a copy of
expectations/ (suites and SQL batches) with exactly these changes:

* upper bounds of `expect_table_row_count_to_be_between` are lifted (the bands describe the
  real scrape, tens of thousands of rows, not 10 million synthetic ones);
* the regex on `notice_url` also accepts links under https://synthetic.invalid/ (the real
  pattern still applies to every other link).

Every other expectation, batch and severity is the product's own, so the checks do the same
work. `write_overlay` writes the copy into a folder that `benchmarks.egov_synthetic` points
the platform at; the product never reads it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from benchmarks.generate_notices import SYNTHETIC_URL_PREFIX
from dagster_project.settings import PROJECT_ROOT

PRODUCT_SUITES = PROJECT_ROOT / "expectations"
ALLOWANCES = [
    "row-count upper bounds lifted",
    f"notice_url may start with {SYNTHETIC_URL_PREFIX}",
]
REGEX_KINDS = ("expect_column_values_to_match_regex", "expect_column_values_to_match_duckdb_regex")


def adapt(expectation: dict[str, Any]) -> dict[str, Any]:
    """The expectation with the synthetic-data allowance that applies to it, if any."""
    kind, kwargs = expectation["type"], dict(expectation["kwargs"])
    if kind == "expect_table_row_count_to_be_between" and kwargs.get("max_value") is not None:
        kwargs["max_value"] = None
    elif kind in REGEX_KINDS and kwargs.get("column") == "notice_url":
        kwargs["regex"] = f"(?:{kwargs['regex']})|^{re.escape(SYNTHETIC_URL_PREFIX)}"
    return {**expectation, "kwargs": kwargs}


def adapted(document: dict[str, Any]) -> dict[str, Any]:
    return {**document, "expectations": [adapt(e) for e in document.get("expectations") or []]}


def write_overlay(folder: Path) -> Path:
    """The product suites, adapted, in a fresh `folder` (same layer/table names)."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(PRODUCT_SUITES, folder)
    for path in sorted(folder.glob("*/*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(adapted(document), allow_unicode=True), encoding="utf-8")
    return folder

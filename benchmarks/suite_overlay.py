"""The product's quality suites with two allowances for synthetic notices (benchmark homes only).

Synthetic notices are marked so that they can never pass for real ones, and two product
expectations exist precisely to refuse such data; in a benchmark home they would stop the
refresh before dbt, and nothing past ingestion would be measured. The overlay suites are the
product suites, loaded from expectations/ at run time, with exactly these changes:

* upper bounds of `expect_table_row_count_to_be_between` are lifted (the bands describe the
  real scrape, tens of thousands of rows, not 10 million synthetic ones);
* `expect_column_values_to_match_regex` on `notice_url` also accepts links under
  https://synthetic.invalid/ (the real pattern still applies to every other link).

Every other expectation, batch and severity is the product's own, so the checks do the same
work. `write_overlay` writes one small module per product suite into a folder that
`benchmarks.egov_synthetic` points the platform at; the product never reads it.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.generate_notices import SYNTHETIC_URL_PREFIX
from dagster_project.settings import PROJECT_ROOT

PRODUCT_SUITES = PROJECT_ROOT / "expectations"
ALLOWANCES = [
    "row-count upper bounds lifted",
    f"notice_url may start with {SYNTHETIC_URL_PREFIX}",
]
TEMPLATE = '''"""{title} [benchmark overlay: synthetic-data allowances]"""

from benchmarks.suite_overlay import adapted, load_product

CRITICAL = {critical}

_PRODUCT = load_product({relative!r})
BATCHES = _PRODUCT.BATCHES


def expectations() -> dict[str, list]:
    return adapted(_PRODUCT.expectations())
'''


def load_product(relative: str) -> ModuleType:
    """The product suite module expectations/<layer>/<table>.py."""
    path = PRODUCT_SUITES / relative
    name = "egov_product_suite_" + relative.replace("/", "_").removesuffix(".py")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def adapt(expectation: Any) -> Any:
    """The expectation with the synthetic-data allowance that applies to it, if any."""
    kind = expectation.configuration.type
    kwargs = expectation.configuration.kwargs
    if kind == "expect_table_row_count_to_be_between" and kwargs.get("max_value") is not None:
        return expectation.copy(update={"max_value": None})
    if kind == "expect_column_values_to_match_regex" and kwargs.get("column") == "notice_url":
        regex = f"(?:{kwargs['regex']})|^{re.escape(SYNTHETIC_URL_PREFIX)}"
        return expectation.copy(update={"regex": regex})
    return expectation


def adapted(by_batch: dict[str, list]) -> dict[str, list]:
    return {batch: [adapt(e) for e in items] for batch, items in by_batch.items()}


def _header(path: Path) -> tuple[str, bool]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    title = (ast.get_docstring(tree) or path.stem).split("\n")[0].replace('"', "'")
    critical = True
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "CRITICAL" for t in node.targets
        ):
            critical = bool(ast.literal_eval(node.value))
    return title, critical


def write_overlay(folder: Path) -> Path:
    """One overlay module per product suite (same layer/table names) in a fresh `folder`."""
    shutil.rmtree(folder, ignore_errors=True)
    for path in sorted(PRODUCT_SUITES.glob("*/*.py")):
        if path.stem == "__init__":
            continue
        relative = path.relative_to(PRODUCT_SUITES).as_posix()
        title, critical = _header(path)
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            TEMPLATE.format(title=title, critical=critical, relative=relative), encoding="utf-8"
        )
    return folder

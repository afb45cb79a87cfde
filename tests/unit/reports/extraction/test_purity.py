"""The extraction library imports nothing outside itself (no Dagster, no DuckDB, no settings):
the caller passes the reference data and the licence."""

from __future__ import annotations

import ast
from pathlib import Path

import dagster_project.reports.extraction as package

PACKAGE = Path(package.__file__).parent
OWN = "dagster_project.reports.extraction"
FORBIDDEN = ("dagster", "dagster_dbt", "duckdb", "great_expectations", "dagster_project")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


def test_no_module_of_the_library_imports_outside_it() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) > 30
    for path in modules:
        for name in _imports(path):
            outside = name.split(".")[0] in FORBIDDEN and not name.startswith(OWN)
            assert not outside, f"{path.name} imports {name}"


def test_modules_stay_small() -> None:
    for path in PACKAGE.glob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 160, f"{path.name} has {lines} lines: split it by step"

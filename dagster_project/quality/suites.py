"""Discovering suites in expectations/<layer>/<table>.py without importing GX.

Definitions load in every Dagster process; importing great_expectations costs seconds, so
the suite files are read with `ast` here and imported only when a check actually runs.
"""

from __future__ import annotations

import ast
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from dagster_project.settings import EXPECTATIONS_DIR


@dataclass(frozen=True)
class SuiteFile:
    """One suite file: it validates the relation `<layer>.<table>` of the same name."""

    path: Path
    layer: str
    table: str
    critical: bool
    description: str

    @property
    def relation(self) -> str:
        return f"{self.layer}.{self.table}"

    def load(self) -> ModuleType:
        spec = importlib.util.spec_from_file_location(
            f"egov_suite_{self.layer}_{self.table}", self.path
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module


def _constant(tree: ast.Module, name: str, default: object) -> object:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    return default


def read_suite_file(path: Path) -> SuiteFile:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return SuiteFile(
        path=path,
        layer=path.parent.name,
        table=path.stem,
        critical=bool(_constant(tree, "CRITICAL", True)),
        description=(ast.get_docstring(tree) or "").split("\n")[0],
    )


@cache
def suite_files(root: Path = EXPECTATIONS_DIR) -> tuple[SuiteFile, ...]:
    return tuple(read_suite_file(p) for p in sorted(root.glob("*/*.py")) if p.stem != "__init__")

"""Suites in expectations/<layer>/<table>.yml, in GX's own serialised form, read without GX.

A suite file is what GX writes for an ExpectationSuite: `name` (the relation, `<layer>.<table>`),
`expectations: [{type, kwargs, meta}]` and a suite `meta` holding

* `blocking`: a failing critical expectation blocks what depends on the relation (default
  true); an expectation with `meta.severity: warning` never blocks;
* `description` (and `notes`): what the suite guards, shown as the check's description;
* `batches`: `{batch: target}`, the relation itself or a `.sql` file beside the suite (sqlfluff
  lints those), or `{sql: <file>, requires: [<relation>, …]}` for a batch that compares with
  relations which may not be built yet (on a first load the comparison waits for them); an
  expectation runs on the batch its `meta.batch` names (default `all`).

The suite of a declared dataset (`raw.<provider>__<dataset>`) validates each payload before
it replaces the raw table (quality/payload.py): its batches may use `{{ payload }}` (the
payload's rows) and `{{ previous }}` (the table as last loaded), and the rules its
declaration states are added to it (quality/contract_rules.py), so the declaration stays
their only home.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from dagster_project.settings import EXPECTATIONS_DIR

DEFAULT_BATCH = "all"
TEMPLATES = ("payload", "previous")


@dataclass(frozen=True)
class Suite:
    """One suite file: it validates the relation `<layer>.<table>` of the same name."""

    path: Path
    layer: str
    table: str
    blocking: bool
    description: str
    batches: tuple[tuple[str, str], ...]
    declared: tuple[dict[str, Any], ...]
    requires: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def relation(self) -> str:
        return f"{self.layer}.{self.table}"

    @property
    def validates_payload(self) -> bool:
        """True for the suite of a declared dataset, run on each payload before it is loaded."""
        from dagster_project.landing.declarations import all_specs

        return self.layer == "raw" and self.table in all_specs()

    def expectations(self) -> list[dict[str, Any]]:
        """The declaration's rules (raw suites of declared datasets), then the file's own."""
        derived: list[dict[str, Any]] = []
        if self.validates_payload:
            from dagster_project.quality.contract_rules import contract_expectations

            derived = contract_expectations(self.table)
        return [*derived, *self.declared]

    def by_batch(self) -> dict[str, list[dict[str, Any]]]:
        grouped: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in self.batches}
        for expectation in self.expectations():
            batch = (expectation.get("meta") or {}).get("batch", DEFAULT_BATCH)
            if batch not in grouped:
                raise ValueError(f"{self.path}: expectation on unknown batch {batch!r}")
            grouped[batch].append(expectation)
        return {name: items for name, items in grouped.items() if items}

    def required(self, batch: str) -> tuple[str, ...]:
        """Relations the batch compares with, which may not exist yet."""
        return dict(self.requires).get(batch, ())

    def batch_query(self, batch: str, relations: dict[str, str]) -> str:
        """The batch as a select, with {{ payload }} / {{ previous }} filled in."""
        target = dict(self.batches)[batch]
        if target.endswith(".sql"):
            text = (self.path.parent / target).read_text(encoding="utf-8").strip().rstrip(";")
        else:
            text = f"select * from {target}"
        for name in TEMPLATES:
            token = "{{ " + name + " }}"
            if token in text:
                if name not in relations:
                    raise ValueError(f"{self.path}: batch {batch} needs {{{{ {name} }}}}")
                text = text.replace(token, relations[name])
        return text

    def files(self) -> list[Path]:
        """The suite file and its SQL batches (what its digest covers)."""
        return [self.path] + [
            self.path.parent / target for _, target in self.batches if target.endswith(".sql")
        ]

    def digest(self) -> str:
        digest = hashlib.sha256()
        for path in self.files():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]


def read_suite(path: Path) -> Suite:
    """Parse one suite file; a file that names another relation than its path is an error."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    layer, table = path.parent.name, path.stem
    if doc.get("name") != f"{layer}.{table}":
        raise ValueError(f"{path}: suite name {doc.get('name')!r} is not {layer}.{table}")
    meta = doc.get("meta") or {}
    batches = meta.get("batches") or {DEFAULT_BATCH: f"{layer}.{table}"}
    targets = {k: (v["sql"] if isinstance(v, dict) else v) for k, v in batches.items()}
    requires = {
        k: tuple(v.get("requires") or ()) for k, v in batches.items() if isinstance(v, dict)
    }
    return Suite(
        path=path,
        layer=layer,
        table=table,
        blocking=bool(meta.get("blocking", True)),
        description=str(meta.get("description") or ""),
        batches=tuple((str(k), str(v)) for k, v in targets.items()),
        declared=tuple(doc.get("expectations") or ()),
        requires=tuple(requires.items()),
    )


@cache
def suite_files(root: Path = EXPECTATIONS_DIR) -> tuple[Suite, ...]:
    return tuple(read_suite(p) for p in sorted(root.glob("*/*.yml")))

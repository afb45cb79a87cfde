"""How fresh each declared source is, from its declaration and its landing record.

A source is *stale* when the data it feeds the warehouse is older than its declared update
period (`update_period_days`): the provider has probably published something newer. The
age of a shipped snapshot counts from the declaration's `date_published`; a payload fetched
over HTTP or dropped into an inbox counts from when it was landed. Reading only: a record
that cannot be read is reported as such and left where it is (the next refresh moves it
aside and rebuilds it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from dagster_project.landing.declarations import DatasetSpec, all_specs
from dagster_project.settings import Paths


@dataclass(frozen=True)
class Freshness:
    source: str
    mode: str  # how the loaded payload arrived, "" when nothing is loaded
    data_as_of: date | None
    loaded_at: str  # when the payload became the loaded one ("" never)
    period_days: int
    problem: str = ""  # an unreadable record

    def age_days(self, today: date) -> int | None:
        return None if self.data_as_of is None else (today - self.data_as_of).days

    def is_stale(self, today: date) -> bool:
        age = self.age_days(today)
        return age is None or age > self.period_days

    def status(self, today: date) -> str:
        if self.problem:
            return self.problem
        if self.data_as_of is None:
            return "never loaded"
        age = self.age_days(today)
        return f"stale ({age} d old)" if self.is_stale(today) else "fresh"


def _peek(path: Path) -> tuple[dict[str, Any], str]:
    """A JSON record without moving it aside when it is damaged: (record, problem)."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, ""
    except (OSError, ValueError):
        return {}, f"unreadable record {path.name}"
    return (record, "") if isinstance(record, dict) else ({}, f"unreadable record {path.name}")


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(str(text)).date()
    except ValueError:
        return None


def _one(spec: DatasetSpec, home: Paths) -> Freshness:
    state, problem = _peek(home.landing_state(spec.name))
    current = state.get("current") or {}
    sha256 = current.get("sha256")
    if problem or not sha256:
        return Freshness(spec.name, "", None, "", spec.update_period_days, problem)
    meta, _ = _peek(home.landed_dataset_dir(spec.name) / sha256 / "meta.json")
    mode = str(meta.get("mode") or "")
    # A fetched or dropped payload dates from its landing; a snapshot (or a payload whose
    # description was lost) from the declaration.
    fetched = mode in ("http", "drop")
    as_of = _day(meta.get("fetched_at")) if fetched else _day(spec.date_published)
    loaded = str(current.get("marked_at") or "")
    return Freshness(spec.name, mode, as_of, loaded, spec.update_period_days)


def source_freshness(home: Paths) -> list[Freshness]:
    return [_one(spec, home) for _, spec in sorted(all_specs().items())]


def today() -> date:
    return datetime.now(UTC).date()

"""Dataset declarations: one YAML file per external dataset under sources/<provider>/.

A declaration is the provenance record and the ingestion contract in one place: who
publishes the data, where it comes from, how often it changes, how to parse it and which
modes (snapshot | http | drop) it can be loaded in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from dagster_project.settings import SOURCES_DIR

REQUIRED_KEYS = (
    "provider",
    "dataset",
    "title",
    "producer",
    "citation",
    "url_main",
    "url_download",
    "license",
    "date_published",
    "date_accessed",
    "update_period_days",
    "format",
    "encoding",
    "parser",
    "schedule",
    "modes",
)
MODES = ("snapshot", "http", "drop")


@dataclass(frozen=True)
class DatasetSpec:
    """A parsed declaration. `name` is `<provider>__<dataset>`, the raw table and asset name."""

    provider: str
    dataset: str
    title: str
    producer: str
    citation: str
    url_main: str
    url_download: str
    license: dict[str, str]
    date_published: str
    date_accessed: str
    update_period_days: int
    format: str
    encoding: str
    parser: str
    schedule: str
    modes: dict[str, dict[str, Any]]
    default_mode: str
    description: str = ""
    columns: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    declaration_path: Path = SOURCES_DIR

    @property
    def name(self) -> str:
        return f"{self.provider}__{self.dataset}"

    @property
    def snapshot_paths(self) -> list[Path]:
        """Shipped files of the embedded default, absolute."""
        snap = self.modes.get("snapshot", {})
        rel = snap.get("paths") or [snap["path"]]
        return [SOURCES_DIR / p for p in rel]

    def provenance_metadata(self) -> dict[str, str]:
        """What the Dagster UI shows next to every materialization."""
        return {
            "producer": self.producer,
            "citation": self.citation,
            "url_main": self.url_main,
            "url_download": self.url_download,
            "license": self.license.get("name", ""),
            "date_accessed": self.date_accessed,
            "declaration": str(self.declaration_path.relative_to(SOURCES_DIR.parent)),
        }


def _as_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def load_spec(path: Path) -> DatasetSpec:
    """Read one declaration; a missing key or unknown mode is an error naming the file."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing = [k for k in REQUIRED_KEYS if k not in doc]
    if missing:
        raise ValueError(f"{path}: declaration lacks {', '.join(missing)}")
    unknown = sorted(set(doc["modes"]) - set(MODES))
    if unknown:
        raise ValueError(f"{path}: unknown modes {unknown}; allowed {list(MODES)}")
    default_mode = doc.get("default_mode", "snapshot")
    if default_mode not in doc["modes"]:
        raise ValueError(f"{path}: default_mode {default_mode!r} is not among its modes")
    return DatasetSpec(
        provider=doc["provider"],
        dataset=doc["dataset"],
        title=doc["title"],
        producer=doc["producer"],
        citation=doc["citation"],
        url_main=doc["url_main"],
        url_download=doc["url_download"],
        license=dict(doc["license"]),
        date_published=_as_text(doc["date_published"]),
        date_accessed=_as_text(doc["date_accessed"]),
        update_period_days=int(doc["update_period_days"]),
        format=doc["format"],
        encoding=doc["encoding"],
        parser=doc["parser"],
        schedule=doc["schedule"],
        modes=dict(doc["modes"]),
        default_mode=default_mode,
        description=doc.get("description", ""),
        columns=tuple(doc.get("columns") or ()),
        options=dict(doc.get("options") or {}),
        declaration_path=path,
    )


@cache
def all_specs(sources_dir: Path = SOURCES_DIR) -> dict[str, DatasetSpec]:
    """Every declaration under sources/<provider>/*.yml, keyed by `<provider>__<dataset>`."""
    specs = {}
    for path in sorted(sources_dir.glob("*/*.yml")):
        if path.parent.name in ("snapshots", "catalog", "reports"):
            continue
        spec = load_spec(path)
        specs[spec.name] = spec
    return specs

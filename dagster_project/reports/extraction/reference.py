"""Reference data the extractor reads: the GB/T 2260 divisions and the metric catalog.

The library never locates them itself: the caller passes the project's `sources/` folder
(or each path), so the library imports nothing outside itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dagster_project.reports.extraction.gazetteer import Gazetteer, load_gazetteer
from dagster_project.reports.extraction.metrics import Metric, load_catalog

DIVISIONS = Path("snapshots") / "modood"
CATALOG = Path("catalog") / "metrics.yml"


@dataclass(frozen=True)
class Reference:
    gazetteer: Gazetteer
    catalog: tuple[Metric, ...]


@cache
def load_reference(sources_dir: Path) -> Reference:
    """Reads `<sources_dir>/snapshots/modood/` and `<sources_dir>/catalog/metrics.yml`."""
    sources_dir = Path(sources_dir)
    return Reference(load_gazetteer(sources_dir / DIVISIONS), load_catalog(sources_dir / CATALOG))

"""What a page is made of: bilingual text, charts (Vega-Lite specs) and tables, and its notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Chinese first, then the platform's sans-serif: nothing is downloaded, every system that
# shows Chinese has one of these (Debian: fonts-noto-cjk).
FONT = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
    '"WenQuanYi Micro Hei", sans-serif'
)


@dataclass(frozen=True)
class Text:
    """A label in Chinese with its English beside it."""

    zh: str
    en: str

    def both(self, sep: str = " · ") -> str:
        return f"{self.zh}{sep}{self.en}" if self.en else self.zh


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite chart rendered in the browser by Vega-Embed."""

    key: str
    title: Text
    spec: dict[str, Any]
    note: Text | None = None


@dataclass(frozen=True)
class Column:
    key: str
    title: Text
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    """An HTML table; `filters` are columns offered as drop-down filters, `search` a text box."""

    key: str
    title: Text
    columns: list[Column]
    rows: list[dict[str, Any]]
    filters: list[Column] = field(default_factory=list)
    search: bool = False
    # The column whose false value marks a row as a failure (styled, listed first by the SQL).
    failure_flag: str | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Source:
    """One line of the page's sources: what kind, and the names the data gives."""

    label: Text
    items: list[str]


@dataclass(frozen=True)
class Page:
    slug: str
    title: Text
    intro: Text
    blocks: list[Chart | Table]
    relations: list[str]
    queries: list[str]
    sources: list[Source]

    @property
    def filename(self) -> str:
        return f"{self.slug}.html"


def with_datasets(spec: dict[str, Any], **datasets: list[Any]) -> dict[str, Any]:
    """The spec with its data attached by name (`alt.NamedData(name)` in the chart).

    Altair copies inline values at every step of building a chart (seconds for the province
    outlines), so charts refer to their data by name and the rows join the finished spec.
    Pages build specs with `to_dict(validate=False)`: validating against the Vega-Lite schema
    costs more than the rest of the build, so the tests validate every spec instead.
    """
    return {**spec, "datasets": {**spec.get("datasets", {}), **datasets}}


def bilingual(zh: str | None, en: str | None) -> str:
    """Two names from the data, zh first; either may be missing."""
    parts = [p for p in (zh, en) if p]
    return " · ".join(parts)


def distinct(values: list[Any]) -> list[str]:
    """Distinct non-empty values in first-seen order (splitting ' | ' lists from the queries)."""
    seen: dict[str, None] = {}
    for value in values:
        for part in str(value or "").split(" | "):
            if part.strip():
                seen.setdefault(part.strip(), None)
    return list(seen)

"""Typed records shared by the extraction steps.

Every offset is a character offset into the cleaned (simplified) text of the document, so a
fact can always be shown in context and re-checked against the text it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of the cleaned text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def gap_to(self, other: Span) -> int:
        """Characters between the two spans (0 when they touch or overlap)."""
        if self.overlaps(other):
            return 0
        return max(other.start - self.end, self.start - other.end, 0)


@dataclass(frozen=True)
class Section:
    section_id: str
    section_number: str | None
    title: str
    level: int
    char_start: int  # where the heading starts
    body_start: int  # where the text after the heading starts
    char_end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Figure:
    """One quantity read from a sentence, before context (region, period…) is attached."""

    start: int  # offsets in the cleaned text, qualifier words included
    end: int
    number_start: int
    value: float | None  # None when the digits themselves are unreadable
    unit: str
    qualifier: str
    value_raw: str
    unit_raw: str
    range_role: str | None = None  # 'low' / 'high' for the two bounds of a range
    value_low: float | None = None
    value_high: float | None = None
    lost_digits: bool = False


@dataclass(frozen=True)
class Citation:
    publisher: str | None
    publication: str | None
    raw: str
    start: int
    end: int

    @property
    def label(self) -> str:
        """The normalised string stored in `cited_source`."""
        if self.publisher and self.publication:
            return f"{self.publisher}《{self.publication}》"
        if self.publication:
            return f"《{self.publication}》"
        return self.publisher or ""


@dataclass(frozen=True)
class Region:
    code: str | None
    name_zh: str
    level: str  # national / province / prefecture / anonymous_province / anonymous_city


@dataclass
class Extraction:
    """Everything read from one document; `tables()` gives the warehouse's raw tables."""

    manifest: dict
    facts: list[dict] = field(default_factory=list)
    table_cells: list[dict] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)

    def tables(self) -> dict[str, list[dict]]:
        return {
            "report_facts": self.facts,
            "report_table_cells": self.table_cells,
            "report_sections": self.sections,
            "report_sources": self.sources,
            "report_documents": [document_row(self.manifest)],
        }


def document_row(manifest: dict) -> dict:
    """The manifest flattened into the single `report_documents` row."""
    counts = manifest.get("counts", {})
    row = {key: value for key, value in manifest.items() if key != "counts"}
    row.update({f"n_{key}": value for key, value in counts.items()})
    return row

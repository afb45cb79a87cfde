"""Row builders for the section, table-cell and source tables."""

from __future__ import annotations

from collections import Counter

from dagster_project.reports.extraction.fact_rows import source_id
from dagster_project.reports.extraction.model import Citation, Section
from dagster_project.reports.extraction.numbers import to_float
from dagster_project.reports.extraction.tables import Table


def section_rows(document_id: str, sections: list[Section]) -> list[dict]:
    return [
        {
            "document_id": document_id,
            "section_id": s.section_id,
            "section_number": s.section_number,
            "title": s.title,
            "level": s.level,
            "char_start": s.char_start,
            "char_end": s.char_end,
            "body_start": s.body_start,
        }
        for s in sections
    ]


def table_cell_rows(document_id: str, tables: list[Table]) -> list[dict]:
    rows = []
    for number, table in enumerate(tables, start=1):
        expected = table.expected_total
        for row_number, cell in enumerate(table.cells, start=1):
            rows.append(
                {
                    "document_id": document_id,
                    "table_id": f"{document_id}:table-{number}",
                    "table_title": table.title,
                    "row_label": cell.label,
                    "column_label": table.column_label,
                    "value": to_float(cell.value * table.multiplier),
                    "unit": table.unit,
                    "row_number": row_number,
                    "char_start": cell.span.start,
                    "char_end": cell.span.end,
                    "expected_total": to_float(expected),
                    "sum_check_ok": table.sum_check_ok,
                    "section_id": table.section.section_id,
                    "row_dimension": table.row_dimension,
                    "value_raw": str(cell.value),
                }
            )
    return rows


def source_rows(citations: dict[str, Citation], facts: list[dict]) -> list[dict]:
    """One row per distinct cited source, in order of first citation."""
    used = Counter(f["cited_source"] for f in facts if f["cited_source"])
    ordered = sorted(citations.values(), key=lambda c: c.start)
    return [
        {
            "source_id": source_id(c.label),
            "publisher": c.publisher,
            "publication": c.publication,
            "cited_as_raw": c.raw,
            "cited_source": c.label,
            "n_facts": used[c.label],
        }
        for c in ordered
        if used[c.label]
    ]

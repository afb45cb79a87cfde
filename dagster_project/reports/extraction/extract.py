"""The extraction pipeline: file -> cleaned text -> sections, tables, facts, sources."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from dagster_project.reports.extraction.clean import clean_text
from dagster_project.reports.extraction.facts import FactReader
from dagster_project.reports.extraction.garble import find_garbled_spans
from dagster_project.reports.extraction.gazetteer import load_gazetteer
from dagster_project.reports.extraction.loaders import load_text
from dagster_project.reports.extraction.metrics import load_catalog
from dagster_project.reports.extraction.model import Extraction
from dagster_project.reports.extraction.rows import section_rows, source_rows, table_cell_rows
from dagster_project.reports.extraction.structure import find_sections
from dagster_project.reports.extraction.tables import find_tables

EXTRACTOR_VERSION = "1.0.0"
LICENCE = "commercial report preview; document not redistributed"


def slugify(stem: str) -> str:
    """`Smart-Gov Market Report 2026 (preview)` -> `smart-gov-market-report-2026-preview`."""
    return re.sub(r"[^\w]+", "-", stem.lower()).strip("-_") or "document"


def edition_of(title: str | None) -> int | None:
    """The report's edition is the first year in its title (2026年及未来5年… -> 2026)."""
    match = re.search(r"(?:19|20)\d{2}", title or "")
    return int(match.group(0)) if match else None


def extract_document(path: Path, *, document_id: str | None = None) -> Extraction:
    path = Path(path)
    data = path.read_bytes()
    loaded = load_text(path, data)
    return extract_text(
        loaded.text,
        document_id=document_id or slugify(path.stem),
        title_hint=loaded.title_hint,
        source_file=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        input_bytes=len(data),
    )


def extract_text(text: str, *, document_id: str, title_hint: str | None = None,
                 source_file: str | None = None, sha256: str | None = None,
                 input_bytes: int | None = None) -> Extraction:  # fmt: skip
    """Extract from already-loaded text (the file-level API wraps this)."""
    cleaned = clean_text(text, title_hint)
    body = cleaned.text
    edition = edition_of(cleaned.title)
    garbled = find_garbled_spans(body)
    _, sections = find_sections(body, document_id)
    tables = find_tables(body, sections)
    reader = FactReader(body, document_id, edition, garbled, load_gazetteer(), load_catalog())
    facts = []
    for section in sections:
        in_section = [t.span for t in tables if t.section is section]
        facts.extend(reader.read_section(section, in_section))
    facts.sort(key=lambda f: (f["char_start"], f["char_end"]))
    extraction = Extraction(
        manifest={},
        facts=facts,
        table_cells=table_cell_rows(document_id, tables),
        sections=section_rows(document_id, sections),
        sources=source_rows(reader.citations, facts),
    )
    extraction.manifest = {
        "document_id": document_id,
        "edition": edition,
        "title": cleaned.title,
        "sha256": sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "source_file": source_file,
        "licence": LICENCE,
        "extractor_version": EXTRACTOR_VERSION,
        "input_bytes": input_bytes if input_bytes is not None else len(text.encode("utf-8")),
        "cleaned_chars": len(body),
        "counts": {
            "facts": len(facts),
            "corrupted_facts": sum(f["quality_flag"] == "corrupted" for f in facts),
            "table_cells": len(extraction.table_cells),
            "tables": len(tables),
            "sections": len(sections),
            "sources": len(extraction.sources),
            "garbled_spans": len(garbled),
        },
    }
    return extraction

"""The extraction pipeline: file -> loaded text -> cleaned text -> sections, tables, facts,
sources, and the document's identity.

The library locates nothing itself: the caller passes the project's `sources/` folder (or a
loaded `Reference`), and the licence of the document (from its declaration or an inbox
side-car). A document that cannot be extracted raises `ExtractionError`.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from pathlib import Path

from dagster_project.reports.extraction.clean import clean_text
from dagster_project.reports.extraction.facts import FactReader
from dagster_project.reports.extraction.garble import find_garbled_spans
from dagster_project.reports.extraction.gazetteer import HONG_KONG
from dagster_project.reports.extraction.grid_tables import grid_tables
from dagster_project.reports.extraction.identity import edition_of, identify
from dagster_project.reports.extraction.loaders import LoadedText, load_text
from dagster_project.reports.extraction.manifest import EXTRACTOR_VERSION, is_hong_kong, manifest
from dagster_project.reports.extraction.model import Extraction
from dagster_project.reports.extraction.noise import noise_spans
from dagster_project.reports.extraction.reference import Reference, load_reference
from dagster_project.reports.extraction.region_context import NATIONAL, place_region
from dagster_project.reports.extraction.rows import section_rows, source_rows, table_cell_rows
from dagster_project.reports.extraction.structure import find_sections
from dagster_project.reports.extraction.tables import find_tables

__all__ = ["EXTRACTOR_VERSION", "edition_of", "extract_document", "extract_text", "slugify"]


def slugify(stem: str) -> str:
    """`Smart-Gov Market Report 2026 (preview)` -> `smart-gov-market-report-2026-preview`."""
    return re.sub(r"[^\w]+", "-", stem.lower()).strip("-_") or "document"


def _reference(sources_dir: Path | None, reference: Reference | None) -> Reference:
    if reference is not None:
        return reference
    if sources_dir is None:
        raise TypeError("pass sources_dir (the project's sources/ folder) or reference")
    return load_reference(Path(sources_dir))


def extract_document(
    path: Path,
    *,
    sources_dir: Path | None = None,
    reference: Reference | None = None,
    document_id: str | None = None,
    licence: str | None = None,
    kind: str | None = None,
) -> Extraction:
    """Extract one file. `licence` comes from the caller (declaration or side-car); `kind`
    overrides the detected document kind."""
    path = Path(path)
    data = path.read_bytes()
    loaded = load_text(path, data)
    return extract_loaded(
        loaded, _reference(sources_dir, reference),
        document_id=document_id or slugify(path.stem), stem=path.stem, source_file=path.name,
        sha256=hashlib.sha256(data).hexdigest(), input_bytes=len(data), licence=licence,
        kind=kind,
    )  # fmt: skip


def extract_text(text: str, *, document_id: str, sources_dir: Path | None = None,
                 reference: Reference | None = None, title_hint: str | None = None,
                 source_file: str | None = None, sha256: str | None = None,
                 input_bytes: int | None = None, licence: str | None = None,
                 kind: str | None = None) -> Extraction:  # fmt: skip
    """Extract from already-loaded text (the file-level API wraps this)."""
    return extract_loaded(
        LoadedText(text, title_hint), _reference(sources_dir, reference),
        document_id=document_id, stem=Path(source_file or document_id).stem,
        source_file=source_file, input_bytes=input_bytes, licence=licence, kind=kind,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )  # fmt: skip


def extract_loaded(loaded: LoadedText, reference: Reference, *, document_id: str, stem: str,
                   source_file: str | None, sha256: str, input_bytes: int | None,
                   licence: str | None, kind: str | None) -> Extraction:  # fmt: skip
    cleaned = clean_text(loaded.text, loaded.title_hint)
    body = cleaned.text
    ident = identify(
        loaded.meta, title_hint=cleaned.title if loaded.title_hint else None,
        header_title=cleaned.title, stem=stem, text=body, document_id=document_id,
        slugify=slugify, kind=kind,
    )  # fmt: skip
    garbled = find_garbled_spans(body)
    _, sections = find_sections(body, document_id)
    text_tables = [  # a loader's table is read as a grid, never again as running text
        t for t in find_tables(body, sections)
        if not any(t.span.overlaps(g) for g in cleaned.tables)
    ]  # fmt: skip
    tables = text_tables + grid_tables(body, cleaned.tables, sections)
    hong_kong = is_hong_kong(ident, body)
    reader = FactReader(
        body, document_id, ident.edition, garbled, reference.gazetteer, reference.catalog,
        hk_document=hong_kong, noise=noise_spans(body),
        default_region=place_region(reference.gazetteer.by_code[HONG_KONG]) if hong_kong
        else NATIONAL,
        paragraph_topics=ident.kind != "market_report", title=ident.title,
    )  # fmt: skip
    skip = [t.span for t in tables] + list(cleaned.tables)
    facts = []
    for section in sections:
        facts.extend(reader.read_section(section, skip))
    facts.sort(key=lambda f: (f["char_start"], f["char_end"]))
    for fact in facts:
        fact["page"] = bisect.bisect_right(cleaned.page_starts, fact["char_start"]) + 1 if (
            cleaned.page_starts or loaded.format == "pdf") else None  # fmt: skip
    extraction = Extraction(
        manifest={},
        facts=facts,
        table_cells=table_cell_rows(document_id, tables),
        sections=section_rows(document_id, sections),
        sources=source_rows(reader.citations, facts),
    )
    extraction.manifest = manifest(
        extraction, ident, loaded=loaded, body=body, sha256=sha256, source_file=source_file,
        input_bytes=input_bytes, licence=licence, n_tables=len(tables), n_garbled=len(garbled),
    )  # fmt: skip
    extraction.manifest["document_id"] = document_id  # first key, so the row leads with it
    return extraction

"""The document's manifest (the single report_documents row before flattening), and whether
a text is a Hong Kong SAR one."""

from __future__ import annotations

import re

from dagster_project.reports.extraction.identity import Identity
from dagster_project.reports.extraction.loaders import LoadedText
from dagster_project.reports.extraction.model import Extraction

EXTRACTOR_VERSION = "2.0.0"
DEFAULT_LICENCE = "not declared"

_HK_GOVERNMENT = re.compile(
    r"港府|特区政府|财政司|政务司|施政报告|财政预算案|预算案|立法会|本港|全港|资科办|林郑|特首|"
    r"政府资讯科技总监|创新及科技局"
)


def is_hong_kong(ident: Identity, body: str) -> bool:
    """A Hong Kong SAR text (its unmarked 元 amounts are HK$, see `fact_rows.currency`): it
    speaks of Hong Kong's own government. Naming Hong Kong is not enough (the Greater Bay
    Area plan names it a hundred times and its amounts are RMB)."""
    return len(_HK_GOVERNMENT.findall(ident.title + body[:5000])) >= 2


def manifest(extraction: Extraction, ident: Identity, *, loaded: LoadedText, body: str,
              sha256: str, source_file: str | None, input_bytes: int | None,
              licence: str | None, n_tables: int, n_garbled: int) -> dict:  # fmt: skip
    facts = extraction.facts
    return {
        "document_id": None,
        "edition": ident.edition,
        "title": ident.title,
        "sha256": sha256,
        "source_file": source_file,
        "licence": licence or DEFAULT_LICENCE,
        "extractor_version": EXTRACTOR_VERSION,
        "input_bytes": input_bytes if input_bytes is not None else len(body.encode("utf-8")),
        "cleaned_chars": len(body),
        "publisher": ident.publisher,
        "published_date": ident.published_date,
        "kind": ident.kind,
        "series_id": ident.series_id,
        "title_source": ident.title_source,
        "source_format": loaded.format,
        "n_pages": int(loaded.meta["pages"]) if loaded.meta.get("pages") else None,
        "counts": {
            "facts": len(facts),
            "corrupted_facts": sum(f["quality_flag"] == "corrupted" for f in facts),
            "table_cells": len(extraction.table_cells),
            "tables": n_tables,
            "sections": len(extraction.sections),
            "sources": len(extraction.sources),
            "garbled_spans": n_garbled,
        },
    }

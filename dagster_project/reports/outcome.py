"""What becomes of one document version: published with its rows, rejected with a reason,
or removed. A version held back (it passed its own checks, but the warehouse's failed with
it: cli.isolation) is rejected with the reason of the hold.

Any failure to read the document (an exception out of the extraction library: its typed
error names the file and the reason, anything else is reported with its type) and any
broken rule of reports.checks rejects the document. A rejected document loads one row,
its raw.report_documents row with `status = 'rejected'` and `status_reason`, and nothing
else, so none of its figures reaches a mart and none of its rows reaches a check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from dagster_project.reports import checks
from dagster_project.reports.documents import ReportDocument
from dagster_project.reports.extraction import extract_document
from dagster_project.reports.extraction.output import MANIFEST, read_output
from dagster_project.reports.series import series_of
from dagster_project.settings import SOURCES_DIR

Tables = dict[str, list[dict[str, Any]]]
NOT_DECLARED = "not declared"
MAX_REASON = 600  # characters: a reason is one readable line, not a traceback


@dataclass(frozen=True)
class Outcome:
    """`tables` are the rows to load; `extracted` what the library found (for the summary,
    also of a rejected document)."""

    status: str  # "published" | "rejected" | "removed"
    reason: str | None = None
    tables: Tables = field(default_factory=dict)
    extracted: Tables = field(default_factory=dict)


def outcome_of(document: ReportDocument) -> Outcome:
    if document.origin == "removed" or document.path is None:
        return Outcome("removed")
    source_file = _source_file(document)
    base = {
        "document_id": document.document_id,
        "sha256": document.sha256,
        "source_file": source_file,
        "input_bytes": None if document.origin == "bundled" else document.path.stat().st_size,
    }
    if document.declaration_problem:
        return _rejected(document, base, [document.declaration_problem])
    too_large = None
    if document.origin != "bundled":
        too_large = checks.size_problem(document.path, base["input_bytes"])
    if too_large:
        return _rejected(document, base, [too_large])
    try:
        tables = _read(document)
    except Exception as exc:  # whatever the library raises, the document alone fails
        return _rejected(document, base, [], reason=_extraction_reason(source_file, exc))
    row = _document_row(document, tables["report_documents"][0])
    tables["report_documents"] = [row]
    problems = checks.document_problems(tables)
    if problems or document.held_reason:
        held = None if problems else document.held_reason
        return _rejected(document, row, problems, reason=held, extracted=tables)
    row.update(status="published", status_reason=None)
    return Outcome("published", None, tables, tables)


def _source_file(document: ReportDocument) -> str:
    if document.origin == "bundled":
        manifest = json.loads((document.path / MANIFEST).read_text(encoding="utf-8"))
        return str(manifest.get("source_file") or document.document_id)
    return document.path.name


def _read(document: ReportDocument) -> Tables:
    """The library's rows of the document (the committed output of a bundled one)."""
    if document.origin == "bundled":
        return read_output(document.path)
    return extract_document(
        document.path, document_id=document.document_id, sources_dir=SOURCES_DIR
    ).tables()


def _document_row(document: ReportDocument, row: dict[str, Any]) -> dict[str, Any]:
    """The library's document row with what the owner declared and where it came from."""
    declared = document.declared
    row = dict(row, document_id=document.document_id)
    # The licence is the owner's word: a bundled output carries the one of its
    # declaration; a dropped file has the one of its side-car, or none.
    stated = row.get("licence") if document.origin == "bundled" else None
    row["licence"] = declared.licence or stated or NOT_DECLARED
    row["publisher"] = declared.publisher or row.get("publisher")
    if declared.kind and declared.kind != row.get("kind"):
        row.update(kind=declared.kind, series_id=None)  # the series follows the kind
    row["series_id"] = series_of(row)
    row.update(origin=document.origin, data_version=document.data_version)
    return row


def _rejected(
    document: ReportDocument,
    row: dict[str, Any],
    problems: list[str],
    *,
    reason: str | None = None,
    extracted: Tables | None = None,
) -> Outcome:
    text = reason or checks.reason(row["source_file"], problems)
    if len(text) > MAX_REASON:
        text = text[: MAX_REASON - 1] + "…"
    rejected = dict(row, status="rejected", status_reason=text)
    rejected.update(origin=document.origin, data_version=document.data_version)
    rejected.setdefault("licence", document.declared.licence or NOT_DECLARED)
    rejected.setdefault("publisher", document.declared.publisher)
    rejected.setdefault("kind", document.declared.kind)
    if rejected["kind"] not in checks.DOCUMENT_KINDS:
        rejected["kind"] = None  # a kind outside the vocabulary is a reason, not a value
    return Outcome("rejected", text, {"report_documents": [rejected]}, extracted or {})


def _extraction_reason(source_file: str, exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if text.startswith(f"{source_file}:"):
        return text  # the library's typed error names the file and the reason itself
    return f"{source_file}: cannot extract: {type(exc).__name__}: {text}"

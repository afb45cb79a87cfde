"""What the owner of a document declares about it: licence, publisher and kind.

A bundled document declares them in `sources/reports/<document_id>/document.yml`; a file
dropped into the inbox (or given to `egov ingest-report`) in a side-car beside it,
`<file name>.yml` or `<stem>.yml` (`.yaml` too), for example for `post.md`:

    licence: CC BY 4.0
    publisher: 新浪财经
    kind: news

What is declared wins over what the extractor reads from the document. A side-car that
cannot be read is not a crash: its problem rejects the document, named in the reason.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from dagster_project.reports.checks import DOCUMENT_KINDS

SIDECAR_SUFFIXES = (".yml", ".yaml")
BUNDLED_DECLARATION = "document.yml"
KEYS = {"licence": "licence", "license": "licence", "publisher": "publisher", "kind": "kind"}


@dataclass(frozen=True)
class Declared:
    licence: str | None = None
    publisher: str | None = None
    kind: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)

    @classmethod
    def from_dict(cls, record: dict[str, Any] | None) -> Declared:
        record = record or {}
        return cls(**{k: record.get(k) for k in ("licence", "publisher", "kind")})


@dataclass(frozen=True)
class Declaration:
    """The declared fields, or the problem that kept them from being read."""

    declared: Declared
    file: Path | None = None
    problem: str | None = None


def sidecar_for(document: Path) -> Path | None:
    """`report.pdf.yml`, else `report.yml` (either suffix), beside the document."""
    for suffix in SIDECAR_SUFFIXES:
        for candidate in (document.with_name(document.name + suffix), document.with_suffix(suffix)):
            if candidate.is_file() and candidate != document:
                return candidate
    return None


def read_declaration(path: Path | None) -> Declaration:
    """The fields of a declaration file (an absent file declares nothing)."""
    if path is None or not path.is_file():
        return Declaration(Declared())
    try:
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problem = " ".join(str(exc).split())
        return Declaration(Declared(), path, f"{path.name} cannot be read: {problem}")
    fields, problem = _fields(record)
    if problem:
        return Declaration(Declared(), path, f"{path.name}: {problem}")
    return Declaration(Declared(**fields), path)


def _fields(record: object) -> tuple[dict[str, str], str | None]:
    """The declared fields of a parsed file, or what is wrong with them."""
    if record is None:
        return {}, None
    if not isinstance(record, dict):
        return {}, "not a mapping of fields (licence:, publisher:, kind:)"
    fields: dict[str, str] = {}
    for key, value in record.items():
        name = KEYS.get(str(key).lower())
        if name is None:
            continue  # other notes (provenance, comments) are the owner's business
        if not isinstance(value, str | int | float) or not str(value).strip():
            return {}, f"{key} must be a text value"
        fields[name] = str(value).strip()
    kind = fields.get("kind")
    if kind is not None and kind not in DOCUMENT_KINDS:
        return {}, f"kind {kind!r} is not one of {', '.join(DOCUMENT_KINDS)}"
    return fields, None


def declaration_beside(document: Path) -> Declaration:
    return read_declaration(sidecar_for(document))

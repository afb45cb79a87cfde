"""Where a report document comes from: the inbox, the landing store, or the bundled output.

A report is identified by the slug of its file name (`document_id`); its edition is read
from its title. A file dropped into the inbox or given to `egov ingest-report` is landed
once, by the document's asset (landing.documents), and becomes the current version. The
embedded default is the committed extraction output under `sources/reports/<document_id>/`
(the licensed document itself is not in the repository).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from dagster_project.core import changes
from dagster_project.core.files import sha256_file
from dagster_project.landing.documents import current_document, land_document, landed_document_ids
from dagster_project.reports.extraction.extract import slugify
from dagster_project.reports.extraction.loaders import supported_suffixes
from dagster_project.settings import SOURCES_DIR, Paths

BUNDLED_DIR = SOURCES_DIR / "reports"


@dataclass(frozen=True)
class ReportDocument:
    """One document version: a file to extract (landed or waiting in the inbox), or a bundled
    output folder to load."""

    document_id: str
    origin: str  # "landed" | "inbox" | "bundled"
    path: Path
    sha256: str

    @property
    def data_version(self) -> str:
        """Document bytes plus the code that reads them: either changing re-ingests."""
        bundled = self.path if self.origin == "bundled" else None
        return changes.document_version(self.sha256, bundled)


def supported(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in supported_suffixes()


def document_id_for(path: Path) -> str:
    return slugify(path.stem)


def inbox_files(home: Paths) -> list[Path]:
    inbox = home.reports_inbox
    return sorted(p for p in inbox.iterdir() if supported(p)) if inbox.exists() else []


def _waiting(home: Paths) -> dict[str, ReportDocument]:
    found = {}
    for path in inbox_files(home):
        document_id = document_id_for(path)
        found[document_id] = ReportDocument(document_id, "inbox", path, sha256_file(path))
    return found


def _landed(home: Paths) -> dict[str, ReportDocument]:
    found = {}
    for document_id in landed_document_ids(home):
        landed = current_document(document_id, home)
        if landed is not None:
            found[document_id] = ReportDocument(document_id, "landed", landed.file, landed.sha256)
    return found


def _bundled() -> dict[str, ReportDocument]:
    found = {}
    for manifest in sorted(BUNDLED_DIR.glob("*/manifest.json")):
        meta = json.loads(manifest.read_text(encoding="utf-8"))
        document_id = meta["document_id"]
        found[document_id] = ReportDocument(document_id, "bundled", manifest.parent, meta["sha256"])
    return found


def known_documents(home: Paths) -> dict[str, ReportDocument]:
    """Every document the warehouse knows: a file waiting in the inbox wins over the landed
    version, which wins over the bundled output."""
    return {**_bundled(), **_landed(home), **_waiting(home)}


def land_if_waiting(document: ReportDocument, home: Paths) -> ReportDocument:
    """The version to read: an inbox file is landed first (once), then read from landing."""
    if document.origin != "inbox":
        return document
    landed = land_document(document.path, document.document_id, home)
    return ReportDocument(document.document_id, "landed", landed.file, landed.sha256)


def land_given(path: Path, home: Paths) -> ReportDocument:
    """`egov ingest-report PATH`: land the file as the current version of its document."""
    document_id = document_id_for(path)
    landed = land_document(path, document_id, home)
    return ReportDocument(document_id, "landed", landed.file, landed.sha256)


def resolve(document_id: str, home: Paths) -> ReportDocument:
    documents = known_documents(home)
    if document_id not in documents:
        raise KeyError(f"no report document {document_id!r} in the inbox, landing or sources")
    return land_if_waiting(documents[document_id], home)

"""Where a report document comes from: the inbox, the landing store, or the bundled output.

A report is identified by the slug of its file name (`document_id`). A file dropped into
the inbox or given to `egov ingest-report` is landed once, by the document's asset
(landing.documents), and becomes the current version. The embedded default is the
committed extraction output under `sources/reports/<document_id>/` (the licensed document
itself is not in the repository). A document taken out with `egov reports remove` is known
as `removed` until its rows have left raw.report_*; the same bytes waiting in the inbox do
not bring it back (new bytes under the same name do: they are a new version).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from dagster_project.core import changes
from dagster_project.core.files import sha256_file
from dagster_project.landing.document_state import (
    current_document,
    held,
    landed_document_ids,
    removal,
)
from dagster_project.landing.documents import land_document
from dagster_project.reports.declared import (
    BUNDLED_DECLARATION,
    Declared,
    declaration_beside,
    read_declaration,
)
from dagster_project.reports.extraction.extract import slugify
from dagster_project.reports.extraction.loaders import supported_suffixes
from dagster_project.settings import PACKAGE_DIR, SOURCES_DIR, Paths

BUNDLED_DIR = SOURCES_DIR / "reports"
# Besides the extraction library, what decides a document's rows and status: the checks
# and the loader. A change in either re-checks every document.
WAREHOUSE_CODE = (PACKAGE_DIR / "reports" / "checks.py", PACKAGE_DIR / "reports" / "load.py")


@dataclass(frozen=True)
class ReportDocument:
    """One document version: a file to extract (landed or waiting in the inbox), a bundled
    output folder to load, or a removed document whose rows must go."""

    document_id: str
    origin: str  # "landed" | "inbox" | "bundled" | "removed"
    path: Path | None
    sha256: str | None
    declared: Declared = field(default_factory=Declared)
    declaration_problem: str | None = None
    held_reason: str | None = None  # why this version is held back (landing.document_state)

    @property
    def base_version(self) -> str:
        """Document bytes, the code that reads and checks them, and what is declared about
        them: any of these changing re-ingests (and lifts a hold on the old version)."""
        if self.origin == "removed":
            return f"removed-{(self.sha256 or 'unknown')[:16]}"
        bundled = self.path if self.origin == "bundled" else None
        extracted = changes.document_version(self.sha256 or "", bundled)
        declared = json.dumps([self.declared.as_dict(), self.declaration_problem], sort_keys=True)
        digest = hashlib.sha256(f"{_warehouse_code_digest()}{declared}".encode()).hexdigest()
        return f"{extracted}-{digest[:8]}"

    @property
    def data_version(self) -> str:
        """The version loaded into raw.report_*: a held version loads again, as rejected."""
        return f"{self.base_version}-held" if self.held_reason else self.base_version


@cache
def _warehouse_code_digest() -> str:
    return changes.tree_digest(WAREHOUSE_CODE)


def supported(path: Path) -> bool:
    """A visible file of a format the extraction library reads (its suffix); whether its
    bytes are readable is the library's to say, and a document it cannot read is rejected.
    Side-cars (`.yml`) are never documents."""
    return (
        path.is_file()
        and not path.name.startswith(".")
        and path.suffix.lower() in supported_suffixes()
    )


def document_id_for(path: Path) -> str:
    return slugify(path.stem)


def inbox_files(home: Paths) -> list[Path]:
    inbox = home.reports_inbox
    return sorted(p for p in inbox.iterdir() if supported(p)) if inbox.exists() else []


def _from_file(document_id: str, origin: str, path: Path, sha256: str) -> ReportDocument:
    declaration = declaration_beside(path)
    return ReportDocument(
        document_id, origin, path, sha256, declaration.declared, declaration.problem
    )


def _waiting(home: Paths) -> dict[str, ReportDocument]:
    found = {}
    for path in inbox_files(home):
        document_id = document_id_for(path)
        found[document_id] = _from_file(document_id, "inbox", path, sha256_file(path))
    return found


def _landed(home: Paths) -> dict[str, ReportDocument]:
    found = {}
    for document_id in landed_document_ids(home):
        landed = current_document(document_id, home)
        if landed is not None:
            found[document_id] = ReportDocument(
                document_id, "landed", landed.file, landed.sha256,
                Declared.from_dict(landed.declared.get("fields")),
                landed.declared.get("problem"),
            )  # fmt: skip
    return found


def _bundled() -> dict[str, ReportDocument]:
    found = {}
    for manifest in sorted(BUNDLED_DIR.glob("*/manifest.json")):
        meta = json.loads(manifest.read_text(encoding="utf-8"))
        document_id = meta["document_id"]
        declaration = read_declaration(manifest.parent / BUNDLED_DECLARATION)
        found[document_id] = ReportDocument(
            document_id, "bundled", manifest.parent, meta["sha256"],
            declaration.declared, declaration.problem,
        )  # fmt: skip
    return found


def _without_removed(found: dict[str, ReportDocument], home: Paths) -> dict[str, ReportDocument]:
    for document_id in landed_document_ids(home):
        removed = removal(document_id, home)
        if removed is None:
            continue
        document = found.get(document_id)
        if (
            document is not None
            and document.origin == "inbox"
            and (document.sha256 != removed.sha256)
        ):
            continue  # new bytes under the removed name: a new version, landed as usual
        found[document_id] = ReportDocument(document_id, "removed", None, removed.sha256)
    return found


def _with_holds(found: dict[str, ReportDocument], home: Paths) -> dict[str, ReportDocument]:
    for document_id in landed_document_ids(home):
        document, hold = found.get(document_id), held(document_id, home)
        if document is not None and hold and hold.get("data_version") == document.base_version:
            found[document_id] = replace(document, held_reason=str(hold.get("reason")))
    return found


def known_documents(home: Paths) -> dict[str, ReportDocument]:
    """Every document the warehouse knows: a file waiting in the inbox wins over the landed
    version, which wins over the bundled output; a removal wins over all of them. A version
    held back carries the reason."""
    found = {**_bundled(), **_landed(home), **_waiting(home)}
    return _with_holds(_without_removed(found, home), home)


def _declared_record(document: ReportDocument) -> dict:
    return {"fields": document.declared.as_dict(), "problem": document.declaration_problem}


def land_if_waiting(document: ReportDocument, home: Paths) -> ReportDocument:
    """The version to read: an inbox file is landed first (once), then read from landing."""
    if document.origin != "inbox" or document.path is None:
        return document
    landed = land_document(document.path, document.document_id, home, _declared_record(document))
    return replace(document, origin="landed", path=landed.file, sha256=landed.sha256)


def land_given(path: Path, home: Paths) -> ReportDocument:
    """`egov ingest-report PATH`: land the file (and its side-car's fields) as the current
    version of its document, back in the warehouse if it had been removed."""
    document_id = document_id_for(path)
    document = _from_file(document_id, "inbox", path, sha256_file(path))
    return land_if_waiting(document, home)


def resolve(document_id: str, home: Paths) -> ReportDocument:
    documents = known_documents(home)
    if document_id not in documents:
        raise KeyError(f"no report document {document_id!r} in the inbox, landing or sources")
    return land_if_waiting(documents[document_id], home)

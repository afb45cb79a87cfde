"""Report documents through the landing store: `landing/reports/<document_id>/<sha256>/`.

A document is landed the moment it is ingested (from the inbox or `egov ingest-report`) and
becomes the version the warehouse reads (its record: landing.document_state): extraction
never fails "the payload" the way a bad CSV does, it rejects the document (reports.checks),
so there is no last-good pointer to keep apart from the newest one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dagster_project.landing import sources
from dagster_project.landing.document_state import LandedDocument, record_current
from dagster_project.landing.store import put
from dagster_project.settings import Paths
from dagster_project.settings import paths as default_paths


def land_document(
    path: Path,
    document_id: str,
    paths: Paths | None = None,
    declared: dict[str, Any] | None = None,
) -> LandedDocument:
    """Store one report document (never overwriting) and make it the current version, with
    what its owner declared about it."""
    home = paths or default_paths()
    obtained = [sources.from_file(path)]
    blobs = {path.name: path}
    stored = put(
        home.landed_report_dir(document_id), blobs, f"reports/{document_id}",
        sources.describe("drop", obtained, blobs),
    )  # fmt: skip
    version = {
        "sha256": stored.sha256,
        "file": path.name,
        "landed_at": stored.fetched_at,
        "declared": declared or {},
    }
    record_current(document_id, version, home)
    return LandedDocument(
        document_id, stored.sha256, stored.directory / path.name, stored.fetched_at,
        declared or {},
    )  # fmt: skip

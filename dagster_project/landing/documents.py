"""Report documents through the landing store: `landing/reports/<document_id>/<sha256>/`.

A document is landed the moment it is ingested (from the inbox or `egov ingest-report`) and
becomes the version the warehouse reads: extraction never fails "the payload" the way a bad
CSV does, it rejects the document (reports.documents), so there is no last-good pointer to
keep apart from the newest one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dagster_project.core.files import read_json, write_json
from dagster_project.landing import sources
from dagster_project.landing.store import put, read_meta
from dagster_project.settings import Paths
from dagster_project.settings import paths as default_paths


@dataclass(frozen=True)
class LandedDocument:
    """One report document version in the landing store."""

    document_id: str
    sha256: str
    file: Path
    landed_at: str


def land_document(path: Path, document_id: str, paths: Paths | None = None) -> LandedDocument:
    """Store one report document (never overwriting) and make it the current version."""
    home = paths or default_paths()
    obtained = [sources.from_file(path)]
    blobs = {path.name: path}
    stored = put(
        home.landed_report_dir(document_id), blobs, f"reports/{document_id}",
        sources.describe("drop", obtained, blobs),
    )  # fmt: skip
    state_file = home.report_state(document_id)
    state = read_json(state_file)
    version = {"sha256": stored.sha256, "file": path.name, "landed_at": stored.fetched_at}
    state.update(current=version, last_landed=version)
    write_json(state_file, state)
    return LandedDocument(
        document_id, stored.sha256, stored.directory / path.name, stored.fetched_at
    )


def _rebuilt_state(home: Paths, document_id: str) -> dict:
    """The record of a document whose record is gone or was unreadable (read_json moved it
    aside): the newest version in the landing store becomes the current one again."""
    versions = []
    for meta_file in home.landed_report_dir(document_id).glob("*/meta.json"):
        meta = read_meta(meta_file.parent)
        if meta.get("files"):
            versions.append((str(meta.get("fetched_at", "")), meta_file.parent.name, meta))
    if not versions:
        return {}
    landed_at, sha256, meta = max(versions)
    version = {"sha256": sha256, "file": meta["files"][0], "landed_at": landed_at}
    state = {"current": version, "last_landed": version, "rebuilt_from": "landing"}
    write_json(home.report_state(document_id), state)
    return state


def current_document(document_id: str, paths: Paths | None = None) -> LandedDocument | None:
    """The current landed version of a document (None when absent or its bytes are gone)."""
    home = paths or default_paths()
    state = read_json(home.report_state(document_id)) or _rebuilt_state(home, document_id)
    # Records written before documents shared the store held the version at the top level.
    current = state.get("current") or state
    sha256 = current.get("sha256")
    if not sha256:
        return None
    folder = home.landed_report_dir(document_id) / sha256
    name = Path(current.get("file", "")).name
    landed = folder / name if name else None
    if landed is None or not landed.is_file():
        return None
    return LandedDocument(document_id, sha256, landed, current.get("landed_at", ""))


def landed_document_ids(paths: Paths | None = None) -> list[str]:
    """Every document with a record, or with versions in the landing store (a record that
    was lost is rebuilt from them by current_document)."""
    home = paths or default_paths()
    recorded = {p.stem for p in home.report_states_dir.glob("*.json")}
    landed_root = home.landing_dir / "reports"
    landed = {p.parent.parent.name for p in landed_root.glob("*/*/meta.json")}
    return sorted(recorded | landed)

"""The record of each report document: `state/reports/<document_id>.json`.

It holds the current version (sha256, file name, when it was landed, what its owner
declared in a side-car) or, once `egov reports remove` took the document out, `removed`
(which bytes, when, whether they were purged) and no current version, so neither the inbox
nor the landing store brings those bytes back, and the change digest of `egov refresh`
sees the removal. `held` marks a version the warehouse's checks failed with after it
passed the document's own checks (cli.isolation): it is loaded as rejected. Reading a
record costs no more than the JSON (`egov reports list`).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dagster_project.core.files import now_iso, read_json, write_json
from dagster_project.landing.store import read_meta
from dagster_project.settings import Paths
from dagster_project.settings import paths as default_paths


@dataclass(frozen=True)
class LandedDocument:
    """One report document version in the landing store."""

    document_id: str
    sha256: str
    file: Path
    landed_at: str
    declared: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Removal:
    """A document taken out of the warehouse by `egov reports remove`."""

    document_id: str
    sha256: str | None
    file: str | None
    at: str
    purged: bool


def record_current(document_id: str, version: dict[str, Any], paths: Paths | None = None) -> None:
    """Make `version` the current one (a document landed again after removal is back)."""
    home = paths or default_paths()
    state_file = home.report_state(document_id)
    state = read_json(state_file)
    state.update(current=version, last_landed=version)
    state.pop("removed", None)
    write_json(state_file, state)


def _rebuilt_state(home: Paths, document_id: str) -> dict[str, Any]:
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
    """The current landed version of a document (None when absent, removed, or its bytes
    are gone); a lost record is rebuilt from the landing store."""
    home = paths or default_paths()
    state = read_json(home.report_state(document_id)) or _rebuilt_state(home, document_id)
    if "removed" in state:
        return None
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
    return LandedDocument(
        document_id, sha256, landed, current.get("landed_at", ""), current.get("declared") or {}
    )


def landed_document_ids(paths: Paths | None = None) -> list[str]:
    """Every document with a record, or with versions in the landing store (a record that
    was lost is rebuilt from them by current_document)."""
    home = paths or default_paths()
    recorded = {p.stem for p in home.report_states_dir.glob("*.json")}
    landed = {p.parent.parent.name for p in (home.landing_dir / "reports").glob("*/*/meta.json")}
    return sorted(recorded | landed)


def removal(document_id: str, paths: Paths | None = None) -> Removal | None:
    home = paths or default_paths()
    removed = read_json(home.report_state(document_id)).get("removed")
    if not isinstance(removed, dict):
        return None
    return Removal(
        document_id, removed.get("sha256"), removed.get("file"), str(removed.get("at", "")),
        bool(removed.get("purged")),
    )  # fmt: skip


def record_removal(
    document_id: str, sha256: str | None, file: str | None, *, purge: bool,
    paths: Paths | None = None,
) -> Removal:  # fmt: skip
    """Take the document out: the record loses its current version (so the change digest
    of `egov refresh` sees the change) and says which bytes were removed; with `purge`, the
    landed bytes of every version go too."""
    home = paths or default_paths()
    state_file = home.report_state(document_id)
    state = read_json(state_file)
    state.pop("current", None)
    for legacy in ("sha256", "file", "landed_at"):
        state.pop(legacy, None)  # a version at the top level (older records) is current too
    if purge:
        shutil.rmtree(home.landed_report_dir(document_id), ignore_errors=True)
    state["removed"] = {"sha256": sha256, "file": file, "at": now_iso(), "purged": purge}
    write_json(state_file, state)
    return removal(document_id, home)


def held(document_id: str, paths: Paths | None = None) -> dict[str, Any] | None:
    """The hold on a document version the warehouse could not publish with the rest
    ({data_version, reason, at}), if any."""
    home = paths or default_paths()
    record = read_json(home.report_state(document_id)).get("held")
    return record if isinstance(record, dict) else None


def record_hold(
    document_id: str, data_version: str, reason: str, paths: Paths | None = None
) -> None:
    """Hold this version of the document back: it is loaded as rejected with `reason` until
    its bytes, its declaration or the code reading it change (or `egov ingest-report` asks
    for it again)."""
    home = paths or default_paths()
    state_file = home.report_state(document_id)
    state = read_json(state_file)
    state["held"] = {"data_version": data_version, "reason": reason, "at": now_iso()}
    write_json(state_file, state)


def release_hold(document_id: str, paths: Paths | None = None) -> bool:
    """Lift the hold (True if there was one)."""
    home = paths or default_paths()
    state_file = home.report_state(document_id)
    state = read_json(state_file)
    if "held" not in state:
        return False
    state.pop("held")
    write_json(state_file, state)
    return True

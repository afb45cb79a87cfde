"""Where a report document comes from: the inbox, the landing store, or the bundled output.

A report is identified by the slug of its file name (`document_id`); its edition is read
from its title. Dropped or ingested files are copied immutably to
`landing/reports/<document_id>/<sha256>/<file>`; the newest landed copy of a document is
recorded in `state/reports/<document_id>.json`. The embedded default is the committed
extraction output under `sources/reports/<document_id>/` (the licensed document itself is
not in the repository).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from dagster_project.settings import SOURCES_DIR, Paths

BUNDLED_DIR = SOURCES_DIR / "reports"
EXTRACTION_PACKAGE = Path(__file__).resolve().parent / "extraction"
CATALOG = SOURCES_DIR / "catalog" / "metrics.yml"


@dataclass(frozen=True)
class ReportDocument:
    """One document version: a file to extract, or a bundled output folder to load."""

    document_id: str
    origin: str  # "landed" | "bundled"
    path: Path
    sha256: str

    @property
    def data_version(self) -> str:
        """Document bytes plus the code that reads them: either changing re-ingests."""
        code = bundled_digest(self.path) if self.origin == "bundled" else extractor_digest()
        return f"{self.sha256[:16]}-{code[:12]}"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def extractor_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(EXTRACTION_PACKAGE.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(CATALOG.read_bytes())
    return digest.hexdigest()


def bundled_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def supported(path: Path) -> bool:
    from dagster_project.reports.extraction.loaders import supported_suffixes

    return path.is_file() and path.suffix.lower() in supported_suffixes()


def document_id_for(path: Path) -> str:
    from dagster_project.reports.extraction.extract import slugify

    return slugify(path.stem)


def _state_file(home: Paths, document_id: str) -> Path:
    return home.state_dir / "reports" / f"{document_id}.json"


def land_report(path: Path, home: Paths) -> ReportDocument:
    """Copy a document into the landing store (never overwriting) and make it current."""
    document_id = document_id_for(path)
    sha = sha256_of(path)
    target = home.landing_dir / "reports" / document_id / sha / path.name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(path, tmp)
        os.chmod(tmp, 0o444)
        os.replace(tmp, target)
    record = {"sha256": sha, "file": str(target), "landed_at": datetime.now(UTC).isoformat()}
    state = _state_file(home, document_id)
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps(record, indent=2), encoding="utf-8")
    return ReportDocument(document_id, "landed", target, sha)


def inbox_files(home: Paths) -> list[Path]:
    inbox = home.reports_inbox
    return sorted(p for p in inbox.iterdir() if supported(p)) if inbox.exists() else []


def _landed(home: Paths) -> dict[str, ReportDocument]:
    found = {}
    for state in sorted((home.state_dir / "reports").glob("*.json")):
        record = json.loads(state.read_text(encoding="utf-8"))
        found[state.stem] = ReportDocument(
            state.stem, "landed", Path(record["file"]), record["sha256"]
        )
    return found


def _bundled() -> dict[str, ReportDocument]:
    found = {}
    for manifest in sorted(BUNDLED_DIR.glob("*/manifest.json")):
        meta = json.loads(manifest.read_text(encoding="utf-8"))
        document_id = meta["document_id"]
        found[document_id] = ReportDocument(document_id, "bundled", manifest.parent, meta["sha256"])
    return found


def known_documents(home: Paths) -> dict[str, ReportDocument]:
    """Every document the warehouse knows; a landed version wins over the bundled output."""
    return {**_bundled(), **_landed(home)}


def resolve(document_id: str, home: Paths) -> ReportDocument:
    """The version to ingest: a file waiting in the inbox, else the landed, else bundled."""
    for path in inbox_files(home):
        if document_id_for(path) == document_id:
            return land_report(path, home)
    documents = known_documents(home)
    if document_id not in documents:
        raise KeyError(f"no report document {document_id!r} in the inbox, landing or sources")
    return documents[document_id]

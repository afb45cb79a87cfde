"""Landing: obtain a dataset's payload (snapshot | http | drop) and keep it, immutably.

`land(spec)` copies the bytes to `landing/<dataset>/<sha256>/` (see store.py) and says
whether they differ from what is loaded. `mark_current(spec, payload)` is called by the
loader only AFTER the payload parsed and loaded; it moves the "last good" pointer.

State, one small JSON file per dataset at `<EGOV_HOME>/state/landing/<dataset>.json`:
* `current`: the last good payload — sha256, when it was marked, and the HTTP validators
  (ETag / Last-Modified per URL) of the response that delivered it;
* `last_landed`: the latest payload landed, good or bad (for inspection only).

Why `changed` compares with `current` and not with `last_landed`: a bad payload is landed
(kept as evidence), fails to parse, and the pointer does not move. When the same bad bytes
arrive again they still differ from `current`, so `changed` is True, they are parsed again
and fail again — a broken source is never skipped as "unchanged". Likewise the conditional
GET sends only the validators of `current`: a 304 therefore means "the server still has
exactly the loaded payload", and nothing is re-parsed (`changed=False, not_modified=True`).

Modes: `snapshot` lands the shipped files of the declaration; `http` fetches `url` (or
`urls`) with the rules of http.py; `drop` lands the files a user put in
`<EGOV_HOME>/inbox/<drop.inbox>/` (matching `drop.pattern`, default all). The inbox is
never modified; an empty inbox with a loaded payload means "nothing new". `files=` lands
given files instead (a one-off load, recorded as mode `drop`). Without an explicit mode,
files waiting in the dataset's inbox win over its default mode.

Report documents land through the same store (documents.py), under
`landing/reports/<document_id>/<sha256>/`, with the same meta.json; their record
`state/reports/<document_id>.json` keeps `current` (the version the warehouse reads) and
`last_landed`, written the same atomic way.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from dagster_project.core.errors import InputError
from dagster_project.core.files import now_iso, read_json, write_json
from dagster_project.landing import sources
from dagster_project.landing.declarations import DatasetSpec
from dagster_project.landing.http import RetryPolicy
from dagster_project.landing.store import put, read_meta
from dagster_project.settings import Paths
from dagster_project.settings import paths as default_paths


@dataclass(frozen=True)
class LandedPayload:
    """One stored payload and what landing it means for the loader."""

    dataset: str
    sha256: str
    landed_dir: Path
    files: tuple[Path, ...]
    mode: str
    changed: bool
    not_modified: bool = False
    fetched_at: str = ""
    validators: dict[str, dict[str, str | None]] = field(default_factory=dict)


def resolve_mode(spec: DatasetSpec, home: Paths, requested: str | None = None) -> str:
    """An explicit mode wins; else files waiting in the dataset's inbox; else the default."""
    if requested:
        return requested
    if "drop" in spec.modes and sources.local_files(spec, "drop", home):
        return "drop"
    return spec.default_mode


def land(
    spec: DatasetSpec,
    mode: str | None = None,
    paths: Paths | None = None,
    *,
    files: list[Path] | None = None,
    retry: RetryPolicy | None = None,
) -> LandedPayload:
    """Obtain and store the payload; `changed` is False only when it equals the current one."""
    home = paths or default_paths()
    mode = "drop" if files and not mode else resolve_mode(spec, home, mode)
    state_file = home.landing_state(spec.name)
    state = read_json(state_file)
    current = _current_dir(home, spec.name, state)
    # HTTP bodies are streamed to files here (same file system as the store), never held;
    # one refresh lands at a time, so an older download folder is a killed run's leftover.
    for leftover in home.landed_dataset_dir(spec.name).glob(".download-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    scratch = home.landed_dataset_dir(spec.name) / f".download-{uuid.uuid4().hex}"
    try:
        obtained = _obtain(
            spec, mode, home, state=state, current=current, files=files, retry=retry,
            scratch=scratch,
        )  # fmt: skip
        if not obtained or all(item.data is None for item in obtained):
            if current is None:
                raise InputError(
                    f"nothing to land in mode {mode} (empty inbox?)", dataset=spec.name
                )
            return _unchanged(spec.name, home, state["current"], mode)
        # A file answered 304 among several URLs keeps the bytes of the current payload.
        blobs = {
            item.filename: current / item.filename if item.data is None else item.data
            for item in obtained
        }
        stored = put(
            home.landed_dataset_dir(spec.name), blobs, spec.name,
            sources.describe(mode, obtained, blobs),
        )  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    state["last_landed"] = {"sha256": stored.sha256, "fetched_at": stored.fetched_at, "mode": mode}
    write_json(state_file, state)
    changed = stored.sha256 != state.get("current", {}).get("sha256")
    validators = {item.origin: item.validators() for item in obtained if mode == "http"}
    return _payload(
        spec.name, home, stored.sha256, mode,
        changed=changed, validators=validators, fetched_at=stored.fetched_at,
    )  # fmt: skip


def mark_current(spec: DatasetSpec, payload: LandedPayload, paths: Paths | None = None) -> None:
    """Move the last-good pointer to `payload`; call only after a successful parse and load."""
    home = paths or default_paths()
    state_file = home.landing_state(spec.name)
    state = read_json(state_file)
    state["current"] = {
        "sha256": payload.sha256,
        "marked_at": now_iso(),
        "validators": payload.validators,
    }
    write_json(state_file, state)


def current_payload(spec: DatasetSpec, paths: Paths | None = None) -> LandedPayload | None:
    """The last good payload, or None when nothing was ever loaded (or it was deleted)."""
    home = paths or default_paths()
    state = read_json(home.landing_state(spec.name))
    if _current_dir(home, spec.name, state) is None:
        return None
    return _unchanged(spec.name, home, state["current"], "current", not_modified=False)


def _obtain(
    spec: DatasetSpec,
    mode: str,
    home: Paths,
    *,
    state: dict,
    current: Path | None,
    files: list[Path] | None,
    retry: RetryPolicy | None,
    scratch: Path,
) -> list[sources.Obtained]:
    if mode != "http":
        return [sources.from_file(path) for path in files or sources.local_files(spec, mode, home)]
    if files:
        raise ValueError("files= cannot be combined with mode 'http'")
    return sources.from_http(spec, state.get("current", {}), current, retry, scratch)


def _unchanged(
    dataset: str, home: Paths, current: dict, mode: str, *, not_modified: bool = True
) -> LandedPayload:
    """The current payload, reported as unchanged (a 304, an empty inbox, or a lookup)."""
    validators = current.get("validators", {})
    return _payload(
        dataset, home, current["sha256"], mode,
        changed=False, not_modified=not_modified, validators=validators,
    )  # fmt: skip


def _current_dir(home: Paths, dataset: str, state: dict) -> Path | None:
    sha256 = state.get("current", {}).get("sha256")
    landed = home.landed_dataset_dir(dataset) / sha256 if sha256 else None
    return landed if landed is not None and landed.is_dir() else None


def _payload(dataset: str, home: Paths, sha256: str, mode: str, **kwargs) -> LandedPayload:
    landed_dir = home.landed_dataset_dir(dataset) / sha256
    meta = read_meta(landed_dir)
    files = tuple(landed_dir / name for name in sorted(meta["files"]))
    kwargs.setdefault("fetched_at", meta["fetched_at"])
    return LandedPayload(dataset, sha256, landed_dir, files, mode, **kwargs)

"""The immutable, content-addressed store under `<EGOV_HOME>/landing`.

A payload file is a blob: its bytes (an HTTP body) or the path of a local file (a snapshot, a
file dropped into an inbox, a report document), which is hashed and copied in chunks, so a
dropped file of gigabytes never sits in memory.

Layout: `landing/<dataset>/<sha256>/<original file name>…` plus `meta.json` (report
documents: `landing/reports/<document_id>/<sha256>/…`). A payload of one file is addressed
by the sha256 of its bytes (what `sha256sum` prints); a payload of several files by the
sha256 of its manifest, the lines `<name>\\t<sha256 of the file>\\n` sorted by name. A
directory is written under a temporary name and renamed into place, so a reader never sees
half a payload, and an existing directory is never rewritten.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dagster_project.core.errors import InputError
from dagster_project.core.files import CORRUPT_MARK, now_iso, read_json, sha256_file, write_json

META = "meta.json"

Blob = bytes | Path


def sha256_blob(data: Blob) -> str:
    return hashlib.sha256(data).hexdigest() if isinstance(data, bytes) else sha256_file(data)


def blob_size(data: Blob) -> int:
    return len(data) if isinstance(data, bytes) else data.stat().st_size


def payload_digest(hashes: dict[str, str]) -> str:
    """The address of a payload, from the sha256 of each file (see module docstring)."""
    if len(hashes) == 1:
        return next(iter(hashes.values()))
    manifest = "".join(f"{name}\t{hashes[name]}\n" for name in sorted(hashes))
    return hashlib.sha256(manifest.encode()).hexdigest()


def check_names(names: list[str], dataset: str) -> None:
    """Plain, distinct file names only: they become paths inside the landing directory."""
    for name in names:
        if not name or Path(name).name != name or name.startswith(".") or name == META:
            raise InputError(f"unusable file name {name!r}", dataset=dataset, file=name)
    if len(set(names)) != len(names):
        raise InputError(f"duplicate file names in one payload: {sorted(names)}", dataset=dataset)


@dataclass(frozen=True)
class Stored:
    """A payload in the store: its address, directory and when it was (first) landed."""

    sha256: str
    directory: Path
    fetched_at: str


Describe = Callable[[dict[str, str]], dict[str, Any]]


def put(dataset_dir: Path, blobs: dict[str, Blob], label: str, describe: Describe) -> Stored:
    """Hash and store a payload (no-op when its address exists); `describe(hashes)` gives the
    fields of meta.json beyond the address, size, files and time."""
    check_names(list(blobs), label)
    hashes = {name: sha256_blob(data) for name, data in blobs.items()}
    sha256 = payload_digest(hashes)
    fetched_at = now_iso()
    meta = {
        "dataset": label,
        "sha256": sha256,
        "size": sum(blob_size(data) for data in blobs.values()),
        "fetched_at": fetched_at,
        "files": sorted(blobs),
        **describe(hashes),
    }
    directory = _write(dataset_dir, blobs, meta)
    return Stored(sha256, directory, fetched_at)


def _write(dataset_dir: Path, blobs: dict[str, Blob], meta: dict[str, Any]) -> Path:
    target = dataset_dir / meta["sha256"]
    if target.is_dir():
        return target
    dataset_dir.mkdir(parents=True, exist_ok=True)
    staging = dataset_dir / f".incoming-{uuid.uuid4().hex}"
    staging.mkdir()
    for name, data in blobs.items():
        if isinstance(data, bytes):
            (staging / name).write_bytes(data)
        else:
            shutil.copyfile(data, staging / name)
        (staging / name).chmod(0o444)  # landed bytes are evidence: read-only
    (staging / META).write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    try:
        staging.rename(target)
    except OSError:
        # Another process landed the same bytes first; theirs stays, ours goes.
        shutil.rmtree(staging, ignore_errors=True)
        if not target.is_dir():
            raise
    return target


def read_meta(landed_dir: Path) -> dict[str, Any]:
    """meta.json of a landed payload; a payload landed before meta.json existed gets one
    described from its files."""
    path = landed_dir / META
    existed = path.exists()
    meta = read_json(path)  # an unreadable meta.json is moved aside and named
    if meta:
        return meta
    files = sorted(p.name for p in landed_dir.iterdir() if p.is_file() and p.name != META)
    files = [name for name in files if CORRUPT_MARK not in name]
    meta = {"sha256": landed_dir.name, "files": files, "fetched_at": ""}
    if existed:  # it was damaged: describe the payload from its files from now on
        write_json(path, {**meta, "rebuilt_from": "files"})
    return meta

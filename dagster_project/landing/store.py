"""The immutable, content-addressed store under `<EGOV_HOME>/landing` and the small state files.

A payload file is a blob: its bytes (an HTTP body) or the path of a local file (a snapshot or
a file dropped into an inbox), which is hashed and copied in chunks, so a dropped file of
gigabytes never sits in memory.

Layout: `landing/<dataset>/<sha256>/<original file name>…` plus `meta.json`. A payload of
one file is addressed by the sha256 of its bytes (what `sha256sum` prints); a payload of
several files by the sha256 of its manifest, the lines `<name>\\t<sha256 of the file>\\n`
sorted by name. A directory is written under a temporary name and renamed into place, so
a reader never sees half a payload, and an existing directory is never rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

from dagster_project.core.errors import InputError

META = "meta.json"
CHUNK = 1 << 20

Blob = bytes | Path


def sha256_hex(data: Blob) -> str:
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    with data.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def blob_size(data: Blob) -> int:
    return len(data) if isinstance(data, bytes) else data.stat().st_size


def payload_digest(hashes: dict[str, str]) -> str:
    """The address of a payload, from the sha256 of each file (see module docstring)."""
    if len(hashes) == 1:
        return next(iter(hashes.values()))
    manifest = "".join(f"{name}\t{hashes[name]}\n" for name in sorted(hashes))
    return sha256_hex(manifest.encode())


def check_names(names: list[str], dataset: str) -> None:
    """Plain, distinct file names only: they become paths inside the landing directory."""
    for name in names:
        if not name or Path(name).name != name or name.startswith(".") or name == META:
            raise InputError(f"unusable file name {name!r}", dataset=dataset, file=name)
    if len(set(names)) != len(names):
        raise InputError(f"duplicate file names in one payload: {sorted(names)}", dataset=dataset)


def store(dataset_dir: Path, blobs: dict[str, Blob], meta: dict[str, Any]) -> tuple[Path, bool]:
    """Write the payload unless its address exists; returns (directory, newly written)."""
    target = dataset_dir / meta["sha256"]
    if target.is_dir():
        return target, False
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
        return target, False
    return target, True


def read_meta(landed_dir: Path) -> dict[str, Any]:
    return json.loads((landed_dir / META).read_text(encoding="utf-8"))


def read_state(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_state(path: Path, state: dict[str, Any]) -> None:
    """Replace the state file atomically (write a sibling, then rename over)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    tmp.write_text(json.dumps(state, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)

"""Where a payload's bytes come from, per landing mode, and the meta.json describing them.

Declaration keys read here:
* `modes.snapshot.path | paths`: shipped files under sources/;
* `modes.drop.inbox` (folder under <EGOV_HOME>/inbox) and optional `pattern` (glob);
* `modes.http.url` (+ optional `filename`) or `urls` (strings or `{url, filename}`), and
  optional `attempts`, `backoff_s`, `timeout_s`, `deadline_s`, `max_bytes` (see http.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from dagster_project.landing.declarations import DatasetSpec
from dagster_project.landing.http import Hop, RetryPolicy, fetch
from dagster_project.landing.store import Blob, Describe, blob_size
from dagster_project.settings import Paths


@dataclass(frozen=True)
class Obtained:
    """One file of a payload as obtained: its bytes, or the path of a local file (read when
    stored, in chunks); `data=None` means HTTP 304 (reuse the current)."""

    filename: str
    data: Blob | None
    origin: str
    etag: str | None = None
    last_modified: str | None = None
    hops: tuple[Hop, ...] = ()

    def validators(self) -> dict[str, str | None]:
        return {"etag": self.etag, "last_modified": self.last_modified}


def from_file(path: Path) -> Obtained:
    return Obtained(path.name, path, str(path))


def local_files(spec: DatasetSpec, mode: str, home: Paths) -> list[Path]:
    """The shipped snapshot files, or the regular non-hidden files of the drop inbox."""
    if mode == "snapshot":
        return spec.snapshot_paths
    if mode != "drop":
        raise ValueError(f"{spec.name}: unknown mode {mode!r}")
    drop = spec.modes.get("drop") or {}
    if "inbox" not in drop:
        raise ValueError(f"{spec.name}: no drop inbox declared")
    inbox = home.inbox_dir / drop["inbox"]
    pattern = drop.get("pattern", "*")
    found = inbox.glob(pattern) if inbox.is_dir() else []
    return sorted(p for p in found if p.is_file() and not p.name.startswith("."))


def http_targets(spec: DatasetSpec) -> list[tuple[str, str]]:
    """(url, file name) pairs; the name defaults to the last segment of the URL path."""
    http = spec.modes.get("http") or {}
    entries = http.get("urls") or [{"url": http["url"], "filename": http.get("filename")}]
    targets = []
    for entry in entries:
        url = entry if isinstance(entry, str) else entry["url"]
        name = None if isinstance(entry, str) else entry.get("filename")
        targets.append((url, name or unquote(Path(urlparse(url).path).name)))
    return targets


def _declared_policy(http: dict[str, Any]) -> RetryPolicy:
    """`attempts`, `backoff_s`, `timeout_s`, `deadline_s` and `max_bytes` of modes.http."""

    def number(key: str, kind: type) -> Any:
        return kind(http[key]) if http.get(key) is not None else None

    return RetryPolicy(
        attempts=int(http.get("attempts", 4)),
        backoff_s=float(http.get("backoff_s", 1.0)),
        timeout_s=number("timeout_s", float),
        deadline_s=number("deadline_s", float),
        max_bytes=number("max_bytes", int),
    )


def from_http(
    spec: DatasetSpec,
    current: dict,
    current_dir: Path | None,
    retry: RetryPolicy | None,
    scratch: Path,
) -> list[Obtained]:
    """Fetch every URL into `scratch` (the caller removes it once the payload is stored),
    conditionally when the current payload still holds its file."""
    policy = retry or _declared_policy(spec.modes.get("http") or {})
    known = current.get("validators", {})
    obtained = []
    for index, (url, filename) in enumerate(http_targets(spec)):
        validators = known.get(url, {})
        reusable = current_dir is not None and (current_dir / filename).is_file()
        fetched = fetch(
            url,
            into=scratch / f"{index}.body",
            etag=validators.get("etag") if reusable else None,
            last_modified=validators.get("last_modified") if reusable else None,
            policy=policy,
        )
        if fetched.status == 304:
            etag, modified = validators.get("etag"), validators.get("last_modified")
            obtained.append(Obtained(filename, None, url, etag, modified, fetched.hops))
        else:
            etag, modified = fetched.etag, fetched.last_modified
            obtained.append(Obtained(filename, fetched.path, url, etag, modified, fetched.hops))
    return obtained


def describe(mode: str, obtained: list[Obtained], blobs: dict[str, Blob]) -> Describe:
    """The meta.json fields of a payload beyond what the store writes: where it came from."""
    first = obtained[0]

    def fields(hashes: dict[str, str]) -> dict[str, Any]:
        return {
            "mode": mode,
            "url": first.origin if mode == "http" else None,
            "etag": first.etag,
            "last_modified": first.last_modified,
            "sources": [
                {
                    "filename": item.filename,
                    "origin": item.origin,
                    "sha256": hashes[item.filename],
                    "size": blob_size(blobs[item.filename]),
                    "etag": item.etag,
                    "last_modified": item.last_modified,
                    # Every response on the way (redirects included), as fetched.
                    **({"hops": [hop.as_record() for hop in item.hops]} if item.hops else {}),
                }
                for item in obtained
            ],
        }

    return fields

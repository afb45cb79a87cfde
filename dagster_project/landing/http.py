"""HTTP GET for the `http` landing mode: bounded in size and time, redirects kept at home.

* The body is streamed to a file (`into`) in chunks: memory stays at one chunk whatever the
  size. More than `max_bytes` (announced by Content-Length or counted while streaming)
  raises InputError and keeps nothing.
* `deadline_s` bounds the whole fetch: every attempt, redirect, backoff and chunk. Past it
  the fetch raises TransientError (the source may answer later). A single read waits at
  most the per-request `timeout_s`, so the deadline can be overrun by that much at worst.
* Redirects are followed by hand, only to the host of the requested URL and never from
  https to http; any other target raises InputError. Every hop (URL, status, Location) is
  returned, and the landing store records it in the payload's meta.json.
* 5xx, 429, connection errors and timeouts are retried with exponential backoff
  (`backoff_s`, then twice that, …); after the last attempt they raise TransientError,
  which the orchestrator may retry later.
* Any other 4xx raises InputError: the URL is wrong or gone, retrying will not help.
* A body shorter than its Content-Length raises InputError (a truncated payload is never
  landed as if it were complete).
* With `etag` / `last_modified` the request is conditional; a 304 comes back as
  `Fetched(status=304, path=None)`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from dagster_project.core.errors import InputError, TransientError
from dagster_project.settings import http_deadline_s, http_max_bytes, http_timeout_s

CHUNK = 1 << 16
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try, and the bounds of one fetch. None means the setting of the same name
    (settings.http_timeout_s, http_deadline_s, http_max_bytes)."""

    attempts: int = 4
    backoff_s: float = 1.0
    timeout_s: float | None = None
    deadline_s: float | None = None
    max_bytes: int | None = None


@dataclass(frozen=True)
class Hop:
    """One response on the way to the body: the URL asked, its status, where it pointed."""

    url: str
    status: int
    location: str | None = None

    def as_record(self) -> dict[str, str | int | None]:
        return {"url": self.url, "status": self.status, "location": self.location}


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    path: Path | None
    size: int
    etag: str | None
    last_modified: str | None
    hops: tuple[Hop, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class _Limits:
    timeout_s: float
    deadline: float  # time.monotonic() value
    max_bytes: int

    def remaining(self, url: str) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TransientError(f"GET {url}: total deadline exceeded")
        return left

    def timeout(self, url: str) -> float:
        return min(self.timeout_s, self.remaining(url))


def _limits(policy: RetryPolicy) -> _Limits:
    deadline_s = policy.deadline_s if policy.deadline_s is not None else http_deadline_s()
    return _Limits(
        timeout_s=policy.timeout_s if policy.timeout_s is not None else http_timeout_s(),
        deadline=time.monotonic() + deadline_s,
        max_bytes=policy.max_bytes if policy.max_bytes is not None else http_max_bytes(),
    )


def fetch(
    url: str,
    *,
    into: Path,
    etag: str | None = None,
    last_modified: str | None = None,
    policy: RetryPolicy | None = None,
) -> Fetched:
    """GET `url` into the file `into` (conditionally when validators are given), retrying
    transient failures within the policy's deadline."""
    policy = policy or RetryPolicy()
    limits = _limits(policy)
    headers = {"Accept-Encoding": "identity"}  # so Content-Length counts the bytes we keep
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    problem = "no attempt made"
    for attempt in range(1, policy.attempts + 1):
        try:
            return _attempt(url, headers, into, limits)
        except _Retryable as exc:
            problem = str(exc)
        if attempt < policy.attempts:
            pause = policy.backoff_s * 2 ** (attempt - 1)
            time.sleep(min(pause, limits.remaining(url)))
    raise TransientError(f"GET {url} failed after {policy.attempts} attempts: {problem}")


class _Retryable(Exception):
    """A failure of one attempt that the next attempt may not meet."""


def _attempt(url: str, headers: dict[str, str], into: Path, limits: _Limits) -> Fetched:
    hops: list[Hop] = []
    target = url
    for _ in range(MAX_REDIRECTS + 1):
        try:
            response = requests.get(
                target,
                headers=headers,
                timeout=limits.timeout(url),
                allow_redirects=False,
                stream=True,
            )
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise _Retryable(f"{type(exc).__name__}: {exc}") from exc
        with response:
            location = response.headers.get("Location")
            is_redirect = response.status_code in REDIRECTS and location
            hops.append(Hop(target, response.status_code, location if is_redirect else None))
            if is_redirect:
                target = _redirect_target(url, target, location)
                continue
            if response.status_code >= 500 or response.status_code == 429:
                raise _Retryable(f"HTTP {response.status_code}")
            return _accept(url, response, into, limits, tuple(hops))
    raise InputError(f"more than {MAX_REDIRECTS} redirects", file=url)


def _redirect_target(declared: str, current: str, location: str) -> str:
    """The next URL, if it stays on the declared host (and does not drop TLS)."""
    nxt = urljoin(current, location)
    home, there = urlsplit(declared), urlsplit(nxt)
    if there.hostname != home.hostname or (home.scheme == "https" and there.scheme != "https"):
        raise InputError(
            f"redirect to {nxt} leaves the declared host {home.hostname} ({home.scheme})",
            file=declared,
        )
    return nxt


def _accept(
    url: str, response: requests.Response, into: Path, limits: _Limits, hops: tuple[Hop, ...]
) -> Fetched:
    """A final (non-retryable) response → Fetched, or InputError for 4xx, oversized and
    short bodies."""
    if response.status_code >= 400:
        raise InputError(f"HTTP {response.status_code} {response.reason}", file=url)
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    final = hops[-1].url
    if response.status_code == 304:
        return Fetched(final, 304, None, 0, etag, last_modified, hops)
    declared = response.headers.get("Content-Length")
    if declared is not None and int(declared) > limits.max_bytes:
        raise InputError(
            f"body of {declared} bytes exceeds the limit of {limits.max_bytes} bytes "
            "(max_bytes in the declaration, or EGOV_HTTP_MAX_BYTES)",
            file=url,
        )
    size = _stream(url, response, into, limits)
    encoded = "Content-Encoding" in response.headers  # then Content-Length counts the encoding
    if declared is not None and not encoded and int(declared) != size:
        into.unlink(missing_ok=True)
        raise InputError(
            f"truncated body: {size} bytes received, Content-Length {declared}", file=url
        )
    return Fetched(final, response.status_code, into, size, etag, last_modified, hops)


def _stream(url: str, response: requests.Response, into: Path, limits: _Limits) -> int:
    """Write the body to `into` chunk by chunk; the file is removed if the body is refused."""
    size = 0
    into.parent.mkdir(parents=True, exist_ok=True)
    try:
        with into.open("wb") as handle:
            # read1 returns whatever has arrived (a fixed-size read would wait for the whole
            # chunk), so the deadline is checked while a slow server drips its body.
            while chunk := response.raw.read1(CHUNK, decode_content=True):
                size += len(chunk)
                if size > limits.max_bytes:
                    raise InputError(
                        f"body exceeds the limit of {limits.max_bytes} bytes "
                        "(max_bytes in the declaration, or EGOV_HTTP_MAX_BYTES)",
                        file=url,
                    )
                handle.write(chunk)
                limits.remaining(url)
    except (urllib3.exceptions.ProtocolError, urllib3.exceptions.IncompleteRead) as exc:
        into.unlink(missing_ok=True)
        raise InputError(f"truncated body: {exc}", file=url) from exc
    # Network trouble only: a full disk (OSError ENOSPC) must surface as itself.
    except (urllib3.exceptions.TimeoutError, ConnectionError, TimeoutError) as exc:
        into.unlink(missing_ok=True)
        raise _Retryable(f"{type(exc).__name__}: {exc}") from exc
    except BaseException:
        into.unlink(missing_ok=True)
        raise
    return size

"""HTTP GET for the `http` landing mode: timeout, retries with backoff, conditional requests.

* 5xx, 429, connection errors and timeouts are retried with exponential backoff
  (`backoff_s`, then twice that, …); after the last attempt they raise TransientError,
  which the orchestrator may retry later.
* Any other 4xx raises InputError: the URL is wrong or gone, retrying will not help.
* A body shorter than its Content-Length raises InputError (a truncated payload is never
  landed as if it were complete).
* With `etag` / `last_modified` the request is conditional; a 304 comes back as
  `Fetched(status=304, body=b"")`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import requests

from dagster_project.core.errors import InputError, TransientError
from dagster_project.settings import http_timeout_s


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. `timeout_s=None` means settings.http_timeout_s() (EGOV_HTTP_TIMEOUT_S)."""

    attempts: int = 4
    backoff_s: float = 1.0
    timeout_s: float | None = None


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    policy: RetryPolicy | None = None,
) -> Fetched:
    """GET `url` (conditionally when validators are given), retrying transient failures."""
    policy = policy or RetryPolicy()
    timeout = policy.timeout_s if policy.timeout_s is not None else http_timeout_s()
    headers = {"Accept-Encoding": "identity"}  # so Content-Length counts the bytes we keep
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    problem = "no attempt made"
    for attempt in range(1, policy.attempts + 1):
        try:
            response = requests.get(url, headers=headers, timeout=timeout)
        except requests.exceptions.ChunkedEncodingError as exc:
            raise InputError(f"truncated body: {exc}", file=url) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            problem = f"{type(exc).__name__}: {exc}"
        else:
            if response.status_code < 500 and response.status_code != 429:
                return _accept(url, response)
            problem = f"HTTP {response.status_code}"
        if attempt < policy.attempts:
            time.sleep(policy.backoff_s * 2 ** (attempt - 1))
    raise TransientError(f"GET {url} failed after {policy.attempts} attempts: {problem}")


def _accept(url: str, response: requests.Response) -> Fetched:
    """A final (non-retryable) response → Fetched, or InputError for 4xx and short bodies."""
    if response.status_code >= 400:
        raise InputError(f"HTTP {response.status_code} {response.reason}", file=url)
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    if response.status_code == 304:
        return Fetched(url, 304, b"", etag, last_modified)
    body = response.content
    declared = response.headers.get("Content-Length")
    encoded = "Content-Encoding" in response.headers  # then Content-Length counts the encoding
    if declared is not None and not encoded and int(declared) != len(body):
        raise InputError(
            f"truncated body: {len(body)} bytes received, Content-Length {declared}", file=url
        )
    return Fetched(url, response.status_code, body, etag, last_modified)

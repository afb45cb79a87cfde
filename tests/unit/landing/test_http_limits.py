"""HTTP landing within bounds, against a real local server: size cap, total deadline,
redirects only on the declared host, every hop in meta.json."""

from __future__ import annotations

import dataclasses
import json
import time
import tracemalloc
from collections.abc import Iterator

import pytest
from werkzeug import Request, Response

from dagster_project.core.errors import InputError, TransientError
from dagster_project.landing.declarations import DatasetSpec, all_specs
from dagster_project.landing.http import RetryPolicy
from dagster_project.landing.land import land

GDP_NAME = "nbs_fsnd_gdp_2006_2024_GBK.csv"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("EGOV_HOME", str(tmp_path))
    return tmp_path


def _spec(url: str) -> DatasetSpec:
    base = all_specs()["nbs__gdp"]
    http = {"url": url, "filename": GDP_NAME}
    return dataclasses.replace(base, modes={**base.modes, "http": http}, default_mode="http")


def _policy(**limits) -> RetryPolicy:
    return RetryPolicy(attempts=2, backoff_s=0.01, timeout_s=2.0, **limits)


def _chunks(size: int, chunk: int = 1 << 16) -> Iterator[bytes]:
    sent = 0
    while sent < size:
        part = min(chunk, size - sent)
        sent += part
        yield b"x" * part


def _landed_dirs(home) -> list:
    folder = home / "landing" / "nbs__gdp"
    return [p for p in folder.iterdir()] if folder.exists() else []


def test_declared_length_over_the_cap_is_refused_before_reading(httpserver, home):
    httpserver.expect_request("/big.csv").respond_with_data(b"y" * 5000)
    spec = _spec(httpserver.url_for("/big.csv"))
    with pytest.raises(InputError, match="5000 bytes exceeds the limit of 4096") as caught:
        land(spec, retry=_policy(max_bytes=4096))
    assert caught.value.file == spec.modes["http"]["url"]
    assert _landed_dirs(home) == []


def test_streamed_body_over_the_cap_is_cut_off_and_nothing_is_kept(httpserver, home):
    def endless(request: Request) -> Response:
        return Response(_chunks(50 << 20))  # no Content-Length: chunked transfer

    httpserver.expect_request("/stream.csv").respond_with_handler(endless)
    spec = _spec(httpserver.url_for("/stream.csv"))
    with pytest.raises(InputError, match="exceeds the limit of 1048576 bytes"):
        land(spec, retry=_policy(max_bytes=1 << 20))
    assert _landed_dirs(home) == []


def test_a_large_body_is_streamed_to_disk_not_held_in_memory(httpserver, home):
    size = 64 << 20

    def large(request: Request) -> Response:
        return Response(_chunks(size), headers={"Content-Length": str(size)})

    httpserver.expect_request("/large.csv").respond_with_handler(large)
    tracemalloc.start()
    try:
        payload = land(_spec(httpserver.url_for("/large.csv")), retry=_policy())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert payload.files[0].stat().st_size == size
    # Holding the body would cost at least its size; the server thread allocates too.
    assert peak < size // 4, f"peak Python allocation {peak} bytes for a {size}-byte body"
    assert not list((home / "landing" / "nbs__gdp").glob(".download-*"))


def test_total_deadline_stops_a_server_that_never_finishes(httpserver):
    def drip(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(600):
                time.sleep(0.05)
                yield b"a,b\n"

        return Response(body())

    httpserver.expect_request("/slow.csv").respond_with_handler(drip)
    started = time.monotonic()
    with pytest.raises(TransientError, match="total deadline exceeded"):
        land(_spec(httpserver.url_for("/slow.csv")), retry=_policy(deadline_s=1.0))
    assert time.monotonic() - started < 4


def test_redirect_on_the_declared_host_is_followed_and_every_hop_recorded(httpserver):
    body = all_specs()["nbs__gdp"].snapshot_paths[0].read_bytes()
    httpserver.expect_request("/old.csv").respond_with_data(
        "", status=301, headers={"Location": "/moved.csv"}
    )
    httpserver.expect_request("/moved.csv").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/final.csv")}
    )
    httpserver.expect_request("/final.csv").respond_with_data(body)
    spec = _spec(httpserver.url_for("/old.csv"))
    payload = land(spec, retry=_policy())
    assert payload.files[0].read_bytes() == body
    meta = json.loads((payload.landed_dir / "meta.json").read_text(encoding="utf-8"))
    hops = meta["sources"][0]["hops"]
    assert [(h["url"], h["status"]) for h in hops] == [
        (httpserver.url_for("/old.csv"), 301),
        (httpserver.url_for("/moved.csv"), 302),
        (httpserver.url_for("/final.csv"), 200),
    ]
    assert hops[0]["location"] == "/moved.csv" and hops[2]["location"] is None
    assert meta["url"] == spec.modes["http"]["url"]


def test_redirect_to_another_host_is_refused(httpserver, home):
    elsewhere = httpserver.url_for("/final.csv").replace("localhost", "127.0.0.1")
    httpserver.expect_request("/old.csv").respond_with_data(
        "", status=302, headers={"Location": elsewhere}
    )
    spec = _spec(httpserver.url_for("/old.csv"))
    assert "localhost" in spec.modes["http"]["url"]
    with pytest.raises(InputError, match="leaves the declared host localhost") as caught:
        land(spec, retry=_policy())
    assert elsewhere in str(caught.value)
    assert len(httpserver.log) == 1  # the other host was never asked
    assert _landed_dirs(home) == []


def test_redirect_loop_is_refused(httpserver):
    httpserver.expect_request("/loop.csv").respond_with_data(
        "", status=302, headers={"Location": "/loop.csv"}
    )
    with pytest.raises(InputError, match="more than 5 redirects"):
        land(_spec(httpserver.url_for("/loop.csv")), retry=_policy())


def test_declaration_sets_the_limits(httpserver):
    httpserver.expect_request("/big.csv").respond_with_data(b"y" * 5000)
    spec = _spec(httpserver.url_for("/big.csv"))
    http = {**spec.modes["http"], "max_bytes": 100, "attempts": 1}
    spec = dataclasses.replace(spec, modes={**spec.modes, "http": http})
    with pytest.raises(InputError, match="exceeds the limit of 100 bytes"):
        land(spec)

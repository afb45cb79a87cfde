"""HTTP landing against a real local server (pytest-httpserver) serving the snapshot files."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest
from werkzeug import Request, Response

from dagster_project.core.errors import InputError, TransientError
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import DatasetSpec, all_specs
from dagster_project.landing.http import RetryPolicy
from dagster_project.landing.land import land, mark_current

FAST = RetryPolicy(attempts=3, backoff_s=0.01, timeout_s=2.0)
GDP_NAME = "nbs_fsnd_gdp_2006_2024_GBK.csv"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("EGOV_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def spec(httpserver) -> DatasetSpec:
    base = all_specs()["nbs__gdp"]
    http = {"url": httpserver.url_for("/gdp.csv"), "filename": GDP_NAME}
    return dataclasses.replace(base, modes={**base.modes, "http": http}, default_mode="http")


@pytest.fixture
def gdp_bytes() -> bytes:
    return all_specs()["nbs__gdp"].snapshot_paths[0].read_bytes()


def serve(httpserver, body: bytes, status: int = 200, etag: str = '"v1"', **expect):
    headers = {"ETag": etag, "Last-Modified": "Sat, 01 Nov 2026 00:00:00 GMT"}
    handler = httpserver.expect_ordered_request("/gdp.csv", **expect)
    handler.respond_with_data(body, status=status, headers=headers, content_type="text/csv")


def test_200_lands_parses_and_records_validators(httpserver, spec, gdp_bytes):
    serve(httpserver, gdp_bytes)
    payload = land(spec, retry=FAST)
    assert payload.changed and payload.mode == "http"
    assert payload.files[0].read_bytes() == gdp_bytes
    assert payload.validators[spec.modes["http"]["url"]]["etag"] == '"v1"'
    assert len(parse_dataset(spec, payload.files)) == 31 * 19
    httpserver.check_assertions()


def test_304_means_unchanged_and_nothing_to_parse(httpserver, spec, gdp_bytes):
    serve(httpserver, gdp_bytes)
    serve(httpserver, b"", status=304, headers={"If-None-Match": '"v1"'})
    first = land(spec, retry=FAST)
    mark_current(spec, first)
    second = land(spec, retry=FAST)
    assert (second.changed, second.not_modified, second.sha256) == (False, True, first.sha256)
    assert second.files == first.files
    httpserver.check_assertions()


def test_bad_payload_is_refetched_with_the_good_validators(httpserver, spec, gdp_bytes):
    bad = gdp_bytes.replace("地区".encode("gbk"), "省份".encode("gbk"))
    serve(httpserver, gdp_bytes)
    serve(httpserver, bad, etag='"v2"', headers={"If-None-Match": '"v1"'})
    serve(httpserver, bad, etag='"v2"', headers={"If-None-Match": '"v1"'})
    mark_current(spec, land(spec, retry=FAST))
    for _ in range(2):  # the same bad bytes fail every time, never "unchanged"
        payload = land(spec, retry=FAST)
        assert payload.changed
        with pytest.raises(InputError) as caught:
            parse_dataset(spec, payload.files)
        assert caught.value.column == "地区"
    httpserver.check_assertions()


def test_500_then_200_is_retried(httpserver, spec, gdp_bytes):
    serve(httpserver, b"busy", status=503)
    serve(httpserver, gdp_bytes)
    assert land(spec, retry=FAST).files[0].read_bytes() == gdp_bytes
    httpserver.check_assertions()


def test_persistent_500_is_transient(httpserver, spec):
    httpserver.expect_request("/gdp.csv").respond_with_data("down", status=500)
    with pytest.raises(TransientError, match="after 3 attempts: HTTP 500"):
        land(spec, retry=FAST)
    assert len(httpserver.log) == 3


def test_timeout_is_transient(httpserver, spec, gdp_bytes, monkeypatch):
    monkeypatch.setenv("EGOV_HTTP_TIMEOUT_S", "0.2")
    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(timeout=2)
        return Response(gdp_bytes)

    httpserver.expect_request("/gdp.csv").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(TransientError, match="Timeout"):
        land(spec, retry=RetryPolicy(attempts=2, backoff_s=0.01))
    assert time.monotonic() - started < 2
    release.set()  # let the server answer the abandoned requests before the next test
    while len(httpserver.log) < 2 and time.monotonic() - started < 5:
        time.sleep(0.02)


def test_404_is_an_input_error(httpserver, spec):
    httpserver.expect_request("/gdp.csv").respond_with_data("gone", status=404)
    with pytest.raises(InputError, match="HTTP 404") as caught:
        land(spec, retry=FAST)
    assert caught.value.file == spec.modes["http"]["url"]
    assert len(httpserver.log) == 1  # not retried


def test_truncated_body_is_an_input_error(httpserver, spec, gdp_bytes):
    def cut_short(request: Request) -> Response:
        # A streamed body has no length of its own, so the declared one is sent as is.
        body = iter([gdp_bytes[:1000]])
        return Response(body, headers={"Content-Length": str(len(gdp_bytes))})

    httpserver.expect_request("/gdp.csv").respond_with_handler(cut_short)
    with pytest.raises(InputError, match="truncated body"):
        land(spec, retry=FAST)


def test_wrong_encoding_lands_but_does_not_load(httpserver, spec, gdp_bytes):
    serve(httpserver, gdp_bytes.decode("gbk").encode("utf-8"))
    payload = land(spec, retry=FAST)
    with pytest.raises(InputError) as caught:
        parse_dataset(spec, payload.files)
    assert caught.value.file == GDP_NAME and caught.value.row is not None


def test_schema_drift_over_http(httpserver, spec, gdp_bytes):
    serve(httpserver, gdp_bytes.replace(",2023年,".encode("gbk"), ",2023年度,".encode("gbk")))
    payload = land(spec, retry=FAST)
    with pytest.raises(InputError) as caught:
        parse_dataset(spec, payload.files)
    assert caught.value.column in ("2023年", "2023年度")


def test_multi_url_dataset(httpserver):
    base = all_specs()["un_egdi__egdi"]
    urls = []
    for path in base.snapshot_paths:
        httpserver.expect_request(f"/{path.name}").respond_with_data(path.read_bytes())
        urls.append(httpserver.url_for(f"/{path.name}"))
    spec = dataclasses.replace(base, modes={**base.modes, "http": {"urls": urls}})
    payload = land(spec, mode="http", retry=FAST)
    assert [f.name for f in payload.files] == [p.name for p in base.snapshot_paths]
    assert len(parse_dataset(spec, payload.files)) == 5 * 193

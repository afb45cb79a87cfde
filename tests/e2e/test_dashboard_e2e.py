"""The dashboard of the session's real refresh, opened in Debian's Chromium with no network.

Every page is loaded from file:// in headless Chromium (driven by Playwright, started with the
flags below and a new empty profile, offline, every non-file request aborted): its charts
must draw SVG marks, the console must stay free of errors, no request may fail or leave the
machine, and a 1440×900 screenshot is saved (printed paths; look at them). The interactions
are checked against the published file: a point's citation on hover, the currency toggle,
the year selector's ranking, the figures search. `egov dashboard` serves the same bytes on
127.0.0.1, and a refresh that fails a blocking check leaves the site byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import struct
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from dagster_project.core.files import sha256_file
from tests.support import EGOV, Refreshed, egov

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = ["index", "regional", "segments", "facts", "quality"]
SNAPSHOTS = Path(__file__).resolve().parents[2] / "sources" / "snapshots"
ALL_RENDERED = "() => [...document.querySelectorAll('.chart')].every(c => c.dataset.rendered)"
MARKS = """() => [...document.querySelectorAll('.chart')].map(chart => ({
    rendered: chart.dataset.rendered,
    svg: chart.querySelectorAll('svg').length,
    marks: chart.querySelectorAll('svg g.role-mark > path, svg g.role-mark > line').length,
}))"""
# Top to bottom as drawn: Vega reuses label elements on redraw, so DOM order is not drawn order.
AXIS_LABELS = """() => [...document.querySelectorAll('.chart svg g.role-axis-label text')]
    .map(t => [t.getBoundingClientRect().top, t.getBoundingClientRect().left, t.textContent])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(t => t[2])"""


def _query(home: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _site_digest(home: Path) -> tuple[str, dict[str, str]]:
    link = home / "dashboard"
    files = {
        str(p.relative_to(link.resolve())): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(link.resolve().rglob("*"))
        if p.is_file()
    }
    return os.readlink(link), files


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


@pytest.fixture(scope="module")
def site(refreshed_template: Refreshed) -> Path:
    return refreshed_template.home / "dashboard"


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    assert CHROMIUM.exists(), "the browser test needs Debian's chromium: apt-get install chromium"
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1440, "height": 900},
            offline=True,
        )
        browser.route("http*://**/*", lambda route: route.abort())
        yield browser
        browser.close()


class Visit:
    """One page in the browser, with everything it logged and requested."""

    def __init__(self, context: BrowserContext, url: str) -> None:
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []
        self.page: Page = context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(url)
        self.page.wait_for_function(ALL_RENDERED, timeout=60_000)

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.failed == [], self.failed
        assert all(url.startswith("file://") for url in self.requests), self.requests


@pytest.fixture
def visit(context: BrowserContext, site: Path) -> Iterator:
    opened: list[Visit] = []

    def open_page(name: str) -> Visit:
        opened.append(Visit(context, (site / f"{name}.html").as_uri()))
        return opened[-1]

    yield open_page
    for page in opened:
        page.page.close()


def test_the_refresh_built_the_dashboard_from_the_file_it_published(refreshed_template):
    home = refreshed_template.home
    record = json.loads((home / "dashboard" / "build.json").read_text(encoding="utf-8"))
    assert record["published_sha256"] == sha256_file(home / "egov.duckdb")
    (run_id,) = _query(home, "select run_id from audit.publish_log order by published_at desc")[0]
    assert record["run_id"] == run_id
    instance = dg.DagsterInstance.from_config(str(home / "dagster"))
    try:
        event = instance.get_latest_materialization_event(dg.AssetKey(["publish", "dashboard"]))
    finally:
        instance.dispose()
    assert event is not None and event.run_id == run_id


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_offline_with_charts_and_no_errors(visit, name, tmp_path_factory):
    shown = visit(name)
    charts = shown.page.evaluate(MARKS)
    assert charts, "no chart on the page"
    for chart in charts:
        assert chart["rendered"] == "true" and chart["svg"] >= 1 and chart["marks"] > 0, chart
    shown.clean()
    assert shown.page.evaluate(
        "() => document.fonts.check('16px \"Noto Sans CJK SC\"', '智慧政务')"
    )
    shot = tmp_path_factory.getbasetemp() / "dashboard-screenshots" / f"{name}.png"
    shot.parent.mkdir(exist_ok=True)
    shown.page.screenshot(path=str(shot))
    assert _png_size(shot) == (1440, 900)
    print(f"screenshot: {shot}")


def test_a_point_shows_its_citation_and_the_currency_toggle_redraws(visit, refreshed_template):
    title, source = _query(
        refreshed_template.home,
        "select d.title, s.cited_source from marts.spend_by_year s, marts.dim_report_document d "
        "where s.series_id = 'smartgov_it_spend' and s.scenario = 'actual' and d.is_latest_edition "
        "order by s.year limit 1",
    )[0]
    shown = visit("index")
    first_point = shown.page.locator(".chart svg g.mark-symbol.role-mark path").first
    first_point.hover(force=True)
    tooltip = shown.page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible")
    assert title in tooltip.inner_text() and source in tooltip.inner_text()
    before = shown.page.evaluate(AXIS_LABELS)
    shown.page.check("input[type=radio][value=USD]")
    shown.page.wait_for_function(
        f"() => JSON.stringify(({AXIS_LABELS})()) !== {json.dumps(json.dumps(before))}"
    )
    shown.clean()


def test_the_year_selector_ranks_the_provinces_of_that_year(visit, refreshed_template):
    years = [y for (y,) in _query(refreshed_template.home, "select distinct year from "
             "marts.regional_maturity_index order by year")]  # fmt: skip
    shown = visit("regional")
    shown.page.select_option("select[name=year]", str(years[0]))
    expected = [
        f"{zh} · {en}"
        for zh, en in _query(
            refreshed_template.home,
            "select region_name_zh, region_name_en from marts.regional_maturity_index "
            f"where region_level = 'province' and year = {years[0]} order by rank",
        )
    ]
    shown.page.wait_for_function(
        f"() => ({AXIS_LABELS})().filter(t => t.includes(' · ')).join('|') === "
        f"{json.dumps('|'.join(expected))}"
    )
    shown.clean()


def test_the_figures_table_searches_and_filters(visit, refreshed_template):
    (total,) = _query(refreshed_template.home, "select count(*) from marts.fct_report_facts")[0]
    shown = visit("facts")
    rows = shown.page.locator("#table-facts tbody tr")
    assert rows.count() == total
    shown.page.fill("#table-facts [data-search]", "满意度")
    visible = shown.page.locator("#table-facts tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    # A row matches on its cells or on the sentence it comes from (its title).
    for row in visible.all():
        assert "满意度" in row.inner_text() + (row.get_attribute("title") or "")
    count = shown.page.locator("#table-facts [data-count]").inner_text()
    assert f"{visible.count()} / {total}" in count
    shown.clean()


def test_egov_dashboard_serves_the_site_on_localhost(refreshed_template, site):
    server = subprocess.Popen(
        [*EGOV, "dashboard", "--port", "0"],
        env={**os.environ, "EGOV_HOME": str(refreshed_template.home)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        # A site older than this code is rebuilt first ("built …"), then the address.
        line = server.stdout.readline()
        while line.startswith("built "):
            line = server.stdout.readline()
        assert line.startswith("dashboard: http://127.0.0.1:"), line + server.stderr.read()
        url = line.split()[1]
        for name in ("index.html", "assets/vega.js", "sql/spend_by_year.sql"):
            with urllib.request.urlopen(url + name, timeout=10) as response:
                assert response.status == 200
                assert response.read() == (site / name).read_bytes()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def test_a_refresh_that_fails_a_blocking_check_leaves_the_dashboard_byte_identical(
    refreshed_copy,
):
    home = refreshed_copy.home
    before = _site_digest(home)
    lines = (SNAPSHOTS / "modood" / "provinces.csv").read_text(encoding="utf-8").splitlines()
    inbox = home / "inbox" / "modood" / "provinces"
    inbox.mkdir(parents=True, exist_ok=True)
    (inbox / "provinces.csv").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    # --strict: a rejected payload fails the refresh (the rest is unchanged, so nothing is
    # republished either way).
    result = egov(home, "refresh", "--strict")
    assert result.returncode != 0, result.stdout
    assert "raw.modood__provinces: payload rejected" in result.stdout + result.stderr
    assert _site_digest(home) == before

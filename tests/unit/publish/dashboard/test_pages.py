"""Each page from a small published file: valid Vega-Lite, drawn with marks by the same Vega
the site ships (vl-convert renders it to SVG), numbers exactly as the file holds them."""

import json

import altair as alt
import pytest
import vl_convert

from dagster_project.publish.dashboard.page import Chart, Table
from dagster_project.publish.dashboard.published import read_published
from dagster_project.publish.dashboard.shapes import china_shapes
from dagster_project.publish.dashboard.site import pages_of
from dagster_project.publish.dashboard.vega import vega_lite_version
from tests.unit.publish.dashboard.conftest import write_published


@pytest.fixture(scope="module")
def shapes(dashboard_cache):
    return china_shapes(dashboard_cache)


def _pages(path, shapes, **options):
    return {
        page.slug: page
        for page in pages_of(read_published(write_published(path, **options)), shapes)
    }


def _charts(page) -> list[Chart]:
    return [b for b in page.blocks if isinstance(b, Chart)]


def _svg(spec: dict) -> str:
    return vl_convert.vegalite_to_svg(spec, vl_version=vega_lite_version())


def test_every_page_has_a_valid_chart_that_draws_marks(tmp_path, shapes):
    pages = _pages(tmp_path / "egov.duckdb", shapes)
    assert list(pages) == ["index", "regional", "segments", "facts", "quality"]
    for page in pages.values():
        (chart,) = _charts(page)
        # The schema check the build skips for speed (page.with_datasets); data left out.
        alt.TopLevelSpec.validate({k: v for k, v in chart.spec.items() if k != "datasets"})
        svg = _svg(chart.spec)
        assert svg.count("<path") > 5, page.slug
        assert page.title.zh and page.title.en and page.intro.zh and page.intro.en


def test_spend_chart_carries_the_file_values_a_currency_toggle_and_citations(tmp_path, shapes):
    spec = _charts(_pages(tmp_path / "egov.duckdb", shapes)["index"])[0].spec
    rows = spec["datasets"]["spend"]
    stated = next(r for r in rows if r["year"] == 2023 and r["series_id"] == "smartgov_it_spend")
    assert stated["value_cny"] == 186200000000.0 and stated["value_usd"] == 26296032647.51
    assert stated["cited_documents"] == "2026年智慧政务报告"
    assert stated["cited_sections"] == "1.1 市场规模"
    assert stated["figure"].startswith("原文数字")
    (param,) = spec["params"]
    assert param["name"] == "currency" and param["bind"]["options"] == ["CNY", "USD"]
    # A series with only an actual point gets no band and no line.
    text = json.dumps(spec)
    assert text.count('"mark": {"type": "area"') == 1 and text.count('"type": "line"') == 1
    tooltip = json.dumps(spec["concat"][0])
    for field in ("cited_documents", "cited_sections", "cited_source"):
        assert field in tooltip


def test_regional_map_draws_rank_ranges_only_when_the_mart_has_them(tmp_path, shapes):
    plain = _pages(tmp_path / "a" / "egov.duckdb", shapes)["regional"]
    ranged = _pages(tmp_path / "b" / "egov.duckdb", shapes, rank_range=True)["regional"]
    plain_spec, ranged_spec = _charts(plain)[0].spec, _charts(ranged)[0].spec
    assert "rank_high" not in json.dumps(plain_spec) and "rank only" in _charts(plain)[0].note.en
    assert '"x2": {"field": "rank_high"' in json.dumps(ranged_spec)
    row = next(r for r in ranged_spec["datasets"]["maturity"] if r["region_code"] == "650000")
    assert (row["rank_low"], row["rank_high"]) == (2, 4)
    assert ranged_spec["params"][0]["bind"]["options"] == [2025, 2026]
    assert ranged_spec["params"][0]["value"] == 2026
    codes = {f["properties"]["adcode"] for f in ranged_spec["datasets"]["provinces"]}
    assert {"110000", "710000"} <= codes
    assert "<path" in _svg(ranged_spec)


def test_report_figures_and_quality_tables_list_every_row_failures_first(tmp_path, shapes):
    pages = _pages(tmp_path / "egov.duckdb", shapes)
    (facts,) = [b for b in pages["facts"].blocks if isinstance(b, Table)]
    assert len(facts.rows) == 3 and [c.key for c in facts.filters] == ["document", "metric"]
    assert facts.rows[2]["metric"].startswith("(未归类")
    checks, log = [b for b in pages["quality"].blocks if isinstance(b, Table)]
    # run-2's failure replaced run-1's pass of the same expectation: latest only, failed first.
    assert [(r["suite"], r["success"]) for r in checks.rows] == [
        ("marts.dim_region", False),
        ("raw.nbs__gdp", True),
    ]
    assert [r["run_id"] for r in log.rows] == ["run-2", "run-0"]

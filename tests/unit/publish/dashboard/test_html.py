"""Pages as HTML: text from the data is escaped, inline specs cannot end their script early,
numbers print without float noise, and the page links its SQL and names its data date."""

from dagster_project.publish.dashboard.html import cell, render_page
from dagster_project.publish.dashboard.published import read_published
from dagster_project.publish.dashboard.shapes import china_shapes
from dagster_project.publish.dashboard.site import model_sql, pages_of
from tests.unit.publish.dashboard.conftest import write_published


def test_cells_print_numbers_plainly():
    assert cell(186200000000.0) == "186,200,000,000"
    assert cell(21.40) == "21.4"
    assert cell(0.123456) == "0.1235"
    assert cell(None) == "" and cell(True) == "✓" and cell(7) == "7"


def test_a_page_escapes_data_and_links_sql_and_date(tmp_path, dashboard_cache):
    published = read_published(write_published(tmp_path / "egov.duckdb"))
    pages = pages_of(published, china_shapes(dashboard_cache))
    facts = next(p for p in pages if p.slug == "facts")
    text = render_page(facts, pages, published, model_sql(facts.relations))
    # The sentence "北京市满意度</script><b>99%</b>。" is data, never markup.
    assert "<b>99%</b>" not in text
    assert "&lt;/script&gt;&lt;b&gt;99%&lt;/b&gt;" in text
    body = text.split('<script type="application/json"', 1)[1].split("</script>", 1)[0]
    assert "<b>" not in body
    assert "2026-12-01 11:05:00 UTC" in text and "run-2" in text
    assert 'href="sql/fct_report_facts.html"' in text
    assert 'href="sql/models/marts.fct_report_facts.html"' in text
    assert text.count('aria-current="page"') == 1
    assert "http://" not in text and "https://" not in text.replace(
        "https://vega.github.io/schema/vega-lite/", ""
    )

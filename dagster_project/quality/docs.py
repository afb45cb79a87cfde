"""The quality page: $EGOV_HOME/docs/index.html, built from audit.check_results.

GX's own Data Docs (docs/gx/) draw their lists with JavaScript and CSS from public CDNs, so
offline their index is blank. This page is one static HTML file with its style inline and no
script: the latest result of every suite (GX and dbt), its failures with samples, the run that
produced it, and a link to GX's page of the same run where there is one.
"""

from __future__ import annotations

import html
from pathlib import Path

import duckdb

from dagster_project.settings import Paths

QUERIES = Path(__file__).with_name("docs.sql")
STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.fail { background: #fde8e8; } .pass { background: #eaf7ea; }
code { font-size: 12px; }
"""


def _query(name: str) -> str:
    text = QUERIES.read_text(encoding="utf-8")
    block = text.split(f"-- name: {name}\n", 1)[1]
    return block.split("-- name: ", 1)[0].strip().rstrip(";")


def _cell(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _table(header: list[str], rows: list[tuple], status_column: int | None = None) -> str:
    out = ["<table><tr>" + "".join(f"<th>{_cell(h)}</th>" for h in header) + "</tr>"]
    for row in rows:
        css = ""
        if status_column is not None:
            css = ' class="pass"' if row[status_column] else ' class="fail"'
        out.append(f"<tr{css}>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>")
    return "\n".join(out) + "</table>"


def render(con: duckdb.DuckDBPyConnection) -> str:
    """The page for the audit table reachable through `con`."""
    summary = con.execute(_query("latest_by_suite")).fetchall()
    failures = con.execute(_query("latest_failures")).fetchall()
    runs = con.execute(_query("runs")).fetchall()
    body = [
        "<h1>Data quality of the published warehouse</h1>",
        "<p>Latest result of every suite (Great Expectations and dbt tests), from "
        "<code>audit.check_results</code>. GX's own pages: <a href='gx/index.html'>gx/</a>.</p>",
        "<h2>Suites</h2>",
        _table(
            ["suite", "engine", "run", "checked at", "passed", "failed", "all passed"],
            [(*row[:6], row[5] == 0) for row in summary],
            status_column=6,
        ),
        "<h2>Failures of the latest runs</h2>",
        _table(
            ["suite", "batch", "expectation", "column", "observed", "unexpected", "sample"],
            failures,
        )
        if failures
        else "<p>None: every expectation of the latest runs passed.</p>",
        "<h2>Runs</h2>",
        _table(["run", "started", "results", "failed"], runs),
    ]
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>egov data quality</title>"
        f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
    )


def write_page(home: Paths) -> Path | None:
    """Render the page from the published file; None when nothing is published yet."""
    if not home.published_db.exists():
        return None
    con = duckdb.connect(str(home.published_db), read_only=True)
    try:
        page = render(con)
    finally:
        con.close()
    home.docs_dir.mkdir(parents=True, exist_ok=True)
    target = home.docs_dir / "index.html"
    tmp = target.with_suffix(".html.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(target)
    return target


def build_docs(home: Paths) -> str | None:
    """GX's Data Docs of this process's validations (docs/gx/), then the offline page."""
    from dagster_project.quality.gx_runner import build_gx_docs

    build_gx_docs(home.docs_dir)
    page = write_page(home)
    return None if page is None else page.as_uri()

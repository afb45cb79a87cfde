"""Pages as HTML text: header with the date of the data, charts, tables, sources and SQL links.

Chart specs travel inside the page as JSON script elements (a page opened from file:// can
fetch nothing), rendered by Vega-Embed from the bundled assets/vega.js.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from dagster_project.publish.dashboard.page import FONT, Chart, Column, Page, Table, Text
from dagster_project.publish.dashboard.published import Published

SITE_TITLE = Text("智慧政务IT市场看板", "China smart-government IT market dashboard")


def bi(text: Text, tag: str = "span") -> str:
    """Chinese, then the English in a lighter span beside it."""
    zh = f'<{tag} lang="zh-CN">{escape(text.zh)}</{tag}>'
    return zh + (f' <{tag} lang="en" class="en">{escape(text.en)}</{tag}>' if text.en else "")


def _json_script(element_id: str, payload: Any) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "</" would end the script element early; "<\/" is the same string to JSON.
    text = text.replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def _with_font(spec: dict[str, Any]) -> dict[str, Any]:
    config = dict(spec.get("config", {}))
    config.setdefault("font", FONT)
    config.setdefault("view", {"stroke": "#d1d5db"})
    return {**spec, "config": config}


def _chart(chart: Chart) -> str:
    note = f'<p class="note">{bi(chart.note)}</p>' if chart.note else ""
    return (
        f'<section class="block chart-block"><h2>{bi(chart.title)}</h2>{note}'
        f'<div class="chart" id="chart-{chart.key}" data-spec="spec-{chart.key}"></div>'
        f"{_json_script(f'spec-{chart.key}', _with_font(chart.spec))}</section>"
    )


def cell(value: Any) -> str:
    """A table cell's text: numbers without float noise, missing values empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return str(value)
    return str(value)


def _th(column: Column) -> str:
    kind = ' class="num"' if column.numeric else ""
    en = f'<span class="en">{escape(column.title.en)}</span>'
    return f"<th{kind}>{escape(column.title.zh)}<br>{en}</th>"


def _filters(table: Table) -> str:
    parts = []
    if table.search:
        parts.append(
            '<input type="search" data-search placeholder="搜索 Search" aria-label="搜索 Search">'
        )
    for index, column in enumerate(table.filters):
        values = sorted({cell(r.get(column.key)) for r in table.rows} - {""})
        options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
        parts.append(
            f'<label>{bi(column.title)} <select data-filter="{index}">'
            f'<option value="">全部 All</option>{options}</select></label>'
        )
    parts.append('<span class="count" data-count></span>')
    return f'<div class="filters">{"".join(parts)}</div>'


def _row(table: Table, row: dict[str, Any]) -> str:
    attrs = [f'data-f{i}="{escape(cell(row.get(c.key)))}"' for i, c in enumerate(table.filters)]
    if table.failure_flag and not row.get(table.failure_flag):
        attrs.append('class="failed"')
    if row.get("sentence"):
        attrs.append(f'title="{escape(str(row["sentence"]))}"')
    cells = "".join(
        f"<td{' class=num' if c.numeric else ''}>{escape(cell(row.get(c.key)))}</td>"
        for c in table.columns
    )
    return f"<tr {' '.join(attrs)}>{cells}</tr>" if attrs else f"<tr>{cells}</tr>"


def _table(table: Table) -> str:
    note = f'<p class="note">{bi(table.note)}</p>' if table.note else ""
    controls = _filters(table) if table.search or table.filters else ""
    head = "".join(_th(c) for c in table.columns)
    body = "".join(_row(table, r) for r in table.rows)
    return (
        f'<section class="block table-block" id="table-{table.key}" data-table>'
        f"<h2>{bi(table.title)}</h2>{note}{controls}"
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
        "</table></div></section>"
    )


def _nav(page: Page, pages: list[Page]) -> str:
    links = []
    for other in pages:
        current = ' aria-current="page"' if other.slug == page.slug else ""
        links.append(f'<a href="{other.filename}"{current}>{bi(other.title)}</a>')
    return f"<nav>{''.join(links)}</nav>"


def _as_of(published: Published) -> str:
    stamp = (published.published_at or "").replace("T", " ").replace("+00:00", " UTC")
    return (
        f'<p class="asof">{bi(Text("数据日期", "Data as of"))} <time>{escape(stamp)}</time>'
        f" · {bi(Text('发布运行', 'publish run'))} <code>{escape(published.run_id or '')}</code>"
        f" · egov.duckdb sha256 <code>{escape(published.sha256[:16])}</code></p>"
    )


def _about(page: Page, published: Published, models: dict[str, str]) -> str:
    sources = "".join(
        f"<li>{bi(s.label)}: {escape('; '.join(s.items) or '—')}</li>" for s in page.sources
    )
    sql = [
        f'<li><a href="sql/{name}.html">{bi(Text("看板查询", "dashboard query"))} '
        f"<code>{escape(name)}.sql</code></a></li>"
        for name in page.queries
    ]
    sql += [
        f'<li><a href="sql/models/{escape(relation)}.html">{bi(Text("dbt 模型", "dbt model"))} '
        f"<code>{escape(relation)}</code></a></li>"
        for relation in page.relations
        if relation in models
    ]
    notes = "".join(
        f"<details><summary>{bi(Text('表说明', 'Table notes'))} <code>{escape(r)}</code>"
        f"</summary><pre>{escape(published.comment(r))}</pre></details>"
        for r in page.relations
        if published.comment(r)
    )
    return (
        f'<section class="block about"><h2>{bi(Text("来源", "Sources"))}</h2><ul>{sources}</ul>'
        f"<h2>SQL</h2><ul>{''.join(sql)}</ul>{notes}</section>"
    )


def render_page(page: Page, pages: list[Page], published: Published, models: dict[str, str]) -> str:
    blocks = "".join(_chart(b) if isinstance(b, Chart) else _table(b) for b in page.blocks)
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(page.title.both())} — {escape(SITE_TITLE.both())}</title>"
        '<link rel="stylesheet" href="assets/dashboard.css"></head><body>'
        f'<header><div class="brand">{bi(SITE_TITLE)}</div>{_nav(page, pages)}</header>'
        f"<main><h1>{bi(page.title)}</h1>{_as_of(published)}"
        f'<p class="intro">{escape(page.intro.zh)}</p>'
        f'<p class="intro en" lang="en">{escape(page.intro.en)}</p>'
        f"{blocks}{_about(page, published, models)}</main>"
        '<script src="assets/vega.js"></script><script src="assets/dashboard.js"></script>'
        "</body></html>\n"
    )


def render_sql(title: str, sql: str, back: str, raw: str) -> str:
    """A page showing one SQL file (a browser offers a bare .sql file for download)."""
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f'<link rel="stylesheet" href="{back}assets/dashboard.css"></head><body><main>'
        f'<p><a href="{back}index.html">← {bi(SITE_TITLE)}</a></p>'
        f"<h1><code>{escape(title)}</code></h1>"
        f'<p><a href="{escape(raw)}">{bi(Text("原始文件", "raw file"))}</a></p>'
        f'<pre class="sql">{escape(sql)}</pre>'
        "</main></body></html>\n"
    )

"""Editions and formats the extractor has not seen: the same code must follow them.

Variants are made from the bundled report: a next edition (every year +1, including the
title's edition year; every 亿元 amount doubled; every percentage +1), a Markdown rendering
without a table of contents (headings on their own lines) and an HTML rendering of the raw
page (Traditional text, pinyin readings, site boilerplate, wrapped source lines).
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path

import pytest

from dagster_project.reports.extraction import Extraction, extract_document
from dagster_project.reports.extraction.clean import clean_text
from dagster_project.reports.extraction.loaders import load_text
from dagster_project.settings import SOURCES_DIR

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年|[-–—~至到](?:19|20)\d{2}年|\))")
_YI_YUAN = re.compile(r"(?<![\d.?])(?<!\d,)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?=億元)")
_PERCENT = re.compile(r"(?<![\d.?])(?<!\d,)(\d+(?:\.\d+)?)(?=%)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_COMPARED = ("value", "unit", "qualifier", "region_code", "region_level", "kind", "metric_id",
             "quality_flag", "cited_source", "entity_name")  # fmt: skip


def _double(match: re.Match[str]) -> str:
    value = Decimal(match.group(0).replace(",", "")) * 2
    decimals = len(match.group(2)) - 1 if match.group(2) else 0
    return f"{value:,.{decimals}f}"


def _plus_one(match: re.Match[str]) -> str:
    text = match.group(1)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"{Decimal(text) + 1:.{decimals}f}"


def next_edition(raw: str) -> str:
    raw = _YEAR.sub(lambda m: str(int(m.group(1)) + 1), raw)
    return _PERCENT.sub(_plus_one, _YI_YUAN.sub(_double, raw))


def _wrap(text: str, width: int = 60) -> str:
    """Break long lines between two Chinese characters, as HTML sources often do."""
    out, since = [], 0
    for i, ch in enumerate(text):
        out.append(ch)
        since += 1
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if since >= width and _CJK.match(ch) and _CJK.match(nxt):
            out.append("\n      ")
            since = 0
    return "".join(out)


def to_html(raw: str) -> str:
    title = raw.splitlines()[0].split("_第")[0]
    paragraphs = "\n".join(f"<p>{_wrap(html.escape(line))}</p>" for line in raw.splitlines())
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<script>var pages = 45;</script></head><body>\n{paragraphs}\n</body></html>\n"
    )


def to_markdown(extraction: Extraction, cleaned: str) -> str:
    lines = [f"# {extraction.manifest['title']}", ""]
    for section in extraction.sections:
        number, title = section["section_number"], section["title"]
        if number is None:
            heading = f"## {title}"
        elif "." in number:
            heading = f"### {number} {title}"
        else:
            heading = f"## {'一二三四五六七八九'[int(number) - 1]}、{title}"
        lines += [heading, "", cleaned[section["body_start"] : section["char_end"]], ""]
    return "\n".join(lines)


def _comparable(facts: list[dict]) -> list[tuple]:
    return [(f["section_id"].split(":", 1)[1], *(f[c] for c in _COMPARED)) for f in facts]


@pytest.fixture(scope="module")
def raw(report_path: Path) -> str:
    return report_path.read_text(encoding="utf-8")


def test_next_edition_follows_years_numbers_and_title(raw: str, extraction, tmp_path) -> None:
    path = tmp_path / "smart-gov-market-report-2027-preview.txt"
    path.write_text(next_edition(raw), encoding="utf-8")
    variant = extract_document(path, sources_dir=SOURCES_DIR)
    assert variant.manifest["edition"] == 2027
    assert variant.manifest["title"].startswith("2027年及未来5年")
    assert variant.manifest["document_id"] == "smart-gov-market-report-2027-preview"
    assert len(variant.facts) == len(extraction.facts)
    for old, new in zip(extraction.facts, variant.facts, strict=True):
        if old["period_year"] is not None:
            assert new["period_year"] == old["period_year"] + 1, new["sentence"]
        for column in ("unit", "qualifier", "kind", "region_code", "metric_id", "quality_flag"):
            assert new[column] == old[column], (column, new["sentence"])
        if old["value"] is not None and old["unit_raw"] == "亿元":
            assert new["value"] == pytest.approx(old["value"] * 2)
        elif old["value"] is not None and old["unit_raw"] == "%":
            assert new["value"] == pytest.approx(old["value"] + 1)
    spend = {
        (f["value"], f["kind"], f["period_year"], f["qualifier"], f["cited_source"])
        for f in variant.facts
        if f["metric_id"] == "smartgov_it_spend"
    }
    assert spend == {
        (372400000000, "actual", 2024, "=", "IDC"),
        (600000000000, "forecast", 2027, ">", "IDC"),
    }
    shares = [c["value"] for c in variant.table_cells]
    assert shares == [c["value"] for c in extraction.table_cells]  # cells carry no % sign


def test_markdown_rendering_without_toc_gives_the_same_facts(
    report_path: Path, extraction, tmp_path: Path
) -> None:
    loaded = load_text(report_path)
    text = clean_text(loaded.text, loaded.title_hint).text
    path = tmp_path / "smart-gov-market-report-2026-preview.md"
    path.write_text(to_markdown(extraction, text), encoding="utf-8")
    variant = extract_document(path, sources_dir=SOURCES_DIR)
    assert variant.manifest["edition"] == 2026
    assert [s["section_id"] for s in variant.sections] == [
        s["section_id"] for s in extraction.sections
    ]
    assert _comparable(variant.facts) == _comparable(extraction.facts)
    assert [(c["row_label"], c["value"]) for c in variant.table_cells] == [
        (c["row_label"], c["value"]) for c in extraction.table_cells
    ]


def test_html_rendering_of_the_raw_page_gives_the_same_facts(raw: str, extraction, tmp_path):
    path = tmp_path / "smart-gov-market-report-2026-preview.html"
    path.write_text(to_html(raw), encoding="utf-8")
    variant = extract_document(path, sources_dir=SOURCES_DIR)
    assert variant.manifest["title"] == extraction.manifest["title"]
    assert _comparable(variant.facts) == _comparable(extraction.facts)
    assert [c["value"] for c in variant.table_cells] == [c["value"] for c in extraction.table_cells]

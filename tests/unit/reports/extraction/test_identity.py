"""Document identity from what each format states, and the report_documents row."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from benchmarks.pdf_maker import make_pdf
from dagster_project.reports.extraction import extract_document
from dagster_project.reports.extraction.identity import parse_date
from dagster_project.reports.extraction.output import DOCUMENT_COLUMNS
from dagster_project.settings import SOURCES_DIR

NEWS = (
    "---\ntitle: '浙江这十年：GDP突破7万亿元'\nauthor: 新浪财经\n"
    "date: Tue, 30 Aug 2022 06:23:50 GMT\n---\n\n<p>全省地区生产总值突破7万亿元。</p>\n"
)


def _extract(tmp_path: Path, name: str, data: bytes | str, **kwargs):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return extract_document(path, sources_dir=SOURCES_DIR, **kwargs)


def test_news_post_identity_from_front_matter(tmp_path: Path) -> None:
    manifest = _extract(tmp_path, "post.md", NEWS).manifest
    assert manifest["title"] == "浙江这十年:GDP突破7万亿元"
    assert (manifest["publisher"], manifest["published_date"]) == ("新浪财经", "2022-08-30")
    assert (manifest["kind"], manifest["edition"], manifest["title_source"]) == (
        "news",
        2022,
        "format",
    )
    assert manifest["series_id"] == manifest["document_id"] == "post"
    assert manifest["source_format"] == "markdown"


def test_title_less_markdown_post_is_named_by_its_file(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "某市 数字政府 简报 2024.md", "全市政务服务事项网上可办率达98.6%。\n"
    )
    manifest = extraction.manifest
    assert (manifest["title"], manifest["title_source"]) == ("某市 数字政府 简报 2024", "file_name")
    assert manifest["edition"] == 2024 and manifest["document_id"] == "某市-数字政府-简报-2024"
    assert [f["value"] for f in extraction.facts] == [98.6]


def test_gbk_text_is_read(tmp_path: Path) -> None:
    text = "2023年全国智慧政务相关IT支出达1,862亿元。"
    extraction = _extract(tmp_path, "gbk.txt", text.encode("gbk"))
    assert [(f["value"], f["unit"]) for f in extraction.facts] == [(186200000000, "CNY")]


def test_editions_of_a_market_report_share_a_series(tmp_path: Path) -> None:
    first = _extract(tmp_path, "a.md", "# 2026年中国智慧政务市场研究报告\n\n正文。\n").manifest
    second = _extract(tmp_path, "b.md", "# 2027年中国智慧政务市场研究报告\n\n正文。\n").manifest
    assert first["kind"] == second["kind"] == "market_report"
    assert (first["edition"], second["edition"]) == (2026, 2027)
    assert first["series_id"] == second["series_id"] != first["document_id"]


def test_licence_comes_from_the_caller(tmp_path: Path) -> None:
    assert _extract(tmp_path, "a.md", NEWS).manifest["licence"] == "not declared"
    declared = _extract(tmp_path, "b.md", NEWS, licence="CC BY 4.0").manifest
    assert declared["licence"] == "CC BY 4.0"


def test_government_text_and_declared_kind(tmp_path: Path) -> None:
    speech = "各位代表：\n现在，我代表国务院，向大会报告政府工作。国内生产总值达到114万亿元。\n"
    assert _extract(tmp_path, "report.txt", speech).manifest["kind"] == "government"
    assert _extract(tmp_path, "r2.txt", speech, kind="other").manifest["kind"] == "other"


def test_pdf_and_docx_identity_and_pages(tmp_path: Path) -> None:
    pages = [
        [(72, 700, 12, "2023年全国IT支出达1,862亿元。")],
        [(72, 700, 12, "广东省节约成本47亿元。")],
    ]
    pdf = _extract(tmp_path, "r.pdf", make_pdf(pages, title="2025年中国数字政府市场报告"))
    assert (pdf.manifest["title"], pdf.manifest["n_pages"]) == ("2025年中国数字政府市场报告", 2)
    assert [f["page"] for f in pdf.facts] == [1, 2]
    document = docx.Document()
    document.core_properties.title = "2025年数字政府白皮书"
    document.core_properties.author = "某研究院"
    document.add_paragraph("全国电子证照上链量已超12亿份。")
    buffer = io.BytesIO()
    document.save(buffer)
    word = _extract(tmp_path, "w.docx", buffer.getvalue())
    assert (word.manifest["title"], word.manifest["publisher"]) == (
        "2025年数字政府白皮书",
        "某研究院",
    )
    assert word.manifest["kind"] == "market_report" and word.facts[0]["page"] is None


def test_document_row_has_every_declared_column(tmp_path: Path) -> None:
    (row,) = _extract(tmp_path, "post.md", NEWS).tables()["report_documents"]
    assert list(row) == [name for name, _ in DOCUMENT_COLUMNS]


def test_dates_as_formats_write_them() -> None:
    assert parse_date("2017-02-22 17:19:38") == "2017-02-22"
    assert parse_date("Fri, 09 Jul 2021 05:06:47 GMT") == "2021-07-09"
    assert parse_date("D:20240105120000+08'00'") == "2024-01-05"
    assert parse_date("陆家嘴财经早餐2024年8月23日星期五") == "2024-08-23"
    assert parse_date("not a date") is None

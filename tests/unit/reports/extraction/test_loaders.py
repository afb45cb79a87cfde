"""Every format as it arrives: encodings, front matter, pages with furniture, PDF, DOCX, and
the documents that cannot be extracted (each a one-line error naming the file)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from benchmarks.pdf_maker import make_pdf
from dagster_project.reports.extraction.clean import clean_text
from dagster_project.reports.extraction.errors import ExtractionError
from dagster_project.reports.extraction.loaders import (
    MAX_BYTES,
    TABLE_END,
    TABLE_START,
    LoadedText,
    load_text,
    register_loader,
    supported_suffixes,
)

SENTENCE = "2023年全国智慧政务相关IT支出达1,862亿元,同比增长21.4%。"


def _file(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        SENTENCE.encode("utf-8"),
        b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"),
        SENTENCE.encode("gb18030"),
        SENTENCE.encode("gbk"),
        SENTENCE.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16"],
)
def test_plain_text_in_every_common_encoding(tmp_path: Path, data: bytes) -> None:
    assert load_text(_file(tmp_path, "a.txt", data)).text == SENTENCE


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file (0 bytes)"),
        ("blank.md", b"  \n\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file: a PNG image"),
        ("nul.txt", b"abc\x00\x01\x02" * 100, "binary file: binary data (NUL bytes)"),
        ("noise.txt", bytes(range(128, 256)) * 40, "undecodable text"),
        ("report.xyz", b"text", "no loader for '.xyz'"),
        ("scan.pdf", make_pdf([None, None]), "PDF has no text layer (2 page(s)"),
        ("broken.pdf", b"%PDF-1.4\nnot really a pdf", "not a readable PDF"),
        ("broken.docx", b"PK\x03\x04garbage", "malformed docx file"),
    ],
)
def test_documents_that_cannot_be_extracted_name_file_and_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = _file(tmp_path, name, data)
    with pytest.raises(ExtractionError) as caught:
        load_text(path)
    message = str(caught.value)
    assert message.startswith(f"{name}: cannot extract: ")
    assert reason in message and "\n" not in message
    assert caught.value.file == name


def test_a_file_too_large_for_its_kind(tmp_path: Path) -> None:
    path = _file(tmp_path, "dump.txt", SENTENCE * 10)
    with pytest.raises(ExtractionError, match=r"dump.txt: .*too large for a text document"):
        load_text(path, max_bytes=100)
    big = _file(tmp_path, "big.txt", b"a" * (MAX_BYTES["text"] + 1))
    with pytest.raises(ExtractionError, match=r"big.txt: cannot extract: file too large"):
        load_text(big)


def test_cjk_radical_look_alikes_from_pdf_text_layers() -> None:
    # Kangxi radicals (NFKC folds them) and the Radicals Supplement (NFKC leaves them)
    cleaned = clean_text("向⼤会报告政府⼯作，⼈⺠意⻅，增⻓8.1%。").text.strip()
    assert cleaned == "向大会报告政府工作,人民意见,增长8.1%。"


def test_markdown_front_matter_title_heading_and_embedded_html(tmp_path: Path) -> None:
    text = (
        "\n---\ntitle: '浙江这十年：GDP连跨4个万亿级台阶'\nauthor: 新浪财经\n"
        "date: Tue, 30 Aug 2022 06:23:50 GMT\n---\n\n# 浙江这十年：GDP连跨4个万亿级台阶\n\n"
        "<div><p cms-style='font-L'>　　全省生产总值突破7万亿元。</p><!-- ad slot -->\n"
        "            <style>.qr&#123;float:left;&#125;</style>\n"
        "            <div class='appendQr_wrap'>尽在新浪财经APP</div></div>\n\n"
        "| 指标 | 占比(%) |\n|---|---|\n| 甲 | 60 |\n| 乙 | 40 |\n"
    )
    loaded = load_text(_file(tmp_path, "post.md", text))
    assert loaded.title_hint == "浙江这十年：GDP连跨4个万亿级台阶"
    assert loaded.meta["author"] == "新浪财经" and loaded.meta["date"].startswith("Tue, 30 Aug")
    assert "全省生产总值突破7万亿元。" in loaded.text
    assert "GDP连跨" not in loaded.text  # the heading repeating the title is the title
    for furniture in ("float:left", "新浪财经APP", "ad slot"):
        assert furniture not in loaded.text
    assert f"{TABLE_START}指标\t占比(%)\n甲\t60\n乙\t40{TABLE_END}" in loaded.text


def test_toml_front_matter(tmp_path: Path) -> None:
    text = '+++\ntitle = "数字政府白皮书"\ndate = 2024-05-01\n+++\n\n正文。\n'
    loaded = load_text(_file(tmp_path, "paper.md", text))
    assert (loaded.title_hint, loaded.meta["date"]) == ("数字政府白皮书", "2024-05-01")


def test_html_page_main_content_without_furniture(tmp_path: Path) -> None:
    body = "国采中心共完成采购额87.38亿元,与2010年同期相比增加7.92亿元。" * 3
    page = (
        '<%@ page pageEncoding="UTF-8"%>\n<html><head><title>国采中心采购额逾87亿元- 【阳光易购】'
        "</title><script>var x = '99%';</script></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/news'>新闻</a></div>"
        f"<div id='conBody'><h1>国采中心采购额逾87亿元</h1><p>{body}</p>"
        "<table><tr><th>项目</th><th>金额(亿元)</th></tr><tr><td>软件</td><td>2.6</td></tr>"
        "<tr><td>硬件</td><td>4.1</td></tr></table></div>"
        "<div class='jiathis_share'>分享到：QQ空间 新浪微博</div>"
        "<ul class='related'><li><a href='/a'>某地采购额达3.7亿元</a></li></ul></body></html>"
    )
    loaded = load_text(_file(tmp_path, "page.jsp", page))
    assert loaded.title_hint == "国采中心采购额逾87亿元"
    assert body in loaded.text.replace("\n", "")
    for furniture in ("page pageEncoding", "99%", "首页", "分享到", "3.7亿元"):
        assert furniture not in loaded.text
    assert f"{TABLE_START}项目\t金额(亿元)\n软件\t2.6\n硬件\t4.1{TABLE_END}" in loaded.text


def test_pdf_pages_running_heads_and_wrapped_lines(tmp_path: Path) -> None:
    def page(number: int, lines: list[str]) -> list:
        drawn = [(72, 800, 9, "中国智慧政务市场报告(2026)"), (280, 40, 9, f"- {number} -")]
        return drawn + [(72, 700 - 16 * i, 12, line) for i, line in enumerate(lines)]

    pages = [
        page(
            1,
            [
                "2023年全国智慧政务相关IT支出达1,862亿元,同比增长21.4%,预计到2026",
                "年将突破3,000亿元。",
            ],
        ),
        page(
            2,
            [
                "广东省2023年节约行政成本47亿元,减少群众跑动超1.2亿次,浙江省事件自动分拨",
                "准确率91.3%。",
            ],
        ),
        page(3, ["上海市避免经济损失超8亿元。"]),
    ]
    loaded = load_text(_file(tmp_path, "report.pdf", make_pdf(pages, title="智慧政务市场报告")))
    assert loaded.format == "pdf" and loaded.title_hint == "智慧政务市场报告"
    cleaned = clean_text(loaded.text, loaded.title_hint)
    assert "预计到2026年将突破3,000亿元。" in cleaned.text  # a wrapped line joined again
    assert "市场报告(2026)" not in cleaned.text and "- 2 -" not in cleaned.text
    assert len(cleaned.page_starts) == 2
    second = cleaned.text.index("广东省")
    assert cleaned.page_starts[0] <= second < cleaned.page_starts[1]


def test_docx_paragraphs_tables_and_core_properties(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "2025年中国数字政府市场研究报告"
    document.core_properties.author = "某咨询公司"
    document.add_heading("一、市场规模", level=1)
    document.add_paragraph(SENTENCE)
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("类别", "占比(%)"), ("平台", "55.5"), ("服务", "44.5")]):
        row.cells[0].text, row.cells[1].text = cells
    buffer = io.BytesIO()
    document.save(buffer)
    loaded = load_text(_file(tmp_path, "report.docx", buffer.getvalue()))
    assert loaded.title_hint == "2025年中国数字政府市场研究报告"
    assert loaded.meta["author"] == "某咨询公司"
    assert loaded.text.splitlines()[:2] == ["一、市场规模", SENTENCE]
    assert f"{TABLE_START}类别\t占比(%)\n平台\t55.5\n服务\t44.5{TABLE_END}" in loaded.text


def test_registering_a_new_format(tmp_path: Path) -> None:
    path = _file(tmp_path, "r.xyzzy", b"%XYZ text")

    @register_loader(".xyzzy")
    def load_xyz(data: bytes) -> LoadedText:
        return LoadedText(data.decode("ascii").lstrip("%"))

    assert ".xyzzy" in supported_suffixes()
    assert load_text(path).text == "XYZ text"

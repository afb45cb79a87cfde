"""Tables as HTML, DOCX and PDF carry them become table-cell rows, like the text tables."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from benchmarks.pdf_maker import make_pdf
from dagster_project.reports.extraction import extract_document
from dagster_project.settings import SOURCES_DIR

ROWS = [
    ("平台建设与系统运维", "32.5"),
    ("智能客服与SaaS输出", "18.7"),
    ("政务大模型训练与AI服务", "21.3"),
    ("数据脱敏分析与政策适配引擎", "15.9"),
    ("安全合规与隐私计算服务", "11.6"),
]
EXPECTED = [(label, float(value)) for label, value in ROWS]


def _cells(tmp_path: Path, name: str, data: bytes | str) -> tuple[list[dict], list[dict]]:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    extraction = extract_document(path, sources_dir=SOURCES_DIR)
    return extraction.table_cells, extraction.facts


def _check_share_table(cells: list[dict], facts: list[dict]) -> None:
    assert [(c["row_label"], c["value"]) for c in cells] == EXPECTED
    assert {(c["table_title"], c["column_label"], c["unit"]) for c in cells} == {
        ("服务类别占比(%)", "占比", "percent")
    }
    assert all(c["expected_total"] == 100 and c["sum_check_ok"] for c in cells)
    assert not facts  # cells are table cells, not body facts as well


def test_html_table(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in ROWS)
    page = (
        "<html><body><article><p>" + "各类服务收入结构如下,数据来自年度调查与分析。" * 3 + "</p>"
        f"<p>服务类别占比(%)</p><table><tr><th>类别</th><th>占比(%)</th></tr>{rows}</table>"
        "</article></body></html>"
    )
    _check_share_table(*_cells(tmp_path, "t.html", page))


def test_docx_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("服务类别占比(%)")
    table = document.add_table(rows=len(ROWS) + 1, cols=2)
    for row, cells in zip(table.rows, [("类别", "占比(%)"), *ROWS]):
        row.cells[0].text, row.cells[1].text = cells
    buffer = io.BytesIO()
    document.save(buffer)
    _check_share_table(*_cells(tmp_path, "t.docx", buffer.getvalue()))


def test_pdf_table_printed_as_rows(tmp_path: Path) -> None:
    lines = ["服务类别占比(%)", "类别 占比(%)", *(f"{label} {value}" for label, value in ROWS)]
    pdf = make_pdf([[(72, 750 - 18 * i, 12, line) for i, line in enumerate(lines)]])
    _check_share_table(*_cells(tmp_path, "t.pdf", pdf))

"""Write/read round trip and document ids, on a small synthetic report (no shared files)."""

from __future__ import annotations

from pathlib import Path

from dagster_project.reports.extraction import extract_document
from dagster_project.reports.extraction.extract import edition_of, slugify
from dagster_project.reports.extraction.output import FILES, read_output, write_output
from dagster_project.settings import SOURCES_DIR

SAMPLE = (
    "2027年中国智慧政务市场报告_第1页\n\n"
    "摘要\n据IDC数据显示,2024年全国智慧政务相关IT支出达2,100亿元,同比增长12.8%,"
    "预计到2027年将突破2,600亿元(数据来源:IDC《2025年中国数字政府市场预测报告》)。\n"
    "一、现状\n1.1 整体态势\n截至2024年底,广州市“穗好办”平台注册用户超3,200万,"
    "满意度达95.1%;某省节约成本约3.4亿元。\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_round_trip_is_exact(tmp_path: Path) -> None:
    extraction = extract_document(
        _write(tmp_path, "Sample Report 2027.txt", SAMPLE), sources_dir=SOURCES_DIR
    )
    write_output(extraction, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        ["manifest.json", *FILES.values()]
    )
    assert read_output(tmp_path / "out") == extraction.tables()
    header = (tmp_path / "out" / "facts.csv").read_text("utf-8").splitlines()[0]
    assert header.startswith("fact_id,document_id,section_id,sentence,metric_id")


def test_sample_facts(tmp_path: Path) -> None:
    extraction = extract_document(_write(tmp_path, "sample.txt", SAMPLE), sources_dir=SOURCES_DIR)
    assert extraction.manifest["edition"] == 2027
    got = [
        (f["value"], f["unit"], f["qualifier"], f["period_year"], f["kind"], f["region_code"])
        for f in extraction.facts
    ]
    assert got == [
        (210000000000, "CNY", "=", 2024, "actual", "CN"),
        (12.8, "percent", "=", 2024, "actual", "CN"),
        (260000000000, "CNY", ">", 2027, "forecast", "CN"),
        (32000000, "count", ">", 2024, "actual", "440100"),
        (95.1, "percent", "=", 2024, "actual", "440100"),
        (340000000, "CNY", "~", None, "actual", None),
    ]
    assert extraction.facts[3]["entity_name"] == "穗好办"
    assert extraction.facts[2]["cited_source"] == "IDC《2025年中国数字政府市场预测报告》"
    assert extraction.facts[0]["cited_source"] == "IDC《2025年中国数字政府市场预测报告》"


def test_document_id_and_edition_helpers() -> None:
    assert slugify("smart-gov-market-report-2026-preview") == "smart-gov-market-report-2026-preview"
    assert slugify("Smart Gov Report (2027 Edition)") == "smart-gov-report-2027-edition"
    assert edition_of("2026年及未来5年市场数据中国智慧政务行业…报告") == 2026
    assert edition_of(None) is None


def test_document_id_override(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.txt", SAMPLE)
    extraction = extract_document(path, document_id="custom-id", sources_dir=SOURCES_DIR)
    assert {f["document_id"] for f in extraction.facts} == {"custom-id"}
    assert extraction.sections[0]["section_id"] == "custom-id:abstract"


def test_cli_regenerates_an_output_folder(tmp_path: Path, capsys) -> None:
    from dagster_project.reports.extraction.__main__ import main

    source = _write(tmp_path, "cli-sample.txt", SAMPLE)
    assert (
        main(
            ["extract", str(source), "--out", str(tmp_path / "out"), "--sources", str(SOURCES_DIR)]
        )
        == 0
    )
    assert "cli-sample: 6 facts" in capsys.readouterr().out
    assert read_output(tmp_path / "out")["report_documents"][0]["document_id"] == "cli-sample"

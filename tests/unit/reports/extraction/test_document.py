"""The bundled report end to end: the figures the warehouse relies on, the committed
output and determinism (throughput is measured by `make bench`)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from dagster_project.reports.extraction import extract_document
from dagster_project.reports.extraction.output import (
    FILES,
    MANIFEST,
    SCHEMAS,
    read_output,
    write_output,
)
from dagster_project.reports.extraction.units import UNITS
from dagster_project.settings import SOURCES_DIR

DOCUMENT_ID = "smart-gov-market-report-2026-preview"
CONTRACT_FACT_COLUMNS = [
    "fact_id", "document_id", "section_id", "sentence", "metric_id", "metric_name_zh",
    "metric_name_en", "region_code", "region_name_zh", "region_level", "entity_name",
    "period_year", "value", "unit", "qualifier", "kind", "value_raw", "unit_raw",
    "cited_source", "quality_flag", "char_start", "char_end",
]  # fmt: skip


def test_it_spend_query_returns_the_2023_actual_and_the_2026_forecast(extraction) -> None:
    spend = [f for f in extraction.facts if f["metric_id"] == "smartgov_it_spend"]
    picked = {
        (
            f["value"],
            f["kind"],
            f["period_year"],
            f["qualifier"],
            f["cited_source"],
            f["region_code"],
        )
        for f in spend
    }
    assert picked == {
        (186200000000, "actual", 2023, "=", "IDC", "CN"),
        (300000000000, "forecast", 2026, ">", "IDC", "CN"),
    }
    assert {f["section_id"].split(":", 1)[1] for f in spend} == {"abstract", "1.1"}


def test_growth_and_cagr_in_the_same_sentence_get_their_own_metrics(extraction) -> None:
    for fact in extraction.facts:
        if fact["metric_id"] != "smartgov_it_spend" or fact["kind"] != "actual":
            continue
        same = [f for f in extraction.facts if f["sentence_start"] == fact["sentence_start"]]
        metrics = {f["value"]: f["metric_id"] for f in same}
        assert metrics[21.4] == "smartgov_it_spend_yoy_growth"
        assert metrics[18] == "smartgov_it_spend_cagr"


def test_figure_with_lost_digit_is_corrupted_never_clean(extraction) -> None:
    (lost,) = [f for f in extraction.facts if f["value_raw"].startswith("?")]
    assert (lost["value_raw"], lost["unit"], lost["value"]) == ("?.2", "CNY", None)
    assert lost["quality_flag"] == "corrupted"
    assert all(f["value"] is not None for f in extraction.facts if f["quality_flag"] == "clean")


def test_inline_table_has_five_rows_summing_to_100_and_no_body_duplicates(extraction) -> None:
    cells = extraction.table_cells
    assert len(cells) == 5 and round(sum(c["value"] for c in cells), 6) == 100
    assert all(c["sum_check_ok"] is True and c["expected_total"] == 100 for c in cells)
    start, end = min(c["char_start"] for c in cells), max(c["char_end"] for c in cells)
    assert not [f for f in extraction.facts if start <= f["char_start"] < end]


def test_facts_follow_the_contract(extraction) -> None:
    columns = [name for name, _ in SCHEMAS["report_facts"]]
    assert columns[: len(CONTRACT_FACT_COLUMNS)] == CONTRACT_FACT_COLUMNS
    facts = extraction.facts
    assert len({f["fact_id"] for f in facts}) == len(facts)
    for f in facts:
        assert f["unit"] in UNITS
        assert f["qualifier"] in {"=", ">", ">=", "<", "<=", "~"}
        assert f["kind"] in {"actual", "forecast", "target"}
        assert f["quality_flag"] in {"clean", "corrupted"}
        if f["region_level"] in ("province", "prefecture"):
            assert re.fullmatch(r"\d{6}", f["region_code"])
        elif f["region_level"] == "national":
            assert f["region_code"] == "CN"
        else:
            assert f["region_level"] in {"anonymous_province", "anonymous_city"}
            assert f["region_code"] is None
        assert f["figure_text"] in f["sentence"]
    source_ids = {s["source_id"] for s in extraction.sources}
    assert {f["source_id"] for f in facts if f["source_id"]} == source_ids


def test_document_api(report_path: Path, extraction) -> None:
    tables = extraction.tables()
    assert set(tables) == {
        "report_facts", "report_table_cells", "report_sections", "report_sources",
        "report_documents",
    }  # fmt: skip
    (document,) = tables["report_documents"]
    manifest = extraction.manifest
    assert document["document_id"] == manifest["document_id"] == DOCUMENT_ID
    assert manifest["edition"] == 2026
    assert manifest["sha256"] == hashlib.sha256(report_path.read_bytes()).hexdigest()
    assert manifest["licence"] == "commercial report preview; document not redistributed"
    assert document["n_facts"] == len(extraction.facts)
    assert [s["section_number"] for s in extraction.sections][:3] == [None, "1", "1.1"]


def test_committed_output_is_what_the_extractor_produces_today(
    extraction, committed_output: Path, tmp_path: Path
) -> None:
    write_output(extraction, tmp_path)
    for name in [MANIFEST, *FILES.values()]:
        committed = (committed_output / name).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, f"{name} is stale: re-run the CLI"
    assert read_output(committed_output) == extraction.tables()
    assert not list(committed_output.glob("*.txt")), "the licensed document must not be committed"


def test_reingesting_the_same_bytes_gives_identical_output(report_path: Path, tmp_path) -> None:
    first = extract_document(report_path, sources_dir=SOURCES_DIR)
    second = extract_document(report_path, sources_dir=SOURCES_DIR)
    assert first.tables() == second.tables()
    write_output(first, tmp_path / "a")
    write_output(second, tmp_path / "b")
    for name in [MANIFEST, *FILES.values()]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()

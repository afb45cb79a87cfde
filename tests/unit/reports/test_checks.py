"""The warehouse's checks on one document's rows (reports.checks), and that their
vocabularies are the ones the dbt tests of the report models accept."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dagster_project.reports import checks
from dagster_project.settings import DBT_DIR


def _fact(**overrides: object) -> dict:
    fact = {
        "fact_id": "f1", "sentence": "规模达到1,862亿元。", "unit": "CNY", "qualifier": "=",
        "kind": "actual", "quality_flag": "clean", "region_code": "CN",
        "region_level": "national", "period_year": 2023, "value": 186_200_000_000.0,
        "value_raw": "1,862", "figure_text": "1,862亿元", "char_start": 10, "char_end": 17,
    }  # fmt: skip
    return {**fact, **overrides}


def _tables(*facts: dict, **document: object) -> dict[str, list[dict]]:
    row = {"document_id": "d", "title": "2026年市场报告", "edition": 2026, "kind": None}
    return {"report_documents": [{**row, **document}], "report_facts": list(facts)}


def test_a_sound_document_has_no_problems() -> None:
    assert checks.document_problems(_tables(_fact())) == []


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"title": None}, "no title"),
        ({"title": "  "}, "no title"),
        ({"edition": None}, "no edition"),
        ({"edition": 1985}, "edition 1985 is outside 2000–2100"),
        ({"kind": "blog"}, "kind 'blog' is not one of"),
    ],
)
def test_identity_rules(document: dict, expected: str) -> None:
    (problem,) = checks.document_problems(_tables(_fact(), **document))
    assert expected in problem


def test_figures_are_required_of_a_market_report_only() -> None:
    assert "no figures found in a market report" in checks.document_problems(_tables())[0]
    assert checks.document_problems(_tables(kind="market_report"))
    assert checks.document_problems(_tables(kind="news")) == []
    assert checks.document_problems(_tables(kind="government")) == []


@pytest.mark.parametrize(
    ("fact", "expected"),
    [
        ({"unit": "bushel"}, "unit 'bushel' is not one of"),
        ({"unit": None}, "unit is empty"),
        ({"sentence": ""}, "sentence is empty"),
        ({"qualifier": "≈"}, "qualifier '≈' is not one of"),
        ({"kind": "estimate"}, "kind 'estimate' is not one of"),
        ({"quality_flag": "suspect"}, "quality_flag 'suspect' is not one of"),
        ({"region_level": "county"}, "region_level 'county' is not one of"),
        ({"region_code": "HK"}, "region_code 'HK' is not a GB/T 2260 code"),
        ({"period_year": 1978}, "period_year 1978 is outside 1990–2100"),
        ({"unit": "percent", "value": 1200.0}, "value 1200.0 percent is outside 0–1000"),
        ({"value": 0.25}, "value 0.25 CNY is below 1"),
        ({"char_end": 10}, "char_start 10 / char_end 10 is not a span"),
        ({"value_raw": "?.2", "value": 2.0e8}, "lost digits is not flagged corrupted"),
    ],
)
def test_each_fact_rule_names_the_row_and_the_column(fact: dict, expected: str) -> None:
    problems = checks.document_problems(_tables(_fact(), _fact(fact_id="f2", **fact)))
    assert len(problems) == 1 and expected in problems[0], problems
    assert problems[0].startswith("report_facts row 2 ("), problems


def test_a_lost_digit_flagged_corrupted_is_fine() -> None:
    fact = _fact(value_raw="?.2", value=None, quality_flag="corrupted")
    assert checks.document_problems(_tables(fact)) == []


def test_duplicates_and_share_tables() -> None:
    tables = _tables(_fact(), _fact())
    tables["report_sections"] = [{"section_id": "d:1"}, {"section_id": "d:1"}]
    tables["report_table_cells"] = [
        {"table_id": "d:table-1", "row_number": 1, "row_label": "a", "value": 60.0,
         "expected_total": 100.0},
        {"table_id": "d:table-1", "row_number": 2, "row_label": "b", "value": 30.0,
         "expected_total": 100.0},
    ]  # fmt: skip
    problems = checks.document_problems(tables)
    assert "report_facts: fact_id f1 appears 2 times" in problems
    assert "report_sections: section_id d:1 appears 2 times" in problems
    assert "report_table_cells: share table d:table-1 sums to 90, not 100" in problems


def test_reason_names_the_file_and_counts_what_it_does_not_spell_out() -> None:
    text = checks.reason("post.md", ["a", "b", "c", "d", "e"])
    assert text == "post.md: a; b; c (and 2 more)"


def test_size_limits_are_per_kind_of_file() -> None:
    assert checks.size_problem(Path("a.txt"), 0) == "empty file (0 bytes)"
    assert checks.size_problem(Path("a.txt"), 16 * checks.MB) is None
    assert "16 MB for a .txt file" in checks.size_problem(Path("a.txt"), 50 * checks.MB)
    assert checks.size_problem(Path("a.pdf"), 50 * checks.MB) is None
    assert "128 MB for a .pdf file" in checks.size_problem(Path("a.pdf"), 129 * checks.MB)


def _accepted_values(path: Path, model: str) -> dict[str, list]:
    models = yaml.safe_load(path.read_text(encoding="utf-8"))["models"]
    (found,) = [m for m in models if m["name"] == model]
    values = {}
    for column in found["columns"]:
        for test in column.get("data_tests", []):
            if isinstance(test, dict) and "accepted_values" in test:
                values[column["name"]] = test["accepted_values"]["arguments"]["values"]
    return values


def test_vocabularies_are_the_ones_the_dbt_tests_accept() -> None:
    staging = DBT_DIR / "models" / "staging" / "reports" / "_reports__models.yml"
    marts = DBT_DIR / "models" / "marts" / "reports" / "_reports__models.yml"
    expected = {
        "unit": list(checks.UNITS),
        "qualifier": list(checks.QUALIFIERS),
        "kind": list(checks.FACT_KINDS),
        "quality_flag": list(checks.QUALITY_FLAGS),
        "region_level": list(checks.REGION_LEVELS),
    }
    assert _accepted_values(staging, "stg_reports__facts") == expected
    for column, values in _accepted_values(marts, "fct_report_facts").items():
        assert values == expected[column], column
    documents = _accepted_values(staging, "stg_reports__documents")
    assert documents["kind"] == list(checks.DOCUMENT_KINDS)

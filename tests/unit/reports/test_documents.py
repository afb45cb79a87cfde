"""The document registry on a temporary home: inbox files and their side-cars, landing,
removal, and what each document version becomes (reports.outcome), on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.core import changes
from dagster_project.landing.document_state import held as held_record
from dagster_project.landing.document_state import (
    record_hold,
    record_removal,
    release_hold,
    removal,
)
from dagster_project.landing.documents import land_document
from dagster_project.reports import documents
from dagster_project.reports.outcome import outcome_of
from dagster_project.settings import Paths

REPORT = (
    "2027年中国智慧政务市场报告_第1页\n\n"
    "摘要\n据IDC数据显示,2024年全国智慧政务相关IT支出达2,100亿元,同比增长12.8%,"
    "预计到2027年将突破2,600亿元。\n"
)


@pytest.fixture
def home(egov_home: Path) -> Paths:
    return Paths(egov_home).ensure()


def _drop(home: Paths, name: str, data: str | bytes) -> Path:
    home.reports_inbox.mkdir(parents=True, exist_ok=True)
    path = home.reports_inbox / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_inbox_holds_documents_of_readable_formats_only(home: Paths) -> None:
    _drop(home, "Market Report 2027.txt", REPORT)
    _drop(home, "Market Report 2027.txt.yml", "licence: CC BY 4.0\n")
    _drop(home, ".partial.txt", REPORT)
    _drop(home, "scan.bin", b"\x00\x01")
    assert [p.name for p in documents.inbox_files(home)] == ["Market Report 2027.txt"]
    known = documents.known_documents(home)
    assert set(known) == {"market-report-2027", "smart-gov-market-report-2026-preview"}
    assert known["market-report-2027"].origin == "inbox"


@pytest.mark.parametrize("sidecar", ["post.md.yml", "post.yml", "post.md.yaml"])
def test_a_side_car_declares_licence_publisher_and_kind(home: Paths, sidecar: str) -> None:
    _drop(home, "post.md", "# 2024年数字政府观察\n\n全国规模达到1,200亿元。\n")
    _drop(home, sidecar, "licence: CC BY 4.0\npublisher: 新浪财经\nkind: news\nsource: x\n")
    document = documents.known_documents(home)["post"]
    assert document.declared.as_dict() == {
        "licence": "CC BY 4.0", "publisher": "新浪财经", "kind": "news",
    }  # fmt: skip
    row = outcome_of(document).tables["report_documents"][0]
    assert (row["licence"], row["publisher"], row["kind"]) == ("CC BY 4.0", "新浪财经", "news")
    assert row["series_id"] == "post"  # a news post is a series of its own


def test_what_is_declared_is_part_of_the_version(home: Paths) -> None:
    _drop(home, "post.md", "# 2024年数字政府观察\n\n全国规模达到1,200亿元。\n")
    before = documents.known_documents(home)["post"].data_version
    _drop(home, "post.yml", "licence: CC BY 4.0\n")
    assert documents.known_documents(home)["post"].data_version != before


def test_an_unreadable_side_car_rejects_the_document_by_name(home: Paths) -> None:
    _drop(home, "post.md", "# 2024年数字政府观察\n\n全国规模达到1,200亿元。\n")
    _drop(home, "post.yml", "kind: blog\n")
    outcome = outcome_of(documents.known_documents(home)["post"])
    assert outcome.status == "rejected"
    assert outcome.reason == (
        "post.md: post.yml: kind 'blog' is not one of market_report, news, government, other"
    )
    assert list(outcome.tables) == ["report_documents"]


def test_a_dropped_file_without_a_side_car_has_no_licence(home: Paths) -> None:
    _drop(home, "Market Report 2027.txt", REPORT)
    outcome = outcome_of(documents.known_documents(home)["market-report-2027"])
    assert outcome.status == "published", outcome.reason
    row = outcome.tables["report_documents"][0]
    assert row["licence"] == "not declared"
    assert row["series_id"] == "series-中国智慧政务市场报告"
    assert row["status"] == "published" and row["status_reason"] is None


def test_the_bundled_document_takes_its_declaration() -> None:
    bundled = documents.known_documents(Paths(Path("/nonexistent-home")))
    document = bundled["smart-gov-market-report-2026-preview"]
    outcome = outcome_of(document)
    assert outcome.status == "published"
    row = outcome.tables["report_documents"][0]
    assert row["kind"] == "market_report"
    assert row["licence"] == "commercial report preview; document not redistributed"
    assert len(outcome.tables["report_facts"]) == row["n_facts"] > 300


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.txt", b"", "empty.txt: empty file (0 bytes)"),
        ("binary.txt", bytes(range(256)) * 40, "binary.txt: cannot extract: "),
        ("dump.txt", b"a" * (50 * 1024 * 1024), "dump.txt: 52,428,800 bytes is over the"),
        ("无题 帖子.md", "没有标题的帖子，只有一句话。\n".encode(), "无题 帖子.md: "),
    ],
)
def test_bad_files_are_rejected_naming_the_file(
    home: Paths, name: str, data: bytes, expected: str
) -> None:
    path = _drop(home, name, data)
    outcome = outcome_of(documents.known_documents(home)[documents.document_id_for(path)])
    assert outcome.status == "rejected"
    assert outcome.reason.startswith(expected), outcome.reason
    (row,) = outcome.tables["report_documents"]
    assert (row["status"], row["status_reason"], row["source_file"]) == (
        "rejected", outcome.reason, name,
    )  # fmt: skip
    assert set(outcome.tables) == {"report_documents"}


def test_a_gbk_text_is_read(home: Paths) -> None:
    _drop(home, "gbk report 2027.txt", REPORT.encode("gbk"))
    outcome = outcome_of(documents.known_documents(home)["gbk-report-2027"])
    values = [f["value"] for f in outcome.extracted["report_facts"]]
    assert 210_000_000_000 in values


def test_removal_keeps_the_same_bytes_out_and_lets_new_ones_in(home: Paths) -> None:
    path = _drop(home, "Market Report 2027.txt", REPORT)
    landed = land_document(path, "market-report-2027", home)
    digest = changes.input_digest(home)
    record_removal("market-report-2027", landed.sha256, path.name, purge=False, paths=home)
    assert changes.input_digest(home) != digest, "egov refresh must see the removal"
    document = documents.known_documents(home)["market-report-2027"]
    assert (document.origin, document.path, document.data_version) == (
        "removed", None, f"removed-{landed.sha256[:16]}",
    )  # fmt: skip
    assert landed.file.exists(), "landed bytes are kept without --purge"
    _drop(home, "Market Report 2027.txt", REPORT + "\n新增一句。\n")
    assert documents.known_documents(home)["market-report-2027"].origin == "inbox"


def test_purge_deletes_the_landed_bytes_and_ingesting_again_brings_it_back(home: Paths) -> None:
    path = _drop(home, "Market Report 2027.txt", REPORT)
    landed = land_document(path, "market-report-2027", home)
    record_removal("market-report-2027", landed.sha256, path.name, purge=True, paths=home)
    assert not home.landed_report_dir("market-report-2027").exists()
    assert removal("market-report-2027", home).purged
    document = documents.land_given(path, home)
    assert document.origin == "landed" and document.path.exists()
    assert removal("market-report-2027", home) is None
    assert documents.known_documents(home)["market-report-2027"].origin == "inbox"


def test_a_bundled_document_can_be_removed(home: Paths) -> None:
    bundled = documents.known_documents(home)["smart-gov-market-report-2026-preview"]
    record_removal(bundled.document_id, bundled.sha256, None, purge=False, paths=home)
    assert documents.known_documents(home)[bundled.document_id].origin == "removed"


def test_a_held_version_is_rejected_with_its_reason_until_it_changes(home: Paths) -> None:
    _drop(home, "Market Report 2027.txt", REPORT)
    document = documents.known_documents(home)["market-report-2027"]
    record_hold(document.document_id, document.base_version, "held: check x fails", home)
    held = documents.known_documents(home)["market-report-2027"]
    assert held.held_reason == "held: check x fails"
    assert held.data_version == f"{document.base_version}-held"
    outcome = outcome_of(held)
    assert (outcome.status, outcome.reason) == ("rejected", "held: check x fails")
    assert outcome.tables["report_documents"][0]["title"], "a held document keeps its identity"
    _drop(home, "Market Report 2027.txt", REPORT + "\n新增一句。\n")
    assert documents.known_documents(home)["market-report-2027"].held_reason is None
    assert release_hold("market-report-2027", home) and not held_record("market-report-2027", home)

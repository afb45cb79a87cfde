"""End to end: bad report documents never block the warehouse, and `egov reports`.

One refreshed copy of the warehouse for the module, then, in order (each step a fixture, so
every test passes alone): `egov ingest-report` of a binary file named .txt (rejected, exit
1) and of an image-only PDF; the other bad files dropped into the inbox next to good ones
and `egov refresh` (exit 0, the rejected documents as warnings, everything else published);
a second `egov refresh` with every bad file still in landing and in the inbox; `egov reports
list`; `egov reports remove` of a rejected and (with --purge) of a published document, and
the refresh that takes them out, with a rival report dropped at the same time that is sound
on its own but may fail the analytical marts' checks (then it is held back). Every case
file is written by the test.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dagster_project.core.files import read_json
from dagster_project.reports.extraction.output import read_output
from dagster_project.settings import SOURCES_DIR
from tests import documents as make
from tests.support import Refreshed, egov

BUNDLED = "smart-gov-market-report-2026-preview"
# The bundled report's figures as its committed extraction output states them.
BUNDLED_FACTS = len(read_output(SOURCES_DIR / "reports" / BUNDLED)["report_facts"])
CHINESE_NAME = "智慧政务 服务报告 2027（预览）.txt"
CHINESE_ID = "智慧政务-服务报告-2027-预览"


@dataclass(frozen=True)
class Step:
    """What one command printed and what the published file held right after it."""

    returncode: int
    stdout: str
    stderr: str
    documents: dict[str, dict]
    facts: dict[str, int]


def _snapshot(home: Path, result) -> Step:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "select document_id, status, status_reason, source_file, is_latest_edition, "
            "series_id, licence from marts.dim_report_document"
        ).fetchall()
        facts = dict(
            con.execute(
                "select document_id, count(*) from marts.fct_report_facts group by all"
            ).fetchall()
        )
    finally:
        con.close()
    keys = ("status", "reason", "file", "latest", "series", "licence")
    documents = {row[0]: dict(zip(keys, row[1:], strict=True)) for row in rows}
    return Step(result.returncode, result.stdout, result.stderr, documents, facts)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad documents")
    gbk = folder / "gbk report 2027.txt"
    gbk.write_bytes(make.REPORT_2027.encode("gbk"))
    chinese = folder / CHINESE_NAME
    chinese.write_text(make.REPORT_2027.replace("服务市场报告", "城市服务报告"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return {
        "titleless": make.titleless_post(folder / "post-without-title.md"),
        "empty": folder / "empty.txt",
        "binary": make.binary_text(folder / "binary.txt"),
        "scan": make.image_only_pdf(folder / "scan.pdf"),
        "gbk": gbk,
        "huge": make.huge_text(folder / "dump.txt"),
        "html": make.html_page(folder / "news page.html"),
        "chinese": chinese,
    }


@pytest.fixture(scope="module")
def home(refreshed_copy: Refreshed) -> Path:
    return refreshed_copy.home


@pytest.fixture(scope="module")
def ingested(home: Path, files: dict[str, Path]) -> tuple[Step, object]:
    """`egov ingest-report` of the binary .txt (landed, rejected) and of the scanned PDF."""
    binary = egov(home, "ingest-report", str(files["binary"]))
    scan = egov(home, "ingest-report", str(files["scan"]))
    return _snapshot(home, binary), scan


@pytest.fixture(scope="module")
def refreshed(home: Path, files: dict[str, Path], ingested) -> Step:
    """Every case file in the inbox (the binary one also in landing), then `egov refresh`."""
    inbox = home / "inbox" / "reports"
    inbox.mkdir(parents=True, exist_ok=True)
    for path in files.values():
        shutil.copy(path, inbox / path.name)
    return _snapshot(home, egov(home, "refresh"))


@pytest.fixture(scope="module")
def refreshed_again(home: Path, refreshed: Step) -> Step:
    return _snapshot(home, egov(home, "refresh"))


@pytest.fixture(scope="module")
def listed(home: Path, refreshed_again: Step) -> tuple[list[dict], object]:
    as_json = egov(home, "reports", "list", "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    return json.loads(as_json.stdout), egov(home, "reports", "list")


@pytest.fixture(scope="module")
def removed(home: Path, listed) -> tuple[list, Step]:
    """Two removals, then a refresh that also meets a rival report in the inbox."""
    removals = [
        egov(home, "reports", "remove", "empty"),
        egov(home, "reports", "remove", "gbk-report-2027", "--purge"),
        egov(home, "reports", "remove", "no-such-document"),
    ]
    rival = home / "inbox" / "reports" / "rival-spend-2025.txt"
    rival.write_text(make.RIVAL_SPEND, encoding="utf-8")
    return removals, _snapshot(home, egov(home, "refresh"))


def test_ingest_report_of_a_bad_document_exits_1_naming_it_and_the_reason(ingested) -> None:
    step, _ = ingested
    assert step.returncode == 1, step.stdout + step.stderr
    assert "report document binary rejected: binary.txt: cannot extract" in step.stderr
    assert step.documents["binary"]["status"] == "rejected"
    assert step.documents["binary"]["reason"].startswith("binary.txt: ")
    assert "binary" not in step.facts


def test_a_scanned_pdf_ends_as_a_message_naming_it(ingested) -> None:
    _, scan = ingested
    assert scan.returncode != 0
    assert "scan.pdf" in scan.stderr


def test_refresh_publishes_everything_else_and_warns_of_each_rejection(refreshed) -> None:
    assert refreshed.returncode == 0, refreshed.stdout + refreshed.stderr
    rejected = {d: row for d, row in refreshed.documents.items() if row["status"] == "rejected"}
    assert {"empty", "binary", "dump"} <= set(rejected)
    assert rejected["empty"]["reason"] == "empty.txt: empty file (0 bytes)"
    assert rejected["dump"]["reason"].startswith("dump.txt: ")
    for document_id, row in rejected.items():
        assert row["reason"].startswith(f"{row['file']}: "), row
        assert f"warning: report document {document_id} is rejected" in refreshed.stderr
        assert document_id not in refreshed.facts
        assert not row["latest"]
    # The good documents of the same drop are published next to the bundled report.
    assert refreshed.documents[BUNDLED]["status"] == "published"
    assert refreshed.facts[BUNDLED] == BUNDLED_FACTS
    assert refreshed.documents["gbk-report-2027"]["status"] == "published"
    assert refreshed.facts["gbk-report-2027"] >= 2


def test_every_case_file_ends_with_a_status_naming_it(refreshed, files) -> None:
    by_file = {row["file"]: row for row in refreshed.documents.values()}
    for key, path in files.items():
        if key == "scan" and path.name not in by_file:
            continue  # a library that reads no PDF leaves it in the inbox, untouched
        row = by_file[path.name]
        assert row["status"] in ("published", "rejected")
        if row["status"] == "rejected":
            assert row["reason"].startswith(f"{path.name}: "), row
    assert CHINESE_ID in refreshed.documents
    assert refreshed.documents[CHINESE_ID]["licence"] == "not declared"


def test_one_latest_edition_per_series_whatever_is_published(refreshed) -> None:
    latest: dict[str, int] = {}
    for row in refreshed.documents.values():
        if row["status"] == "published":
            latest[row["series"]] = latest.get(row["series"], 0) + row["latest"]
    assert latest and set(latest.values()) == {1}


def test_a_later_refresh_with_the_bad_files_still_there_succeeds(home, refreshed_again) -> None:
    assert refreshed_again.returncode == 0, refreshed_again.stdout + refreshed_again.stderr
    assert "warning: report document binary is rejected" in refreshed_again.stderr
    assert (home / "inbox" / "reports" / "binary.txt").exists()
    assert any((home / "landing" / "reports" / "binary").iterdir())


def test_reports_list_shows_every_document_with_its_status(listed, refreshed_again) -> None:
    records, table = listed
    assert [list(r) for r in records[:1]] == [
        ["id", "title", "edition", "date", "status", "facts", "flagged", "reason"]
    ]
    by_id = {r["id"]: r for r in records}
    assert set(by_id) == set(refreshed_again.documents)
    assert by_id[BUNDLED]["status"] == "published" and by_id[BUNDLED]["facts"] == BUNDLED_FACTS
    assert by_id[BUNDLED]["edition"] == 2026 and by_id[BUNDLED]["flagged"] == 2
    assert by_id["empty"]["status"] == "rejected"
    # Published documents first, then the rejected ones.
    statuses = [r["status"] for r in records]
    assert statuses == sorted(statuses, key=lambda s: s == "rejected")
    assert table.returncode == 0 and BUNDLED in table.stdout and "rejected" in table.stdout


def test_reports_remove_takes_documents_out_at_the_next_refresh(home, removed) -> None:
    (rejected, published, unknown), after = removed
    assert rejected.returncode == 0 and "empty: removed" in rejected.stdout
    assert published.returncode == 0 and "landed bytes are deleted" in published.stdout
    assert unknown.returncode == 2 and "no-such-document" in unknown.stderr
    assert after.returncode == 0, after.stdout + after.stderr
    assert "empty" not in after.documents and "gbk-report-2027" not in after.documents
    assert "gbk-report-2027" not in after.facts
    assert after.documents[BUNDLED]["status"] == "published"
    # The rejected document's bytes stay in landing; the purged one's are gone.
    assert any((home / "landing" / "reports" / "empty").iterdir())
    assert not (home / "landing" / "reports" / "gbk-report-2027").exists()
    # The records say so, and the copies still in the inbox do not bring them back.
    assert read_json(home / "state" / "reports" / "gbk-report-2027.json")["removed"]["purged"]
    assert (home / "inbox" / "reports" / "gbk report 2027.txt").exists()
    assert "warning: report document empty" not in after.stderr


def test_a_report_the_marts_fail_with_is_held_back_and_the_rest_published(removed) -> None:
    _, after = removed
    assert after.returncode == 0, after.stdout + after.stderr
    rival = after.documents["rival-spend-2025"]
    if rival["status"] == "published":
        assert after.facts["rival-spend-2025"] >= 1  # the marts took both reports
        return
    assert rival["reason"].startswith("rival-spend-2025.txt: held back: the warehouse check ")
    assert "rival-spend-2025" not in after.facts
    assert "running it again with them held back" in after.stderr
    assert after.facts[BUNDLED] == BUNDLED_FACTS
    assert after.documents[CHINESE_ID]["status"] == "published"

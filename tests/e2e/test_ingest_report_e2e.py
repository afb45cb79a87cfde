"""End to end: a later edition of the report is ingested beside the bundled one."""

from pathlib import Path

import duckdb
import pytest

from dagster_project.core.files import sha256_file
from tests.support import Refreshed, egov

SHARED_REPORT = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "reports"
    / "smart-gov-market-report-2026-preview.txt"
)


_egov = egov


def _query(home: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def next_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2026 preview re-issued as a 2027 edition with a revised 2023 IT spend figure."""
    if not SHARED_REPORT.exists():
        pytest.skip(f"{SHARED_REPORT} is not available")
    text = SHARED_REPORT.read_text(encoding="utf-8")
    assert text.count("1,862億元") >= 1
    revised = text.replace("2026年及未來5年", "2027年及未來5年").replace("1,862億元", "2,048億元")
    path = tmp_path_factory.mktemp("docs") / "smart-gov-market-report-2027-preview.txt"
    path.write_text(revised, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ingested(refreshed_copy: Refreshed, next_edition: Path) -> tuple[Path, object]:
    """The module's home after `egov ingest-report` of the 2027 edition (done once)."""
    home = refreshed_copy.home
    return home, _egov(home, "ingest-report", str(next_edition))


@pytest.fixture(scope="module")
def home(ingested: tuple[Path, object]) -> Path:
    return ingested[0]


def test_ingest_report_adds_an_edition_beside_the_bundled_one(home, ingested):
    result = ingested[1]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smart-gov-market-report-2027-preview:" in result.stdout
    assert "flagged figures" in result.stdout and "no catalog metric" in result.stdout
    documents = _query(
        home, "select document_id, edition, is_latest_edition from marts.dim_report_document"
    )
    assert sorted(documents) == [
        ("smart-gov-market-report-2026-preview", 2026, False),
        ("smart-gov-market-report-2027-preview", 2027, True),
    ]
    spend = _query(
        home,
        "select document_id, value from marts.fct_report_facts "
        "where metric_id = 'smartgov_it_spend' and period_year = 2023 group by all order by 1",
    )
    assert spend == [
        ("smart-gov-market-report-2026-preview", 186_200_000_000),
        ("smart-gov-market-report-2027-preview", 204_800_000_000),
    ]


def test_reingesting_the_same_bytes_is_a_no_op(home, next_edition):
    before = sha256_file(home / "egov.duckdb")
    again = _egov(home, "ingest-report", str(next_edition))
    assert again.returncode == 0, again.stdout + again.stderr
    assert "already ingested: nothing changed" in again.stdout
    assert sha256_file(home / "egov.duckdb") == before


def test_refresh_after_ingest_keeps_both_editions(home):
    result = _egov(home, "refresh")
    assert result.returncode == 0, result.stdout + result.stderr
    count = _query(home, "select count(distinct document_id) from marts.fct_report_facts")
    assert count == [(2,)]

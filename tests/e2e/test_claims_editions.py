"""Claims across two editions of the seed report: consensus, revisions and forecast vintages.

A private copy of the session's refreshed home (tests/conftest.py). Its published file shows
the seed report's claims; then the report is re-issued as a 2027 edition that revises the 2023
IT spend beyond the tolerance (1,862 → 2,048亿元), revises the 2030 market size within it
(9,120 → 9,150亿元) and reports 2025's market size as an actual (据IDC统计 … 5,010亿元) where the
2026 edition forecast about 4,860亿元. It is ingested with `egov ingest-report`, and the claims,
the consensus, the forecast vintages and the analytical marts are read from the published file.
"""

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.conftest import shared_path
from tests.support import Refreshed, egov

YI = 100_000_000  # 亿元
SEED = "smart-gov-market-report-2026-preview"
EDITION = "smart-gov-market-report-2027-preview"
EDITS = {
    "2026年及未來5年": "2027年及未來5年",
    "1,862億元": "2,048億元",
    "據(jù)IDC預(yù)測,中國智慧政務(wù)市場規(guī)模將從2025年的約4860億元增長至2030年的9120億元": (
        "據(jù)IDC統(tǒng)計,2025年中國智慧政務(wù)市場規(guī)模達5,010億元,預(yù)計將增長至2030年的9150億元"
    ),
}


def _query(home: Path, sql: str, *params: object) -> list[tuple]:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def _consensus(home: Path, consensus_id: str) -> dict:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        cursor = con.execute(
            "select * from marts.fct_claim_consensus where consensus_id = ?", [consensus_id]
        )
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    finally:
        con.close()
    assert len(rows) == 1, f"{consensus_id}: {len(rows)} consensus rows"
    return dict(zip(names, rows[0], strict=True))


def _money_tolerance_pct(home: Path) -> float:
    ((tolerance,),) = _query(
        home,
        "select tolerance from raw.claim_tolerances "
        "where unit = 'CNY' and metric_id is null and tolerance_kind = 'relative_pct'",
    )
    return tolerance


@pytest.fixture(scope="module")
def home(refreshed_copy: Refreshed) -> Path:
    return refreshed_copy.home


@pytest.fixture(scope="module")
def baseline(home: Path) -> dict[str, list[tuple]]:
    """What the seed report alone publishes, read before the next edition is ingested."""
    return {
        "it_spend_2023": _query(
            home,
            "select claim_id, document_id, fact_ids, n_facts, n_sections, cited_publisher,"
            " value from marts.fct_report_claims where consensus_id = 'smartgov_it_spend:CN:2023'",
        ),
        "it_spend_facts": _query(
            home,
            "select fact_id, section_id, claim_id from marts.fct_report_facts"
            " where metric_id = 'smartgov_it_spend' and period_year = 2023",
        ),
    }


@pytest.fixture(scope="module")
def next_edition(
    home: Path, baseline: dict, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    text = shared_path("reports", f"{SEED}.txt").read_text(encoding="utf-8")
    for old, new in EDITS.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path_factory.mktemp("docs") / f"{EDITION}.txt"
    path.write_text(text, encoding="utf-8")
    result = egov(home, "ingest-report", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    yield home


def test_a_figure_in_the_summary_and_the_body_is_one_claim_with_both_facts(baseline):
    (claim,) = baseline["it_spend_2023"]
    claim_id, document_id, fact_ids, n_facts, n_sections, publisher, value = claim
    facts = {fact_id: (section, owner) for fact_id, section, owner in baseline["it_spend_facts"]}
    assert document_id == SEED and value == 1_862 * YI and publisher == "IDC"
    # 据IDC数据显示 in 摘要 and 据IDC(国际数据公司)统计 in 1.1: two facts, one claim.
    assert sorted(fact_ids.split(",")) == sorted(facts) and n_facts == 2 and n_sections == 2
    assert {section.rsplit(":", 1)[1] for section, _ in facts.values()} == {"abstract", "1.1"}
    assert {claimed for _, claimed in facts.values()} == {claim_id}


def test_2023_it_spend_is_one_consensus_row_with_both_editions_claims(next_edition):
    consensus = _consensus(next_edition, "smartgov_it_spend:CN:2023")
    assert consensus["n_claims"] == 2 and consensus["n_documents"] == 2
    assert sorted(consensus["document_ids"].split(",")) == [SEED, EDITION]
    claims = _query(
        next_edition,
        "select document_id, value, is_preferred, preference_rank from marts.fct_report_claims"
        " where consensus_id = 'smartgov_it_spend:CN:2023' order by preference_rank",
    )
    assert claims == [(EDITION, 2_048 * YI, True, 1), (SEED, 1_862 * YI, False, 2)]
    assert consensus["preferred_claim_id"] in consensus["claim_ids"].split(",")
    assert (consensus["value_min"], consensus["value_max"]) == (1_862 * YI, 2_048 * YI)


@pytest.mark.parametrize(
    ("consensus_id", "earlier", "later", "agreement"),
    [
        ("smartgov_it_spend:CN:2023", 1_862 * YI, 2_048 * YI, "conflict"),  # revised by 9 %
        ("smartgov_market_size:CN:2030", 9_120 * YI, 9_150 * YI, "agree"),  # revised by 0.3 %
    ],
)
def test_a_revised_figure_agrees_or_conflicts_by_the_tolerance_and_the_later_edition_wins(
    next_edition, consensus_id, earlier, later, agreement
):
    consensus = _consensus(next_edition, consensus_id)
    assert consensus["preferred_document_id"] == EDITION
    assert consensus["preferred_edition"] == 2027 and consensus["preferred_value"] == later
    assert consensus["preferred_because"] == "edition"
    spread_pct = (later - earlier) / later * 100
    assert consensus["relative_spread_pct"] == pytest.approx(spread_pct)
    # The outcome follows the seeded tolerance (1 % for money), not a constant of the model.
    assert (spread_pct <= _money_tolerance_pct(next_edition)) == (agreement == "agree")
    assert consensus["agreement"] == agreement


def test_the_2026_forecast_of_a_year_the_2027_edition_reports_as_actual_carries_its_error(
    next_edition,
):
    rows = _query(
        next_edition,
        "select forecast_document_id, forecast_edition, forecast_qualifier, forecast_value,"
        " actual_document_id, actual_edition, actual_value, forecast_error, vintage_gap_years,"
        " horizon_years from marts.fct_claim_forecast_vintages"
        " where consensus_id = 'smartgov_market_size:CN:2025'",
    )
    assert rows == [
        (
            SEED, 2026, "~", 4_860 * YI, EDITION, 2027, 5_010 * YI,
            pytest.approx(5_010 / 4_860 - 1), 1, -1,
        )
    ]  # fmt: skip
    consensus = _consensus(next_edition, "smartgov_market_size:CN:2025")
    # Once an actual exists it is preferred, whatever the edition order would say.
    assert consensus["preferred_kind"] == "actual" and consensus["preferred_because"] == "kind"
    assert consensus["preferred_value"] == 5_010 * YI and consensus["agreement"] == "single"


def test_the_analytical_marts_read_the_preferred_claims(next_edition):
    spend = {
        (series, year, scenario): (float(value), method, fact_ids)
        for series, year, scenario, value, method, fact_ids in _query(
            next_edition,
            "select series_id, year, scenario, value_cny, value_method, source_fact_ids"
            " from marts.spend_by_year"
            " where series_id in ('smartgov_it_spend', 'smartgov_market_size')",
        )
    }
    preferred = {
        consensus_id: (value, fact_ids)
        for consensus_id, value, fact_ids in _query(
            next_edition,
            "select consensus_id, preferred_value, preferred_fact_ids"
            " from marts.fct_claim_consensus where metric_id in"
            " ('smartgov_it_spend', 'smartgov_market_size')",
        )
    }
    for (series, year, scenario), consensus_id in {
        ("smartgov_it_spend", 2023, "actual"): "smartgov_it_spend:CN:2023",
        ("smartgov_market_size", 2025, "actual"): "smartgov_market_size:CN:2025",
        ("smartgov_market_size", 2030, "base"): "smartgov_market_size:CN:2030",
    }.items():
        value, method, fact_ids = spend[(series, year, scenario)]
        assert method == "stated" and value == preferred[consensus_id][0]
        assert set(fact_ids.split(",")) == set(preferred[consensus_id][1].split(","))
    # The back-cast year is the preferred derived claim: 2,048 / 1.214, not 1,862 / 1.214.
    backcast, method, _ = spend[("smartgov_it_spend", 2022, "actual")]
    assert method == "backcast_yoy"
    assert backcast == pytest.approx(preferred["smartgov_it_spend:CN:2022"][0], abs=0.01)
    assert backcast == pytest.approx(2_048 * YI / 1.214, abs=0.01)


def test_the_claims_checks_passed(next_edition):
    suites = dict(
        _query(
            next_edition,
            "select suite, count(*) filter (where not success) from audit.check_results"
            " where suite like 'marts.fct_%claim%' group by suite",
        )
    )
    assert set(suites) == {
        "marts.fct_report_claims",
        "marts.fct_claim_consensus",
        "marts.fct_claim_forecast_vintages",
        "marts.fct_claim_official_checks",
    }
    assert all(failed == 0 for failed in suites.values())

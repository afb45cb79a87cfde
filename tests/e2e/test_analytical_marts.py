"""The analytical marts after one real refresh, then after a later edition of the report.

A private copy of the session's refreshed warehouse home (tests/conftest.py); the numbers the tests
need are read from the published file into a snapshot. A revised edition of the report (title
2027, other 2023 IT spend and 2030 market figures) is then ingested into the same home with
`egov ingest-report`, and a second snapshot shows the marts following it without code changes.
"""

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.support import Refreshed, egov

SHARED_REPORT = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "reports"
    / "smart-gov-market-report-2026-preview.txt"
)
YI = 100_000_000  # 亿元
MARTS = ["spend_by_year", "spend_reconciliation", "segment_forecasts", "regional_maturity_index"]

QUERIES = {
    "years": "select distinct year from marts.spend_by_year order by year",
    "spend": (
        "select series_id, year, scenario, cast(value_cny as double), cast(value_usd as double),"
        " fx_rate, yoy_growth_pct, is_derived, value_method, is_fx_projected, fx_year,"
        " source_fact_ids from marts.spend_by_year"
    ),
    "segments": (
        "select year, scenario, count(*), cast(sum(value_cny) as double),"
        " cast(max(market_value_cny) as double), cast(sum(share_pct) as double)"
        " from marts.segment_forecasts group by year, scenario"
    ),
    "segment_rows": (
        "select segment_id, year, scenario, cast(share_pct as double), share_method"
        " from marts.segment_forecasts"
    ),
    "provinces": (
        "select year, count(*), count(distinct region_code), count(distinct rank), min(rank),"
        " max(rank), min(score), max(score), min(coverage_pct), max(coverage_pct)"
        " from marts.regional_maturity_index where region_level = 'province' group by year"
    ),
    "maturity_2023": (
        "select region_code, score, digital_service_score, fiscal_capacity_score, coverage_pct"
        " from marts.regional_maturity_index where year = 2023"
    ),
    "maturity": (
        "select region_code, region_level, year, rank, rank_low, rank_high, n_ranked,"
        " coverage_pct, n_pillars, is_complete_year, headline_year, is_headline_year,"
        " region_name_en, digital_service_score, fiscal_capacity_score"
        " from marts.regional_maturity_index"
    ),
    "transfer_funded_west": (
        "select s.region_code, s.year from marts.fct_province_stats s"
        " join marts.dim_region r using (region_code)"
        " where r.region_group = 'west' and s.budget_revenue_cny < s.budget_expenditure_cny / 3"
    ),
    "prefecture_names": (
        "select name_zh, name_en, name_en_origin from marts.dim_region"
        " where region_level = 'prefecture'"
    ),
    "checks": (
        "select check_type, series_id, year, compared_year, stated_value, recomputed_value,"
        " status from marts.spend_reconciliation"
    ),
    "fact_documents": (
        "select f.fact_id, f.document_id, d.is_latest_edition from marts.fct_report_facts f"
        " join marts.dim_report_document d on f.document_id = d.document_id"
    ),
    "suites": (
        "select suite, count(*) filter (where not success), count(*) from audit.check_results"
        " where suite in ('marts.spend_by_year', 'marts.spend_reconciliation',"
        " 'marts.segment_forecasts', 'marts.regional_maturity_index') group by suite"
    ),
}


_egov = egov


def _snapshot(home: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in QUERIES.items()}
    finally:
        con.close()


def _spend(snapshot: dict, series_id: str) -> dict[tuple[int, str], tuple]:
    return {(r[1], r[2]): r for r in snapshot["spend"] if r[0] == series_id}


@pytest.fixture(scope="module")
def home(refreshed_copy: Refreshed) -> Path:
    return refreshed_copy.home


@pytest.fixture(scope="module")
def baseline(home: Path) -> dict[str, list[tuple]]:
    return _snapshot(home)


@pytest.fixture(scope="module")
def next_edition(
    home: Path, baseline: dict, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, list[tuple]]]:
    """The 2026 preview re-issued as a 2027 edition: 2023 IT spend 2,048亿元, 2030 market
    9,600亿元 at a CAGR of 14.6%; ingested after the baseline snapshot was taken."""
    if not SHARED_REPORT.exists():
        pytest.skip(f"{SHARED_REPORT} is not available")
    text = SHARED_REPORT.read_text(encoding="utf-8")
    edits = {
        "2026年及未來5年": "2027年及未來5年",
        "1,862億元": "2,048億元",
        "9120億元": "9600億元",
        "(CAGR)達13.4%": "(CAGR)達14.6%",
    }
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path_factory.mktemp("docs") / "smart-gov-market-report-2027-preview.txt"
    path.write_text(text, encoding="utf-8")
    result = _egov(home, "ingest-report", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    yield _snapshot(home)


def test_spend_by_year_covers_2019_to_2030_with_the_stated_2023_it_spend(baseline):
    assert [year for (year,) in baseline["years"]] == list(range(2019, 2031))
    it_spend = _spend(baseline, "smartgov_it_spend")
    assert it_spend[(2023, "actual")][3] == 186_200_000_000
    assert it_spend[(2023, "actual")][8] == "stated"
    # Back-cast one year from the stated growth (同比增长21.4%), and no further.
    assert it_spend[(2022, "actual")][3] == pytest.approx(186_200_000_000 / 1.214, abs=0.01)
    assert min(year for year, _ in it_spend) == 2022
    # Base path at the stated CAGR floor (18%); it clears the stated 2026 floor of 3,000亿元.
    assert it_spend[(2030, "base")][3] == pytest.approx(186_200_000_000 * 1.18**7, rel=1e-9)
    assert it_spend[(2026, "base")][3] > 3_000 * YI
    assert {scenario for _, scenario in it_spend} == {"actual", "base", "low", "high"}


def test_every_actual_year_has_a_usd_value_at_that_years_rate(baseline):
    rows = baseline["spend"]
    assert rows and all(r[4] is not None and r[5] for r in rows)
    for r in rows:
        assert r[4] == pytest.approx(r[3] / r[5], abs=0.01)
    actual_years = {r[1] for r in rows if r[2] == "actual"}
    assert {r[1] for r in rows if r[2] == "actual" and not r[9]} == actual_years
    projected = {(r[1], r[10]) for r in rows if r[9]}
    assert projected and all(fx_year < year for year, fx_year in projected)
    it_2023 = _spend(baseline, "smartgov_it_spend")[(2023, "actual")]
    assert it_2023[5] == pytest.approx(7.0809, abs=5e-4)  # FRED 2023 average


def test_market_size_keeps_the_idc_anchors_and_bands_follow_the_rate_spread(baseline):
    market = _spend(baseline, "smartgov_market_size")
    assert market[(2025, "base")][3] == 4_860 * YI
    assert market[(2030, "base")][3] == 9_120 * YI
    assert market[(2027, "base")][3] == pytest.approx(4_860 * YI * 1.134**2, rel=1e-9)
    # Spread 18% (IT spend floor) vs 13.4% (market): a point CAGR sits mid-band, ±2.3 pp.
    assert market[(2030, "low")][3] == pytest.approx(4_860 * YI * 1.111**5, rel=1e-9)
    assert market[(2030, "high")][3] == pytest.approx(4_860 * YI * 1.157**5, rel=1e-9)
    assert market[(2025, "low")][3] == market[(2025, "high")][3] == 4_860 * YI
    # A floor CAGR (>= 18%) is the low band itself; the high band adds the whole spread.
    it_spend = _spend(baseline, "smartgov_it_spend")
    assert it_spend[(2030, "low")][3] == pytest.approx(it_spend[(2030, "base")][3])
    assert it_spend[(2030, "high")][3] == pytest.approx(186_200_000_000 * 1.226**7, rel=1e-9)


def test_security_spend_is_the_security_share_of_it_spend(baseline):
    security = _spend(baseline, "security_spend")
    it_spend = _spend(baseline, "smartgov_it_spend")
    assert security[(2023, "actual")][3] == pytest.approx(0.147 * 186_200_000_000, abs=0.01)
    assert set(security) == {key for key in it_spend if key[0] >= 2022}
    share_2030 = security[(2030, "base")][3] / it_spend[(2030, "base")][3]
    # 14.7% in 2023, +5.2 pp since 2020, drifting at half that pace afterwards.
    assert share_2030 == pytest.approx(0.147 + 7 * 0.052 / 3 * 0.5, abs=1e-9)


def test_segment_forecasts_sum_to_the_idc_market_size_with_shares_summing_to_100(baseline):
    totals = {(year, scenario): rest for year, scenario, *rest in baseline["segments"]}
    assert {year for year, _ in totals} == set(range(2025, 2031))
    assert {scenario for _, scenario in totals} == {"base", "low", "high"}
    for n_segments, segment_sum, market, share_sum in totals.values():
        assert n_segments == 5
        assert segment_sum == market
        assert share_sum == 100
    assert totals[(2025, "base")][1] == pytest.approx(4_860 * YI, rel=0.01)
    assert totals[(2030, "base")][1] == pytest.approx(9_120 * YI, rel=0.01)
    security = {
        (year, scenario): share
        for segment, year, scenario, share, _ in baseline["segment_rows"]
        if segment == "security_privacy"
    }
    assert security[(2025, "base")] == pytest.approx(14.7 + 2 * 5.2 / 3 * 0.5, abs=1e-4)


def test_regional_maturity_index_ranks_all_31_provinces_every_year(baseline):
    per_year = baseline["provinces"]
    assert per_year and min(year for year, *_ in per_year) == 2019
    for _, rows, provinces, ranks, min_rank, max_rank, lo, hi, cov_lo, cov_hi in per_year:
        assert rows == provinces == ranks == 31
        assert (min_rank, max_rank) == (1, 31)
        assert 0 <= lo <= hi <= 100
        # Every published year rests on at least three of the four pillars per province.
        assert 60 <= cov_lo <= cov_hi <= 100
    year_2023 = {code: rest for code, *rest in baseline["maturity_2023"]}
    # The report's figures reach the digital pillar of the provinces and cities it covers;
    # being named as leading alone (Guangdong) makes no pillar, it only adds to one.
    assert year_2023["330000"][1] is not None and year_2023["320000"][1] is not None
    assert year_2023["440000"][1] is None
    assert "510100" in year_2023 and year_2023["510100"][2] is None
    # A province with less evidence shows it in its coverage, not as a zero.
    assert year_2023["330000"][3] > year_2023["630000"][3]
    assert year_2023["630000"][1] is None


def _maturity(baseline) -> list[dict]:
    columns = [
        "region_code", "region_level", "year", "rank", "rank_low", "rank_high", "n_ranked",
        "coverage_pct", "n_pillars", "is_complete_year", "headline_year", "is_headline_year",
        "region_name_en", "digital_service_score", "fiscal_capacity_score",
    ]  # fmt: skip
    return [dict(zip(columns, row, strict=True)) for row in baseline["maturity"]]


def test_maturity_headline_year_is_complete_and_years_say_whether_they_are(baseline):
    rows = _maturity(baseline)
    (headline,) = {r["headline_year"] for r in rows}
    provinces = [r for r in rows if r["region_level"] == "province"]
    complete = {r["year"] for r in provinces if r["is_complete_year"]}
    assert headline == max(complete) and 2019 in complete
    assert {r["year"] for r in rows if r["is_headline_year"]} == {headline}
    for year in {r["year"] for r in provinces}:
        of_year = [r for r in provinces if r["year"] == year]
        assert (year in complete) == all(r["n_pillars"] == 4 for r in of_year)


def test_official_leaders_rank_high_and_transfers_do_not_buy_fiscal_rank(baseline):
    rows = [r for r in _maturity(baseline) if r["region_level"] == "province"]
    leaders = {"110000", "310000", "320000", "330000", "440000"}
    for year in range(2019, 2024):
        ranks = {r["region_code"]: r["rank"] for r in rows if r["year"] == year}
        assert all(ranks[code] <= 8 for code in leaders), (year, ranks)
    transfer_funded = set(baseline["transfer_funded_west"])
    assert ("540000", 2019) in transfer_funded  # Tibet raises about a tenth of what it spends
    for year in range(2019, 2024):
        fiscal = sorted(
            (r for r in rows if r["year"] == year), key=lambda r: -r["fiscal_capacity_score"]
        )
        top_ten = {r["region_code"] for r in fiscal[:10]}
        assert not {code for code, y in transfer_funded if y == year} & top_ten, year


def test_ranks_are_per_level_and_lie_within_their_weight_range(baseline):
    rows = _maturity(baseline)
    assert {r["region_level"] for r in rows} == {"province", "prefecture"}
    for r in rows:
        assert 1 <= r["rank_low"] <= r["rank"] <= r["rank_high"] <= r["n_ranked"]
    for key in {(r["year"], r["region_level"]) for r in rows}:
        ranks = sorted(r["rank"] for r in rows if (r["year"], r["region_level"]) == key)
        assert ranks == list(range(1, len(ranks) + 1))
    # Some ranks move under the ±25 % weight grid, and the leaders' stay near the top.
    assert any(r["rank_low"] < r["rank_high"] for r in rows)


def test_every_city_has_an_english_name(baseline):
    rows = _maturity(baseline)
    cities = [r for r in rows if r["region_level"] == "prefecture"]
    assert cities and all(r["region_name_en"] for r in cities)
    names = {zh: (en, origin) for zh, en, origin in baseline["prefecture_names"]}
    assert all(en for en, _ in names.values())
    assert names["深圳市"] == ("Shenzhen", "pinyin")
    assert names["西安市"][0] == "Xi'an"
    assert names["长治市"][0] == "Changzhi"
    assert names["延边朝鲜族自治州"][0] == "Yanbian"


def test_reconciliation_lists_checks_and_mismatches(baseline):
    checks = baseline["checks"]
    by_type = {}
    for check_type, series_id, *rest in checks:
        by_type.setdefault((check_type, series_id), []).append(rest)
    (cagr,) = by_type[("cagr_vs_endpoints", "smartgov_market_size")]
    assert cagr[2] == 13.4 and cagr[3] == pytest.approx(13.4154, abs=1e-4) and cagr[4] == "ok"
    other = by_type[("other_source", "smartgov_market_size")]
    assert any(row[2] == 18.3 and row[4] == "mismatch" for row in other)  # 赛迪顾问 vs IDC
    assert all(
        row[4] == "different_scope" for row in by_type[("scope_comparison", "smartgov_it_spend")]
    )
    assert by_type[("identical_growth", "central_special_funds")][0][4] == "review"


def test_stated_values_cite_facts_of_the_latest_edition(baseline):
    latest = {fact_id: is_latest for fact_id, _, is_latest in baseline["fact_documents"]}
    cited = {f for r in baseline["spend"] if r[11] for f in r[11].split(",")}
    assert cited and all(latest[fact_id] for fact_id in cited)


def test_the_marts_checks_passed(baseline):
    suites = {suite: (failed, total) for suite, failed, total in baseline["suites"]}
    assert set(suites) == {f"marts.{name}" for name in MARTS}
    assert all(failed == 0 and total > 0 for failed, total in suites.values())


def test_a_new_edition_moves_the_marts_without_code_changes(baseline, next_edition):
    it_spend = _spend(next_edition, "smartgov_it_spend")
    assert it_spend[(2023, "actual")][3] == 204_800_000_000
    assert it_spend[(2022, "actual")][3] == pytest.approx(204_800_000_000 / 1.214, abs=0.01)
    market = _spend(next_edition, "smartgov_market_size")
    assert market[(2030, "base")][3] == 9_600 * YI
    assert market[(2027, "base")][3] == pytest.approx(4_860 * YI * 1.146**2, rel=1e-9)
    totals = {(year, scenario): rest for year, scenario, *rest in next_edition["segments"]}
    assert totals[(2030, "base")][1] == 9_600 * YI
    assert all(share_sum == 100 for *_, share_sum in totals.values())
    # Only the latest edition feeds the marts; the 2026 preview stays loaded beside it.
    documents = {document_id for _, document_id, _ in next_edition["fact_documents"]}
    assert "smart-gov-market-report-2026-preview" in documents
    latest = {fact_id: is_latest for fact_id, _, is_latest in next_edition["fact_documents"]}
    cited = {f for r in next_edition["spend"] if r[11] for f in r[11].split(",")}
    assert cited and all(latest[fact_id] for fact_id in cited)
    # What the edition did not change stays as it was.
    for series_id in ("central_special_funds", "local_budget_expenditure"):
        before = {key: row[3] for key, row in _spend(baseline, series_id).items()}
        after = {key: row[3] for key, row in _spend(next_edition, series_id).items()}
        assert after == before
    assert [r[:8] for r in next_edition["provinces"]] == [r[:8] for r in baseline["provinces"]]

from dagster_project.reports.extraction.metrics import ClauseText, load_catalog, match_metric
from dagster_project.reports.extraction.units import UNITS
from dagster_project.settings import SOURCES_DIR

REQUIRED = {
    "smartgov_it_spend",
    "smartgov_market_size",
    "security_share_of_it_spend",
    "online_service_availability_rate",
    "full_process_online_rate",
    "e_certificates_on_chain",
}


def test_catalog_is_definitions_with_known_units() -> None:
    catalog = load_catalog(SOURCES_DIR / "catalog" / "metrics.yml")
    ids = [m.metric_id for m in catalog]
    assert set(ids) >= REQUIRED
    assert len(ids) == len(set(ids))
    assert all(m.unit in UNITS and m.keywords and m.name_zh and m.name_en for m in catalog)


def _match(unit: str, before: str, after: str = "", earlier=(), context: str = ""):
    metric = match_metric(unit, ClauseText(before, after), list(earlier), context or before,
                          load_catalog(SOURCES_DIR / "catalog" / "metrics.yml"))  # fmt: skip
    return metric.metric_id if metric else None


def test_it_spend_and_its_growth_figures_get_separate_metrics() -> None:
    context = "2023年全国智慧政务相关IT支出达1,862亿元,同比增长21.4%,预计到2026年将"
    assert _match("CNY", "2023年全国智慧政务相关IT支出达") == "smartgov_it_spend"
    assert _match("percent", "同比增长", context=context) == "smartgov_it_spend_yoy_growth"
    assert _match("percent", "复合年增长率维持在", context=context) == "smartgov_it_spend_cagr"


def test_forecast_clause_borrows_the_subject_of_earlier_clauses() -> None:
    earlier = [
        ClauseText("同比增长21.4%", ""),
        ClauseText("2023年全国智慧政务相关IT支出达1,862亿元", "", True),
    ]
    assert _match("CNY", "预计到2026年将突破", earlier=earlier) == "smartgov_it_spend"


def test_no_borrowing_without_a_continuation_cue() -> None:
    earlier = [ClauseText("用户投诉率连续三年下降", ""), ClauseText("平台满意度达96.7%", "", True)]
    assert _match("percent", "2023年仅为", earlier=earlier) is None


def test_negative_keywords_and_units_keep_shares_apart() -> None:
    assert _match("percent", "2023年政务安全投入占IT总支出比重达") == "security_share_of_it_spend"
    assert _match("CNY", "安全投入占IT总支出比重达") is None
    assert _match("percent", "2023年企业开办全程网办率达") == "business_startup_full_online_rate"
    assert _match("percent", "全程网办占比提升至") == "full_process_online_rate"


def test_unmatched_figure_keeps_no_metric() -> None:
    assert _match("count", "整合") is None

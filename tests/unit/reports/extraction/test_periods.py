import pytest

from dagster_project.reports.extraction.periods import find_times, kind_for, period_for


def labels(text: str) -> list[tuple]:
    return [(t.year, t.label, t.comparison) for t in find_times(text, 0)]


def test_time_expressions_and_labels() -> None:
    assert labels("截至2023年底,2024年一季度,到2026年,2026–2030年,2023年6月") == [
        (2023, "2023-end", False),
        (2024, "2024-Q1", False),
        (2026, "2026", False),
        (2030, "2026-2030", False),
        (2023, "2023-06", False),
    ]


def test_comparison_years_do_not_govern() -> None:
    assert labels("较2020年提升,与2021年相比") == [(2020, "2020", True), (2021, "2021", True)]


def test_period_nearest_before_else_first_after_within_group() -> None:
    text = "整合42个部门,2023年减少跑动;浙江准确率91.3%"
    times = find_times(text, 0)
    assert period_for(times, 0, 14, text.index("42")).year == 2023
    assert period_for(times, 15, len(text), text.index("91.3")) is None


@pytest.mark.parametrize(
    ("cue", "clause", "year", "expected"),
    [
        ("2023年全国IT支出达", "IT支出达", 2023, "actual"),
        ("预计到2026年将突破", "预计到2026年将突破", 2026, "forecast"),
        ("未来五年复合年增长率维持在", "未来五年复合年增长率维持在", None, "forecast"),
        ("2027年市场规模", "市场规模", 2027, "forecast"),
        ("提出到2025年基本建成,网上可办率超过", "网上可办率超过", 2025, "target"),
        ("明确要求国产化率不低于", "明确要求国产化率不低于", 2023, "target"),
        ("开放交通流量预测模型,2023年降低物流成本", "2023年降低物流成本", 2023, "actual"),
        ("保持目标一致,2023年满意度达", "2023年满意度达", 2023, "actual"),
        ("以一体化为目标,整合", "整合", 2023, "actual"),
    ],
)
def test_kind(cue: str, clause: str, year: int | None, expected: str) -> None:
    assert kind_for(cue, clause, year, 2026) == expected

import pytest

from dagster_project.reports.extraction.figures import find_figures


def figures(text: str) -> list[tuple]:
    return [
        (text[f.start : f.end], f.value, f.unit, f.qualifier, f.range_role)
        for f in find_figures(text, 0, len(text), [])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IT支出达1,862亿元,", ("1,862亿元", 186200000000, "CNY", "=")),
        ("将突破3,000亿元", ("突破3,000亿元", 300000000000, "CNY", ">")),
        ("维持在18%以上", ("18%以上", 18, "percent", ">=")),
        ("提升5.2个百分点", ("5.2个百分点", 5.2, "pp", "=")),
        ("处理咨询超200万次", ("超200万次", 2000000, "count", ">")),
        ("注册用户超1.8亿,", ("超1.8亿", 180000000, "count", ">")),
        ("依托2,000余类物联设备", ("2,000余类", 2000, "count", ">")),
        ("打通1.7万余个网格", ("1.7万余个", 17000, "count", ">")),
        ("360余万路视频", ("360余万路", 3600000, "count", ">")),
        ("缩短至30分钟内", ("30分钟内", 30, "minutes", "<=")),
        ("压缩至0.5个工作日", ("0.5个工作日", 0.5, "working_days", "=")),
        ("节约行政成本约47亿元", ("约47亿元", 4700000000, "CNY", "~")),
        ("低于1.2秒", ("低于1.2秒", 1.2, "seconds", "<")),
        ("控制在0.8%以下", ("0.8%以下", 0.8, "percent", "<=")),
        ("减少碳排放约1.8万吨", ("约1.8万吨", 18000, "tonnes", "~")),
        ("跃居全国第12位", ("第12位", 12, "rank", "=")),
        ("提升3.2倍", ("3.2倍", 3.2, "multiple", "=")),
        ("得分均在90分以上", ("90分以上", 90, "score", ">=")),
        ("平均增长0.78点", ("0.78点", 0.78, "score", "=")),
        ("时间成本约2,750万小时", ("约2,750万小时", 27500000, "hours", "~")),
        ("获得9600万元", ("9600万元", 96000000, "CNY", "=")),
        ("耗时5.8个月", ("5.8个月", 5.8, "months", "=")),
        ("不低于70%", ("不低于70%", 70, "percent", ">=")),
        ("不足3天", ("不足3天", 3, "days", "<")),
        ("近80%的用户", ("近80%", 80, "percent", "~")),
    ],
)
def test_single_figures(text: str, expected: tuple) -> None:
    assert figures(text) == [(*expected, None)]


def test_range_gives_two_bounds() -> None:
    found = find_figures("成本低28%—35%,", 0, 12, [])
    assert [(f.value, f.qualifier, f.range_role) for f in found] == [
        (28, ">=", "low"),
        (35, "<=", "high"),
    ]
    assert {(f.value_low, f.value_high) for f in found} == {(28, 35)}


def test_range_with_unit_written_once() -> None:
    assert [f.value for f in find_figures("3至5天", 0, 4, [])] == [3, 5]


@pytest.mark.parametrize(
    "text",
    [
        "2023年全国", "截至2024年一季度", "2026–2030年", "数字政府2.0”改革", "12345热线",
        "(满分100)", "第27条规定", "60岁以上用户", "“1+32+N”架构", "5G网络", "3月5日", "为期5年",
    ],
)  # fmt: skip
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_comma_list_separator_is_not_a_thousands_separator() -> None:
    assert [f.value for f in find_figures("的趋势,87.5%用户,2023,12个", 0, 22, [])] == [87.5, 12]


def test_lost_leading_digit_keeps_no_value() -> None:
    text = "节约医?;鹬С?.2亿元,自身"
    (found,) = find_figures(text, 0, len(text), [])
    assert found.lost_digits and found.value is None
    assert (found.value_raw, found.unit_raw, found.unit) == ("?.2", "亿元", "CNY")


def test_excluded_spans_are_skipped() -> None:
    from dagster_project.reports.extraction.model import Span

    text = "达12亿份(数据来源:某报告第3份)"
    assert len(find_figures(text, 0, len(text), [Span(5, len(text))])) == 1

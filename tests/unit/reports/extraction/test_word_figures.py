"""Figures as real posts write them: Chinese numerals and words, full-width signs, numbers
glued to acronyms, counted years, ranks; and what is never a figure."""

from __future__ import annotations

import pytest

from dagster_project.reports.extraction.extract import extract_text
from dagster_project.settings import SOURCES_DIR


def _facts(text: str) -> list[tuple]:
    facts = extract_text(text, document_id="t", sources_dir=SOURCES_DIR).facts
    return [(round(f["value"], 6), f["unit"], f["qualifier"]) for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("企业上云比例达三成。", [(30, "percent", "=")]),
        ("近六成企业已上云。", [(60, "percent", "~")]),
        ("数字产业化占据全省接近一半。", [(50, "percent", "~")]),
        ("过半数城市开通。", [(50, "percent", ">")]),
        ("城乡居民收入翻一番以上。", [(2, "multiple", ">=")]),
        ("用户数是去年的两倍。", [(2, "multiple", "=")]),
        ("市场规模超千亿元。", [(1e11, "CNY", ">")]),
        ("打造百亿级产业集群。", [(1e10, "count", ">=")]),
        ("GDP首次超过三万亿元。", [(3e12, "CNY", ">")]),
        ("宝马电动车销量跃升约三分之一。", [(33.333333, "percent", "~")]),
        ("手续费为成交金额的万分之六。", [(0.06, "percent", "=")]),
        ("浙江稳居全国第四。", [(4, "rank", "=")]),
        ("深圳规上工业产值居全国城市首位。", [(1, "rank", "=")]),
        ("人工智能产业跻身全国城市“八强”。", [(8, "rank", "<=")]),
        ("湖南数字经济总量位居全国第12。", [(12, "rank", "=")]),
        (
            "浙江分别连续21年、37年居各省区第一。",
            [(21, "count", "="), (37, "count", "="), (1, "rank", "=")],
        ),
        ("规上工业产值连续3年增长。", [(3, "count", "=")]),
        ("提供80＋丰富的云服务。", [(80, "count", ">=")]),
        ("网上可办率达７０％。", [(70, "percent", "=")]),
        ("这个目标高于全国GDP5.5%的增长目标。", [(5.5, "percent", "=")]),
    ],
)
def test_word_and_glued_figures(text: str, expected: list[tuple]) -> None:
    assert _facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "依据GB/T 36637.1-2018和ISO/IEC 27001实施评估。",
        "详见https://www.hkcnews.com/article/7517/%E5%85%AC%E6%9C%89%E4%BA%91链接。",
        "请拨打电话400-820-9463或010-12345678咨询。",
        "根据《政府采购法》第66条的规定执行。",
        "你的专属投资礼包！更有百元京东卡、188元现金红包等你拿，100%中奖>>",
        "浙江需回答好五个问题,建设三大科创高地。",
        "一成不变的模式难以为继,这是第二批试点。",
        "国采中心开展7天期逆回购操作。",
        "总面积5.6万平方公里,粮食产量1.37万亿斤。",
        "9月22日~23日在南宁举行。",
    ],
)
def test_never_a_figure(text: str) -> None:
    assert _facts(text) == []


def test_hong_kong_amounts_are_hkd_unless_renminbi() -> None:
    text = (
        "港府施政报告提出,本港将投放7亿元发展智慧城市。"
        "彩讯2016年的收入达4.6亿元人民币,另获人民币1026万元补助。"
    )
    extraction = extract_text(text, document_id="hk", sources_dir=SOURCES_DIR)
    got = [(f["value"], f["unit"], f["region_code"]) for f in extraction.facts]
    assert got == [(7e8, "HKD", "810000"), (4.6e8, "CNY", "810000"), (1.026e7, "CNY", "810000")]


def test_a_central_plan_naming_hong_kong_is_not_a_hong_kong_text() -> None:
    text = "支持香港、澳门融入国家发展大局,香港国际航运中心地位巩固。大湾区经济总量约10万亿元。"
    (fact,) = extract_text(text, document_id="gba", sources_dir=SOURCES_DIR).facts
    assert (fact["unit"], fact["region_code"]) == ("CNY", "CN")

import pytest

from dagster_project.reports.extraction.gazetteer import load_gazetteer
from dagster_project.reports.extraction.model import Span
from dagster_project.reports.extraction.region_context import RegionResolver
from dagster_project.reports.extraction.regions import find_mentions
from dagster_project.reports.extraction.sentences import clauses, split_sentences
from dagster_project.settings import SOURCES_DIR


def test_gazetteer_codes_full_and_short_names() -> None:
    gaz = load_gazetteer(SOURCES_DIR / "snapshots" / "modood")
    assert gaz.by_name["广东省"].code == "440000"
    assert gaz.by_name["广东"].code == "440000"
    assert gaz.by_name["广州"].code == "440100"
    assert gaz.by_name["内蒙古"].code == "150000"
    assert gaz.by_name["上海"].level == "province"
    assert "市辖区" not in gaz.by_name
    assert "大同" not in gaz.by_name and "大同市" in gaz.by_name  # a common word in text


def read(sentences: list[str]) -> list[list[tuple]]:
    """Regions of every figure-like position marked with '#' in each sentence."""
    gaz = load_gazetteer(SOURCES_DIR / "snapshots" / "modood")
    resolver = RegionResolver(gaz)
    resolver.start_section([])
    out = []
    for text in sentences:
        clean = text.replace("#", "")
        mentions = find_mentions(clean, 0, gaz)
        marks, shift = [], 0
        for i, ch in enumerate(text):
            if ch == "#":
                marks.append(i - shift)
                shift += 1
        regions = [resolver.resolve(mentions, pos, pos) for pos in marks]
        out.append([(r.code, r.level) for r in regions])
        sentence = split_sentences(clean, 0, len(clean), [])[0]
        resolver.end_sentence(mentions, clauses(sentence))
    return out


def test_nearest_mention_and_national_default() -> None:
    assert read(
        [
            "数字技术深度嵌入政务流程,如广东省平台处理#200万次;全国证照#12亿份;上海市依托#2,000余类。",
            "比重达#14.7%。",
        ]
    ) == [
        [("440000", "province"), ("CN", "national"), ("310000", "province")],
        [("CN", "national")],
    ]


def test_topic_carries_to_following_sentences_and_anaphora() -> None:
    result = read(
        [
            "上海市在一网通办深化过程中重构逻辑。",
            "以企业开办为例,全市网办率#98.4%。",
            "材料减少#72%。",
        ]
    )
    assert result[1:] == [[("310000", "province")], [("310000", "province")]]


def test_enumerated_cities_of_one_province_give_the_province() -> None:
    assert read(["浙江省项目2023年在杭州、宁波等试点区县准确率#91.3%。"]) == [
        [("330000", "province")]
    ]


def test_anonymous_and_referring_mentions() -> None:
    assert read(
        [
            "某省平台接入系统。",
            "截至2023年底,该平台已接入全省#45个部门。",
            "某市大脑整合#28个部门。",
        ]
    ) == [
        [],
        [(None, "anonymous_province")],
        [(None, "anonymous_city")],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("贵州省营商环境评价跃居全国第#12位。", ("520000", "province")),
        ("此外,浙江在全国率先推行改革,实现#387类证明材料免提交。", ("330000", "province")),
        ("某市支出增长仅3.1%,远低于全国平均#8.7%的增幅。", ("CN", "national")),
        ("某省比重达16.2%,高于全国政务领域平均水平#1.5个百分点。", (None, "anonymous_province")),
        ("若该模式在#100个地级市推广。", ("CN", "national")),
        ("中国信息通信研究院指出,每提升#1个百分点。", ("CN", "national")),
        ("贵州省依托国家大数据综合试验区,实现全省政务系统#100%上云。", ("520000", "province")),
    ],
)
def test_ranking_benchmark_and_scope_words(text: str, expected: tuple) -> None:
    assert read([text]) == [[expected]]


def test_titles_are_masked_before_mentions_are_read() -> None:
    from dagster_project.reports.extraction.masking import masked, title_spans

    text = "据艾瑞咨询《2024年中国广东报告》,87.5%的用户"
    hidden = masked(text, 0, len(text), title_spans(text, 0, len(text)))
    assert [
        m.kind
        for m in find_mentions(hidden, 0, load_gazetteer(SOURCES_DIR / "snapshots" / "modood"))
    ] == []
    assert [Span(0, 1).gap_to(Span(3, 4)), Span(0, 2).gap_to(Span(1, 3))] == [2, 0]

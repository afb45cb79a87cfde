import pytest

from dagster_project.reports.extraction.citations import (
    citation_for,
    lead_in_citations,
    publisher_of,
    trailing_citations,
)

CICT = "中国信息通信研究院"
ARI = "艾瑞咨询《2024年长三角数字政府用户行为报告》"
LEAD_INS = [
    ("据IDC数据显示,2023年", "IDC"),
    ("与此同时,据IDC(国际数据公司)统计,2023年", "IDC"),
    (
        f"根据{CICT}发布的《2023年数字政府发展指数报告》,截至",
        f"{CICT}《2023年数字政府发展指数报告》",
    ),
    ("根据广东省政务服务数据管理局2024年一季度发布的运营数据显示,平台", "广东省政务服务数据管理局"),
    (f"{ARI}指出,浙江", ARI),
    ("据中国互联网络信息中心(CNNIC)统计,60岁", "中国互联网络信息中心"),
    ("IDC调研指出,63.5%", "IDC"),
]


@pytest.mark.parametrize(("text", "label"), LEAD_INS)
def test_lead_ins(text: str, label: str) -> None:
    assert [c.label for c in lead_in_citations(text, 0)] == [label]


@pytest.mark.parametrize("text", ["据统计,60岁以上", "2023年第三方评估显示,平台"])
def test_lead_ins_without_a_publisher_are_not_sources(text: str) -> None:
    assert lead_in_citations(text, 0) == []


def test_trailing_citation_forms() -> None:
    text = (
        "达1.2亿次(数据来源:广东省政务服务数据管理局《2023年数字政府建设白皮书》);"
        "约1.8万吨(数据来源:该省生态环境厅碳核算模型)"
    )
    labels = [c.label for c in trailing_citations(text, 0)]
    assert labels == [
        "广东省政务服务数据管理局《2023年数字政府建设白皮书》",
        "该省生态环境厅碳核算模型",
    ]


def test_trailing_citation_wins_and_borrows_the_lead_in_publisher() -> None:
    text = "据中国财政科学研究院测算,成本低28%—35%(数据来源:《2024年中国数字政府财政可持续性研究》)"
    cite = citation_for(text.index("28"), trailing_citations(text, 0), lead_in_citations(text, 0))
    assert cite is not None
    assert cite.label == "中国财政科学研究院《2024年中国数字政府财政可持续性研究》"


def test_lead_in_covers_only_figures_after_it() -> None:
    text = "广东省平台超200万次;据国家电子政务外网管理中心数据显示,全国超12亿份"
    leads = lead_in_citations(text, 0)
    assert citation_for(text.index("200"), [], leads) is None
    assert citation_for(text.index("12亿"), [], leads).label == "国家电子政务外网管理中心"


def test_publisher_prefix_keeps_long_suffixes() -> None:
    assert (
        publisher_of("成都市政务服务管理和网络理政办公室") == "成都市政务服务管理和网络理政办公室"
    )
    assert publisher_of("国务院发展研究中心预测") == "国务院发展研究中心"

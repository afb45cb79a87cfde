from decimal import Decimal

from dagster_project.reports.extraction.model import Section
from dagster_project.reports.extraction.tables import find_tables

BODY = (
    "正文结束。服务类别占比(%)平台建设与系统运维32.5智能客服与SaaS输出18.7"
    "政务大模型训练与AI服务21.3数据脱敏分析与政策适配引擎15.9安全合规与隐私计算服务11.6"
)
NEXT = "2.2案例二:某市“城市大脑”"


def _section(end: int) -> Section:
    return Section("d:2.1", "2.1", "案例一", 2, 0, 0, end)


def test_inline_table_ends_at_the_next_heading() -> None:
    text = BODY + NEXT
    (table,) = find_tables(text, [_section(len(BODY))])
    assert (table.title, table.row_dimension, table.column_label, table.unit) == (
        "服务类别占比(%)",
        "服务类别",
        "占比",
        "percent",
    )
    assert [c.label for c in table.cells][1] == "智能客服与SaaS输出"
    assert [c.value for c in table.cells] == [
        Decimal(v) for v in ["32.5", "18.7", "21.3", "15.9", "11.6"]
    ]
    assert table.total == 100 and table.sum_check_ok is True
    assert (
        text[table.cells[-1].span.start : table.cells[-1].span.end] == "安全合规与隐私计算服务11.6"
    )


def test_glued_tail_trimmed_to_the_common_precision_without_a_known_heading() -> None:
    text = BODY + NEXT
    (table,) = find_tables(text, [_section(len(text))])
    assert table.cells[-1].value == Decimal("11.6")
    assert table.sum_check_ok is True


def test_share_table_that_does_not_sum_to_100_is_flagged() -> None:
    text = "说明。渠道占比(%)线上60.0线下30.0其他5.0"
    (table,) = find_tables(text, [_section(len(text))])
    assert table.expected_total == 100 and table.sum_check_ok is False


def test_prose_with_parentheses_is_not_a_table() -> None:
    text = "说明。政务服务对象(公众、企业、政府)需求分层12项与痛点3类。"
    assert find_tables(text, [_section(len(text))]) == []

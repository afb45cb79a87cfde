from dagster_project.reports.extraction.model import Span
from dagster_project.reports.extraction.sentences import clause_groups, clauses, split_sentences
from dagster_project.reports.extraction.structure import find_sections
from dagster_project.reports.extraction.toc import chinese_numeral, find_toc, parse_toc

GLUED_TOC = (
    "目录4862摘要 328730一、现状与案例综述 5261741.1整体态势 5305201.2区域案例 72218"
    "二、深度剖析:商业模式 12311732.1案例一:某省平台 12664五、投资战略 36122135.1"
    "2026-2030年增长潜力 36556"
)


def test_glued_toc_entries_split_from_page_and_anchor_digits() -> None:
    assert parse_toc(GLUED_TOC[2:]) == [
        (None, "摘要"),
        ("1", "现状与案例综述"),
        ("1.1", "整体态势"),
        ("1.2", "区域案例"),
        ("2", "深度剖析:商业模式"),
        ("2.1", "案例一:某省平台"),
        ("5", "投资战略"),
        ("5.1", "2026-2030年增长潜力"),
    ]


def test_chinese_numerals() -> None:
    numerals = ("一、", "九", "十", "十二", "二十三")
    assert [chinese_numeral(x) for x in numerals] == [1, 9, 10, 12, 23]


def test_headings_found_in_body_even_when_glued() -> None:
    text = (
        "标题" + GLUED_TOC + "\n\n摘要近年来增长。\n\n一、现状与案例综述1.1整体态势正文一。"
        "1.2区域案例正文二。二、深度剖析:商业模式2.1案例一:某省平台正文三。"
    )
    toc, sections = find_sections(text, "doc")
    assert toc is not None and text[toc.start : toc.start + 2] == "目录"
    assert [(s.section_id, s.level) for s in sections] == [
        ("doc:abstract", 1), ("doc:1", 1), ("doc:1.1", 2), ("doc:1.2", 2), ("doc:2", 1),
        ("doc:2.1", 2),
    ]  # fmt: skip
    first = sections[2]
    assert text[first.body_start : first.char_end] == "正文一。"
    assert sections[0].char_start > toc.end  # the TOC's 摘要 is not the heading


def test_headings_from_own_lines_without_toc() -> None:
    text = "报告\n摘要\n正文。\n一、现状\n1.1 整体态势\n正文。\n"
    assert find_toc(text) == (None, [])
    _, sections = find_sections(text, "d")
    assert [(s.section_number, s.title) for s in sections] == [
        (None, "摘要"), ("1", "现状"), ("1.1", "整体态势"),
    ]  # fmt: skip


def test_sentences_skip_excluded_spans_and_keep_garbled_stops() -> None:
    text = "第一句。第二句?。ㄗ仍在第二句。表格A1B2C3第三句！"
    table = Span(text.index("表格"), text.index("第三句"))
    garbled = [Span(text.index("?"), text.index("?") + 3)]
    sentences = split_sentences(text, 0, len(text), [table], garbled)
    assert [s.text for s in sentences] == ["第一句。", "第二句?。ㄗ仍在第二句。", "第三句！"]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_clause_groups_and_clauses() -> None:
    sentence = split_sentences("甲,乙;丙,丁。", 0, 8, [])[0]
    assert [(g.start, g.end) for g in clause_groups(sentence)] == [(0, 3), (4, 8)]
    assert len(clauses(sentence)) == 5  # 甲 乙 丙 丁 and the empty tail after 。


def test_thousands_separator_is_not_a_clause_break() -> None:
    text = "增长至2031年的18,240亿元,年均增长14.4%。"
    sentence = split_sentences(text, 0, len(text), [])[0]
    parts = [text[c.start : c.end] for c in clauses(sentence)]
    assert parts[:2] == ["增长至2031年的18,240亿元", "年均增长14.4%"]


def test_text_without_structure_is_one_section() -> None:
    text = "据统计,2023年某市节约成本约3.4亿元。\n"
    _, sections = find_sections(text, "d")
    assert [(s.section_id, s.section_number, s.char_start, s.char_end) for s in sections] == [
        ("d:body", None, 0, len(text) - 1)
    ]

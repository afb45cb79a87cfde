from dagster_project.reports.extraction.clean import clean_text, normalise_width, remove_readings
from dagster_project.reports.extraction.garble import find_garbled_spans, touches_garble
from dagster_project.reports.extraction.model import Span


def test_pinyin_readings_removed_real_parentheses_kept() -> None:
    text = "數(shù)據(jù)據(jù)IDC(國際數(shù)據(jù)公司)統(tǒng)計,服務(wù)類別占比(%)與(de)"
    assert remove_readings(text) == "數據據IDC(國際數據公司)統計,服務類別占比(%)與"


def test_uppercase_and_plain_words_in_parentheses_are_not_readings() -> None:
    assert remove_readings("增長率(CAGR)達") == "增長率(CAGR)達"
    assert remove_readings("平臺(test)") == "平臺(test)"


def test_width_normalised_but_fullwidth_question_mark_kept() -> None:
    assert normalise_width("１２％，（注）？") == "12%,(注)？"


def test_clean_simplifies_and_drops_site_boilerplate() -> None:
    raw = (
        "智慧政務報告_第1頁\n智慧政務報告_第2頁\n已閱讀5頁,還剩40頁未讀, 繼續(xù)免費閱讀\n\n"
        "下載本文檔\n\n版權(quán)說明:本文檔由用戶提供並上傳\n\n文檔簡介\n\n"
        "摘要近年來,數(shù)據(jù)共享。\n\n溫馨提示\n\n1. 本站所有資源\n評論\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "智慧政务报告"
    assert cleaned.text == "摘要近年来,数据共享。\n"


def test_title_hint_wins_over_page_headers() -> None:
    assert clean_text("甲_第1頁\n正文", title_hint="乙報告").title == "乙报告"


def test_garbled_spans_found_and_touching_figures_flagged() -> None:
    text = "帮助企业节约医?;\ue2ae鹬С?.2亿元,在典型区域?qū)嵺`中,全国31个?。ㄗ灾螀^、直辖市"
    spans = find_garbled_spans(text)
    figure = Span(text.index(".2亿元") - 1, text.index(".2亿元") + 4)
    assert touches_garble(figure, spans)
    count = Span(text.index("31个"), text.index("31个") + 3)
    assert touches_garble(count, spans)
    assert not touches_garble(Span(0, 4), spans)


def test_clean_text_has_no_garble_signals() -> None:
    assert find_garbled_spans("IDC(国际数据公司)统计,同比增长21.4%。") == []

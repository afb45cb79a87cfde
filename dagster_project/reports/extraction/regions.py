"""Region mentions in a sentence: places, national scope, anonymous and anaphoric ones.

Kinds: `place` (广东省, 深圳, 香港), `national` (全国, 我国, 中国, 国内, and counts of
provinces or cities such as 31个省份 or 100个地级市, which put a figure at national scope),
`weak_national` (national bodies such as 国务院 or 中国信息通信研究院: national unless a place
is named), `foreign` (美国, 欧洲, 全球 …: region `other`), `anon_province`/`anon_city` (某省,
某副省级城市), `ref_province`/`ref_city` (该省, 全市). 全国/全球 used for ranking (全国第12位,
在全国率先, 全球最大) is not a scope; 全国 as a benchmark (远低于全国平均8.7%) and 全国 written
right before a number (全国169个城市) only scope that one figure; a denominator (占全省近30%,
占全国的比重) is never the figure's scope.
"""

from __future__ import annotations

import re

from dagster_project.reports.extraction.foreign import FOREIGN, is_superlative
from dagster_project.reports.extraction.gazetteer import Gazetteer
from dagster_project.reports.extraction.mention_groups import Mention, with_groups

_SPECIAL = re.compile(
    r"(?P<count>\d+个(?:省份|省级行政区|省区市|省\(自治区|省、自治区|地级及以上城市|地级市|城市))"
    r"|(?P<anon_province>某(?:[东西南北中]部|沿海|内陆|边境)?(?:省份|省|自治区))"
    r"|(?P<anon_city>某(?:[东西南北中]部|副省级|地级|沿海|内陆|边境)?(?:城市|地市|市))"
    r"|(?P<ref_province>该省|本省|全省)|(?P<ref_city>该市|本市|全市)"
    r"|(?P<weak>国务院|党中央|中央(?=政府|部门|单位|国家机关|和国家机关|和地方|财政|预算|本级|企业|各部门|层面|军委|网信办)|财政部|工信部|工业和信息化部|审计署|国家[\u4e00-\u9fff]{0,10}?(?:总局|局|委员会|委|中心|院|办公室|部))"
    r"|(?P<national>全国|我国|中国|国内(?!外))"
    rf"|(?P<foreign>{FOREIGN})"
)
_ORG_AFTER_CHINA = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{0,12}?(?:研究院|院|中心|联盟|协会|学会|委员会|研究所|公司|集团|银行|网)"
    r"|移动|联通|电信|石油|石化|人寿|平安|建筑|铁建|中铁|银联|[\u4e00-\u9fff]{0,4}指数"
)
# A place inside an organisation's name (北京证券交易所, 上海有色网) is not where a figure is.
_ORG_AFTER_PLACE = re.compile(
    r"(?:证券交易所|期货交易所|交易所|证券|银行|大学|学院|集团|公司|有色网|网|日报|晚报|电视台|"
    r"研究院|研究所|供电局|地铁|航空|转债|转(?=[”\"」])|国际|存托凭证)"
)
# A foreign name inside a Chinese company's or an instrument's name (东方海外国际, 美国存托凭证);
# a foreign exchange or body (芝加哥期货交易所) is still abroad.
_NAME_AFTER_FOREIGN = re.compile(r"国际|存托凭证")
_RANKING_AFTER = re.compile(
    r"(?:[^,，;；。]{0,8}?(?:第[\d一二三四五六七八九十]|[“\"]?[\d一二三四五六七八九十]+强)"
    r"|前[\d一二三四五六七八九十]|率先|首|领先)"
)
_RANKING_BEFORE = ("引领", "领跑", "居", "领先")
_BENCHMARK_BEFORE = re.compile(r"(?:高于|低于|超过|优于|好于|不及|超出)$")
_BENCHMARK_AVG = re.compile(r"[^,，;；。]{0,10}?平均(?:值|水平的|为|达)?")
# 高于全国GDP5.5%的: the national value itself (not 高于全国平均水平1.5个百分点, the gap)
_BENCHMARK_VALUE = re.compile(r"(?:(?!平均)[^,，;；。\d]){0,6}(?=\d)")
_DENOMINATOR = re.compile(r"(?:占|占据|相当于|约占|仅占)$")
_DENOMINATOR_BEFORE_REF = re.compile(r"(?:占|占据|相当于|约占|仅占)[\u4e00-\u9fff]{0,3}$")
_NUMBER_AFTER = re.compile(r"\s?(?=\d|[一二两三四五六七八九十百千]+[个家项座所])")


def _national(text: str, m: re.Match[str], offset: int) -> Mention | None:
    """全国/我国/中国 as a scope, or None when the word is used for ranking."""
    word, after = m.group(0), text[m.end() : m.end() + 14]
    if word == "中国" and _ORG_AFTER_CHINA.match(after):
        return Mention(offset + m.start(), offset + m.end(), "weak_national")
    before = text[max(0, m.start() - 4) : m.start()]
    if _DENOMINATOR.search(before):
        return None  # 占全国的比重, 相当于全国的: the whole the figure is a share of
    start, end = offset + m.start(), offset + m.end()
    if word != "全国":
        return Mention(start, end, "national")
    number = _NUMBER_AFTER.match(text, m.end())
    avg = None
    if _BENCHMARK_BEFORE.search(before):  # 低于全国平均8.7%, 高于全国GDP5.5%的增长目标
        avg = _BENCHMARK_AVG.match(text, m.end()) or _BENCHMARK_VALUE.match(text, m.end())
    if number or avg:  # 全国169个城市, 低于全国平均8.7%: national, for that figure only
        return Mention(start, end, "national", None, offset + (number or avg).end())
    if _BENCHMARK_BEFORE.search(before) or _RANKING_AFTER.match(after):
        return None
    return None if before.endswith(_RANKING_BEFORE) else Mention(start, end, "national")


def _special(text: str, offset: int) -> list[Mention]:
    found = []
    for m in _SPECIAL.finditer(text):
        kind = m.lastgroup or ""
        before = text[max(0, m.start() - 6) : m.start()]
        if kind in ("ref_province", "ref_city") and _DENOMINATOR_BEFORE_REF.search(before):
            continue  # 占全省近30%: the city's figure, as a share of its province
        if kind == "foreign":
            if not is_superlative(text, m.end()) and not _NAME_AFTER_FOREIGN.match(text, m.end()):
                start, end = offset + m.start(), offset + m.end()
                found.append(Mention(start, end, "foreign", label=m.group(0)))
            continue
        if kind == "national":
            mention = _national(text, m, offset)
            if mention:
                found.append(mention)
            continue
        kind = {"count": "national", "weak": "weak_national"}.get(kind, kind)
        found.append(Mention(offset + m.start(), offset + m.end(), kind))
    return found


def find_mentions(masked_text: str, offset: int, gazetteer: Gazetteer) -> list[Mention]:
    """Mentions in a masked sentence; `offset` is where the sentence starts."""
    special = _special(masked_text, offset)
    taken = [(m.start, m.end) for m in special]
    places = [
        Mention(offset + s, offset + e, "place", place)
        for s, e, place in gazetteer.find(masked_text)
        if not any(a <= offset + s < b for a, b in taken)
        and not _ORG_AFTER_PLACE.match(masked_text, e)
        and not _DENOMINATOR.search(masked_text[max(0, s - 4) : s])  # 占据湖南全省接近一半
    ]
    return with_groups(sorted(special + places, key=lambda m: m.start), masked_text, offset)


def source_mentions(publishers: list[tuple[int, str]], gazetteer: Gazetteer) -> list[Mention]:
    """A figure introduced by a national research firm or body (据IDC数据显示, 艾瑞咨询…指出)
    is national unless a place is named; a local publisher (广东省…局, 该市…) is not."""
    return [
        Mention(pos, pos + 1, "weak_national")
        for pos, name in publishers
        if not gazetteer.find(name) and not name.startswith(("该", "某", "本"))
    ]

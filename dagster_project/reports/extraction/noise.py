"""Stretches of text whose digits are never figures: addresses, codes and advertising.

URLs and e-mail addresses, percent-encoded URL fragments (`%E5%85%AC` is not 85%),
standard numbers (`GB/T 36637.1-2018`, `ISO/IEC 27001`), document numbers (`国发〔2021〕
12号`), phone numbers (`400-820-9463`, `010-12345678`, mobiles), and advertising blocks: a
line with two or more lure words (`188元现金红包…100%中奖`, `扫码领取…`) is an ad, not a fact.
"""

from __future__ import annotations

import re
from itertools import pairwise

from dagster_project.reports.extraction.model import Span

# One pattern per kind of code, each run only when its cheap marker is in the text.
_CODES = (
    ("://", re.compile(r"(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef“”\"'<>()（）]+")),
    ("www.", re.compile(r"www\.[^\s\u3000-\u303f\uff00-\uffef“”\"'<>()（）]+")),
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("%", re.compile(
        r"(?<![%\w])[A-Za-z0-9\-./_]{0,80}%[0-9A-Fa-f]{2}(?:[A-Za-z0-9\-./_]{0,80}%[0-9A-Fa-f]{2})+"
        r"[A-Za-z0-9\-./_%]*"
    )),
    ("", re.compile(
        r"(?<![A-Za-z])(?:GB|GB/T|GB/Z|GA/T|GM/T|JR/T|YD/T|SJ/T|DB\d{0,6}/T|T/[A-Z]{2,8}|ISO(?:/IEC)?"
        r"|IEC|IEEE|ITU-T\s?[A-Z]?)\s?[\d.]+(?:[-—–]\d{2,4})?(?:[-—–](?:19|20)\d{2})?"
    )),
    ("号", re.compile(r"[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s?第?\d+号")),  # 国发〔2021〕12号
    ("", re.compile(
        r"(?<!\d)(?:400|800)[-\s]?\d{3}[-\s]?\d{4}(?!\d)|(?<![\d.])0\d{2,3}[-\s]\d{7,8}(?!\d)"
        r"|(?<![\d.])1[3-9]\d{9}(?!\d)|(?:电话|热线|传真|Tel|TEL|tel)[:：]?\s?[\d\-\s()]{7,20}"
    )),
    (".", re.compile(
        r"[A-Za-z]+[\d_-]*[A-Za-z_-]+\.(?:jpg|jpeg|png|gif|pdf|html?|shtml|jsp|php|aspx?)\b"
    )),
)  # fmt: skip
_LURES = re.compile(
    r"红包|中奖|抽奖|领取|免费领|扫码|扫一扫|下载APP|下载App|开户|优惠券|礼包|返现|注册即送|"
    r"点击(?:领取|下载|查看|进入)|立即(?:领取|下载|开户|参与)|限时|福利|秒杀|包邮|加微信"
)
_LURE_WINDOW = 60  # characters between two lure words of one ad


def code_spans(text: str) -> list[Span]:
    return [
        Span(m.start(), m.end())
        for marker, pattern in _CODES
        if marker in text
        for m in pattern.finditer(text)
    ]


def ad_spans(text: str) -> list[Span]:
    """Whole lines that advertise: two lure words within a short stretch of each other."""
    spans, pos = [], 0
    for line in text.split("\n"):
        starts = [m.start() for m in _LURES.finditer(line)]
        if any(b - a <= _LURE_WINDOW for a, b in pairwise(starts)):
            spans.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def noise_spans(text: str) -> list[Span]:
    return sorted(code_spans(text) + ad_spans(text), key=lambda s: s.start)

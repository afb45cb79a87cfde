"""Real bad report documents, written byte by byte, for the tests of document isolation."""

from __future__ import annotations

import zlib
from pathlib import Path

# A short report in the layout of the bundled one (a page header that names it), so the
# extractor finds its title, edition and figures.
REPORT_2027 = (
    "2027年中国智慧政务服务市场报告_第1页\n\n"
    "摘要\n据IDC数据显示,2024年全国政务服务平台注册用户达到8.1亿人,同比增长12.8%,"
    "预计到2027年将突破10亿人。\n"
)


# A second market report, sound on its own, whose smart-government IT spend figures
# contradict the bundled report's path: the analytical marts, which combine the latest
# edition of every report, may fail their checks with it.
RIVAL_SPEND = (
    "2025年中国数字政府IT投资研究报告_第1页\n\n"
    "摘要\n据IDC数据显示,2023年全国智慧政务相关IT支出达1,500亿元,同比增长10.0%,"
    "预计到2026年将突破2,000亿元,2021-2026年复合增长率达到12.0%。\n"
)


def image_only_pdf(path: Path) -> Path:
    """A one-page PDF whose only content is an image (a scan): no text layer at all."""
    width, height = 64, 32
    pixels = zlib.compress(bytes((x * 4) % 256 for _ in range(height) for x in range(width)))
    image = (
        (
            f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
            f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
            f"/Length {len(pixels)} >>\nstream\n"
        ).encode()
        + pixels
        + b"\nendstream"
    )
    draw = b"q 400 0 0 200 100 500 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        image,
        f"<< /Length {len(draw)} >>\nstream\n".encode() + draw + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))
    return path


def titleless_post(path: Path) -> Path:
    """A news post as a static-site generator stores it: front matter without a title,
    the publisher's HTML inside, and a figure."""
    path.write_text(
        "\n---\ncategories:\n - 新浪财经\nauthor: 新浪财经\ncomments: false\n---\n\n"
        '<div>\n<p cms-style="font-L">\u3000\u3000数字政府建设持续推进,政务服务事项网上可办率'
        "超过90%。</p>\n<!-- 广告 -->\n</div>\n",
        encoding="utf-8",
    )
    return path


def html_page(path: Path) -> Path:
    """A web page with navigation, a script, a share widget and an advertisement."""
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>数字政府建设成效显著 - 政务新闻网</title>"
        "<script>var _hmt = _hmt || []; document.write('100%中奖');</script>"
        "<style>.nav{width:100%}</style></head><body>"
        "<nav><a href='/'>首页</a> | <a href='/news'>新闻</a></nav>"
        "<div class='ad'>188元现金红包,100%中奖</div>"
        "<article><h1>数字政府建设成效显著</h1>"
        "<p>截至2024年底,全国一体化政务服务平台实名注册用户超过10亿人,"
        "“一网通办”事项占比达到90.5%。</p></article>"
        "<div class='share'>分享到:微信 微博</div></body></html>",
        encoding="utf-8",
    )
    return path


def binary_text(path: Path) -> Path:
    """Bytes of no text encoding (an image saved under the wrong name)."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    return path


def huge_text(path: Path, megabytes: int = 50) -> Path:
    """A text dump far beyond any report (written in chunks, never held whole)."""
    line = ("数据要素市场化配置改革持续推进,政务数据共享交换平台接入部门超过" * 8 + "\n").encode()
    chunk = line * (1024 * 1024 // len(line) + 1)
    with path.open("wb") as handle:
        for _ in range(megabytes):
            handle.write(chunk[: 1024 * 1024])
    return path

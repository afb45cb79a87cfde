"""Tiny PDF writer for the benchmarks and tests: real PDF files with a Chinese text layer.

Text is drawn with Adobe's predefined CJK font STSong-Light in the UniGB-UCS2-H encoding
(every PDF reader knows both), so the bytes are a valid PDF whose text PDFium extracts.
A page given as None is drawn without any text (what a scanned page looks like).
"""

from __future__ import annotations

Line = tuple[int, int, int, str]  # x, y (points from the bottom), font size, text


def _stream(lines: list[Line] | None) -> str:
    if lines is None:  # a "scan": a grey box, no text operators at all
        return "0.5 g 72 72 451 698 re f\n"
    return "".join(
        f"BT /F1 {size} Tf {x} {y} Td <{text.encode('utf-16-be').hex()}> Tj ET\n"
        for x, y, size, text in lines
    )


def make_pdf(pages: list[list[Line] | None], title: str | None = None) -> bytes:
    objects: list[str] = [
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        "/DescendantFonts [2 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
        "<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 3 0 R >>",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        "",  # 4: the page tree, written once the pages are known
    ]
    kids = []
    for lines in pages:
        stream = _stream(lines)
        objects.append(f"<< /Length {len(stream.encode())} >>\nstream\n{stream}\nendstream")
        content = len(objects)
        objects.append(
            "<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 1 0 R >> >> /Contents {content} 0 R >>"
        )
        kids.append(len(objects))
    objects[3] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    )
    info = f"<< /Title <feff{title.encode('utf-16-be').hex()}> >>" if title else "<< >>"
    objects += [info, "<< /Type /Catalog /Pages 4 0 R >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {len(objects)} 0 R "
        f"/Info {len(objects) - 1} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def text_pages(text: str, pages: int, chars_per_line: int = 38, lines_per_page: int = 44) -> bytes:
    """`text` laid out on `pages` A4 pages (repeated as needed), with a running head and a
    page number on each page, as a report printed to PDF has."""
    flat = "".join(text.split())
    needed = pages * chars_per_line * lines_per_page
    flat = (flat * (needed // max(1, len(flat)) + 1))[:needed]
    drawn: list[list[Line] | None] = []
    for number in range(pages):
        chunk = flat[number * chars_per_line * lines_per_page :][: chars_per_line * lines_per_page]
        lines = [chunk[i : i + chars_per_line] for i in range(0, len(chunk), chars_per_line)]
        page = [(72, 800, 9, "中国智慧政务行业市场报告"), (290, 30, 9, f"- {number + 1} -")]
        page += [(72, 770 - 16 * i, 12, line) for i, line in enumerate(lines)]
        drawn.append(page)
    return make_pdf(drawn, title="中国智慧政务行业市场报告")

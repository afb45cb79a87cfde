"""Bytes -> text for the text formats (plain text, Markdown, HTML), never a UnicodeDecodeError.

Order: a byte-order mark (UTF-8, UTF-16) decides; then strict UTF-8 (the normal case); then
strict GB18030 (a superset of GBK and GB2312, what Chinese Windows tools save), accepted only
when the result reads as text; then whatever charset-normalizer recognises (Big5 from Hong
Kong and Taiwan sites, for instance). Binary files named like text (NUL bytes, the magic
number of a PDF, ZIP, image or executable) and undecodable bytes raise `Unreadable`.
"""

from __future__ import annotations

import codecs
import re

_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (DOCX/XLSX?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an OLE document (old .doc/.xls)",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


class Unreadable(Exception):
    """Raised by a loader with the reason the file cannot be read."""


def _plausible(text: str) -> bool:
    """Decoded text that is mostly printable; for a legacy codec, with some Han in it."""
    if not text:
        return True
    controls = len(_CONTROL.findall(text))
    return controls <= len(text) * 0.001


def binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:65536]:
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes) -> str:
    """The text of `data`; raises `Unreadable` naming why it is not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise Unreadable(f"undecodable {codec} text at byte {error.start}") from None
    kind = binary_kind(data)
    if kind:
        raise Unreadable(f"binary file: {kind}, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _plausible(text) and _HAN.search(text):
            return text
    except UnicodeDecodeError:
        pass
    return _detected(data)


def _detected(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None else None
    if text is None or not _plausible(text):
        raise Unreadable("undecodable text: not UTF-8, GB18030 or any recognised encoding")
    return text

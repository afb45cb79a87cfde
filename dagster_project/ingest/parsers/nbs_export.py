"""Reader for the "CSV" exports of the NBS database 分省年度数据 (data.stats.gov.cn, fsnd).

An export is: preamble lines (数据库：…, 指标：…, 时间：…), a header line starting with 地区,
one row per province, then footnotes (注：…) and a last line 数据来源：国家统计局. Two
flavours exist among the shipped files: plain commas in GBK with CRLF, and the download
quirk `<TAB>,` after every cell (UTF-8 with BOM, each line ending in a comma). Both read
the same way here: cells are stripped and one trailing empty cell is dropped.

The 数据来源 footer is always the last line of a complete export, so its absence is the
surest sign of a truncated file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.cells import decode_declared, require_width, split_line

REGION_HEADER = "地区"
_NOTE_PREFIXES = ("注", "数据来源")
FOOTER_PREFIX = "数据来源"


@dataclass(frozen=True)
class FsndExport:
    file: str
    preamble: dict[str, str]
    header: list[str]
    rows: list[tuple[int, list[str]]]
    notes: list[str]

    def note_mentions(self, text: str) -> bool:
        return any(text in note for note in self.notes)


def _trim(cells: list[str], quirk: bool) -> list[str]:
    # The `<TAB>,` quirk ends every line with a comma, i.e. one extra empty cell.
    return cells[:-1] if quirk and cells and cells[-1] == "" else cells


def _header_index(lines: list[str], file: str) -> int:
    for index, line in enumerate(lines):
        if split_line(line)[:1] == [REGION_HEADER]:
            return index
    raise InputError(
        f"no header line starting with {REGION_HEADER} (wrong encoding or not an NBS export)",
        file=file,
        column=REGION_HEADER,
    )


def _preamble(lines: list[str]) -> dict[str, str]:
    entries = {}
    for line in lines:
        key, sep, value = line.partition("：")
        if sep:
            entries[key.strip()] = value.strip()
    return entries


def read_fsnd(path: Path, encoding: str) -> FsndExport:
    """Split an export into preamble, header, data rows (with line numbers) and notes."""
    lines = decode_declared(path, encoding).splitlines()
    start = _header_index(lines, path.name)
    raw_header = split_line(lines[start])
    quirk = raw_header[-1] == ""
    header = _trim(raw_header, quirk)
    rows: list[tuple[int, list[str]]] = []
    notes: list[str] = []
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if not line.strip():
            continue
        if notes or line.lstrip().startswith(_NOTE_PREFIXES):
            notes.append(line.strip())
            continue
        cells = _trim(split_line(line), quirk)
        require_width(cells, header, file=path.name, row=number)
        rows.append((number, cells))
    if not any(note.startswith(FOOTER_PREFIX) for note in notes):
        raise InputError(
            f"no closing {FOOTER_PREFIX} line: the export is truncated",
            file=path.name,
            row=len(lines),
        )
    return FsndExport(path.name, _preamble(lines[:start]), header, rows, notes)

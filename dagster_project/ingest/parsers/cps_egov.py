"""Parser for the online government-service capability index page (网上政务服务能力总体指数).

The page reprints the report's two ranking tables as text: a title line starting with the
evaluation year (`2019省级政府网上政务服务能力排行榜`), a header line `排名 省级政府 总体指数`
(or `排名 重点城市 总体指数`), then one line `rank name score` per region, ending at the next
line that is not a table row. The page is read as that report table, wherever the tables sit
and whatever text surrounds them; a .html copy is reduced to its visible text first (the
report loader), so the live page parses like the stored one.

Kept as printed: ranks (a rank printed above a lower score, three regions at one rank), and
the row of 新疆生产建设兵团 (XPCC), which has no score and no GB/T 2260 code (both NULL).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.catalog import register
from dagster_project.ingest.parsers.cells import decode_declared, parse_number
from dagster_project.ingest.parsers.crosswalk import (
    mainland_province_codes,
    prefecture_codes,
    province_codes,
)

COLUMNS = [
    "evaluation_year",
    "region_level",
    "table_title",
    "printed_rank",
    "region_name_raw",
    "region_code",
    "score",
    "source_row",
]
RANK, SCORE = "排名", "总体指数"
# The middle header cell says which table it is.
LEVELS = {"省级政府": "province", "重点城市": "prefecture"}
# Listed among the provincial governments, but not a province: no code, no score printed.
XPCC = "新疆生产建设兵团"
# The visible text of an HTML copy joins the header cells (排名省级政府总体指数).
_HEADER = re.compile(rf"{RANK}\s*(?P<level>\S+?)\s*{SCORE}")
_ROW = re.compile(r"(?P<rank>\d+)\s+(?P<name>[^\s\d]+)(?:\s+(?P<score>\S+))?")
_STARTS_LIKE_ROW = re.compile(r"\d+\s")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})")


@register("cps_egov.online_service_index", columns=COLUMNS)
def parse_online_service_index(path: Path, encoding: str = "utf-8") -> pd.DataFrame:
    """One row per region of each ranking table: printed rank, name, code, score (0–100)."""
    lines = _page_lines(path, encoding)
    headers = [(number, m) for number, line in lines if (m := _HEADER.fullmatch(line))]
    if not headers:
        raise InputError(f"no table header `{RANK} … {SCORE}` found", file=path.name)
    records = []
    for number, header in headers:
        level = LEVELS.get(header["level"])
        if level is None:
            raise InputError(
                f"unknown table {header['level']!r}; known {sorted(LEVELS)}",
                file=path.name,
                row=number,
                column=header["level"],
            )
        title_line, title = _title_before(lines, number, path.name)
        year = _TITLE_YEAR.match(title)
        if year is None:
            raise InputError(
                f"table title {title!r} does not start with the evaluation year",
                file=path.name,
                row=title_line,
            )
        for row_number, rank, name, score in _table_rows(lines, number, path.name):
            code = _region_code(name, level, path.name, row_number)
            records.append((int(year.group(1)), level, title, rank, name, code, score, row_number))
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    _require_every_province(frame, path.name)
    frame = frame.astype({"evaluation_year": "int64", "printed_rank": "int64"})
    frame["score"] = frame["score"].astype("float64")
    frame.attrs["raw_columns"] = [RANK, SCORE]
    return frame


def _page_lines(path: Path, encoding: str) -> list[tuple[int, str]]:
    """(line number, stripped text) of every non-blank line of the page text."""
    if path.suffix.lower() in (".html", ".htm"):
        from dagster_project.reports.extraction.loaders import load_text

        text = load_text(path).text
    else:
        text = decode_declared(path, encoding)
    numbered = enumerate(text.splitlines(), start=1)
    return [(number, line.strip()) for number, line in numbered if line.strip()]


def _title_before(lines: list[tuple[int, str]], header_line: int, file: str) -> tuple[int, str]:
    previous = [(number, line) for number, line in lines if number < header_line]
    if not previous:
        raise InputError("table header without a title line above it", file=file, row=header_line)
    return previous[-1]


def _table_rows(
    lines: list[tuple[int, str]], header_line: int, file: str
) -> list[tuple[int, int, str, float | None]]:
    """The rows after a header, up to the first line that does not start like a row."""
    rows = []
    for number, line in (entry for entry in lines if entry[0] > header_line):
        if not _STARTS_LIKE_ROW.match(line):
            break
        match = _ROW.fullmatch(line)
        if match is None:
            raise InputError(
                f"table row {line!r} is not `rank name score`", file=file, row=number, column=RANK
            )
        score = parse_number(match["score"] or "", file=file, row=number, column=SCORE)
        if score is None and match["name"] != XPCC:
            raise InputError(f"{match['name']} has no {SCORE}", file=file, row=number, column=SCORE)
        rows.append((number, int(match["rank"]), match["name"], score))
    if not rows:
        raise InputError("table header without rows", file=file, row=header_line)
    return rows


def _region_code(name: str, level: str, file: str, row: int) -> str | None:
    """Short names as printed (浙江, 内蒙古; 深圳 for 深圳市) → GB/T 2260 code; XPCC → None."""
    if level == "province":
        if name == XPCC:
            return None
        code = province_codes().get(name)
    else:
        code = prefecture_codes().get(name) or prefecture_codes().get(f"{name}市")
    if code is None:
        raise InputError(f"unknown {level} name {name!r}", file=file, row=row, column="名称")
    return code


def _require_every_province(frame: pd.DataFrame, file: str) -> None:
    """The provincial table must list the 31 mainland provinces: fewer means a cut page."""
    provinces = frame[frame["region_level"] == "province"]
    for year, group in provinces.groupby("evaluation_year"):
        expected = mainland_province_codes()
        missing = expected - set(group["region_code"].dropna())
        if missing:
            raise InputError(
                f"{len(expected) - len(missing)} of {len(expected)} provinces in the {year} "
                "table; missing "
                f"{sorted(missing)} (truncated page?)",
                file=file,
                column=SCORE,
            )
    if provinces.empty:
        raise InputError("no provincial table on the page", file=file)

"""Parser for the "detail view" of 山东省政府采购网 procurement intentions.

Columns: 序号, 地区, 标题, 采购方式, 项目类型, 发布时间, 子序号, 采购项目名称, 采购需求概况,
预算金额(万元), 拟面向中小企业预留, 预计采购时间, 备注, Link. The scraper read each notice
twice, so every item appears twice:
* once shifted: 子序号 is missing and every later value sits under the header to its left
  (子序号 holds the project name, 采购需求概况 the budget, 预算金额(万元) the SME flag 是/否,
  拟面向中小企业预留 the month) — detected by where the budget number is, and realigned;
* once aligned, with its 子序号.
After realignment the two copies are equal; the aligned copy is kept and the other listed
in `frame.attrs["dropped_rows"]`. The buyer is the 标题 up to its period (…2026年01月(至)…).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers import ccgp_common as common
from dagster_project.ingest.parsers.catalog import register

ITEM_FIELDS = ["子序号", "采购项目名称", "采购需求概况", "预算金额(万元)", "拟面向中小企业预留",
               "预计采购时间", "备注"]  # fmt: skip
REQUIRED = ["地区", "标题", "项目类型", "发布时间", *ITEM_FIELDS, "Link"]
BUDGET = "预算金额(万元)"
_BUYER = re.compile(r"(?P<buyer>.+?)(?:19|20)\d{2}年\d{1,2}月")


@register("ccgp_shandong.intentions_detail", columns=common.COLUMNS)
def parse_intentions_detail(path: Path) -> pd.DataFrame:
    """One row per intended purchase item, realigned and de-duplicated."""
    header, rows = common.read_sheet(path, REQUIRED)
    at = {name: header.index(name) for name in REQUIRED}
    records = [
        _record(cells, at, number, path.name)
        for number, cells in rows
        if any(value is not None for value in cells)
    ]
    kept, dropped = _deduplicate(records)
    return common.to_frame(kept, header, dropped)


def _shift(cells: list, at: dict[str, int], number: int, file: str) -> int:
    """0 when the budget is under its header, 1 when it sits one column to the left."""
    if common.is_number(cells[at[BUDGET]]):
        return 0
    if common.is_number(cells[at[BUDGET] - 1]) and cells[at[BUDGET]] in common.YES_NO:
        return 1
    raise InputError(
        f"no budget under {BUDGET} nor one column to its left", file=file, row=number, column=BUDGET
    )


def _record(cells: list, at: dict[str, int], number: int, file: str) -> dict:
    shift = _shift(cells, at, number, file)

    def item(name: str) -> object:
        return cells[at[name] - shift]

    title = cells[at["标题"]]
    match = _BUYER.match(title or "")
    region_raw = cells[at["地区"]]
    return {
        "notice_url": cells[at["Link"]],
        "notice_title": title,
        "notice_published_at": _timestamp(cells[at["发布时间"]], file, number),
        "buyer_name": match["buyer"] if match else None,
        "region_name_raw": region_raw,
        "region_code": common.region(region_raw, file=file, row=number, column="地区"),
        "category": cells[at["项目类型"]],
        "item_no": _item_no(cells[at["子序号"]], file, number) if shift == 0 else None,
        "project_title": item("采购项目名称"),
        "description": item("采购需求概况"),
        "budget_cny": common.budget_cny(item(BUDGET), file=file, row=number, column=BUDGET),
        "sme_reserved": common.yes_no(
            item("拟面向中小企业预留"), file=file, row=number, column="拟面向中小企业预留"
        ),
        "expected_month": common.month(
            item("预计采购时间"), file=file, row=number, column="预计采购时间"
        ),
        "remark": item("备注"),
        "source_row": number,
    }


def _timestamp(raw: object, file: str, row: int) -> datetime | None:
    if raw is None or isinstance(raw, datetime):
        return raw
    try:
        return datetime.fromisoformat(str(raw))
    except ValueError:
        raise InputError(
            f"{raw!r} is not a timestamp", file=file, row=row, column="发布时间"
        ) from None


def _item_no(raw: object, file: str, row: int) -> int | None:
    if raw is None:
        return None
    if not common.is_number(raw) or not float(raw).is_integer():
        raise InputError(f"{raw!r} is not an item number", file=file, row=row, column="子序号")
    return int(float(raw))


def _deduplicate(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """Keep one record per item, preferring the aligned copy (the one with 子序号)."""
    groups: dict[tuple, list[dict]] = {}
    for record in records:
        key = tuple(record[k] for k in ("notice_url", "project_title", "budget_cny",
                                         "expected_month"))  # fmt: skip
        groups.setdefault(key, []).append(record)
    kept, dropped = [], []
    for group in groups.values():
        keeper = next((r for r in group if r["item_no"] is not None), group[0])
        kept.append(keeper)
        reason = f"duplicate of row {keeper['source_row']} (each item is listed twice)"
        dropped += [
            {"source_row": r["source_row"], "reason": reason} for r in group if r is not keeper
        ]
    kept.sort(key=lambda r: r["source_row"])
    dropped.sort(key=lambda d: d["source_row"])
    return kept, dropped

"""Parser for the "customer view" of 山东省政府采购网 procurement intentions (政府采购意向).

Columns: 序号, 分类1, 分类2, 地市, 客户名称 (buyer), 项目名称, 金额 (万元), 预计时间, link.
When a notice carries a sub-table (采购需求概况 | 拟面向中小企业预留 | 备注), the scraper
wrote it into the same three columns as the projects:
* its header row, whose 项目名称/金额/预计时间 read 采购需求概况/拟面向中小企业预留/备注 —
  dropped;
* one row per project, shifted under the wrong headers: 项目名称 holds the description,
  金额 the SME flag 是/否, 预计时间 the remark. These are realigned and paired, in order,
  with the projects of the same notice (same link), which gain `description`,
  `sme_reserved` and `remark`; when the counts differ nothing is guessed.
Rows are classified by their content, never by position. Every dropped row is listed in
`frame.attrs["dropped_rows"]` with its reason.

The same sheet saved as `.csv` (the form for scrapes of millions of rows) is loaded by DuckDB
with the same rules: see ccgp_shandong_csv.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.duckdb_load import DuckDBLoad
from dagster_project.ingest.parsers import ccgp_common as common
from dagster_project.ingest.parsers.catalog import register
from dagster_project.ingest.parsers.ccgp_shandong_csv import load_intentions_csv

REQUIRED = ["分类2", "地市", "客户名称", "项目名称", "金额", "预计时间", "link"]
SUBTABLE_HEADER = ("采购需求概况", "拟面向中小企业预留", "备注")


@register("ccgp_shandong.intentions_customer", columns=common.COLUMNS)
def parse_intentions_customer(path: Path) -> pd.DataFrame | DuckDBLoad:
    """One row per intended purchase, with header/sub-table rows dropped or merged."""
    if path.suffix.lower() == ".csv":
        return load_intentions_csv(path)
    header, rows = common.read_sheet(path, REQUIRED)
    at = {name: header.index(name) for name in REQUIRED}
    projects: dict[str, list[dict]] = defaultdict(list)
    details: dict[str, list[tuple[int, tuple]]] = defaultdict(list)
    dropped: list[dict] = []
    records: list[dict] = []
    for number, cells in rows:
        if all(value is None for value in cells):
            continue
        trio = tuple(cells[at[name]] for name in ("项目名称", "金额", "预计时间"))
        url = cells[at["link"]]
        if trio == SUBTABLE_HEADER:
            reason = "sub-table header (采购需求概况/拟面向中小企业预留/备注) scraped as data"
            dropped.append({"source_row": number, "reason": reason})
        elif trio[1] in common.YES_NO:
            details[url].append((number, trio))
        elif common.is_number(trio[1]):
            record = _project(cells, at, number, path.name)
            projects[url].append(record)
            records.append(record)
        else:
            raise InputError(
                f"金额 {trio[1]!r} is neither a budget nor a 是/否 flag",
                file=path.name,
                row=number,
                column="金额",
            )
    for url, rows_of_notice in details.items():
        dropped.extend(_merge_details(projects.get(url, []), rows_of_notice, path.name))
    return common.to_frame(records, header, sorted(dropped, key=lambda d: d["source_row"]))


def _project(cells: list, at: dict[str, int], number: int, file: str) -> dict:
    region_raw = cells[at["地市"]]
    return {
        "notice_url": cells[at["link"]],
        "buyer_name": cells[at["客户名称"]],
        "region_name_raw": region_raw,
        "region_code": common.region(region_raw, file=file, row=number, column="地市"),
        "category": cells[at["分类2"]],
        "project_title": cells[at["项目名称"]],
        "budget_cny": common.budget_cny(cells[at["金额"]], file=file, row=number, column="金额"),
        "expected_month": common.month(
            cells[at["预计时间"]], file=file, row=number, column="预计时间"
        ),
        "source_row": number,
    }


def _merge_details(projects: list[dict], details: list[tuple[int, tuple]], file: str) -> list:
    """Pair the k-th realigned sub-table row with the k-th project of the notice."""
    if len(projects) != len(details):
        reason = f"sub-table row not paired: {len(details)} rows for {len(projects)} projects"
        return [{"source_row": number, "reason": reason} for number, _ in details]
    dropped = []
    for project, (number, (description, flag, remark)) in zip(projects, details, strict=True):
        project["description"] = description
        project["sme_reserved"] = common.yes_no(flag, file=file, row=number, column="金额")
        project["remark"] = remark
        reason = f"sub-table row realigned and merged into row {project['source_row']}"
        dropped.append({"source_row": number, "reason": reason})
    return dropped

"""Latency of typical BI queries on a published file, each on a new read-only connection.

A BI tool or an analyst opens $EGOV_HOME/egov.duckdb read-only, asks, and lets go (the
README recommends short-lived connections: the file is replaced at each publish). Each
query is run `samples` times that way; p50 and p95 include opening the connection. The
baseline is the same query on one connection kept open (warm), which a reader of a file
that is swapped under it should not do, but which is the engine's own cost.

The dashboard questions about procurement (segment totals, monthly budget by segment, top
buyers) read the pre-aggregated `marts.fct_procurement_monthly`, as a dashboard does; their
answers equal the same questions asked of every item (`ITEM_SCANS`, checked by a test).
The item lookup asks for one id, as a BI drill-down does (the id is chosen once per file).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import duckdb

QUERIES = {
    "segment_totals": """
        select segment_id, segment_name_zh, sum(item_count) as items, sum(budget_cny) as budget_cny
        from marts.fct_procurement_monthly group by all order by budget_cny desc, segment_id
    """,
    "monthly_budget": """
        select expected_month, segment_id, sum(budget_cny) as budget_cny
        from marts.fct_procurement_monthly group by all order by all
    """,
    "top_buyers": """
        select buyer, sum(item_count) as items, sum(budget_cny) as budget_cny
        from marts.fct_procurement_monthly
        group by buyer order by budget_cny desc nulls last, buyer limit 20
    """,
    "item_lookup": """
        select * from marts.fct_procurement_notices where procurement_item_id = $item_id
    """,
    "province_stats_latest": """
        select regions.name_zh, stats.year, stats.gdp_cny, stats.population
        from marts.fct_province_stats as stats
        inner join marts.dim_region as regions on stats.region_code = regions.region_code
        where stats.year = (select max(year) from marts.fct_province_stats)
        order by stats.gdp_cny desc
    """,
    "fx_annual": "select * from marts.fct_fx_rates_annual order by year desc, source",
    "egov_index_china": """
        select survey_year, egdi, egdi_rank from marts.fct_egov_index
        where is_china order by survey_year
    """,
}


# The same dashboard questions asked of every item (what the monthly mart saves).
ITEM_SCANS = {
    "segment_totals": """
        select segment_id, segment_name_zh, count(*) as items, sum(budget_cny) as budget_cny
        from marts.fct_procurement_notices group by all order by budget_cny desc, segment_id
    """,
    "monthly_budget": """
        select expected_month, segment_id, sum(budget_cny) as budget_cny
        from marts.fct_procurement_notices group by all order by all
    """,
    "top_buyers": """
        select buyer, count(*) as items, sum(budget_cny) as budget_cny
        from marts.fct_procurement_notices
        group by buyer order by budget_cny desc nulls last, buyer limit 20
    """,
}


def lookup_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """An item from the middle of the file: neither the first nor the last row group."""
    return con.execute(
        "select procurement_item_id from marts.fct_procurement_notices "
        "limit 1 offset (select count(*) // 2 from marts.fct_procurement_notices)"
    ).fetchone()[0]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _parameters(sql: str, item_id: str) -> dict[str, str]:
    return {"item_id": item_id} if "$item_id" in sql else {}


def _cold(path: Path, sql: str, item_id: str) -> float:
    started = time.perf_counter()
    con = duckdb.connect(str(path), read_only=True)
    try:
        con.execute(sql, _parameters(sql, item_id)).fetchall()
    finally:
        con.close()
    return time.perf_counter() - started


def _warm(path: Path, sql: str, item_id: str, samples: int) -> list[float]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        con.execute(sql, _parameters(sql, item_id)).fetchall()
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            con.execute(sql, _parameters(sql, item_id)).fetchall()
            times.append(time.perf_counter() - started)
        return times
    finally:
        con.close()


def measure(path: Path, label: str, samples: int = 30) -> list[dict[str, Any]]:
    """One entry per query: p50/p95 on fresh read-only connections, p50 on a warm one.

    The warm connection is opened only after the cold samples: while a connection is open,
    DuckDB shares the open database with a new connection of the same process."""
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("select count(*) from marts.fct_procurement_notices").fetchone()[0]
        item_id = lookup_id(con)
    entries = []
    for name, sql in QUERIES.items():
        try:
            cold = [_cold(path, sql, item_id) for _ in range(samples)]
            hot = _warm(path, sql, item_id, samples)
        except duckdb.Error as exc:
            entries.append({"name": f"query_{name}@{label}", "n": rows, "skipped": str(exc)})
            continue
        p50, warm = statistics.median(cold), statistics.median(hot)
        entries.append(
            {
                "name": f"query_{name}@{label}",
                "n": rows,
                "wall_s": round(p50, 4),
                "p50_ms": round(p50 * 1000, 1),
                "p95_ms": round(_percentile(cold, 0.95) * 1000, 1),
                "baseline_wall_s": round(warm, 4),
                "ratio": round(p50 / warm, 2),
            }
        )
    return entries

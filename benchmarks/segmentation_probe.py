"""The segment classification at scale: the model's SQL next to the same rules as constants.

`intermediate.int_procurement_items_segmented` pairs every item with every rule of the seed
smartgov_segment_rules and matches the rule's pattern, read from a column, against the
title and the description: DuckDB compiles a regular expression for every (item, rule)
pair, so the cost is about 20 compilations per item, each far dearer than the match. This
probe times, on a refreshed build file, the model's view against the same classification
with the patterns written into the query as constants (segmentation_probe.sql), and checks
that both assign the same rules (per-rule item counts).

    python -m benchmarks.segmentation_probe BUILD_DB
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

import duckdb

from dagster_project.settings import DBT_DIR

TEMPLATE = Path(__file__).with_suffix(".sql")
SEED = DBT_DIR / "seeds" / "smartgov_segment_rules.csv"
MODEL = """
    select segment_rule_id, count(*) as items
    from intermediate.int_procurement_items_segmented
    group by segment_rule_id order by segment_rule_id
"""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def constant_rules_sql() -> str:
    with SEED.open(encoding="utf-8", newline="") as handle:
        rules = sorted(csv.DictReader(handle), key=lambda r: (int(r["priority"]), r["rule_id"]))
    default = next(r["rule_id"] for r in rules if not r["pattern"])

    def branches(text: str) -> str:
        return " ".join(
            f"when regexp_matches({text}, {_literal(r['pattern'])}) then {_literal(r['rule_id'])}"
            for r in rules
            if r["pattern"]
        )

    return TEMPLATE.read_text(encoding="utf-8").format(
        title_rules=branches("project_title"),
        description_rules=branches("coalesce(description, '')"),
        default_rule=_literal(default),
    )


def measure(build_db: Path) -> dict[str, Any]:
    con = duckdb.connect(str(build_db), read_only=True)
    try:
        items = con.execute(
            "select count(*) from intermediate.int_procurement_items_unioned"
        ).fetchone()[0]
        timings, answers = {}, {}
        for name, sql in (("constant_patterns", constant_rules_sql()), ("model", MODEL)):
            started = time.perf_counter()
            answers[name] = con.execute(sql).fetchall()
            timings[name] = round(time.perf_counter() - started, 3)
    finally:
        con.close()
    return {
        "items": items,
        "model_s": timings["model"],
        "constant_patterns_s": timings["constant_patterns"],
        "same_rules": answers["model"] == answers["constant_patterns"],
    }


if __name__ == "__main__":
    json.dump(measure(Path(sys.argv[1])), sys.stdout)
    print()

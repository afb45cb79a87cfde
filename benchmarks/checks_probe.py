"""The GX checks of the largest tables, alone in a process, to measure their time and memory.

    python -m benchmarks.checks_probe HOME SUITES_DIR layer/table.yml [...]

validates each named suite with the platform's runner against the refreshed build file of
HOME (read-only) and prints JSON: the validation seconds (GX imported beforehand), the
process's peak RSS, and whether every expectation passed.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from datetime import date
from pathlib import Path

import duckdb


def main(argv: list[str]) -> None:
    home, suites = Path(argv[0]), Path(argv[1])
    import great_expectations  # noqa: F401  (imported once, outside the timing)

    from dagster_project.quality.gx_runner import run_suite
    from dagster_project.quality.suites import read_suite

    con = duckdb.connect(str(home / "build" / "warehouse.duckdb"), read_only=True)
    seconds, failed = {}, []
    try:
        for relative in argv[2:]:
            suite = read_suite(suites / relative)
            relations, parameters = {}, {}
            if suite.validates_payload:
                # As the raw asset checks a payload, against itself as last loaded.
                rows = con.execute(f"select count(*) from {suite.relation}").fetchone()[0]
                relations = {"payload": suite.relation, "previous": suite.relation}
                parameters = {"payload_date": date.today(), "previous_row_count": rows}
            started = time.perf_counter()
            outcomes = run_suite(suite, con, relations=relations, parameters=parameters)
            seconds[suite.relation] = round(time.perf_counter() - started, 3)
            failed += [
                f"{suite.relation}:{o.expectation}:{o.column}" for o in outcomes if not o.success
            ]
    finally:
        con.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {"seconds": seconds, "failed": failed, "peak_rss_mb": round(peak, 1)}
    json.dump(report, sys.stdout)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])

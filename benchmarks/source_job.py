"""Run one dataset's own job, as its schedule or inbox sensor does, in an `egov` session.

    python -m benchmarks.source_job DATASET [MODE]

`refresh_<dataset>` loads the dataset (MODE, default `drop`: the file waiting in its inbox),
rebuilds what depends on it and publishes; the session is the CLI's (refresh lock, Dagster
instance, crash recovery, log file). Prints the same report as `egov refresh`.
"""

from __future__ import annotations

import sys
import time

import dagster as dg


def main(argv: list[str]) -> None:
    from dagster_project.cli.main import exit_process
    from dagster_project.cli.session import locked_session
    from dagster_project.cli.summary import print_report
    from dagster_project.ingest.assets import mode_run_config
    from dagster_project.ingest.jobs import job_name
    from dagster_project.landing.declarations import all_specs

    spec = all_specs()[argv[0]]
    mode = argv[1] if len(argv) > 1 else "drop"
    with locked_session(wait=True, verbose=False) as session:
        started = time.monotonic()
        raw = session.defs.resolve_assets_def(dg.AssetKey(["raw", spec.name]))
        result = session.execute(
            job_name(spec), trigger="bench", run_config=mode_run_config(raw, mode)
        )
        code = print_report(session.home, result, time.monotonic() - started)
    # The way egov itself exits (without tearing the interpreter down).
    exit_process(code)


if __name__ == "__main__":
    main(sys.argv[1:])

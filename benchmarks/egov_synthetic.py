"""`egov` for a benchmark home holding synthetic notices: the product CLI, unchanged, except
that its quality suites are the overlay of benchmarks/suite_overlay.py.

    python -m benchmarks.egov_synthetic OVERLAY_DIR refresh [--force]
    python -m benchmarks.egov_synthetic OVERLAY_DIR ingest

`ingest` runs only the raw asset of the procurement intentions, which validates its payload
with its suite before loading it, in the same session as a refresh (lock, instance, log
file): the scale path up to the first model, measurable at sizes where the whole refresh is
too slow.

The suites folder is set before any other platform module is imported, so the checks, the
refresh fingerprint and the Data Docs all use the overlay; EGOV_HOME must point at a
benchmark home (the synthetic rows never reach a real warehouse).
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path


def main(argv: list[str]) -> int:
    from dagster_project import settings

    settings.EXPECTATIONS_DIR = Path(argv[0]).resolve()
    home = settings.egov_home()
    work = Path(__file__).resolve().parent / "results" / "work"
    if not (home.is_relative_to(work) or home.is_relative_to(Path("/tmp"))):
        print(f"refusing to load synthetic notices into {home}", file=sys.stderr)
        return 2
    if argv[1:] == ["ingest"]:
        return _ingest()
    from dagster_project.cli.main import main as egov_main

    return egov_main(argv[1:])


def _ingest() -> int:
    import dagster as dg

    from dagster_project.cli.capture import output_to
    from dagster_project.cli.session import locked_session
    from dagster_project.core.resources import BuildDatabase
    from dagster_project.ingest.assets import build_raw_asset
    from dagster_project.landing.declarations import all_specs

    spec = all_specs()["ccgp_shandong__intentions"]
    with ExitStack() as stack:
        session = stack.enter_context(locked_session(wait=True, verbose=False))
        stack.enter_context(output_to(session.log_file))
        result = dg.materialize(
            [build_raw_asset(spec)],
            instance=session.instance,
            resources={"build_db": BuildDatabase(home=str(session.home.home))},
            raise_on_error=False,
        )
    print(f"ingest {'succeeded' if result.success else 'FAILED'} (run {result.run_id})")
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

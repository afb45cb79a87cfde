"""One blocking-or-warning Dagster asset check per suite file in expectations/."""

import dagster as dg

from dagster_project.quality import audit
from dagster_project.quality.suites import SuiteFile, suite_files
from dagster_project.resources import BuildDatabase
from dagster_project.settings import DUCKDB_POOL


def _failure_table(outcomes: list) -> str:
    lines = [
        "| batch | expectation | column | observed | unexpected | sample |",
        "|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        sample = ", ".join(o.unexpected_sample)
        lines.append(
            f"| {o.batch} | {o.expectation} | {o.column or ''} | {o.observed_value or ''} "
            f"| {o.unexpected_count if o.unexpected_count is not None else ''} | {sample} |"
        )
    return "\n".join(lines)


def build_gx_check(suite_file: SuiteFile) -> dg.AssetChecksDefinition:
    """A check named gx_<table> on asset [layer, table]; critical suites block downstream."""

    @dg.asset_check(
        name=f"gx_{suite_file.table}",
        asset=dg.AssetKey([suite_file.layer, suite_file.table]),
        blocking=suite_file.critical,
        description=suite_file.description or f"Great Expectations suite for {suite_file.relation}",
        pool=DUCKDB_POOL,
    )
    def _gx_check(
        context: dg.AssetCheckExecutionContext, build_db: BuildDatabase
    ) -> dg.AssetCheckResult:
        from dagster_project.quality.gx_runner import run_suite

        with build_db.connect() as con:
            outcomes = run_suite(suite_file, con)
            audit.append(con, outcomes, run_id=context.run_id, critical=suite_file.critical)
        failed = [o for o in outcomes if not o.success]
        metadata = {
            "suite": suite_file.relation,
            "evaluated": len(outcomes),
            "failed": len(failed),
            "failed_expectations": [f"{o.batch}:{o.expectation}:{o.column or ''}" for o in failed],
        }
        if failed:
            metadata["failures"] = dg.MetadataValue.md(_failure_table(failed))
        return dg.AssetCheckResult(
            passed=not failed,
            severity=dg.AssetCheckSeverity.ERROR
            if suite_file.critical
            else dg.AssetCheckSeverity.WARN,
            metadata=metadata,
        )

    return _gx_check


def gx_checks() -> list[dg.AssetChecksDefinition]:
    return [build_gx_check(s) for s in suite_files()]

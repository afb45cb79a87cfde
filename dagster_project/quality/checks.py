"""One blocking-or-warning Dagster asset check per suite of a built relation (marts, staging,
and raw tables that are not declared datasets).

The suite of a declared dataset is not here: it validates each payload inside the raw asset,
before the payload may replace the raw table (quality/payload.py).
"""

import dagster as dg

from dagster_project.core.instance import latest_data_version
from dagster_project.core.resources import BuildDatabase
from dagster_project.quality import audit
from dagster_project.quality.suites import Suite, suite_files
from dagster_project.settings import DUCKDB_POOL


def failure_table(outcomes: list) -> str:
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


def severity(suite: Suite) -> dg.AssetCheckSeverity:
    return dg.AssetCheckSeverity.ERROR if suite.blocking else dg.AssetCheckSeverity.WARN


def check_result(suite: Suite, outcomes: list, **extra: object) -> dg.AssetCheckResult:
    """The Dagster view of a suite's outcomes: counts, failures, the suite's digest."""
    failed = [o for o in outcomes if not o.success]
    metadata = {
        "suite": suite.relation,
        "suite_sha256": suite.digest(),
        "evaluated": len(outcomes),
        "failed": len(failed),
        "failed_expectations": [f"{o.batch}:{o.expectation}:{o.column or ''}" for o in failed],
        **extra,
    }
    if failed:
        metadata["failures"] = dg.MetadataValue.md(failure_table(failed))
    blocking = [o for o in failed if o.blocking]
    return dg.AssetCheckResult(
        asset_key=dg.AssetKey([suite.layer, suite.table]),
        check_name=f"gx_{suite.table}",
        passed=not failed,
        severity=severity(suite) if blocking or not failed else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
    )


def build_gx_check(suite: Suite) -> dg.AssetChecksDefinition:
    """A check named gx_<table> on asset [layer, table]; blocking suites block downstream."""

    @dg.asset_check(
        name=f"gx_{suite.table}",
        asset=dg.AssetKey([suite.layer, suite.table]),
        blocking=suite.blocking,
        description=suite.description or f"Great Expectations suite for {suite.relation}",
        pool=DUCKDB_POOL,
    )
    def _gx_check(
        context: dg.AssetCheckExecutionContext, build_db: BuildDatabase
    ) -> dg.AssetCheckResult:
        # Lazy: GX costs seconds to import, and the definitions (with every check) load in
        # every Dagster process, most of which never validate anything.
        from dagster_project.quality import carry_over
        from dagster_project.quality.gx_runner import run_suite

        run_id = context.run.run_id
        with build_db.connect() as con:
            inputs = None
            if not carry_over.forced(context.run.run_config):
                inputs = carry_over.inputs_key(con, suite, _version_reader(context.instance))
                found = inputs and carry_over.carried(con, suite, inputs, run_id=run_id)
                if found:
                    validated_in, outcomes = found
                    context.log.info(f"{suite.relation}: inputs unchanged since run {validated_in}")
                    return check_result(suite, outcomes, carried_over_from=validated_in)
            outcomes = run_suite(suite, con, run_id=run_id, docs_dir=build_db.paths.docs_dir)
            audit.append(con, outcomes, run_id=run_id)
            passed = all(o.success for o in outcomes)
            carry_over.remember(con, suite, inputs, run_id=run_id, passed=passed)
        return check_result(suite, outcomes)

    return _gx_check


def _version_reader(instance: dg.DagsterInstance):
    """relation -> the data version of its asset's latest materialization (None if none)."""

    def version_of(relation: str) -> str | None:
        return latest_data_version(instance, dg.AssetKey(relation.split(".")))

    return version_of


def payload_check_spec(suite: Suite) -> dg.AssetCheckSpec:
    """The check a raw asset reports itself, from the validation of its payload."""
    return dg.AssetCheckSpec(
        name=f"gx_{suite.table}",
        asset=dg.AssetKey([suite.layer, suite.table]),
        description=suite.description or f"Great Expectations suite for {suite.relation}",
    )


def gx_checks() -> list[dg.AssetChecksDefinition]:
    return [build_gx_check(s) for s in suite_files() if not s.validates_payload]

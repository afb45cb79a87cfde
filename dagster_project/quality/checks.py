"""One blocking-or-warning Dagster asset check per suite file in expectations/."""

import dagster as dg
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus

from dagster_project.core import changes
from dagster_project.core.resources import BuildDatabase
from dagster_project.quality import audit
from dagster_project.quality.suites import SuiteFile, suite_files
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


def _validated_before(context: dg.AssetCheckExecutionContext, suite_file: SuiteFile) -> str | None:
    """The run that already validated these exact bytes with this exact suite, if any.

    A raw asset whose payload did not change is not rewritten; re-validating it would only
    cost time (GX alone takes seconds to import), so its last passing result carries over.
    """
    instance = context.instance
    asset_key = dg.AssetKey([suite_file.layer, suite_file.table])
    event = instance.get_latest_materialization_event(asset_key)
    if event is None or event.run_id != context.run.run_id:
        return None
    changed = event.asset_materialization.metadata.get("changed")
    if changed is None or changed.value is not False:
        return None
    check_key = dg.AssetCheckKey(asset_key, f"gx_{suite_file.table}")
    history = instance.event_log_storage.get_asset_check_execution_history(check_key, limit=5)
    for record in history:
        if record.run_id == context.run.run_id or record.event is None:
            continue
        if record.status != AssetCheckExecutionRecordStatus.SUCCEEDED:
            return None
        evaluation = record.event.dagster_event.event_specific_data
        digest = evaluation.metadata.get("suite_sha256")
        return (
            record.run_id
            if digest and digest.value == changes.suite_digest(suite_file.path)
            else None
        )
    return None


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
        # Lazy: GX costs seconds to import, and the definitions (with every check) load in
        # every Dagster process, most of which never validate anything.
        from dagster_project.quality.gx_runner import build_docs, run_suite

        earlier = _validated_before(context, suite_file)
        if earlier:
            return dg.AssetCheckResult(
                passed=True,
                severity=_severity(suite_file),
                metadata={
                    "suite": suite_file.relation,
                    "suite_sha256": changes.suite_digest(suite_file.path),
                    "unchanged_since_run": earlier,
                },
            )
        with build_db.connect() as con:
            outcomes = run_suite(suite_file, con, build_db.paths.docs_dir)
            audit.append(con, outcomes, run_id=context.run.run_id, critical=suite_file.critical)
        failed = [o for o in outcomes if not o.success]
        if failed:
            # A failure blocks the publish step, which renders the docs on success.
            build_docs(build_db.paths.docs_dir)
        metadata = {
            "suite": suite_file.relation,
            "suite_sha256": changes.suite_digest(suite_file.path),
            "evaluated": len(outcomes),
            "failed": len(failed),
            "failed_expectations": [f"{o.batch}:{o.expectation}:{o.column or ''}" for o in failed],
        }
        if failed:
            metadata["failures"] = dg.MetadataValue.md(_failure_table(failed))
        return dg.AssetCheckResult(
            passed=not failed,
            severity=_severity(suite_file),
            metadata=metadata,
        )

    return _gx_check


def _severity(suite_file: SuiteFile) -> dg.AssetCheckSeverity:
    return dg.AssetCheckSeverity.ERROR if suite_file.critical else dg.AssetCheckSeverity.WARN


def gx_checks() -> list[dg.AssetChecksDefinition]:
    return [build_gx_check(s) for s in suite_files()]

"""Runs started by `egov`, recorded as runs of the workspace's code location, executed here.

`JobDefinition.execute_in_process` stores a run without any origin, so the Dagster UI lists
it on the global Runs page only: the job page of `refresh_all` (which filters on the
`.dagster/repository` tag), the overview timeline and re-execution all need the origin of
the code location that `dagster dev -w workspace.yaml` serves. This module creates the run
the way the UI's launcher does (remote job origin from workspace.yaml, a Python origin the
code server can reload) and then executes it synchronously in this process, as a run worker
would, with the job's own in-process executor: the refresh lock, the pool and the crash
recovery (tags `egov/pid`, `egov/writer`) work exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

import dagster as dg
from dagster._core.definitions.reconstruct import ReconstructableJob, ReconstructableRepository
from dagster._core.execution.api import execute_run
from dagster._core.execution.execution_result import ExecutionResult
from dagster._core.remote_origin import RemoteJobOrigin, RemoteRepositoryOrigin
from dagster._core.workspace.load import location_origins_from_yaml_paths

from dagster_project.settings import PROJECT_ROOT

WORKSPACE_YAML = PROJECT_ROOT / "workspace.yaml"
DEFINITIONS_MODULE = "dagster_project.definitions"
DEFINITIONS_ATTRIBUTE = "defs"

Listener = Callable[[Any], None]


@cache
def _repository_origin(repository_name: str) -> RemoteRepositoryOrigin:
    """The origin the UI gives this repository: the (only) location of workspace.yaml."""
    (location,) = location_origins_from_yaml_paths([str(WORKSPACE_YAML)])
    return RemoteRepositoryOrigin(code_location_origin=location, repository_name=repository_name)


def repository_label(defs: dg.Definitions) -> str:
    """`<repository>@<location>`: the value of the `.dagster/repository` run tag."""
    return _repository_origin(defs.get_repository_def().name).get_label()


def _reconstructable(job_name: str) -> ReconstructableJob:
    repository = ReconstructableRepository.for_module(
        DEFINITIONS_MODULE, DEFINITIONS_ATTRIBUTE, working_directory=str(PROJECT_ROOT)
    )
    return repository.get_reconstructable_job(job_name)


def _run_tags(
    job: dg.JobDefinition, instance: dg.DagsterInstance, partition_key: str | None
) -> dict[str, str]:
    tags = dict(job.run_tags)
    if partition_key is not None:
        with dg.partition_loading_context(dynamic_partitions_store=instance) as context:
            job.validate_partition_key(partition_key, selected_asset_keys=None, context=context)
        tags.update(job.get_tags_for_partition_key(partition_key, selected_asset_keys=None))
    return tags


def execute(
    defs: dg.Definitions,
    instance: dg.DagsterInstance,
    job_name: str,
    *,
    tags: Mapping[str, str],
    run_config: Mapping[str, Any] | None = None,
    partition_key: str | None = None,
    asset_selection: Sequence[dg.AssetKey] | None = None,
    listener: Listener | None = None,
) -> ExecutionResult:
    """Create the run with the workspace origin, then execute it in this process.

    `asset_selection` runs that subset of the job (with the checks of the selected assets);
    `listener` receives every event log entry of the run as it is stored (progress output).
    """
    job = defs.resolve_job_def(job_name)
    recon = _reconstructable(job_name)
    selection = frozenset(asset_selection) if asset_selection is not None else None
    if selection is not None:
        job = job.get_subset(asset_selection=selection)
        recon = recon.get_subset(asset_selection=selection)
    repository = defs.get_repository_def().name
    run = instance.create_run_for_job(
        job_def=job,
        run_config=run_config,
        asset_selection=selection,
        tags={**_run_tags(job, instance, partition_key), **tags},
        remote_job_origin=RemoteJobOrigin(_repository_origin(repository), job_name),
        job_code_origin=recon.get_python_origin(),
    )
    if listener is not None:
        instance.add_event_listener(run.run_id, listener)
    return execute_run(recon, run, instance, raise_on_error=False)

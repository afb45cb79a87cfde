"""Which report documents the warehouse must (re)load, and their partitions registered.

`egov refresh` loads every known document whose version (bytes + extractor) is not the one
in raw.report_* before it runs `refresh_all`; the inbox sensor does the same per document.
"""

from __future__ import annotations

import dagster as dg

from dagster_project.core import duckdb_io
from dagster_project.reports import documents
from dagster_project.reports.assets import documents_partitions, loaded_version
from dagster_project.reports.load import loaded_versions
from dagster_project.settings import Paths


def register(instance: dg.DagsterInstance, document_ids: list[str]) -> None:
    """Make every document a partition of the raw.report_* assets."""
    known = set(instance.get_dynamic_partitions(documents_partitions.name))
    missing = [d for d in document_ids if d not in known]
    if missing:
        instance.add_dynamic_partitions(documents_partitions.name, missing)


def _in_build(home: Paths) -> dict[str, str]:
    """What raw.report_documents of the build file holds (nothing when the file is gone)."""
    if not home.build_db.exists():
        return {}
    with duckdb_io.connect(home.build_db) as con:
        return loaded_versions(con)


def stale_documents(instance: dg.DagsterInstance, home: Paths) -> list[str]:
    """Every known document (registered) whose loaded version is not its current one, in the
    run history or in the build file (deleted, or rebuilt from the landing store)."""
    known = documents.known_documents(home)
    register(instance, list(known))
    in_build = _in_build(home)
    stale = []
    for document_id, document in known.items():
        loaded = {in_build.get(document_id), loaded_version(instance, document_id)}
        if loaded != {document.data_version}:
            stale.append(document_id)
    return stale

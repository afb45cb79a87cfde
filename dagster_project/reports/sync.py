"""Which report documents the warehouse must (re)load, and their partitions registered.

`egov refresh` loads every known document whose version (bytes + extractor) is not the one
in raw.report_* before it runs `refresh_all`; the inbox sensor does the same per document.
"""

from __future__ import annotations

import dagster as dg

from dagster_project.reports import documents
from dagster_project.reports.assets import documents_partitions, loaded_version
from dagster_project.settings import Paths


def register(instance: dg.DagsterInstance, document_ids: list[str]) -> None:
    """Make every document a partition of the raw.report_* assets."""
    known = set(instance.get_dynamic_partitions(documents_partitions.name))
    missing = [d for d in document_ids if d not in known]
    if missing:
        instance.add_dynamic_partitions(documents_partitions.name, missing)


def stale_documents(instance: dg.DagsterInstance, home: Paths) -> list[str]:
    """Every known document (registered) whose loaded version is not its current one."""
    known = documents.known_documents(home)
    register(instance, list(known))
    return [
        document_id
        for document_id, document in known.items()
        if loaded_version(instance, document_id) != document.data_version
    ]

"""Which report documents the warehouse must (re)load, and their partitions registered.

`egov refresh` loads every known document whose version (bytes, extractor, checks, what is
declared about it) is not the one in raw.report_* before it runs `refresh_all`, and takes
out the rows of removed documents; the inbox sensor does the same per document.
"""

from __future__ import annotations

import dagster as dg
import duckdb

from dagster_project.core import duckdb_io
from dagster_project.reports import documents
from dagster_project.reports.assets import documents_partitions, loaded_status, loaded_version
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
    run history or in the build file (deleted, or rebuilt from the landing store); a removed
    document is stale until its rows are gone (never, if it was never loaded)."""
    known = documents.known_documents(home)
    register(instance, list(known))
    in_build = _in_build(home)
    stale = []
    for document_id, document in known.items():
        loaded = loaded_version(instance, document_id)
        if document.origin == "removed":
            if document_id not in in_build and loaded in (None, document.data_version):
                continue
        elif in_build.get(document_id) == loaded == document.data_version:
            continue
        stale.append(document_id)
    return stale


def published_versions(home: Paths) -> dict[str, str] | None:
    """document id -> data version of every document in the published file (None when
    there is no published file to compare with)."""
    if not home.published_db.exists():
        return None
    try:
        con = duckdb.connect(str(home.published_db), read_only=True)
        try:
            rows = con.execute("select document_id, data_version from raw.report_documents")
            return {str(d): str(v) for d, v in rows.fetchall()}
        finally:
            con.close()
    except duckdb.Error:
        return None


def unpublished_documents(
    instance: dg.DagsterInstance, home: Paths
) -> list[documents.ReportDocument]:
    """Documents loaded as published whose loaded version the published file does not hold
    yet: what a failing build may owe to them (cli.isolation)."""
    published = published_versions(home)
    if published is None:
        return []  # a first build has nothing to fall back to
    found = []
    for document in documents.known_documents(home).values():
        if document.origin == "removed" or document.held_reason:
            continue
        version, status = loaded_status(instance, document.document_id)
        if (
            status == "published"
            and version == document.data_version
            and (published.get(document.document_id) != version)
        ):
            found.append(document)
    return found

"""egov reports list | remove: the report documents of the warehouse and their status.

`list` reads the published file (what readers see) and the document records, nothing else:
no Dagster, no extraction library, so it answers at once. `remove` writes the document's
record (landing.document_state) under the refresh lock; the document's rows leave the
warehouse at the next publish (`egov refresh`), and its landed bytes stay unless `--purge`.
"""

from __future__ import annotations

import sys

import duckdb

from dagster_project.cli.render import RENDERERS
from dagster_project.core.lock import RefreshBusyError, refresh_lock
from dagster_project.landing.document_state import landed_document_ids, record_removal, removal
from dagster_project.settings import Paths, paths

LIST_QUERY = """
select
    document_id as id,
    title,
    edition,
    published_date as date,
    status,
    n_facts as facts,
    n_corrupted_facts as flagged,
    status_reason as reason
from marts.dim_report_document
order by status = 'rejected', series_id, edition, document_id
"""
REJECTED_QUERY = """
select document_id, status_reason from marts.dim_report_document
where status = 'rejected' order by document_id
"""


def _published_rows(home: Paths, query: str) -> tuple[list[str], list[tuple]]:
    con = duckdb.connect(str(home.published_db), read_only=True)
    try:
        cursor = con.execute(query)
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        con.close()


def pending_removals(home: Paths) -> list[str]:
    """Documents removed since the file was published: they leave at the next refresh."""
    return [d for d in landed_document_ids(home) if removal(d, home) is not None]


def run_list(output_format: str = "table") -> int:
    home = paths()
    if not home.published_db.exists():
        print(f"egov: no published warehouse at {home.published_db}; run `egov refresh` first",
              file=sys.stderr)  # fmt: skip
        return 1
    try:
        columns, rows = _published_rows(home, LIST_QUERY)
    except duckdb.Error as exc:
        print(f"egov: cannot list report documents: {exc}", file=sys.stderr)
        return 1
    published_ids = {row[0] for row in rows}
    pending = [d for d in pending_removals(home) if d in published_ids]
    print(RENDERERS[output_format](columns, rows))
    if pending:
        print(f"removed, leaving at the next `egov refresh`: {', '.join(pending)}", file=sys.stderr)
    return 0


def rejected_documents(home: Paths) -> list[tuple[str, str]]:
    """(document id, reason) of every rejected document in the published file."""
    if not home.published_db.exists():
        return []
    try:
        return [(str(d), str(r)) for d, r in _published_rows(home, REJECTED_QUERY)[1]]
    except duckdb.Error:
        return []  # a file published before documents had a status


def print_rejected(home: Paths) -> None:
    """The warnings every refresh ends with while a rejected document stays in landing."""
    for document_id, reason in rejected_documents(home):
        print(
            f"warning: report document {document_id} is rejected and not published: {reason} "
            f"(`egov reports remove {document_id}` takes it out)",
            file=sys.stderr,
        )


def _waiting(holder: str) -> None:
    print(f"egov: a refresh is running ({holder}); waiting for it to finish", file=sys.stderr)


def run_remove(document_id: str, *, purge: bool = False) -> int:
    # Lazy on purpose: the document registry reads the extraction library's helpers and the
    # landing store (about a second of imports) that `egov reports list` never needs.
    from dagster_project.reports import documents

    home = paths().ensure()
    try:
        with refresh_lock(home.lock_file, wait_s=None, on_wait=_waiting):
            document = documents.known_documents(home).get(document_id)
            if document is None:
                print(
                    f"egov: no report document {document_id!r}; `egov reports list` shows the ids",
                    file=sys.stderr,
                )
                return 2
            if document.origin == "removed" and not purge:
                print(f"{document_id}: already removed; it leaves at the next `egov refresh`")
                return 0
            previous = removal(document_id, home)
            name = document.path.name if document.path is not None else None
            name = name or (previous.file if previous else None)
            record_removal(document_id, document.sha256, name, purge=purge, paths=home)
    except RefreshBusyError as exc:
        print(f"egov: {exc}", file=sys.stderr)
        return 75
    print(f"{document_id}: removed; it leaves the warehouse at the next `egov refresh`")
    landed = home.landed_report_dir(document_id)
    if purge:
        print("  its landed bytes are deleted")
    elif landed.exists():
        print(f"  its landed bytes are kept in {landed} (--purge deletes them)")
    if document.origin == "bundled":
        print("  its bundled output in sources/reports/ stays: it is part of the project")
    for path in documents.inbox_files(home):
        if documents.document_id_for(path) == document_id:
            print(f"  {path} stays in the inbox, ignored while these bytes are removed")
    return 0

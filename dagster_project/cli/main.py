"""egov: the command line of the warehouse (refresh, sql, status, ingest-report, reports,
dashboard, docs, dev)."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import threading
from importlib import metadata
from pathlib import Path

from dagster_project.cli.render import DEFAULT_MAX_WIDTH
from dagster_project.core.disk import disk_full_message, is_disk_full
from dagster_project.settings import paths


def _version() -> str:
    try:
        return metadata.version("egov-warehouse")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="egov",
        description="Smart-government market warehouse. Home: $EGOV_HOME (default ./warehouse).",
    )
    parser.add_argument("--version", action="version", version=f"egov {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    refresh = sub.add_parser("refresh", help="full refresh of every asset, then publish")
    refresh.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    refresh.add_argument(
        "--no-wait",
        action="store_true",
        help="exit at once (code 75) if another refresh is running, instead of waiting",
    )
    refresh.add_argument(
        "--no-shortcut",
        action="store_true",
        help="run the job even when no input changed since the last refresh (it then "
        "re-reads every source and rebuilds nothing)",
    )
    refresh.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when a payload was rejected (the other datasets are still published)",
    )
    refresh.add_argument("-v", "--verbose", action="store_true", help="stream Dagster's log")

    sql = sub.add_parser("sql", help="run a read-only query against the published file")
    sql.add_argument("query", help="SQL text, or - to read it from standard input")
    sql.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sql.add_argument(
        "--allow-files",
        action="store_true",
        help="let the query read and write files below the current directory (never below "
        "EGOV_HOME); without it no file but the published one can be touched",
    )
    sql.add_argument(
        "--max-width",
        type=int,
        default=DEFAULT_MAX_WIDTH,
        metavar="N",
        help=f"widest table column, in characters (default {DEFAULT_MAX_WIDTH}; 0: no limit)",
    )

    status = sub.add_parser("status", help="last refresh, checks, freshness of every source")
    status.add_argument(
        "--all", action="store_true", help="the long form: every asset, check and source"
    )

    ingest = sub.add_parser(
        "ingest-report",
        help="ingest one report document (text, Markdown, HTML, PDF or Word) and publish "
        "(exit 1 if the document is rejected)",
    )
    ingest.add_argument("path", help="the report document (a side-car <file>.yml beside it "
                        "may declare licence, publisher, kind)")  # fmt: skip
    ingest.add_argument("-v", "--verbose", action="store_true", help="stream Dagster's log")

    reports = sub.add_parser("reports", help="the report documents and their status")
    actions = reports.add_subparsers(dest="action", required=True)
    listing = actions.add_parser(
        "list", help="id, title, edition, date, status, facts, flagged (published file)"
    )
    listing.add_argument("--format", choices=["table", "csv", "json"], default="table")
    remove = actions.add_parser(
        "remove", help="take a document out of the warehouse at the next refresh"
    )
    remove.add_argument("document_id", help="the document's id (see `egov reports list`)")
    remove.add_argument(
        "--purge", action="store_true", help="also delete its landed bytes (kept by default)"
    )

    dashboard = sub.add_parser(
        "dashboard", help="serve the dashboard ($EGOV_HOME/dashboard) on http://127.0.0.1"
    )
    dashboard.add_argument("--port", type=int, default=8000)
    dashboard.add_argument(
        "--build-only",
        action="store_true",
        help="bring the site up to date with the published file and exit without serving",
    )
    sub.add_parser("docs", help="rebuild the data-quality page from the published file")

    dev = sub.add_parser("dev", help="start the Dagster UI on this warehouse home")
    dev.add_argument("--port", default="3000")
    dev.add_argument("--host", default="127.0.0.1")
    return parser


# Each command imports its own module when it runs (the only function-level imports of the
# CLI): `egov sql` and the no-op `egov refresh` answer without importing Dagster, dbt or GX,
# which is most of a command's start-up time (see BENCHMARKS.md, "CLI start-up").
def _refresh(args: argparse.Namespace) -> int:
    from dagster_project.cli.refresh import run_refresh

    return run_refresh(
        force=args.force, wait=not args.no_wait, verbose=args.verbose,
        shortcut=not args.no_shortcut, strict=args.strict,
    )  # fmt: skip


def _sql(args: argparse.Namespace) -> int:
    from dagster_project.cli.sql import run_sql

    query = sys.stdin.read() if args.query == "-" else args.query
    folder = os.getcwd() if args.allow_files else None
    return run_sql(query, args.format, allow_files=folder, max_width=args.max_width)


def _status(args: argparse.Namespace) -> int:
    from dagster_project.cli.status import run_status

    return run_status(long_form=args.all)


def _ingest_report(args: argparse.Namespace) -> int:
    from dagster_project.settings import paths
    from dagster_project.transform.manifest import ensure_manifest

    # Before the definitions are imported: they read dbt's manifest (cli/refresh.py says why).
    ensure_manifest(paths())
    from dagster_project.cli.ingest_report import run_ingest_report

    return run_ingest_report(args.path, verbose=args.verbose)


def _docs(args: argparse.Namespace) -> int:
    from dagster_project.quality.docs import write_page
    from dagster_project.settings import paths

    page = write_page(paths())
    if page is None:
        print("egov docs: nothing published yet; run egov refresh first", file=sys.stderr)
        return 1
    print(page)
    return 0


def _reports(args: argparse.Namespace) -> int:
    from dagster_project.cli.reports import run_list, run_remove

    if args.action == "list":
        return run_list(args.format)
    return run_remove(args.document_id, purge=args.purge)


def _dev(args: argparse.Namespace) -> int:
    from dagster_project.cli.dev import run_dev

    return run_dev(args.host, args.port)


def _dashboard(args: argparse.Namespace) -> int:
    from dagster_project.cli.dashboard import run_dashboard

    return run_dashboard(args.port, build_only=args.build_only)


COMMANDS = {
    "refresh": _refresh,
    "sql": _sql,
    "status": _status,
    "ingest-report": _ingest_report,
    "dashboard": _dashboard,
    "docs": _docs,
    "reports": _reports,
    "dev": _dev,
}


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `egov` alone: say what it can do
        parser.print_help()
        return 0
    home = paths()
    published_before = _identity(home.published_db)
    try:
        return COMMANDS[args.command](args)
    except Exception as exc:
        # A full disk can strike anywhere (SQLite of the run history, DuckDB, a record, a
        # log): one paragraph that says so, not the traceback of whichever write hit it.
        if not is_disk_full(exc, home.home):
            raise
        changed = _identity(home.published_db) != published_before
        message = disk_full_message(home.home, home.published_db, published_changed=changed)
        print(message, file=sys.stderr)
        return 1


def entrypoint() -> None:
    """Console-script entry: a closed pipe (egov sql ... | head) is not an error."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    exit_process(code)


def exit_process(code: int) -> None:
    """Exit once everything is written, without tearing the interpreter down.

    After a refresh, freeing the modules and objects of Dagster, dbt and GX one by one costs
    about 2 s, and nothing of ours needs it: every file and database is closed by then.
    Threads still finish and the exit handlers still run (logging flushes its files there),
    as they would at a normal exit."""
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    entrypoint()

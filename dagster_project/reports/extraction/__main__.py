"""Command line: `python -m dagster_project.reports.extraction extract PATH [--out DIR]`.

Regenerates a document's output folder (by default sources/reports/<document_id>/).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dagster_project.reports.extraction.extract import extract_document
from dagster_project.reports.extraction.output import write_output
from dagster_project.settings import SOURCES_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.reports.extraction")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract one report into an output folder")
    extract.add_argument("path", type=Path, help="report file (.txt, .md, .html, .htm)")
    extract.add_argument("--out", type=Path, help="output folder (default sources/reports/<id>)")
    extract.add_argument("--document-id", help="override the id derived from the file name")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    extraction = extract_document(args.path, document_id=args.document_id)
    out_dir = args.out or SOURCES_DIR / "reports" / extraction.manifest["document_id"]
    write_output(extraction, out_dir)
    counts = extraction.manifest["counts"]
    print(
        f"{extraction.manifest['document_id']}: {counts['facts']} facts "
        f"({counts['corrupted_facts']} corrupted), {counts['table_cells']} table cells, "
        f"{counts['sections']} sections, {counts['sources']} sources -> {out_dir} "
        f"in {time.perf_counter() - started:.2f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command line: `python -m dagster_project.reports.extraction extract PATH [--out DIR]`.

Regenerates a document's output folder (by default <sources>/reports/<document_id>/). The
reference data (region snapshot, metric catalog) is read from `--sources` (default
`./sources`, the project's folder when run from the repository root).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dagster_project.reports.extraction.errors import ExtractionError
from dagster_project.reports.extraction.extract import extract_document
from dagster_project.reports.extraction.output import write_output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.reports.extraction")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract one report into an output folder")
    extract.add_argument("path", type=Path, help="report file (.txt, .md, .html, .pdf, .docx …)")
    extract.add_argument("--out", type=Path, help="output folder (default <sources>/reports/<id>)")
    extract.add_argument("--document-id", help="override the id derived from the file name")
    extract.add_argument("--sources", type=Path, default=Path("sources"),
                         help="the project's sources/ folder (default ./sources)")  # fmt: skip
    extract.add_argument("--licence", help="the document's licence, as declared")
    extract.add_argument("--kind", help="market_report | news | government | other")
    args = parser.parse_args(argv)
    if not (args.sources / "catalog" / "metrics.yml").exists():
        parser.error(
            f"{args.sources} is not the project's sources/ folder (no catalog/metrics.yml)"
        )

    started = time.perf_counter()
    try:
        extraction = extract_document(
            args.path, sources_dir=args.sources, document_id=args.document_id,
            licence=args.licence, kind=args.kind,
        )  # fmt: skip
    except ExtractionError as error:
        print(error, file=sys.stderr)
        return 1
    out_dir = args.out or args.sources / "reports" / extraction.manifest["document_id"]
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

"""The change record: what every output is a function of, so "did anything change?" has one
answer, asked by every step that skips work.

* A **dataset version** (raw asset) is the payload's sha256 plus the parsing code and the
  declaration: a change in any of them re-parses.
* A **document version** (report document) is the document's sha256 plus the extraction code
  and its reference data (or, for a bundled output, the output files themselves).
* The **warehouse fingerprint** is what a published file is a function of: every raw version,
  the dbt project (node checksums and configs, the project's macros) and every suite.
* The **input digest** covers every local input of a full refresh (project files, library
  versions, EGOV_* settings, inbox listings, landed documents), computed in milliseconds
  before Dagster starts, for the no-op shortcut of `egov refresh`.

Dagster-free on purpose: the CLI asks it before the platform is imported.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from dagster_project.core.files import read_json, sha256_file
from dagster_project.settings import (
    DBT_DIR,
    DBT_WATCHED,
    EXPECTATIONS_DIR,
    PACKAGE_DIR,
    SOURCES_DIR,
    Paths,
)

INGEST_DIR = PACKAGE_DIR / "ingest"
# What turns a payload into raw rows: the parsers and the rules the registry applies to them.
PARSING_CODE = (
    INGEST_DIR / "parsers",
    INGEST_DIR / "registry.py",
    INGEST_DIR / "contract.py",
    INGEST_DIR / "duckdb_load.py",
    # How a payload is validated before it is loaded: its rules and the engine that runs them.
    *(
        PACKAGE_DIR / "quality" / f"{name}.py"
        for name in ("contract_rules", "payload", "gx_runner", "sql_engine", "suites")
    ),
)
# What turns a document into facts: the library, its metric catalog and its gazetteer.
EXTRACTION_CODE = (
    PACKAGE_DIR / "reports" / "extraction",
    SOURCES_DIR / "catalog" / "metrics.yml",
    SOURCES_DIR / "snapshots" / "modood",
)
# The libraries whose version can change what lands in the published file.
DISTRIBUTIONS = (
    "dagster",
    "dagster-dbt",
    "dbt-core",
    "dbt-duckdb",
    "duckdb",
    "great-expectations",
    "pandas",
    "opencc",
    "openpyxl",
    "xlrd",
    "pyreadr",
)


def _files(root: Path) -> Iterable[Path]:
    if root.is_file():
        yield root
    elif root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path


def tree_digest(roots: Iterable[Path]) -> str:
    """sha256 over the relative paths and contents of every file under `roots`."""
    digest = hashlib.sha256()
    for root in roots:
        for path in _files(root):
            # Relative to the root's parent: the same tree hashes the same wherever it lives.
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(bytes.fromhex(sha256_file(path)))
    return digest.hexdigest()


@cache
def parsing_code_digest() -> str:
    return tree_digest(PARSING_CODE)


@cache
def extraction_code_digest() -> str:
    return tree_digest(EXTRACTION_CODE)


def dataset_version(payload_sha256: str, declaration: Path, suite: str = "") -> str:
    """`suite` is the digest of the dataset's suite: new rules re-validate the payload."""
    digest = hashlib.sha256(parsing_code_digest().encode())
    digest.update(declaration.read_bytes())
    digest.update(suite.encode())
    return f"{payload_sha256[:16]}-{digest.hexdigest()[:12]}"


def document_version(sha256: str, bundled_output: Path | None = None) -> str:
    code = tree_digest([bundled_output]) if bundled_output else extraction_code_digest()
    return f"{sha256[:16]}-{code[:12]}"


def manifest_digest(manifest_path: Path) -> str:
    """The dbt project as built: every node's checksum and config, the project's macros."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    project = manifest.get("metadata", {}).get("project_name")
    parts: dict[str, Any] = {}
    for uid, node in sorted(manifest.get("nodes", {}).items()):
        parts[uid] = [node.get("checksum", {}).get("checksum"), node.get("config")]
    for uid, macro in sorted(manifest.get("macros", {}).items()):
        if macro.get("package_name") == project:
            parts[uid] = macro.get("macro_sql")
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def warehouse_fingerprint(raw_versions: Mapping[str, str], manifest_path: Path) -> str:
    payload = {
        "raw": dict(sorted(raw_versions.items())),
        "dbt": manifest_digest(manifest_path),
        "expectations": tree_digest([EXPECTATIONS_DIR]),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _listing(digest: Any, root: Path) -> None:
    for path in _files(root):
        info = path.stat()
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())


def _landed_documents(home: Paths) -> list[tuple[str, str]]:
    """(document, current sha256): landing the same bytes again changes nothing."""
    landed = []
    for state in sorted(home.report_states_dir.glob("*.json")):
        record = read_json(state)
        current = record.get("current") or record
        landed.append((state.stem, str(current.get("sha256"))))
    return landed


def _versions() -> dict[str, str]:
    found = {"python": sys.version}
    for name in DISTRIBUTIONS:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    return found


def input_digest(home: Paths) -> str:
    """sha256 over every local input of a full refresh (see the module docstring)."""
    digest = hashlib.sha256()
    for root in (SOURCES_DIR, *(DBT_DIR / name for name in DBT_WATCHED), EXPECTATIONS_DIR):
        digest.update(tree_digest([root]).encode())
    digest.update(tree_digest([PACKAGE_DIR]).encode())
    _listing(digest, home.inbox_dir)
    _listing(digest, home.reports_inbox)
    settings = {k: v for k, v in os.environ.items() if k.startswith("EGOV_")}
    extra = {"reports": _landed_documents(home), "versions": _versions(), "settings": settings}
    digest.update(json.dumps(extra, sort_keys=True).encode())
    return digest.hexdigest()

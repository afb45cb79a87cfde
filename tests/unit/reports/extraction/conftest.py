"""Shared fixtures for the report-extraction tests.

The bundled report lives outside the repository (../shared/reports, licensed input): tests
that need it are skipped with a reason when it is absent. Paths are offered as fixtures
rather than importable constants, so the tests work under any pytest import mode.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.reports.extraction import Extraction, extract_document
from dagster_project.settings import PROJECT_ROOT, SOURCES_DIR

REPORT_NAME = "smart-gov-market-report-2026-preview.txt"
SHARED_REPORT = PROJECT_ROOT.parent / "shared" / "reports" / REPORT_NAME
DOCUMENT_ID = "smart-gov-market-report-2026-preview"
COMMITTED_OUTPUT = SOURCES_DIR / "reports" / DOCUMENT_ID
GOLD = Path(__file__).parent / "gold" / f"{DOCUMENT_ID}.yml"
# As the bundled report's declaration states it (the library takes the licence from its caller).
SEED_LICENCE = "commercial report preview; document not redistributed"


@pytest.fixture(scope="session")
def report_path() -> Path:
    if not SHARED_REPORT.exists():
        pytest.skip(f"bundled report not at {SHARED_REPORT} (licensed input, not in the repo)")
    return SHARED_REPORT


@pytest.fixture(scope="session")
def extraction(report_path: Path) -> Extraction:
    return extract_document(report_path, sources_dir=SOURCES_DIR, licence=SEED_LICENCE)


@pytest.fixture(scope="session")
def committed_output() -> Path:
    return COMMITTED_OUTPUT


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return GOLD

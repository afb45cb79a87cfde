"""The change record: which changes the input digest sees, and the versions it gives."""

from pathlib import Path

import pytest

from dagster_project.core import changes
from dagster_project.settings import SOURCES_DIR, Paths


@pytest.fixture
def home(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "home").ensure()


def test_input_digest_is_stable(home):
    assert changes.input_digest(home) == changes.input_digest(home)


def test_input_digest_sees_the_inbox_the_settings_and_landed_reports(home, monkeypatch):
    base = changes.input_digest(home)
    dropped = home.inbox_dir / "nbs" / "gdp.csv"
    dropped.parent.mkdir(parents=True)
    dropped.write_text("a,b\n", encoding="utf-8")
    assert changes.input_digest(home) != base
    dropped.unlink()
    assert changes.input_digest(home) == base
    monkeypatch.setenv("EGOV_HTTP_TIMEOUT_S", "5")
    assert changes.input_digest(home) != base
    monkeypatch.delenv("EGOV_HTTP_TIMEOUT_S")
    landed = home.report_state("edition")
    landed.parent.mkdir(parents=True)
    landed.write_text('{"current": {"sha256": "aa", "landed_at": "t1"}}', encoding="utf-8")
    one = changes.input_digest(home)
    landed.write_text('{"current": {"sha256": "aa", "landed_at": "t2"}}', encoding="utf-8")
    assert changes.input_digest(home) == one, "landing the same bytes again changes nothing"
    landed.write_text('{"current": {"sha256": "bb", "landed_at": "t3"}}', encoding="utf-8")
    assert changes.input_digest(home) not in (one, base)


def test_dataset_version_follows_payload_and_declaration(tmp_path):
    declaration = tmp_path / "d.yml"
    declaration.write_text("a: 1\n", encoding="utf-8")
    first = changes.dataset_version("ab" * 32, declaration)
    assert first == changes.dataset_version("ab" * 32, declaration)
    assert first.startswith("ab" * 8)
    assert changes.dataset_version("cd" * 32, declaration) != first
    declaration.write_text("a: 2\n", encoding="utf-8")
    assert changes.dataset_version("ab" * 32, declaration) != first


def test_document_version_of_a_bundled_output_follows_its_files(tmp_path):
    bundled = tmp_path / "doc"
    bundled.mkdir()
    (bundled / "facts.csv").write_text("x\n", encoding="utf-8")
    one = changes.document_version("ef" * 32, bundled)
    (bundled / "facts.csv").write_text("y\n", encoding="utf-8")
    assert changes.document_version("ef" * 32, bundled) != one
    assert changes.document_version("ef" * 32) != one, "a landed file is read by the extractor"


def test_the_extraction_digest_covers_its_reference_data():
    assert SOURCES_DIR / "catalog" / "metrics.yml" in changes.EXTRACTION_CODE

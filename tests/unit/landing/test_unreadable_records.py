"""Every reader of a landing record recovers from a truncated one, from the landing store."""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.landing.declarations import all_specs
from dagster_project.landing.document_state import current_document, landed_document_ids
from dagster_project.landing.documents import land_document
from dagster_project.landing.land import current_payload, land, mark_current
from dagster_project.landing.store import read_meta
from dagster_project.settings import paths


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EGOV_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _truncate(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")


def test_report_document_record_is_rebuilt_from_its_newest_landed_version(tmp_path, capsys):
    first, second = tmp_path / "report.md", tmp_path / "v2" / "report.md"
    second.parent.mkdir()
    first.write_text("# 报告\n\n2023年规模为10亿元。\n", encoding="utf-8")
    second.write_text("# 报告\n\n2024年规模为12亿元。\n", encoding="utf-8")
    land_document(first, "report")
    newest = land_document(second, "report")
    record = paths().report_state("report")
    _truncate(record)
    found = current_document("report")
    assert found is not None and found.sha256 == newest.sha256 and found.file.is_file()
    assert str(record) in capsys.readouterr().err  # named where it was found unreadable
    assert current_document("report") == found  # the rebuilt record is written back
    assert landed_document_ids() == ["report"]


def test_a_lost_report_document_record_is_rebuilt_too(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("2023年规模为10亿元。\n", encoding="utf-8")
    landed = land_document(source, "note")
    paths().report_state("note").unlink()
    assert landed_document_ids() == ["note"]
    assert current_document("note").sha256 == landed.sha256


def test_truncated_landing_record_lands_the_payload_again():
    spec = all_specs()["fred__dexchus"]
    payload = land(spec)
    mark_current(spec, payload)
    _truncate(paths().landing_state(spec.name))
    assert current_payload(spec) is None  # unreadable: moved aside, read as absent
    again = land(spec)
    assert again.sha256 == payload.sha256 and again.changed  # parsed again, then marked
    mark_current(spec, again)
    assert current_payload(spec).sha256 == payload.sha256


def test_truncated_meta_json_is_described_again_from_the_payload_files(capsys):
    spec = all_specs()["nbs__gdp"]
    payload = land(spec)
    meta_file = payload.landed_dir / "meta.json"
    _truncate(meta_file)
    meta = read_meta(payload.landed_dir)
    assert meta["files"] == [p.name for p in payload.files]
    assert meta["sha256"] == payload.sha256
    assert str(meta_file) in capsys.readouterr().err
    assert read_meta(payload.landed_dir)["rebuilt_from"] == "files"
    assert land(spec).files == payload.files

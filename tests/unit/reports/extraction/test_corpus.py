"""Precision and recall on real documents: the development corpus (../shared/reports/corpus)
and a held-out set the extractor was not developed on ($EGOV_HELDOUT_CORPUS).

A fact counts as correct only when value, unit, qualifier, period year and region (and, for
a PDF, the page) all equal a gold figure; repeated figures count once each. Figures are
scored in two classes: Arabic numerals (`1,862亿元`, full-width `７０％` included) and Chinese
numerals or words (`三成`, `翻一番`, `第四`). Thresholds hold for each set as a whole; every
document prints its own scores. Strings listed under `never` (URL fragments, standard and
phone numbers, ads, page furniture) must not be inside any published fact.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from dagster_project.reports.extraction import extract_document
from dagster_project.reports.extraction.clean import clean_text
from dagster_project.reports.extraction.loaders import load_text
from dagster_project.settings import SOURCES_DIR
from tests.conftest import SHARED

GOLD = Path(__file__).parent / "gold"
CORPUS = SHARED / "reports" / "corpus"
HELDOUT = Path(os.environ.get("EGOV_HELDOUT_CORPUS", "/work/corpus-extra"))
SETS = {"corpus": CORPUS, "heldout": HELDOUT}
MIN_ARABIC = 0.98
MIN_WORDS = 0.90
_ARABIC = re.compile(r"[0-9０-９]")


def _gold_files(name: str) -> list[Path]:
    return sorted((GOLD / name).glob("*.yml"))


@cache
def _gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def _facts(document: Path) -> tuple[dict, ...]:
    return tuple(extract_document(document, sources_dir=SOURCES_DIR).facts)


def _key(value: float, unit: str, qualifier: str, year: int | None, region: str) -> tuple:
    return (round(float(value), 6), unit, qualifier, year, str(region))


def _fact_key(fact: dict, with_page: bool) -> tuple:
    region = fact["region_code"] or fact["region_level"]
    page = fact["page"] if with_page else None
    key = _key(fact["value"], fact["unit"], fact["qualifier"], fact["period_year"], region)
    return (*key, page)


def _gold_key(figure: dict) -> tuple:
    key = _key(figure["value"], figure["unit"], figure["qualifier"], figure["year"],
               figure["region"])  # fmt: skip
    return (*key, figure.get("page"))


def score(gold: dict, facts: tuple[dict, ...]) -> dict[str, Counter]:
    """Per class ("arabic", "words"): gold, predicted and matched counts, plus the misses."""
    with_page = any("page" in figure for figure in gold["figures"])
    result: dict[str, Counter] = {}
    for cls in ("arabic", "words"):
        arabic = cls == "arabic"
        gold_keys = Counter(
            _gold_key(g) for g in gold["figures"] if bool(_ARABIC.search(g["raw"])) == arabic
        )
        fact_keys = Counter(
            _fact_key(f, with_page) for f in facts
            if f["quality_flag"] == "clean" and f["value"] is not None
            and bool(_ARABIC.search(f["value_raw"])) == arabic
        )  # fmt: skip
        matched = gold_keys & fact_keys
        result[cls] = Counter(gold=gold_keys.total(), predicted=fact_keys.total(),
                              matched=matched.total())  # fmt: skip
        result[f"{cls}_misses"] = gold_keys - fact_keys
        result[f"{cls}_extra"] = fact_keys - gold_keys
    return result


def _rates(counts: Counter) -> tuple[float, float]:
    precision = counts["matched"] / counts["predicted"] if counts["predicted"] else 1.0
    recall = counts["matched"] / counts["gold"] if counts["gold"] else 1.0
    return precision, recall


def _report(name: str, result: dict) -> str:
    parts = []
    for cls in ("arabic", "words"):
        precision, recall = _rates(result[cls])
        c = result[cls]
        parts.append(f"{cls} {c['matched']}/{c['gold']} gold, {c['predicted']} extracted "
                     f"(precision {precision:.3f}, recall {recall:.3f})")  # fmt: skip
    lines = [f"[corpus] {name}: " + "; ".join(parts)]
    for cls in ("arabic", "words"):
        lines += [
            f"[corpus]   miss: {k}" for k in sorted(result[f"{cls}_misses"].elements(), key=str)
        ]
        lines += [
            f"[corpus]   extra: {k}" for k in sorted(result[f"{cls}_extra"].elements(), key=str)
        ]
    return "\n".join(lines)


def _document(set_name: str, gold_path: Path) -> Path:
    folder = SETS[set_name]
    path = folder / _gold(gold_path)["document"]
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def _pooled(set_name: str, capsys) -> dict[str, Counter]:
    total = {"arabic": Counter(), "words": Counter()}
    for gold_path in _gold_files(set_name):
        result = score(_gold(gold_path), _facts(_document(set_name, gold_path)))
        with capsys.disabled():
            print("\n" + _report(gold_path.stem, result))
        for cls, counts in total.items():
            counts.update(result[cls])
    return total


@pytest.mark.parametrize("set_name", ["corpus", "heldout"])
def test_precision_and_recall_on_real_documents(set_name: str, capsys) -> None:
    if not _gold_files(set_name):
        pytest.skip(f"no gold files for {set_name}")
    total = _pooled(set_name, capsys)
    arabic, words = _rates(total["arabic"]), _rates(total["words"])
    with capsys.disabled():
        print(
            f"\n[corpus] {set_name} pooled: arabic precision {arabic[0]:.3f} recall "
            f"{arabic[1]:.3f} ({total['arabic']['gold']} gold); words precision {words[0]:.3f} "
            f"recall {words[1]:.3f} ({total['words']['gold']} gold)"
        )
    assert arabic[0] >= MIN_ARABIC and arabic[1] >= MIN_ARABIC
    assert words[0] >= MIN_WORDS and words[1] >= MIN_WORDS


@pytest.mark.parametrize(
    ("set_name", "gold_path"),
    [(s, p) for s in SETS for p in _gold_files(s)],
    ids=lambda value: value.stem if isinstance(value, Path) else value,
)
def test_nothing_listed_as_never_is_published(set_name: str, gold_path: Path) -> None:
    document = _document(set_name, gold_path)
    loaded = load_text(document)
    text = clean_text(loaded.text, loaded.title_hint).text
    facts = _facts(document)
    for never in _gold(gold_path).get("never") or []:
        needle = clean_text(never).text.strip()
        for match in re.finditer(re.escape(needle), text):
            inside = [
                f["figure_text"]
                for f in facts
                if f["char_start"] < match.end() and match.start() < f["char_end"]
            ]
            assert not inside, (never, inside)


@pytest.mark.parametrize(
    ("set_name", "gold_path"),
    [(s, p) for s in SETS for p in _gold_files(s)],
    ids=lambda value: value.stem if isinstance(value, Path) else value,
)
def test_document_identity(set_name: str, gold_path: Path) -> None:
    gold = _gold(gold_path)
    manifest = extract_document(_document(set_name, gold_path), sources_dir=SOURCES_DIR).manifest
    assert manifest["kind"] == gold["kind"]
    if "published_date" in gold:
        assert manifest["published_date"] == gold["published_date"]
    assert manifest["series_id"] == manifest["document_id"]  # news and government: own series

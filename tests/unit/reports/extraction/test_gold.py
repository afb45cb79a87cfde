"""Precision and recall of the extractor against the hand-written gold standard.

A predicted fact counts as correct only when section, value, unit, qualifier, period year
and region all equal a gold figure (multiset matching: repeated figures count once each).
Kind, metric and cited source are reported as agreement rates on the matched figures.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

MIN_PRECISION = 0.98
MIN_RECALL = 0.95


def _key(fields: tuple) -> tuple:
    """(section, value, unit, qualifier, year, region) with the value rounded for matching."""
    section, value, unit, qualifier, year, region = fields
    number = None if value is None else round(float(value), 6)
    return (section, number, unit, qualifier, year, str(region))


def _gold_key(g: dict) -> tuple:
    return _key((g["section"], g["value"], g["unit"], g["qualifier"], g["year"], g["region"]))


def _fact_key(f: dict) -> tuple:
    region = f["region_code"] or f["region_level"]
    return _key((section_key(f), f["value"], f["unit"], f["qualifier"], f["period_year"], region))


def section_key(fact: dict) -> str:
    """`doc:1.1` -> `1.1`; the abstract is `abstract`."""
    return fact["section_id"].split(":", 1)[1]


@pytest.fixture(scope="module")
def gold(gold_path: Path) -> dict:
    with gold_path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def score(gold: dict, facts: list[dict]) -> dict:
    scope = set(gold["sections"])
    predicted = [f for f in facts if section_key(f) in scope]
    gold_keys = Counter(_gold_key(g) for g in gold["figures"])
    fact_keys = Counter(_fact_key(f) for f in predicted)
    matched = gold_keys & fact_keys
    true_pos = sum(matched.values())
    return {
        "gold": sum(gold_keys.values()),
        "predicted": sum(fact_keys.values()),
        "true_positives": true_pos,
        "precision": true_pos / max(1, sum(fact_keys.values())),
        "recall": true_pos / max(1, sum(gold_keys.values())),
        "misses": sorted((gold_keys - fact_keys).elements(), key=str),
        "false_positives": sorted((fact_keys - gold_keys).elements(), key=str),
        "by_key": {_fact_key(f): f for f in predicted},
    }


def test_precision_and_recall_against_gold(gold: dict, extraction, capsys) -> None:
    result = score(gold, extraction.facts)
    with capsys.disabled():
        print(
            f"\n[gold] {result['gold']} gold figures, {result['predicted']} extracted, "
            f"{result['true_positives']} correct: precision {result['precision']:.3f}, "
            f"recall {result['recall']:.3f}"
        )
        for miss in result["misses"]:
            print(f"[gold] miss: {miss}")
        for extra in result["false_positives"]:
            print(f"[gold] false positive: {extra}")
    assert result["recall"] >= MIN_RECALL
    assert result["precision"] >= MIN_PRECISION


def test_kind_metric_and_source_agree_on_matched_figures(gold: dict, extraction, capsys) -> None:
    by_key = score(gold, extraction.facts)["by_key"]
    checks = {"kind": "kind", "metric": "metric_id", "source": "cited_source"}
    agree, total, wrong = Counter(), Counter(), []
    for figure in gold["figures"]:
        fact = by_key.get(_gold_key(figure))
        for field, column in checks.items():
            if fact is None or field not in figure:
                continue
            total[field] += 1
            if fact[column] == figure[field]:
                agree[field] += 1
            else:
                wrong.append((figure["raw"], field, figure[field], fact[column]))
    with capsys.disabled():
        rates = ", ".join(f"{k} {agree[k]}/{total[k]}" for k in checks)
        print(f"\n[gold] agreement on matched figures: {rates}")
        for item in wrong:
            print(f"[gold] disagreement: {item}")
    assert not wrong


def test_gold_table_is_extracted(gold: dict, extraction) -> None:
    expected = gold["table"]
    cells = [c for c in extraction.table_cells if c["table_title"] == expected["title"]]
    assert [(c["row_label"], c["value"]) for c in cells] == [
        (row["row_label"], row["value"]) for row in expected["rows"]
    ]

"""The metric catalog (the caller's sources/catalog/metrics.yml) and matching figures to it.

The catalog holds definitions only. A figure matches a metric of the same unit when one of
the metric's keywords is written in the figure's own clause (before the figure preferred,
longer keywords preferred), none of its negative keywords is in that clause, and, when the
metric lists context keywords, one of them appears earlier in the sentence. A clause with
no keyword may borrow from the clauses before it in the same clause group (`…IT支出规模达
1,862亿元,同比增长21.4%,预计到2026年将突破3,000亿元`: the 3,000 is IT spend too), but
never across a figure of the same unit unless a continuation cue (预计, 将, 到) says the
subject carries on. A figure matching nothing keeps metric_id NULL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

_CONTINUATION = re.compile(r"预计|预测|将|到(?:19|20)\d{2}年|有望|并|且")


@dataclass(frozen=True)
class Metric:
    metric_id: str
    name_zh: str
    name_en: str
    unit: str
    keywords: tuple[str, ...]
    negative_keywords: tuple[str, ...] = ()
    context_keywords: tuple[str, ...] = ()


@cache
def load_catalog(path: Path) -> tuple[Metric, ...]:
    with path.open(encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)["metrics"]
    return tuple(
        Metric(
            metric_id=e["metric_id"],
            name_zh=e["name_zh"],
            name_en=e["name_en"],
            unit=e["unit"],
            keywords=tuple(e["keywords"]),
            negative_keywords=tuple(e.get("negative_keywords") or ()),
            context_keywords=tuple(e.get("context_keywords") or ()),
        )
        for e in entries
    )


@dataclass(frozen=True)
class ClauseText:
    """One clause around a figure: the text before it and after it (masked)."""

    before: str
    after: str
    has_same_unit_figure: bool = False


def _score(metric: Metric, clause: ClauseText, context: str) -> tuple[int, int, int] | None:
    whole = clause.before + clause.after
    if any(neg in whole for neg in metric.negative_keywords):
        return None
    if metric.context_keywords and not any(k in context for k in metric.context_keywords):
        return None
    best = None
    for keyword in metric.keywords:
        pos = clause.before.rfind(keyword)
        if pos >= 0:
            score = (2, len(keyword), pos)
        elif keyword in clause.after:
            score = (1, len(keyword), -clause.after.find(keyword))
        else:
            continue
        best = max(best, score) if best else score
    return best


def _best(candidates: list[Metric], clause: ClauseText, context: str) -> Metric | None:
    scored = [(s, m.metric_id, m) for m in candidates if (s := _score(m, clause, context))]
    return max(scored)[2] if scored else None


def match_metric(unit: str, own: ClauseText, earlier: list[ClauseText], context: str,
                 catalog: tuple[Metric, ...]) -> Metric | None:  # fmt: skip
    """`earlier` lists the previous clauses of the group, nearest first; `context` is the
    masked sentence text before the figure."""
    candidates = [m for m in catalog if m.unit == unit]
    found = _best(candidates, own, context)
    if found or not _CONTINUATION.search(own.before):
        return found
    for clause in earlier:
        found = _best(candidates, ClauseText(clause.before + clause.after, ""), context)
        if found or clause.has_same_unit_figure:
            return found
    return None

"""Turn the sentences of a section into fact rows with their context attached."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from dagster_project.reports.extraction.citations import (
    citation_for,
    lead_in_citations,
    trailing_citations,
)
from dagster_project.reports.extraction.entities import entity_for, find_entities
from dagster_project.reports.extraction.figures import find_figures
from dagster_project.reports.extraction.garble import touches_garble
from dagster_project.reports.extraction.gazetteer import Gazetteer
from dagster_project.reports.extraction.masking import masked, title_spans
from dagster_project.reports.extraction.metrics import ClauseText, Metric, match_metric
from dagster_project.reports.extraction.model import Citation, Figure, Section, Sentence, Span
from dagster_project.reports.extraction.periods import find_times, kind_for, period_for
from dagster_project.reports.extraction.region_context import RegionResolver
from dagster_project.reports.extraction.regions import find_mentions, source_mentions
from dagster_project.reports.extraction.sentences import (
    clause_groups,
    clauses,
    containing,
    split_sentences,
)


def fact_id(document_id: str, start: int, end: int, role: str | None) -> str:
    key = f"{document_id}:{start}:{end}:{role or ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class _SentenceView:
    """One sentence with the masked text and clause layout every figure looks at."""

    sentence: Sentence
    mask: str
    groups: list[Span]
    clauses: list[Span]
    figures: list[Figure] = field(default_factory=list)

    def cut(self, start: int, end: int) -> str:
        base = self.sentence.start
        return self.mask[max(start, base) - base : max(end, base) - base]


@dataclass
class FactReader:
    text: str
    document_id: str
    edition: int | None
    garbled: list[Span]
    gazetteer: Gazetteer
    catalog: tuple[Metric, ...]
    hk_document: bool = False  # unmarked 元 amounts are HK$ (a Hong Kong SAR text)
    citations: dict[str, Citation] = field(default_factory=dict)

    def read_section(self, section: Section, exclude: list[Span]) -> list[dict]:
        resolver = RegionResolver(self.gazetteer)
        resolver.start_section(find_mentions(section.title, 0, self.gazetteer))
        rows: list[dict] = []
        sentences = split_sentences(
            self.text, section.body_start, section.char_end, exclude, self.garbled
        )
        for sentence in sentences:
            rows.extend(self._read_sentence(section, sentence, resolver))
        return rows

    def _metric(self, view: _SentenceView, fig: Figure) -> Metric | None:
        own = containing(view.clauses, fig.number_start)
        group = containing(view.groups, fig.number_start)
        earlier = []
        for clause in reversed([c for c in view.clauses if group.start <= c.start < own.start]):
            same = any(clause.start <= f.start < clause.end and f.unit == fig.unit
                       for f in view.figures)  # fmt: skip
            earlier.append(ClauseText(view.cut(clause.start, clause.end), "", same))
        own_text = ClauseText(view.cut(own.start, fig.start), view.cut(fig.end, own.end))
        context = view.cut(view.sentence.start, fig.start)
        return match_metric(fig.unit, own_text, earlier, context, self.catalog)

    def _read_sentence(self, section: Section, sentence: Sentence, resolver: RegionResolver):
        trailing = trailing_citations(sentence.text, sentence.start)
        hidden = title_spans(self.text, sentence.start, sentence.end)
        hidden += [Span(c.start, c.end) for c in trailing]
        mask = masked(self.text, sentence.start, sentence.end, hidden)
        view = _SentenceView(sentence, mask, clause_groups(sentence), clauses(sentence))
        view.figures = find_figures(self.text, sentence.start, sentence.end, hidden)
        leads = lead_in_citations(sentence.text, sentence.start)
        times = find_times(mask, sentence.start)
        mentions = find_mentions(mask, sentence.start, self.gazetteer)
        publishers = [(c.start, c.publisher) for c in leads if c.publisher]
        mentions = sorted(
            mentions + source_mentions(publishers, self.gazetteer), key=lambda m: m.start
        )
        entities = find_entities(mask, sentence.start)
        rows = []
        for fig in view.figures:
            group = containing(view.groups, fig.number_start)
            time = period_for(times, group.start, group.end, fig.number_start)
            year = time.year if time else None
            cite = citation_for(fig.start, trailing, leads)
            if cite:
                self.citations.setdefault(cite.label, cite)
            row = {
                "fig": fig,
                "section": section,
                "sentence": sentence,
                "metric": self._metric(view, fig),
                "region": resolver.resolve(mentions, fig.start, fig.number_start),
                "entity": entity_for(entities, group.start, fig.start),
                "year": year,
                "period_label": time.label if time else None,
                "kind": kind_for(
                    view.cut(group.start, fig.start),
                    view.cut(containing(view.clauses, fig.number_start).start, fig.start),
                    year,
                    self.edition,
                ),
                "cite": cite,
                "corrupted": fig.lost_digits
                or touches_garble(Span(fig.start, fig.end), self.garbled),
            }
            rows.append(self._row(row))
        resolver.end_sentence(mentions, view.clauses)
        return rows

    def _row(self, r: dict) -> dict:
        fig: Figure = r["fig"]
        metric, region, cite = r["metric"], r["region"], r["cite"]
        return {
            "fact_id": fact_id(self.document_id, fig.start, fig.end, fig.range_role),
            "document_id": self.document_id,
            "section_id": r["section"].section_id,
            "sentence": r["sentence"].text,
            "metric_id": metric.metric_id if metric else None,
            "metric_name_zh": metric.name_zh if metric else None,
            "metric_name_en": metric.name_en if metric else None,
            "region_code": region.code,
            "region_name_zh": region.name_zh,
            "region_level": region.level,
            "entity_name": r["entity"],
            "period_year": r["year"],
            "value": fig.value,
            "unit": fig.unit,
            "qualifier": fig.qualifier,
            "kind": r["kind"],
            "value_raw": fig.value_raw,
            "unit_raw": fig.unit_raw,
            "cited_source": cite.label if cite else None,
            "quality_flag": "corrupted" if r["corrupted"] else "clean",
            "char_start": fig.start,
            "char_end": fig.end,
            "value_low": fig.value_low,
            "value_high": fig.value_high,
            "range_role": fig.range_role,
            "source_id": source_id(cite.label) if cite else None,
            "period_label": r["period_label"],
            "sentence_start": r["sentence"].start,
            "sentence_end": r["sentence"].end,
            "figure_text": self.text[fig.start : fig.end],
            "section_number": r["section"].section_number,
        }


def source_id(label: str) -> str:
    return "src-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:10]

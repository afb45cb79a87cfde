"""Turn the sentences of a section into fact rows with their context attached."""

from __future__ import annotations

from dataclasses import dataclass, field

from dagster_project.reports.extraction.citations import (
    citation_for,
    lead_in_citations,
    trailing_citations,
)
from dagster_project.reports.extraction.entities import entity_for, find_entities
from dagster_project.reports.extraction.fact_rows import fact_row
from dagster_project.reports.extraction.figures import find_figures
from dagster_project.reports.extraction.garble import touches_garble
from dagster_project.reports.extraction.gazetteer import Gazetteer
from dagster_project.reports.extraction.masking import masked, title_spans
from dagster_project.reports.extraction.metrics import ClauseText, Metric, match_metric
from dagster_project.reports.extraction.model import (
    Citation,
    Figure,
    Region,
    Section,
    Sentence,
    Span,
)
from dagster_project.reports.extraction.periods import find_times, kind_for, period_for
from dagster_project.reports.extraction.region_context import NATIONAL, RegionResolver
from dagster_project.reports.extraction.regions import find_mentions, source_mentions
from dagster_project.reports.extraction.sentences import (
    clause_groups,
    clauses,
    containing,
    split_sentences,
)
from dagster_project.reports.extraction.topics import subheading_mentions


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
    noise: list[Span] = field(default_factory=list)  # URLs, codes, ads: never figures
    default_region: Region = NATIONAL  # a figure's region when nothing names one
    paragraph_topics: bool = False  # a news post's topic lasts one paragraph, not a section
    title: str = ""  # the document's title: the topic of a text without section titles
    citations: dict[str, Citation] = field(default_factory=dict)

    def read_section(self, section: Section, exclude: list[Span]) -> list[dict]:
        resolver = RegionResolver(self.gazetteer, default=self.default_region)
        # A section's title names its topic; a news post's whole text has the post's title.
        title_mentions = find_mentions(section.title, 0, self.gazetteer) or find_mentions(
            self.title, 0, self.gazetteer
        )
        resolver.start_section(title_mentions)
        rows: list[dict] = []
        sentences = split_sentences(
            self.text, section.body_start, section.char_end, exclude, self.garbled
        )
        base = title_mentions
        for sentence in sentences:
            if self.paragraph_topics and self.text[sentence.start - 1 : sentence.start] == "\n":
                base = subheading_mentions(self.text, sentence.start, self.gazetteer) or base
                resolver.start_section(base)
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
        noise = [n for n in self.noise if n.start < sentence.end and sentence.start < n.end]
        view.figures = find_figures(self.text, sentence.start, sentence.end, hidden + noise)
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
            rows.append(fact_row(row, self.document_id, self.text, self.hk_document))
        resolver.end_sentence(mentions, view.clauses)
        return rows

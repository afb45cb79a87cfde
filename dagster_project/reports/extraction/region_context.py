"""Resolve the region of each figure from the mentions around it.

Order: the nearest scoping mention before the figure in its sentence; otherwise a national
body named in the sentence (national); otherwise the section's current topic; otherwise the
document's region (national; Hong Kong for a Hong Kong SAR text). A foreign place gives
region level `other`. The topic is set by a sentence that
opens with a region (`上海市在…`, `以广东省…为例`, `某省…`, `该市依托…`) and lasts until
another sentence opens with one, so `平台…`, `系统…` sentences inherit it.
"""

from __future__ import annotations

from dataclasses import dataclass

from dagster_project.reports.extraction.gazetteer import MUNICIPALITIES, Gazetteer, Place
from dagster_project.reports.extraction.model import Region, Span
from dagster_project.reports.extraction.regions import Mention

NATIONAL = Region("CN", "全国", "national")
ANON_PROVINCE = Region(None, "某省", "anonymous_province")
ANON_CITY = Region(None, "某市", "anonymous_city")
_SCOPING = {
    "place", "national", "anon_province", "anon_city", "ref_province", "ref_city", "foreign",
}  # fmt: skip
# A first clause this short is a lead-in (例如, 其中, 2023年, 在合作机制层面).
_LEAD_IN_MAX = 8
# Characters a clause may have before its subject region (以, 在, 而, 1、 …).
_SUBJECT_LEAD = 3


def place_region(place: Place) -> Region:
    return Region(place.code, place.name, place.level)


@dataclass
class RegionResolver:
    gazetteer: Gazetteer
    topic: Region | None = None
    default: Region = NATIONAL  # the document's own region (Hong Kong for an HK SAR text)

    def start_section(self, title_mentions: list[Mention]) -> None:
        scoping = [m for m in title_mentions if m.kind in _SCOPING - {"national"}]
        self.topic = None
        if len(scoping) == 1:
            self.topic = self._of(scoping[0])

    def _group_region(self, places: tuple[Place, ...]) -> Region:
        provinces = {p.province_code for p in places}
        if len(provinces) == 1 and all(p.level == "prefecture" for p in places):
            return place_region(self.gazetteer.by_code[provinces.pop()])
        if len({p.code for p in places}) == 1:
            return place_region(places[0])
        return NATIONAL

    def _ref(self, level: str, base: Region | None) -> Region:
        """该省/全市: the region named earlier in the sentence, else the topic, moved to the
        requested level when it can be."""
        topic = base or self.topic
        if topic is None or topic.level == "national":
            return ANON_PROVINCE if level == "province" else ANON_CITY
        if level == "province":
            if topic.level == "prefecture" and topic.code:
                return place_region(self.gazetteer.by_code[topic.code[:2] + "0000"])
            if topic.level == "anonymous_city":
                return ANON_PROVINCE
            return topic
        if topic.level in ("prefecture", "anonymous_city") or topic.code in MUNICIPALITIES:
            return topic
        return ANON_CITY if topic.level == "anonymous_province" else topic

    def _of(self, mention: Mention, base: Region | None = None) -> Region:
        if mention.kind == "place" and mention.place:
            return (
                self._group_region(mention.group) if mention.group else place_region(mention.place)
            )
        if mention.kind.startswith("ref_"):
            return self._ref(mention.kind.removeprefix("ref_"), base)
        if mention.kind == "foreign":
            return Region(None, mention.label, "other")
        return {"anon_province": ANON_PROVINCE, "anon_city": ANON_CITY}.get(mention.kind, NATIONAL)

    def _antecedent(self, mentions: list[Mention], before: int) -> Region | None:
        """The last named (non-anaphoric) scope in the sentence before `before`."""
        for mention in reversed([m for m in mentions if m.start < before]):
            named = mention.kind in _SCOPING and not mention.kind.startswith("ref_")
            if named and mention.benchmark_at is None:
                return self._of(mention)
        return None

    def resolve(self, mentions: list[Mention], figure_start: int, number_start: int) -> Region:
        before = [m for m in mentions if m.start <= number_start]
        for mention in reversed(before):
            if mention.kind not in _SCOPING:
                continue
            if mention.benchmark_at is not None and mention.benchmark_at not in (
                figure_start,
                number_start,
            ):
                continue
            return self._of(mention, self._antecedent(mentions, mention.start))
        if any(m.kind == "weak_national" for m in before):
            return NATIONAL
        return self.topic or self.default

    def end_sentence(self, mentions: list[Mention], clause_spans: list[Span]) -> None:
        """Move the topic when the sentence opens with a region."""
        if not clause_spans:
            return
        opening = [clause_spans[0]]
        if clause_spans[0].end - clause_spans[0].start <= _LEAD_IN_MAX and len(clause_spans) > 1:
            opening.append(clause_spans[1])
        for mention in mentions:
            if mention.kind in _SCOPING and mention.benchmark_at is None:
                # the clause must open with the region (上海市在…, 以广东省…为例, 该市依托…):
                # a place named later in it (…提到,有替深圳市…) is not the sentence's subject
                if any(0 <= mention.start - span.start <= _SUBJECT_LEAD for span in opening):
                    self.topic = self._of(mention, self._antecedent(mentions, mention.start))
                return

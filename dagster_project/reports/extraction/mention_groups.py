"""Region mentions and enumerations of places: 杭州、宁波 (a figure after them is read at
the scope of the whole enumeration), 广东省广州市 (one place: the city)."""

from __future__ import annotations

from dataclasses import dataclass

from dagster_project.reports.extraction.gazetteer import Place

_ENUM_JOINERS = {"、", "和", "及", "与"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str
    place: Place | None = None
    benchmark_at: int | None = None  # a 全国 that scopes one figure: where that figure starts
    group: tuple[Place, ...] = ()  # places enumerated together with this one
    label: str = ""  # the name as written, for a foreign place


def with_groups(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """Attach enumerations (杭州、宁波) so a figure after them is read at the right scope."""
    places = [m for m in mentions if m.kind == "place"]
    groups: list[list[Mention]] = []
    for mention in places:
        if groups:
            prev = groups[-1][-1]
            between = text[prev.end - offset : mention.start - offset]
            if (
                between == ""
                and prev.place
                and mention.place
                and (mention.place.province_code == prev.place.code != mention.place.code)
            ):
                groups[-1][-1] = mention  # 广东省广州市: the city, in the same enumeration
                continue
            if between in _ENUM_JOINERS:
                groups[-1].append(mention)
                continue
        groups.append([mention])
    result = [m for m in mentions if m.kind != "place"]
    for group in groups:
        members = tuple(m.place for m in group if m.place) if len(group) > 1 else ()
        result.extend(Mention(m.start, m.end, m.kind, m.place, None, members) for m in group)
    return sorted(result, key=lambda m: m.start)

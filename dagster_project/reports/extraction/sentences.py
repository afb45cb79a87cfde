"""Sentences, clause groups and clauses, with offsets into the cleaned text.

A sentence ends at 。！？ (closing quotes and brackets stay with it) or at a line break.
Inside a sentence, ';' separates clause groups (the scope of a time expression) and
commas separate clauses (the scope of a metric keyword).
"""

from __future__ import annotations

import re

from dagster_project.reports.extraction.model import Sentence, Span

_SENTENCE_END = re.compile(r"[。！？!][”’」』)]*|\n")
_GROUP_SEP = re.compile(r"[;；]")
# A comma between two digits is a thousands separator (18,240亿元), not a clause break.
_CLAUSE_SEP = re.compile(r"[，;；:：。]|(?<!\d),|,(?!\d)")


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    lead = len(piece) - len(piece.lstrip())
    return Sentence(stripped, start + lead, start + lead + len(stripped))


def split_sentences(
    text: str, start: int, end: int, exclude: list[Span], unbreakable: list[Span] = ()
) -> list[Sentence]:
    """Sentences of text[start:end], skipping the excluded spans (tables). A terminator
    inside an unbreakable span (a garbled stretch: `31个?。ㄗ灾…`) does not end a sentence."""
    pieces, cursor = [], start
    for span in sorted(exclude, key=lambda s: s.start):
        if span.end <= start or span.start >= end:
            continue
        pieces.append((cursor, max(cursor, span.start)))
        cursor = max(cursor, span.end)
    pieces.append((cursor, end))
    sentences = []
    for piece_start, piece_end in pieces:
        pos = piece_start
        for match in _SENTENCE_END.finditer(text, piece_start, piece_end):
            if any(s.start <= match.start() < s.end for s in unbreakable):
                continue
            sentence = _trimmed(text, pos, match.end())
            if sentence:
                sentences.append(sentence)
            pos = match.end()
        sentence = _trimmed(text, pos, piece_end)
        if sentence:
            sentences.append(sentence)
    return sentences


def _split(sentence: Sentence, pattern: re.Pattern[str]) -> list[Span]:
    spans, pos = [], 0
    for match in pattern.finditer(sentence.text):
        spans.append(Span(sentence.start + pos, sentence.start + match.start()))
        pos = match.end()
    spans.append(Span(sentence.start + pos, sentence.end))
    return spans


def clause_groups(sentence: Sentence) -> list[Span]:
    return _split(sentence, _GROUP_SEP)


def clauses(sentence: Sentence) -> list[Span]:
    return _split(sentence, _CLAUSE_SEP)


def containing(spans: list[Span], pos: int) -> Span:
    for span in spans:
        if span.start <= pos <= span.end:
            return span
    return spans[-1]

"""The time expressions of one document, found once and queried by span.

Every stage that dates something (figures, detect, targets, assemble) asks about a
span of the same text, and the spans overlap: a paragraph, a clause, its sentence,
a figure's segment.  ``TimeIndex.scan`` runs the time rules once over each paragraph;
``within(start, end)`` then gives exactly what ``find_times(text, start, end, ref)``
gives, and ``spans(start, end)`` what ``time_spans`` gives.

What the finder reads outside its span decides what can be shared:

- before the span, the cue of an expression is read back no further than the span's
  start (a clause does not borrow the "trước" of the clause before it), and so is a
  time of day before a date: both are read per query, from the shared expressions;
- after the span, nothing: a scan of a span sees the text end there, so a lookahead
  that would see a year after "ngày 05 tháng 01 năm" on the next words sees none.
  The paragraph's scan holds for a span that ends where the paragraph ends, or
  before what no time rule's lookahead reads (:func:`_clean_end`): most spans end
  before a space and a word none reads.

A span whose edge cuts through a match, or that ends elsewhere, is scanned on its own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

import regex

from directive_extract.lexicon import alternation
from directive_extract.mentions.times.dates import RefDate
from directive_extract.mentions.times.find import (
    TimeMatch,
    _resolved,
    _scan,
    _Scanned,
    _spans,
    find_times,
    time_spans,
)
from directive_extract.mentions.times.vocabulary import _FLAGS, words

#: The roles of ``time_words.tsv`` whose words a time rule reads after what it matched:
#: a year ("ngày 5 tháng 1, năm 2024"), "nay", "tới", "qua" after a period or a span of
#: time, "kể từ" a date; a working day and a yearly recurrence close a match.
_READ_AFTER = ("year", "this", "next", "past", "since", "working", "recurring_year")


@cache
def _clean_end() -> regex.Pattern:
    """Where a span may end for its paragraph's scan to hold.

    Right after the span the rules' lookaheads read a word character, "/" or "-"; past
    spaces, "." and "," only a digit, "/", "-" or the words of ``_READ_AFTER`` (each
    word that ends one of them too: the span may end inside "vừa qua").  A span followed
    by none of these reads as one that ends the text.  ``tests/test_times.py`` checks it.
    """
    read = {
        " ".join(phrase.split()[first:])
        for role in _READ_AFTER
        for phrase in words(role)
        for first in range(len(phrase.split()))
    }
    return regex.compile(
        rf"[\s.,]*+(?![\w/-])|[\s.,]++(?![\d/-]|{alternation(read)}(?!\w))", _FLAGS
    )


@dataclass(frozen=True, slots=True)
class TimeIndex:
    """Every match of the time rules in ``text``, by paragraph and offset, and the date
    that anchors them.

    >>> times = TimeIndex.scan("Họp ngày 2/3/2024; hoàn thành trước ngày 20/7/2024.")
    >>> [(m.text, m.cue) for m in times.within(18, 50)]
    [('trước ngày 20/7/2024', 'trước')]
    >>> times.spans(0, 17)
    [(4, 17)]
    """

    text: str
    ref: RefDate | None
    bounds: tuple[tuple[int, int], ...]  # the paragraphs scanned, in text order
    scanned: tuple[tuple[_Scanned, ...], ...]  # each paragraph's matches, by start
    starts: tuple[tuple[int, ...], ...]
    longest: int  # the longest match: how far before a span a match may start and reach in

    @classmethod
    def scan(
        cls,
        text: str,
        ref: RefDate | None = None,
        paragraphs: Iterable[tuple[int, int]] | None = None,
    ) -> TimeIndex:
        """The index of ``text`` (of its ``paragraphs``, when given); ``ref``, the
        article's date, anchors dates written without a year."""
        bounds = tuple(sorted(paragraphs)) if paragraphs is not None else ((0, len(text)),)
        scanned = tuple(
            tuple(sorted(_scan(text, start, end), key=lambda item: item.start))
            for start, end in bounds
        )
        starts = tuple(tuple(item.start for item in items) for items in scanned)
        longest = max((item.end - item.start for items in scanned for item in items), default=0)
        return cls(text, ref, bounds, scanned, starts, longest)

    def unanchored(self) -> TimeIndex:
        """The same expressions read without the article's date (a day and month alone
        then name no day)."""
        return self if self.ref is None else replace(self, ref=None)

    def within(self, start: int, end: int, warnings: list[str] | None = None) -> list[TimeMatch]:
        """Every time expression in ``text[start:end]`` that resolves, in text order."""
        inside = self._inside(start, end)
        if inside is None:
            return find_times(self.text, start, end, self.ref, warnings)
        return _resolved(self.text, start, inside, self.ref, warnings)

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of every time expression in ``text[start:end]`` (for masking numbers)."""
        inside = self._inside(start, end)
        if inside is None:
            return time_spans(self.text, start, end)
        return _spans(self.text, start, inside)

    def _inside(self, start: int, end: int) -> list[_Scanned] | None:
        """The matches inside the span in the order a scan of it finds them; None when the
        paragraph's scan does not hold for the span."""
        number = bisect_right(self.bounds, (start, len(self.text) + 1)) - 1
        if number < 0 or end > self.bounds[number][1]:
            return None
        paragraph_end = self.bounds[number][1]
        if end != paragraph_end and not _clean_end().match(self.text, end, paragraph_end):
            return None
        items, starts = self.scanned[number], self.starts[number]
        inside = []
        for item in items[bisect_left(starts, start - self.longest) : bisect_left(starts, end)]:
            if item.end <= start:
                continue
            if item.start < start or item.end > end:
                return None
            inside.append(item)
        inside.sort(key=lambda item: item.order)
        return inside

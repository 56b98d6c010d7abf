"""Cue words of directives (``data/cues.tsv``) found in a span of text.

A cue is a phrase with one or more kinds (command, modal, action, past, ...); the
kinds and what they mean are documented in the data file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from . import lexicon


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    phrase: str
    kinds: frozenset[str]

    def is_(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)


@cache
def _table() -> tuple[regex.Pattern, dict[str, frozenset[str]]]:
    kinds: dict[str, set[str]] = {}
    for row in lexicon.load("cues"):
        kinds.setdefault(row["phrase"].casefold(), set()).add(row["kind"])
    phrases = sorted(kinds, key=len, reverse=True)
    pattern = regex.compile(
        r"(?<![\w])(?:" + "|".join(regex.escape(p) for p in phrases) + r")(?![\w])",
        regex.IGNORECASE,
    )
    return pattern, {phrase: frozenset(found) for phrase, found in kinds.items()}


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Cues in ``text[start:end]``, longest phrase first at each place, in text order.

    >>> [(c.phrase, sorted(c.kinds)) for c in find_cues("Bộ A chủ trì, phối hợp với Bộ B")]
    [('chủ trì', ['lead_after']), ('phối hợp với', ['support'])]
    """
    pattern, kinds = _table()
    stop = len(text) if end is None else end
    return [
        Cue(m.start(), m.end(), m.group().casefold(), kinds[m.group().casefold()])
        for m in pattern.finditer(text, start, stop)
    ]


def kinds_of(phrase: str) -> frozenset[str]:
    """The kinds of one cue phrase, empty when it is not a cue."""
    return _table()[1].get(phrase.casefold(), frozenset())

"""The words of time expressions by role (``time_words.tsv``), as regular-expression
alternations the rules are built from.
"""

from __future__ import annotations

from functools import cache

import regex

from directive_extract import lexicon
from directive_extract.lexicon import alternation

_FLAGS = regex.IGNORECASE
_YEAR = r"(?:19|20)\d\d"
_AFTER_NUMBER = r"(?!\w|[/.,-]\d)"


# --------------------------------------------------------------------------- lexicon


@cache
def _words() -> dict[str, tuple[str, ...]]:
    return {
        row["key"]: tuple(lexicon.split_variants(row["variants"]))
        for row in lexicon.load("time_words")
    }


def words(key: str) -> tuple[str, ...]:
    """The variants of one role in ``time_words.tsv`` (shared with the number parser).

    >>> words("quarter")
    ('quý',)
    """
    return _words()[key]


def _w(*keys: str) -> str:
    """A regex for the words of the given roles, longest first, whole words only."""
    return r"(?<!\w)" + alternation(v for key in keys for v in _words()[key]) + r"(?!\w)"


@cache
def _words_pattern(*keys: str) -> regex.Pattern:
    """:func:`_w` compiled, case aside: built once, not on every call that asks."""
    return regex.compile(_w(*keys), _FLAGS)


def _key_of(phrase: str, *keys: str) -> str | None:
    """Which of ``keys`` lists ``phrase`` (compared without case and spacing)."""
    folded = " ".join(phrase.casefold().split())
    for key in keys:
        if folded in {variant.casefold() for variant in _words()[key]}:
            return key
    return None

"""List markers and the other shapes of official documents (``document_structure.tsv``).

Read before the document is cut into paragraphs (a hard-wrapped line that opens with a
marker starts a paragraph) and after (a paragraph's level in a headed list).  Each row
names a shape of :mod:`directive_extract.lexicon.shapes` and gives its words.
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import groupby

import regex

from directive_extract import lexicon
from directive_extract.lexicon.shapes import _FOLLOWS, SHAPES, SLOT, shape_patterns


def _rows(kind: str) -> list[tuple[str, str, str]]:
    """The ``(shape, words, value)`` of the rows of one kind, in order."""
    return [
        (row["shape"], row["words"], row["value"])
        for row in lexicon.load("document_structure")
        if row["kind"] == kind
    ]


def _marker_sources() -> list[tuple[str, str]]:
    """One pattern per run of rows sharing shape and level, tried in order: a marker is
    the first that matches before a space (so "II.5" is no "II." heading)."""
    return [
        (SHAPES[shape].pattern([words for _, words, _ in run]), value)
        for (shape, value), run in groupby(_rows("marker"), key=lambda row: (row[0], row[2]))
    ]


def _value_sources(kind: str) -> list[tuple[str, str]]:
    """One pattern per value, in the order values first come: any of its rows."""
    values: dict[str, list[tuple[str, str]]] = {}
    for shape, words, value in _rows(kind):
        values.setdefault(value, []).append((shape, words))
    return [(r"|".join(shape_patterns(rows)), value) for value, rows in values.items()]


@cache
def structure_patterns(kind: str) -> tuple[tuple[regex.Pattern, str], ...]:
    """The patterns of one kind of ``document_structure.tsv`` with their values."""
    flags = 0 if kind in ("marker", "doctype", "attachment") else regex.IGNORECASE
    sources = _marker_sources() if kind == "marker" else _value_sources(kind)
    return tuple((regex.compile(source, flags), value) for source, value in sources)


@cache
def leading_words(kind: str) -> tuple[str, ...]:
    """Words of which every match of a row of ``kind`` holds one, casefolded: each row's
    words up to its first slot, which a shape sets in its pattern as written
    (:meth:`Shape.piece`); for a shape another follows (``issuer``, then ``issued``), the
    follower's words, which its matches hold too and which are rarer."""
    return tuple(
        dict.fromkeys(
            words.split(SLOT)[0].strip().casefold()
            for shape, words, _ in _rows(kind)
            if shape not in _FOLLOWS
        )
    )


@cache
def _article() -> regex.Pattern:
    spellings = [words for shape, words, _ in _rows("marker") if shape == "article"]
    return regex.compile(SHAPES["article"].pattern(spellings))


def opens_article(line: str) -> bool:
    """``line`` opens with an article's marker ("Điều 5."): the article before it ends
    there, whatever the line says (a part's "II." may title a group of one list).

    >>> opens_article("Điều 3. Quyết định này có hiệu lực"), opens_article("II. Nhiệm vụ")
    (True, False)
    """
    return _article().match(line) is not None


@lru_cache(maxsize=1 << 14)  # list markers and headings recur across documents
def marker_level(line: str) -> int | None:
    """The level of the list marker opening ``line``, None when there is none.

    >>> [marker_level(x) for x in ["II. NHIỆM VỤ", "1. Bộ Y tế:", "a) Rà soát", "- Lập", "Bộ Y tế"]]
    [0, 1, 3, 4, None]
    """
    if _any_marker().match(line) is None:
        return None
    for pattern, level in structure_patterns("marker"):
        found = pattern.match(line)
        if found and (found.end() == len(line) or line[found.end()] == " "):
            return int(level)
    return None


@cache
def _any_marker() -> regex.Pattern:
    """Every marker pattern as one alternation: it fails only where each of them fails,
    so a place that opens with no marker (most places asked) costs one match."""
    return regex.compile("|".join(f"(?:{p.pattern})" for p, _ in structure_patterns("marker")))


def marker_end(text: str, position: int, end: int) -> int:
    """Where the list marker at ``position`` ends (``position`` when there is none)."""
    if _any_marker().match(text, position, end) is None:
        return position
    for pattern, _ in structure_patterns("marker"):
        found = pattern.match(text, position, end)
        if found and (found.end() == end or text[found.end()] == " "):
            return found.end()
    return position

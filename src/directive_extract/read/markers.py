"""List markers and the other shapes of official documents (``document_structure.tsv``).

Read before the document is cut into paragraphs (a hard-wrapped line that opens with a
marker starts a paragraph) and after (a paragraph's level in a headed list).
"""

from __future__ import annotations

from functools import cache

import regex

from directive_extract import lexicon


@cache
def structure_patterns(kind: str) -> tuple[tuple[regex.Pattern, str], ...]:
    """The patterns of one kind of ``document_structure.tsv`` with their values."""
    flags = 0 if kind in ("marker", "doctype") else regex.IGNORECASE
    return tuple(
        (regex.compile(row["pattern"], flags), row["value"])
        for row in lexicon.load("document_structure")
        if row["kind"] == kind
    )


def marker_level(line: str) -> int | None:
    """The level of the list marker opening ``line``, None when there is none.

    >>> [marker_level(x) for x in ["II. NHIỆM VỤ", "1. Bộ Y tế:", "a) Rà soát", "- Lập", "Bộ Y tế"]]
    [0, 1, 3, 4, None]
    """
    for pattern, level in structure_patterns("marker"):
        found = pattern.match(line)
        if found and (found.end() == len(line) or line[found.end()] == " "):
            return int(level)
    return None


def marker_end(text: str, position: int, end: int) -> int:
    """Where the list marker at ``position`` ends (``position`` when there is none)."""
    for pattern, _ in structure_patterns("marker"):
        found = pattern.match(text, position, end)
        if found and (found.end() == end or text[found.end()] == " "):
            return found.end()
    return position

"""Tokens of a text and the tries phrases are matched in, token by token.

Text is cut into runs of word characters and single other characters, so spacing
around "." "&" "-" does not matter; an abbreviation may stand for its expansion
anywhere inside a name.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import regex

from directive_extract import lexicon
from directive_extract.read.normalise import fold

_TOKENS = regex.compile(r"(?:\s*+(\w++|[^\w\s]))*+")
_END = ""  # trie key of a node's payload; tokens are never empty

Trie = dict


@dataclass(frozen=True, slots=True)
class Expansion:
    """An abbreviation read at a token: where it ends, its keys and its full text."""

    end: int
    keys: tuple[str, ...]
    text: str


@dataclass(slots=True)
class Tokens:
    """The tokens of a text (runs of word characters, single other characters) as
    parallel lists: their characters, offsets and case-folded keys; and the
    abbreviations that start at some of them."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    keys: list[str]
    breaks: frozenset[int]
    expansions: dict[int, Expansion] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.starts[start] : self.ends[end - 1]]


# --- building the tries -------------------------------------------------------------


def tokenise(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of ``text[start:end]`` with absolute offsets (no abbreviation read).

    >>> tokenise("UBND TP.HCM, Bộ TT&TT").words
    ['UBND', 'TP', '.', 'HCM', ',', 'Bộ', 'TT', '&', 'TT']
    """
    stop = len(text) if end is None else end
    match = _TOKENS.match(text, start, stop)
    words, starts = match.captures(1), match.starts(1)
    keys = _casefolded(words)
    return Tokens(text, words, starts, match.ends(1), keys, _breaks(text, starts, start, stop))


def _casefolded(words: list[str]) -> list[str]:
    """Each of ``words`` casefolded, in one call: casefolding goes character by character,
    and no token holds the line break that joins them (a token is a run of word
    characters or one character that is neither that nor a space)."""
    return "\n".join(words).casefold().split("\n") if words else []


def _breaks(text: str, starts: list[int], start: int, stop: int) -> frozenset[int]:
    """The tokens that start a line, the first one excepted."""
    breaks = set()
    newline = text.find("\n", start, stop)
    while newline >= 0:
        breaks.add(bisect.bisect_right(starts, newline))
        newline = text.find("\n", newline + 1, stop)
    return frozenset(k for k in breaks if 0 < k < len(starts))


def _insert(trie: Trie, keys: Iterable[str], payload: object) -> None:
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    node.setdefault(_END, payload)


def _walk_keys(trie: Trie, keys: Iterable[str]) -> Trie | None:
    node: Trie | None = trie
    for key in keys:
        node = node.get(key)
        if node is None:
            return None
    return node


@cache
def _abbreviation_trie() -> Trie:
    trie: Trie = {}
    for row in lexicon.load("agency_abbreviations"):
        expansion = row["expansion"]
        keys = tuple(tokenise(expansion).keys)
        spellings: dict[tuple[str, ...], tuple[bool, ...]] = {}
        for spelling in lexicon.split_variants(row["abbreviation"]):
            written = tokenise(spelling)
            capitals = tuple(word.isupper() for word in written.words)
            known = spellings.get(tuple(written.keys), capitals)  # "TP" and "Tp": either
            both = zip(known, capitals, strict=True)
            spellings[tuple(written.keys)] = tuple(a and b for a, b in both)
        for written_keys, capitals in spellings.items():
            _insert(trie, written_keys, (keys, expansion, capitals))
    return trie


def _abbreviation_at(tokens: Tokens, i: int) -> Expansion | None:
    """The longest abbreviation starting at token ``i``, its words in capitals where
    the abbreviation's are ("TƯ", not the "Tư" of "Bộ Tư pháp")."""
    node: Trie | None = _abbreviation_trie()
    best = None
    for k in range(i, len(tokens)):
        node = node.get(tokens.keys[k])
        if node is None:
            break
        if _END in node:
            keys, text, capitals = node[_END]
            written = tokens.words[i : k + 1]
            if all(
                word.isupper() or not upper for word, upper in zip(written, capitals, strict=True)
            ):
                best = Expansion(k + 1, keys, text)
    return best


def prepare(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of ``text[start:end]`` with the abbreviations read in them."""
    tokens = tokenise(text, start, end)
    firsts = _abbreviation_trie()
    if firsts.keys().isdisjoint(tokens.keys):  # most paragraphs hold no abbreviation
        return tokens
    for i, key in enumerate(tokens.keys):
        if key in firsts and tokens.words[i][0].isupper():
            found = _abbreviation_at(tokens, i)
            if found:
                tokens.expansions[i] = found
    return tokens


def _keys(surface: str) -> tuple[str, ...]:
    """Trie keys of a lexicon phrase, its abbreviations expanded."""
    tokens = prepare(surface)
    keys: list[str] = []
    i = 0
    while i < len(tokens):
        expansion = tokens.expansions.get(i)
        if expansion:
            keys.extend(expansion.keys)
            i = expansion.end
        else:
            keys.append(tokens.keys[i])
            i += 1
    return tuple(keys)


# --- matching -------------------------------------------------------------------------


def _walk(trie: Trie, tokens: Tokens, i: int) -> list[tuple[int, object]]:
    """Every (end, payload) of ``trie`` matched from token ``i``, abbreviations read
    (an abbreviation's reading before the literal one)."""
    found: list[tuple[int, object]] = []
    if i < len(tokens.keys):
        _descend(trie, tokens, i, i, found)
    return found


def _descend(node: Trie, tokens: Tokens, k: int, i: int, found: list) -> None:
    keys, expansions, count = tokens.keys, tokens.expansions, len(tokens.keys)
    while True:
        if k > i and _END in node:
            found.append((k, node[_END]))
        if k >= count:
            return
        expansion = expansions.get(k)
        if expansion:
            child = _walk_keys(node, expansion.keys)
            if child is not None:
                _descend(child, tokens, expansion.end, i, found)
        node = node.get(keys[k])
        if node is None:
            return
        k += 1


def _end_of(match: tuple[int, Any]) -> int:
    return match[0]


def expanded(tokens: Tokens, start: int, end: int) -> str:
    """The text of tokens ``start:end`` with abbreviations written out, spaces single.

    >>> tokens = prepare("Chủ tịch UBND các tỉnh, TP")
    >>> expanded(tokens, 0, len(tokens))
    'Chủ tịch Ủy ban nhân dân các tỉnh, thành phố'
    """
    parts: list[str] = []
    k = start
    while k < end:
        if k > start and tokens.starts[k] > tokens.ends[k - 1]:
            parts.append(" ")
        expansion = tokens.expansions.get(k)
        if expansion and expansion.end <= end:
            parts.append(expansion.text)
            k = expansion.end
        else:
            parts.append(tokens.words[k])
            k += 1
    return "".join(parts)


_folded = lru_cache(maxsize=1 << 16)(fold)

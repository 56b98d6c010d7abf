"""Which tokens may open a candidate: a mask per token of the kinds of phrases whose
first two keys it and the next token may be, so only those tokens are walked; and
whether any token of a text may (:func:`may_open`), so a text that names nothing is
not read further.
"""

from __future__ import annotations

from functools import cache
from itertools import compress

from directive_extract import lexicon
from directive_extract.mentions.agencies.gazetteer import (
    _body_trie,
    _group_trie,
    _kind_place_trie,
    _list_trie,
    _pattern_trie,
    _patterns,
    _place_head_trie,
    _title_trie,
    _unit_words,
)
from directive_extract.mentions.agencies.tokens import _END, Tokens, Trie, _insert, _keys

_KINDS = ("base", "title", "title or place head", "group", "group word", "list")
_KIND_BITS = {kind: 1 << n for n, kind in enumerate(_KINDS)}  # each kind a bit of a mask
_ALL_KINDS = sum(_KIND_BITS.values())


@cache
def _kind_tries(lowercase: bool) -> dict[str, tuple[Trie, ...]]:
    """The tries of each kind of phrase: named bodies ("base": gazetteer, provinces,
    heads; after a lowercase letter only the heads that start with one), titles, titles
    and heads, group words that may open a group, all group words, list words."""
    heads = _lowercase_pattern_trie() if lowercase else _pattern_trie()
    return {
        "base": (_body_trie(), _kind_place_trie(), heads),
        "title": (_title_trie(),),
        "title or place head": (_title_trie(), _place_head_trie()),
        "group": (_opening_group_trie(),),
        "group word": (_group_trie(),),
        "list": (_list_trie(),),
    }


@cache
def _lowercase_pattern_trie() -> Trie:
    """The heads that start with a lowercase letter ("huyện"): only they open a name at a
    lowercase word ("vụ" in "nhiệm vụ" is no "Vụ")."""
    trie: Trie = {}
    for pattern in _patterns():
        if pattern.head[0].islower():
            _insert(trie, _keys(pattern.head), pattern)
    return trie


@cache
def _opening_group_trie() -> Trie:
    """The group trie under the first keys of words that may open a group."""
    return {key: node for key, node in _group_trie().items() if key in _group_openers()}


@cache
def _start_kinds(lowercase: bool) -> dict[str, dict[str, int]]:
    """For each first key of a phrase, the kinds of phrases (a mask of bits) that go on
    with each second key (``_END``: the phrase is that key alone); ``lowercase``: at a
    word written with a lowercase first letter."""
    kinds: dict[str, dict[str, int]] = {}
    for kind, tries in _kind_tries(lowercase).items():
        for trie in tries:
            for key, node in trie.items():
                seconds = kinds.setdefault(key, {})
                for second in node:
                    seconds[second] = seconds.get(second, 0) | _KIND_BITS[kind]
    return kinds


@cache
def _start_tables() -> dict[str, tuple[dict[str, int], dict[str, int]]]:
    """For each first key, its second keys' kinds at a word with a capital and at a
    lowercase word."""
    upper, lower = _start_kinds(False), _start_kinds(True)
    return {key: (upper.get(key, {}), lower.get(key, {})) for key in upper.keys() | lower}


def _kinds_of(tokens: Tokens) -> list[int]:
    """For each token, the kinds of phrases that may match from it by their first two
    keys; all where an abbreviation is read."""
    keys, words, tables = tokens.keys, tokens.words, _start_tables()
    kinds = [0] * len(keys)
    last = len(keys) - 1
    # only the tokens whose key opens a phrase are read (picked out without a loop here)
    for i in compress(range(len(keys)), map(tables.__contains__, keys)):
        seconds = tables[keys[i]][words[i][0].islower()]
        if seconds:
            second = keys[i + 1] if i < last else _END
            kinds[i] = seconds.get(_END, 0) | seconds.get(second, 0)
    for i in tokens.expansions:
        kinds[i] = _ALL_KINDS
        if i > 0:
            kinds[i - 1] = _ALL_KINDS
    return kinds


@cache
def _first_keys() -> frozenset[str]:
    """Keys that may open any phrase: tokens that open none are skipped at once."""
    tries = (_body_trie(), _kind_place_trie(), _pattern_trie(), _title_trie())
    return frozenset(key for trie in tries for key in trie) | _group_openers()


def may_open(tokens: Tokens) -> bool:
    """Whether any phrase may start in ``tokens``: an abbreviation is read, or some key
    opens a phrase.  Without either :meth:`Matcher.openings` finds none (a number opens
    a group only before a key that opens one), so a paragraph that names nothing costs
    no more than its tokens."""
    return bool(tokens.expansions) or not _first_keys().isdisjoint(tokens.keys)


@cache
def _local_unit_keys() -> frozenset[tuple[str, ...]]:
    """The keys of local unit words ("tỉnh", "thành phố")."""
    return frozenset(_keys(unit) for unit in _unit_words())


@cache
def _group_firsts(*roles: str) -> frozenset[str]:
    """First keys of the group words of ``roles`` (determiners "các", separators "," "và",
    the words that may open a group), less those that only go inside one ("hội")."""
    return frozenset(
        _keys(row["phrase"])[0]
        for row in lexicon.load("agency_groups")
        if row["role"] in roles and row["flag"] != "inner"
    )


def _determiner_firsts() -> frozenset[str]:
    return _group_firsts("determiner")


def _separator_firsts() -> frozenset[str]:
    return _group_firsts("separator")


def _group_openers() -> frozenset[str]:
    return _group_firsts("determiner", "head", "unit", "whole")

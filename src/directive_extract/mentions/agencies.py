"""Agency mentions: gazetteer, abbreviations, titles, groups.

Contract used by the pipeline:

- ``find_agencies(text, start=0, end=None) -> list[Agency]``: non-overlapping mentions
  in text order, offsets absolute, canonical ``name`` and ``type``.
- ``canonical(mention) -> (name, type) | None``: the canonical name of one mention.
- ``expand_abbreviations(text) -> str``: ``text`` with abbreviations written out.
- ``resolve_references(mentions) -> list[Agency]``: local bodies named without their
  place ("Ủy ban nhân dân tỉnh") given the place of the nearest earlier mention.

Everything Vietnamese lives in data files: the gazetteer (``agencies.tsv``), provinces
(``provinces.tsv``), abbreviations (``agency_abbreviations.tsv``), titles
(``agency_titles.tsv``), group words (``agency_groups.tsv``), heads of names not in the
gazetteer and their tails (``agency_patterns.tsv``), stop words of topic names
(``agency_stops.tsv``; other unseen names also stop at the verbs of ``cues.tsv``) and the
words that hold one as a syllable
(``agency_compounds.tsv``), list heads (``agency_lists.tsv``) and phrases that are no
agency (``agency_blocks.tsv``).

Names that share or lack a place: heads joined before one place each take it ("HĐND,
UBND tỉnh Gia Lai" is two bodies); a local body before a group of local units is one
group ("Sở Y tế các tỉnh, thành phố"), and so is one before unit words ("Bảo hiểm xã hội
tỉnh, thành phố"); local units listed under one head are one body each ("UBND các huyện:
A Lưới, Nam Đông").  A group ends before "và (các)" and a unit of another kind ("các
tỉnh, thành phố" + "và các bệnh viện").

Text is cut into tokens (runs of word characters, single other characters), and phrases
are matched token by token against tries, so spacing around "." "&" "-" does not matter
and an abbreviation may stand for its expansion anywhere inside a name ("Sở KH&ĐT
TP.HCM").  Token keys are case-folded; a match whose canonical name has a capital needs a
capital in the mention too ("chính phủ" is no agency).  Candidates of every kind are
collected and the longest wins, then the leftmost (:func:`select_spans`).

Speed: the tokens are parallel lists made by one regular-expression match; each token
gets a mask of the kinds of phrases whose first two keys it and the next token may be
(:func:`_kinds_of`; at a lowercase word only heads written lowercase count, and provinces
only with their unit word), and only tokens with a kind open candidates, numbers only
before a group word; trie walks, places, groups and group words are remembered per
position.

Naming choices: "Thủ tướng" with or without a person's name is "Thủ tướng Chính phủ";
a Deputy Prime Minister with a name keeps it ("Phó Thủ tướng Trần Lưu Quang"), since there
are several; a minister by name alone is the position "Bộ trưởng".  A People's Committee
of a district or commune has type "province" like that of a province (local government).
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

import regex
from rapidfuzz import fuzz, process

from directive_extract import lexicon
from directive_extract.models import Agency
from directive_extract.read.normalise import canonical_form, fold, plain_form

_TOKENS = regex.compile(r"(?:\s*+(\w++|[^\w\s]))*+")
_END = ""  # trie key of a node's payload; tokens are never empty
_FUZZY_CUTOFF = 90
_PERSON_TOKENS = (2, 4)
_PLACE_NAME_TOKENS = 4
_TOPIC_TOKENS = 12
_LOWERCASE_NAME_TOKENS = 8

Trie = dict


@dataclass(frozen=True, slots=True)
class Body:
    """A gazetteer row (or a block, with ``type`` empty)."""

    name: str
    type: str
    successor: str | None = None
    local: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """A province or local unit as written after a head ("tỉnh Gia Lai", "Hà Nội")."""

    full: str
    proper: str
    successor: str | None = None
    successor_proper: str | None = None
    province: bool = True
    with_kind: bool = True


@dataclass(frozen=True, slots=True)
class Pattern:
    """A head that opens names not in the gazetteer."""

    head: str
    type: str
    follow: str
    option: str
    tail: str = ""


@dataclass(frozen=True, slots=True)
class Title:
    """A title of office."""

    title: str
    alone: str
    with_person: str


@dataclass(frozen=True, slots=True)
class GroupWord:
    """A word of a generic group and its role."""

    role: str
    drop: bool
    verb: bool = False


@dataclass(frozen=True, slots=True)
class ListKind:
    """What the items of a list are: bare names under a head word ("Bộ" + "Quốc phòng"),
    provinces (each under ``place_body``, "Ủy ban nhân dân" + "tỉnh Quảng Nam") or full
    names ("Tổng Giám đốc các cơ quan: Đài Truyền hình Việt Nam, ...").  ``unit``: the
    local unit word of items that are no province ("huyện" + "A Lưới")."""

    prefix: str = ""
    places: bool = False
    place_body: Body | None = None
    bodies: bool = False
    unit: str = ""


@dataclass(slots=True)
class Candidate:
    """A possible mention over tokens ``start:end`` (end exclusive).

    ``items``: what may follow it as further items of a list ("Bộ Quốc phòng, Công an");
    ``parts``: the items of a list, each a mention; ``generic``: a body named by its
    unit word only ("Công an tỉnh"), which does not end a group.
    """

    start: int
    end: int
    name: str
    type: str
    successor: str | None = None
    block: bool = False
    items: ListKind | None = None
    parts: tuple[Candidate, ...] = ()
    generic: bool = False


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
    keys = list(map(str.casefold, words))
    return Tokens(text, words, starts, match.ends(1), keys, _breaks(text, starts, start, stop))


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
        for spelling in lexicon.split_variants(row["abbreviation"]):
            _insert(trie, tokenise(spelling).keys, (keys, expansion))
    return trie


def _abbreviation_at(tokens: Tokens, i: int) -> Expansion | None:
    """The longest abbreviation starting at token ``i`` (written with a capital)."""
    node: Trie | None = _abbreviation_trie()
    best = None
    for k in range(i, len(tokens)):
        node = node.get(tokens.keys[k])
        if node is None:
            break
        if _END in node:
            keys, text = node[_END]
            best = Expansion(k + 1, keys, text)
    return best


def prepare(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of ``text[start:end]`` with the abbreviations read in them."""
    tokens = tokenise(text, start, end)
    firsts = _abbreviation_trie()
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


def _optional(cell: str) -> str | None:
    return cell or None


@cache
def _gazetteer() -> tuple[Body, ...]:
    return tuple(
        Body(row["name"], row["type"], _optional(row["successor"]), bool(row["local"]))
        for row in lexicon.load("agencies")
    )


@cache
def _body_trie() -> Trie:
    trie: Trie = {}
    for body, row in zip(_gazetteer(), lexicon.load("agencies"), strict=True):
        for surface in [body.name, *lexicon.split_variants(row["variants"])]:
            _insert(trie, _keys(surface), body)
    for phrase in lexicon.column("agency_blocks", "phrase"):
        _insert(trie, _keys(phrase), Body(phrase, ""))
    return trie


@cache
def _provinces() -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in lexicon.load("provinces")}


def _place_of(row: dict[str, str], with_kind: bool) -> Place:
    successor = _provinces().get(row["successor"])
    return Place(
        full=f"{row['kind']} {row['name']}",
        proper=row["name"],
        successor=f"{successor['kind']} {successor['name']}" if successor else None,
        successor_proper=successor["name"] if successor else None,
        with_kind=with_kind,
    )


@cache
def _place_trie() -> Trie:
    trie: Trie = {}
    for row in _provinces().values():
        kind_keys = _keys(row["kind"])
        for spelling in [row["name"], *lexicon.split_variants(row["variants"])]:
            _insert(trie, kind_keys + _keys(spelling), _place_of(row, with_kind=True))
            _insert(trie, _keys(spelling), _place_of(row, with_kind=False))
    return trie


@cache
def _kind_place_trie() -> Trie:
    """The provinces written with their unit word ("tỉnh Gia Lai"): the only ones that
    are mentions by themselves."""
    trie: Trie = {}
    for row in _provinces().values():
        for spelling in [row["name"], *lexicon.split_variants(row["variants"])]:
            _insert(trie, _keys(row["kind"]) + _keys(spelling), True)
    return trie


@cache
def _pattern_trie() -> Trie:
    trie: Trie = {}
    for pattern in _patterns():
        _insert(trie, _keys(pattern.head), pattern)
    return trie


@cache
def _patterns() -> tuple[Pattern, ...]:
    return tuple(
        Pattern(row["head"], row["type"], row["follow"], row["option"], row["tail"])
        for row in lexicon.load("agency_patterns")
    )


@cache
def _place_head_trie() -> Trie:
    """Heads followed by a place that may head a list ("Ủy ban nhân dân" + "các tỉnh")."""
    trie: Trie = {}
    for pattern in _patterns():
        if pattern.follow == "place" and not pattern.option:
            _insert(trie, _keys(pattern.head), pattern)
    return trie


@cache
def _title_trie() -> Trie:
    trie: Trie = {}
    for row in lexicon.load("agency_titles"):
        _insert(trie, _keys(row["title"]), Title(row["title"], row["alone"], row["with_person"]))
    return trie


@cache
def _group_trie() -> Trie:
    trie: Trie = {}
    for row in lexicon.load("agency_groups"):
        word = GroupWord(row["role"], bool(row["drop"]), row["flag"] == "verb")
        _insert(trie, _keys(row["phrase"]), word)
    return trie


@cache
def _list_trie() -> Trie:
    trie: Trie = {}
    for row in lexicon.load("agency_lists"):
        _insert(trie, _keys(row["phrase"]), row["items"])
    return trie


@cache
def _list_prefixes() -> tuple[str, ...]:
    """Head words of bare list items ("Bộ"), longest first."""
    kinds = {row["items"] for row in lexicon.load("agency_lists")}
    return tuple(sorted(kinds - {"place", "body", "separator"}, key=len, reverse=True))


@lru_cache(maxsize=64)
def _prefix_node(prefix: str) -> Trie | None:
    """The gazetteer trie under the head word of bare list items ("Bộ")."""
    return _walk_keys(_body_trie(), _keys(prefix))


def _list_kind_of(name: str) -> ListKind | None:
    """How bare items may go on after the full name ``name`` ("Bộ Y tế, Tài chính")."""
    for prefix in _list_prefixes():
        if name.startswith(f"{prefix} "):
            return ListKind(prefix=prefix)
    return None


@cache
def _bare_unit_trie() -> Trie:
    """Unit words that may close a body's name without a place name ("Công an tỉnh")."""
    trie: Trie = {}
    units = {row["kind"].casefold() for row in lexicon.load("provinces")}
    units |= {row["head"] for row in lexicon.load("agency_patterns") if row["follow"] == "unit"}
    for unit in units:
        _insert(trie, _keys(unit), unit)
    return trie


@cache
def _stop_trie() -> Trie:
    trie: Trie = {}
    for word in lexicon.column("agency_stops", "word"):
        _insert(trie, _keys(word), True)
    return trie


_VERB_CUES = ("action", "urge", "modal", "command", "support", "report")  # kinds of cues.tsv


@cache
def _name_stop_trie() -> Trie:
    """Words that end an unseen name ("Chi cục Kiểm lâm" + "xây dựng"): the stop words
    and the verbs of the cue lexicon, save those written lowercase inside known names
    ("chống" in "Phòng, chống thiên tai")."""
    trie: Trie = {}
    for word in lexicon.column("agency_stops", "word"):
        _insert(trie, _keys(word), True)
    inside = _known_name_words()
    for row in lexicon.load("cues"):
        words = tuple(word for word in tokenise(row["phrase"]).words if word.isalpha())
        if row["kind"] in _VERB_CUES and not _holds(inside, words):
            _insert(trie, _keys(row["phrase"]), True)
    return trie


def _known_name_words() -> list[tuple[str, ...]]:
    """The words of known names as written: gazetteer rows, expansions, heads."""
    names = [row["name"] for row in lexicon.load("agencies")]
    names += [
        v for row in lexicon.load("agencies") for v in lexicon.split_variants(row["variants"])
    ]
    names += [row["expansion"] for row in lexicon.load("agency_abbreviations")]
    names += [row["head"] for row in lexicon.load("agency_patterns")]
    return [tuple(word for word in tokenise(name).words if word.isalpha()) for name in names]


def _holds(phrases: list[tuple[str, ...]], words: tuple[str, ...]) -> bool:
    """Whether ``words`` run on in one of ``phrases``."""
    size = len(words)
    return any(
        phrase[k : k + size] == words for phrase in phrases for k in range(len(phrase) - size + 1)
    )


@cache
def _tail_trie() -> Trie:
    """The tails of heads ("của"), each its own payload."""
    trie: Trie = {}
    for pattern in _patterns():
        if pattern.tail:
            _insert(trie, _keys(pattern.tail), pattern.tail)
    return trie


@cache
def _compound_trie() -> Trie:
    """Words that hold a stop word as a syllable ("giao thông", "công trình")."""
    trie: Trie = {}
    for word in lexicon.column("agency_compounds", "word"):
        _insert(trie, _keys(word), len(_keys(word)))
    return trie


@cache
def _province_only_units() -> frozenset[str]:
    """Unit words that only provinces take ("tỉnh"): items under them are provinces."""
    kinds = {row["kind"].casefold() for row in lexicon.load("provinces")}
    return frozenset(kinds - {p.head for p in _patterns() if p.follow == "unit"})


@cache
def _joiners() -> frozenset[str]:
    """Single-token separators that may join the parts of a name."""
    return frozenset(
        row["phrase"].casefold()
        for row in lexicon.load("agency_groups")
        if row["role"] == "separator" and len(tokenise(row["phrase"])) == 1
    )


@cache
def _name_bigrams() -> frozenset[tuple[str, str]]:
    """Folded word pairs seen inside known names: what may continue an unseen name."""
    names = [body.name for body in _gazetteer()]
    names += [row["expansion"] for row in lexicon.load("agency_abbreviations")]
    return _word_pairs(names)


def _word_pairs(phrases: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Folded pairs of successive words in ``phrases``."""
    pairs: set[tuple[str, str]] = set()
    for phrase in phrases:
        words = [fold(word) for word in tokenise(phrase).words if word.isalpha()]
        pairs.update(itertools.pairwise(words))
    return frozenset(pairs)


@cache
def _compound_bigrams() -> frozenset[tuple[str, str]]:
    """Folded word pairs of known names, titles and group words: a group word after the
    first of a pair is inside a longer word ("ban" in "Ủy ban"), not a group."""
    phrases = [row["phrase"] for row in lexicon.load("agency_groups")]
    phrases += [row["title"] for row in lexicon.load("agency_titles")]
    determiners = {
        fold(row["phrase"]) for row in lexicon.load("agency_groups") if row["role"] == "determiner"
    }  # "các" inside "Ban Quản lý các khu công nghiệp" still opens groups elsewhere
    pairs = _name_bigrams() | _word_pairs(phrases)
    return frozenset(pair for pair in pairs if pair[1] not in determiners)


def loose(text: str) -> str:
    """``text`` without any diacritic, case-folded: how a name typed without them looks.

    >>> loose("Bộ Tài chính, Đắk Lắk")
    'bo tai chinh , dak lak'
    """
    decomposed = unicodedata.normalize("NFD", " ".join(_keys(text)).replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def _fuzzy_choices() -> dict[str, Body]:
    choices: dict[str, Body] = {}
    for body, row in zip(_gazetteer(), lexicon.load("agencies"), strict=True):
        for surface in [body.name, *lexicon.split_variants(row["variants"])]:
            choices.setdefault(loose(surface), body)
    return choices


def _numbers(folded: str) -> list[str]:
    return [word for word in folded.split() if word.isdigit()]


def fuzzy_body(name: str) -> Body | None:
    """The gazetteer body whose name is a near miss of ``name`` (same first word).

    >>> fuzzy_body("Bộ Thông tin Truyền thông").name
    'Bộ Thông tin và Truyền thông'
    >>> fuzzy_body("Bo Tai chinh").name
    'Bộ Tài chính'
    >>> fuzzy_body("Cục Viễn thám") is None
    True
    """
    folded = loose(name)
    if not folded:
        return None
    found = process.extractOne(
        folded, _fuzzy_choices().keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
    )
    if not found or found[0].split()[0] != folded.split()[0]:
        return None
    if _numbers(found[0]) != _numbers(folded):  # "Ban Chỉ đạo 389" is another body
        return None
    return _fuzzy_choices()[found[0]]


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


def _has_capital(text: str) -> bool:
    return any(char.isupper() for char in text)


def _case_fits(name: str, mention: str) -> bool:
    """A name with a capital needs a capital in its mention ("chính phủ số" is no body)."""
    return _has_capital(mention) or not _has_capital(name)


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


def _is_capitalised_word(word: str) -> bool:
    return word.isalpha() and word[0].isupper()


def _is_name_word(word: str) -> bool:
    """A syllable of a person's name: capital first, lowercase after."""
    return _is_capitalised_word(word) and (len(word) == 1 or word[1:].islower())


@dataclass(slots=True)
class Matcher:
    """Finding the candidates in one prepared text.

    ``closers``: the unit words that close a name ("tỉnh" in "Công an tỉnh"), which open
    no group.
    """

    tokens: Tokens
    opens: dict[int, bool] = field(default_factory=dict)
    bases: dict[int, list[Candidate]] = field(default_factory=dict)
    places: dict[int, tuple[int, Place] | None] = field(default_factory=dict)
    group_words: dict[int, list[tuple[int, GroupWord]]] = field(default_factory=dict)
    walks: dict[int, dict[int, list[tuple[int, Any]]]] = field(default_factory=dict)
    closers: set[int] = field(default_factory=set)
    groups: dict[int, list[Candidate]] = field(default_factory=dict)
    kinds: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.kinds = _kinds_of(self.tokens)

    def walk(self, trie: Trie, i: int) -> list[tuple[int, Any]]:
        """Every (end, payload) of ``trie`` matched from token ``i`` (remembered)."""
        keys = self.tokens.keys
        if i >= len(keys) or (keys[i] not in trie and i not in self.tokens.expansions):
            return []
        walks = self.walks.get(id(trie))
        if walks is None:
            walks = self.walks[id(trie)] = {}
        found = walks.get(i)
        if found is None:
            found = walks[i] = _walk(trie, self.tokens, i)
        return found

    def longest(self, trie: Trie, i: int) -> tuple[int, Any] | None:
        keys = self.tokens.keys
        if i >= len(keys) or (keys[i] not in trie and i not in self.tokens.expansions):
            return None
        found = self.walk(trie, i)
        if len(found) < 2:
            return found[0] if found else None
        return max(found, key=_end_of)

    def openings(self) -> list[int]:
        """The tokens where a phrase may start: first keys of the tries followed by a key
        that may come second, and numbers before a group word ("63 địa phương")."""
        firsts, keys, counted = _first_keys(), self.tokens.keys, _KIND_BITS["group"]
        following = [*self.kinds[1:], 0]
        found = [
            i
            for i, kinds in enumerate(self.kinds)
            if (kinds and keys[i] in firsts) or (following[i] & counted and keys[i].isdigit())
        ]
        found += [
            i for i, expansion in self.tokens.expansions.items() if expansion.keys[0] in firsts
        ]
        return sorted(set(found))

    def kinds_at(self, i: int) -> int:
        """The kinds of phrases (bits of ``_KIND_BITS``) that may match from token
        ``i`` by their first two keys; all where an abbreviation is read."""
        return self.kinds[i] if i < len(self.kinds) else 0

    def reaches(self, kind: str, i: int) -> bool:
        """Whether a phrase of ``kind`` may match from token ``i``."""
        return i < len(self.kinds) and bool(self.kinds[i] & _KIND_BITS[kind])

    def opens_entry(self, i: int) -> bool:
        """Whether a gazetteer body, a head or a title starts at token ``i``."""
        if i not in self.opens:
            first = self.tokens.words[i][0] if i < len(self.tokens.words) else ""
            bodies = [p.name for _, p in self.walk(_body_trie(), i) if p.type]
            heads = [p.head for _, p in self.walk(_pattern_trie(), i) if p.follow != "unit"]
            titles = [p.title for _, p in self.walk(_title_trie(), i)]
            self.opens[i] = any(_case_fits(p[0], first) for p in bodies + heads + titles)
        return self.opens[i]

    def line_break(self, k: int) -> bool:
        """Whether a line ends between token ``k - 1`` and token ``k``."""
        return k in self.tokens.breaks

    def stops(self, k: int, trie: Trie | None = None) -> bool:
        """Whether a stop word (a verb, a function word; of ``trie``, the topic stop words
        if none) starts at token ``k``, not inside a longer word ("giao" in "giao
        thông", "trình" in "công trình")."""
        if not self.walk(_stop_trie() if trie is None else trie, k):
            return False
        return not any(
            end > k
            for s in range(max(0, k - 2), k + 1)
            for end, _ in self.walk(_compound_trie(), s)
        )

    # places

    def place_at(self, i: int) -> tuple[int, Place] | None:
        """A province, or a local unit word and its capitalised name, from token ``i``."""
        if i not in self.places:
            self.places[i] = self._place_at(i) if i < len(self.tokens.words) else None
        return self.places[i]

    def _place_at(self, i: int) -> tuple[int, Place] | None:
        found = self.longest(_place_trie(), i)
        if found:
            end, place = found
            if _has_capital(self.tokens.span_text(i, end)):
                return end, place
        for end, pattern in self.walk(_pattern_trie(), i):
            if pattern.follow == "unit":
                local = self._local_place(i, end)
                if local:
                    return local
        return None

    def _local_place(self, i: int, head_end: int) -> tuple[int, Place] | None:
        k = self._proper_name(head_end)
        if k == head_end or self._modifies(head_end):
            return None
        unit = expanded(self.tokens, i, head_end).casefold()
        return k, self._local(unit, head_end, k)

    def _modifies(self, k: int) -> bool:
        """Whether a group modifier starts at ``k`` ("Tây Nguyên" is no local name)."""
        if not self.reaches("group word", k):
            return False
        word = self._group_word(k)
        return bool(word) and word[1].role == "modifier"

    def _proper_name(self, k: int) -> int:
        """End of the proper name of a local unit at ``k`` ("A Lưới", "5"), on one line."""
        words, start = self.tokens.words, k
        while k < len(words) and k - start < _PLACE_NAME_TOKENS:
            if not (_is_capitalised_word(words[k]) or words[k].isdigit()):
                break
            if self.line_break(k):
                break
            k += 1
        return k

    def _local(self, unit: str, start: int, end: int) -> Place:
        """The local unit ``unit`` named by tokens ``start:end`` ("HUYỆN NAM ĐÀN" is
        "huyện Nam Đàn")."""
        proper = self.tokens.span_text(start, end)
        if proper.isupper() and end - start > 1:
            proper = proper.title()
        return Place(f"{unit} {proper}", proper, province=False)

    def bare_unit_at(self, k: int) -> int | None:
        """End of a unit word written without its place name ("tỉnh" in "Công an tỉnh")."""
        if k >= len(self.tokens.words) or self.place_at(k) or self.line_break(k):
            return None
        if self.opens_entry(k):  # "Tỉnh ủy"
            return None
        found = self.longest(_bare_unit_trie(), k)
        return found[0] if found else None

    def _generic(self, i: int, end: int, name: str, kind: str) -> Candidate | None:
        """``name`` closed by a bare unit word at ``end`` ("Công an" + "tỉnh")."""
        stop = self.bare_unit_at(end)
        if stop is None:
            return None
        self.closers.add(end)
        more = self._more_units(stop)
        unit = expanded(self.tokens, end, more).casefold()
        kind = "group" if more > stop else kind  # "Bảo hiểm xã hội tỉnh, thành phố"
        return Candidate(i, more, f"{name} {unit}", kind, generic=True)

    def _more_units(self, k: int) -> int:
        """End of the unit words listed after a bare unit word that ends at ``k`` (",
        thành phố"), each without its place name; ``k`` if none."""
        while (separator := self._list_word(k)) and separator[1] == "separator":
            stop = self.bare_unit_at(separator[0])
            if stop is None:
                break
            self.closers.add(separator[0])
            k = stop
        return k

    # gazetteer bodies, provinces and heads

    def base_at(self, i: int) -> list[Candidate]:
        """Named bodies starting at token ``i``: gazetteer, provinces, heads."""
        if i not in self.bases:
            self.bases[i] = self._base_at(i) if self.reaches("base", i) else []
        return self.bases[i]

    def _base_at(self, i: int) -> list[Candidate]:
        found = self._bodies_at(i)
        named = any(not c.block for c in found)
        if not named:
            found += self._provinces_at(i)
        return found + self._patterns_at(i, named)

    def _bodies_at(self, i: int) -> list[Candidate]:
        found = []
        for end, body in self.walk(_body_trie(), i):
            if not _case_fits(body.name, self.tokens.span_text(i, end)):
                continue
            if not body.type:
                found.append(Candidate(i, end, body.name, "", block=True))
                continue
            items = _list_kind_of(body.name)
            found.append(Candidate(i, end, body.name, body.type, body.successor, items=items))
            if body.local:
                found += self._local_body(i, end, body)
        return found

    def _local_body(self, i: int, end: int, body: Body) -> list[Candidate]:
        place = self.place_at(end)
        if place:
            return [_with_place(i, body, place)]
        unplaced = self._unplaced(i, end, body.name, body.type)
        return [unplaced] if unplaced else []

    def _unplaced(self, i: int, end: int, name: str, kind: str) -> Candidate | None:
        """``name`` closed by a bare unit word ("Công an tỉnh") or followed by a group of
        local units ("Sở Y tế các tỉnh, thành phố", a group)."""
        return self._generic(i, end, name, kind) or self._of_places(i, end, name)

    def _of_places(self, i: int, end: int, name: str) -> Candidate | None:
        """The bodies named ``name`` of a group of local units at ``end`` ("các tỉnh")."""
        determiner = self._group_word(end) if end < len(self.tokens) else None
        if not determiner or determiner[1].role != "determiner" or self.line_break(end):
            return None
        if not self.longest(_bare_unit_trie(), determiner[0]):
            return None
        groups = [c for c in self.group_at(end) if c.start == end]
        if not groups:
            return None
        stop = groups[0].end
        text = f"{name} {expanded(self.tokens, end, stop)}"
        return Candidate(i, stop, text, "group", generic=True)

    def _provinces_at(self, i: int) -> list[Candidate]:
        place = self.place_at(i)
        if not place or not place[1].province or not place[1].with_kind:
            return []
        end, where = place
        items = ListKind(places=True)
        return [Candidate(i, end, where.full, "province", where.successor, items=items)]

    def _patterns_at(self, i: int, named: bool) -> list[Candidate]:
        """The name opened by the longest head that fits; after a gazetteer name only
        heads of a place count ("Bộ đội Biên phòng" + "tỉnh Quảng Trị")."""
        word = self.tokens.words[i]
        shouting = word.isupper() and len(word) > 1
        for end, pattern in reversed(self.walk(_pattern_trie(), i)):  # longest head only
            if not _case_fits(pattern.head[0], word[0]):
                continue
            if named and pattern.follow != "place":
                continue
            if shouting and pattern.follow == "name":  # case tells nothing in capitals
                pattern = replace(pattern, option="known")
            follow = getattr(self, f"_follow_{pattern.follow}")
            candidate = follow(i, end, pattern)
            return [candidate] if candidate else []
        return []

    def _follow_unit(self, i: int, end: int, pattern: Pattern) -> None:
        """Local unit words make places, not agencies by themselves."""

    def _follow_place(self, i: int, end: int, pattern: Pattern) -> Candidate | None:
        place = self.place_at(end)
        if not place:
            if pattern.option == "bare":
                return None
            return self._unplaced(i, end, pattern.head, pattern.type)
        body = Body(pattern.head, pattern.type)
        if pattern.option == "bare":
            stop, where = place
            successor = where.successor_proper and f"{pattern.head} {where.successor_proper}"
            return Candidate(i, stop, f"{pattern.head} {where.proper}", pattern.type, successor)
        candidate = _with_place(i, body, place)
        if place[1].province:
            candidate.items = ListKind(places=True, place_body=body)
        return candidate

    def _follow_name(self, i: int, end: int, pattern: Pattern) -> Candidate | None:
        return self._with_tail(i, end, self._name_run(end), pattern)

    def _follow_topic(self, i: int, end: int, pattern: Pattern) -> Candidate | None:
        return self._with_tail(i, end, self._topic_run(end), pattern)

    def _with_tail(self, i: int, end: int, stop: int, pattern: Pattern) -> Candidate | None:
        """The name of head ``pattern`` (ending at ``end``) and its words up to ``stop``,
        and the pattern's tail and the body after it ("của Thủ tướng Chính phủ")."""
        words = [pattern.head, expanded(self.tokens, end, stop)] if stop > end else [pattern.head]
        tail = self._tail_at(stop, pattern.tail) if pattern.tail else None
        if tail:
            stop, owner = tail
            words += [pattern.tail, owner]
        if len(words) == 1:
            return None
        return self._named(i, stop, pattern, " ".join(words))

    def _tail_at(self, k: int, tail: str) -> tuple[int, str] | None:
        """End and name of the body after the words ``tail`` at ``k`` ("của Chính phủ")."""
        node = self.longest(_tail_trie(), k)
        if not node or node[1] != tail or self.line_break(k):
            return None
        after = node[0]
        if after >= len(self.tokens) or self.line_break(after):
            return None
        owners = self._body_after(after)
        if self.reaches("title", after):
            owners += [c for c in self.titles_at(after) if c.start == after]
        owner = max(owners, key=lambda c: c.end, default=None)
        return (owner.end, owner.name) if owner else None

    def _named(self, i: int, stop: int, pattern: Pattern, name: str) -> Candidate | None:
        body = fuzzy_body(name)
        if body is None and pattern.option == "known":
            return None
        body = body or Body(name, pattern.type)
        place = self.place_at(stop)
        if place:
            return _with_place(i, body, place)
        unplaced = self._unplaced(i, stop, body.name, body.type)
        return unplaced or Candidate(i, stop, body.name, body.type, body.successor)

    def _name_run(self, k: int) -> int:
        """End of the name that starts with a capitalised word at token ``k`` (``k`` if
        none).  Lowercase words go on inside it ("Dự báo khí tượng thủy văn quốc gia")
        up to a stop word, a place, another body or punctuation; a comma only where
        known names have one between the same words ("Phòng, chống")."""
        words, start, lowercase = self.tokens.words, k, 0
        while k < len(words):
            if k > start and (self.opens_entry(k) or self.place_at(k) or self.line_break(k)):
                break
            if k > start and self.bare_unit_at(k):
                break
            expansion = self.tokens.expansions.get(k)
            if expansion:
                k, lowercase = expansion.end, 0
                continue
            word = words[k]
            if _is_capitalised_word(word):
                k, lowercase = k + 1, 0
                continue
            if k == start:
                break
            if self._joins(k) or (word == "," and self._bridges(k)):
                k += 1
                continue
            if not self._continues_name(k, lowercase):
                break
            k, lowercase = k + 1, lowercase + 1
        return k

    def _continues_name(self, k: int, lowercase: int) -> bool:
        word = self.tokens.words[k]
        if not word.isalpha() or not word.islower():
            return False
        return lowercase < _LOWERCASE_NAME_TOKENS and not self.stops(k, _name_stop_trie())

    def _joins(self, k: int) -> bool:
        tokens = self.tokens
        following = k + 1
        return (
            tokens.keys[k] in _joiners()
            and following < len(tokens)
            and _is_capitalised_word(tokens.words[following])
            and not self.opens_entry(following)
        )

    def _topic_run(self, k: int) -> int:
        """End of a committee's topic: words up to a stop word, punctuation or a place.

        A comma or stop word goes on inside the topic when the words around it are seen
        around it in known names ("phòng, chống", "thiên tai và tìm kiếm").
        """
        words, start = self.tokens.words, k
        while k < len(words) and k - start < _TOPIC_TOKENS:
            word = words[k]
            if k > start and (self.opens_entry(k) or self.place_at(k) or self.line_break(k)):
                break
            ends = not (word.isalnum() or word in _joiners()) or word == ","
            ends = ends or self.stops(k)
            if ends and not (k > start and self._bridges(k)):
                break
            k += 1
        return k

    def _bridges(self, k: int) -> bool:
        """Whether the comma or stop word at ``k`` sits inside a known name's wording."""
        if k + 1 >= len(self.tokens.words):
            return False
        before, here, after = (fold(self.tokens.words[j]) for j in (k - 1, k, k + 1))
        pairs = _name_bigrams()
        if here == ",":
            return (before, after) in pairs
        return (before, here) in pairs and (here, after) in pairs

    # titles

    def titles_at(self, i: int) -> list[Candidate]:
        """A title (or a chain "Bộ trưởng, Chủ nhiệm" ending at a body) standing for its
        body or position."""
        found = self.longest(_title_trie(), i)
        if not found:
            return []
        first = end, title = found
        while end + 1 < len(self.tokens.words) and self.tokens.keys[end] in _joiners():
            following = self.longest(_title_trie(), end + 1)
            if not following:
                break
            end, title = following
        if end != first[0] and not self._body_after(end):
            end, title = first
        return self._title_with(i, end, title)

    def _body_after(self, end: int) -> list[Candidate]:
        if end >= len(self.tokens.words) or self.line_break(end):
            return []
        return [c for c in self.base_at(end) if not c.block]

    def _title_with(self, i: int, end: int, title: Title) -> list[Candidate]:
        bodies = self._body_after(end)
        if bodies:
            body = max(bodies, key=lambda c: c.end)
            if body.type == "group":  # "Giám đốc Sở Y tế các tỉnh" names no single body
                return [Candidate(i, body.end, expanded(self.tokens, i, body.end), "group")]
            stop = self._person_run(body.end)
            items = body.items if stop == body.end else None
            return [Candidate(i, stop, body.name, body.type, body.successor, items=items)]
        if not title.alone or not _case_fits(title.alone, self.tokens.span_text(i, end)):
            return []
        stop = self._person_run(end)
        name = title.alone
        if stop > end and title.with_person:
            name = f"{title.with_person} {self.tokens.span_text(end, stop)}"
        return [Candidate(i, stop, name, "position")]

    def _person_run(self, k: int) -> int:
        """End of a person's name at token ``k`` on the same line (``k`` if none)."""
        fewest, most = _PERSON_TOKENS
        start = k
        while k < len(self.tokens.words) and k - start < most:
            if not _is_name_word(self.tokens.words[k]) or self.opens_entry(k):
                break
            if self.line_break(k):
                break
            k += 1
        return k if k - start >= fewest else start

    # heads sharing one place

    def shared_place_at(self, i: int) -> list[Candidate]:
        """Heads of a place joined before one place ("HĐND, UBND tỉnh Gia Lai"): one body
        each, the place written after the last."""
        heads: list[tuple[int, int, Pattern]] = []
        k = i
        while (head := self._place_head(k)) is not None:
            heads.append((k, *head))
            separator = self._list_word(head[0])
            if not separator or separator[1] != "separator" or not self._place_head(separator[0]):
                break
            k = separator[0]
        if len(heads) < 2:
            return []
        last_end = heads[-1][1]
        place = self.place_at(last_end)
        unit = None if place else self.bare_unit_at(last_end)
        if not place and unit is None:
            return []
        where = place[1] if place else self._bare_place(last_end, unit)
        parts = [
            _with_place(start, Body(head.head, head.type), (end, where))
            for start, end, head in heads
        ]
        parts[-1].end = place[0] if place else unit
        return [Candidate(i, parts[-1].end, parts[0].name, parts[0].type, parts=tuple(parts))]

    def _place_head(self, k: int) -> tuple[int, Pattern] | None:
        """A head of a place at ``k`` written with its capital ("UBND")."""
        if k >= len(self.tokens) or self.line_break(k):
            return None
        head = self.longest(_place_head_trie(), k)
        if not head or not _case_fits(head[1].head[0], self.tokens.words[k][0]):
            return None
        return head

    def _bare_place(self, k: int, end: int) -> Place:
        """A unit word written without its place name ("tỉnh")."""
        return Place(expanded(self.tokens, k, end).casefold(), "", province=False)

    # lists

    def list_at(self, i: int, named: list[Candidate]) -> list[Candidate]:
        """Bodies listed under one head ("Bộ trưởng các Bộ: Quốc phòng, Công an") or
        after a first full name (one of ``named``, the names and titles at ``i``: "Bộ
        Quốc phòng, Công an"): one part per item, the head words inside the first part."""
        opened = self._list_head(i) if self._may_head_list(i) else None
        if opened:
            first = self._item_at(opened[0], opened[1])
            if first is None:
                return []
            lead, kind = replace(first, start=i), opened[1]
        else:
            leads = [c for c in named if c.items and c.start == i]
            if not leads:
                return []
            lead = max(leads, key=lambda c: c.end)
            kind = lead.items
        parts = [lead, *self._more_items(lead.end, kind)]
        if len(parts) == 1 and not opened:
            return []
        return [Candidate(i, parts[-1].end, lead.name, lead.type, parts=tuple(parts))]

    def _may_head_list(self, i: int) -> bool:
        """Whether a list head may start at ``i``: a title or a head, a list word, or a
        determiner (a number too) and a list word."""
        if self.reaches("title or place head", i) or self.reaches("list", i):
            return True
        word = self._group_word(i)
        return bool(word) and word[1].role == "determiner" and self.reaches("list", word[0])

    def _list_head(self, i: int) -> tuple[int, ListKind] | None:
        """End of the head of a list at ``i`` and what its items are.

        The head: titles and a body of places ("Chủ tịch" "Ủy ban nhân dân"), a
        determiner ("các"), unit words ("tỉnh, thành phố"), a colon; it needs the
        determiner or the colon.
        """
        k, place_body = self._head_words(i)
        if k >= len(self.tokens.words):
            return None
        determiner = self._group_word(k)
        if determiner and determiner[1].role == "determiner" and not self.line_break(k):
            k = determiner[0]
        else:
            determiner = None
        units = self._list_units(k)
        if units is None:
            return None
        k, items, unit = units
        colon = k < len(self.tokens.words) and self.tokens.words[k] == ":"
        k += colon
        if not (determiner or colon) or (items == "body" and not colon):
            return None
        if items == "place":
            return k, ListKind(places=True, place_body=place_body, unit=unit)
        if items == "body":
            return k, ListKind(bodies=True)
        return k, ListKind(prefix=items)

    def _head_words(self, k: int) -> tuple[int, Body | None]:
        """End of the titles and body of places that open a list head, and that body."""
        place_body = None
        while k < len(self.tokens.words):
            title = self.longest(_title_trie(), k)
            head = self.longest(_place_head_trie(), k)
            if head and (not title or head[0] >= title[0]):
                place_body, k = Body(head[1].head, head[1].type), head[0]
            elif title:
                k = title[0]
            else:
                break
        return k, place_body

    def _list_units(self, k: int) -> tuple[int, str, str] | None:
        """End of the unit words of a list head ("tỉnh, thành phố"), what they list and
        the local unit word its items are named under when it is the only one ("huyện";
        empty for provinces or several unit words)."""
        found = self._list_word(k)
        if not found or found[1] == "separator":
            return None
        end, items = found
        single = True
        while True:
            separator = self._list_word(end)
            if not separator or separator[1] != "separator":
                break
            following = self._list_word(separator[0])
            if not following or following[1] == "separator":
                break
            end, items = following
            single = False
        unit = expanded(self.tokens, k, end).casefold() if single and items == "place" else ""
        return end, items, "" if unit in _province_only_units() else unit

    def _list_word(self, k: int) -> tuple[int, str] | None:
        if k >= len(self.tokens.words) or self.line_break(k):
            return None
        found = self.longest(_list_trie(), k)
        return (found[0], found[1]) if found else None

    def _more_items(self, k: int, kind: ListKind) -> list[Candidate]:
        """Items after a list's first one, each after a separator."""
        parts = []
        while True:
            separator = self._list_word(k)
            if not separator or separator[1] != "separator":
                return parts
            item = self._item_at(separator[0], kind)
            if item is None:
                return parts
            parts.append(item)
            k = item.end

    def _item_at(self, k: int, kind: ListKind) -> Candidate | None:
        """One item of a list at ``k``; none where a longer name starts there."""
        if k >= len(self.tokens.words) or self.line_break(k):
            return None
        options = self._place_items(k, kind) + self._prefix_items(k, kind)
        bodies = [c for c in self.base_at(k) if not c.block]
        longest = max((c.end for c in bodies), default=k)
        best = max(options, key=lambda c: c.end, default=None)
        if best and best.end >= longest:
            return best
        if kind.bodies and bodies:
            return max(bodies, key=lambda c: c.end)
        return None

    def _place_items(self, k: int, kind: ListKind) -> list[Candidate]:
        place = self.place_at(k) if kind.places else None
        if (not place or not place[1].province) and kind.unit and kind.place_body:
            place = self._local_item(k, kind.unit)
            return [_with_place(k, kind.place_body, place)] if place else []
        if not place or not place[1].province:
            return []
        if kind.place_body:
            return [_with_place(k, kind.place_body, place)]
        end, where = place
        return [Candidate(k, end, where.full, "province", where.successor)]

    def _local_item(self, k: int, unit: str) -> tuple[int, Place] | None:
        """A local unit named without its unit word ("A Lưới" under "các huyện"); no
        group modifier ("Tây Nguyên") or body ("Sở Y tế") starts it."""
        if self._modifies(k) or self.opens_entry(k):
            return None
        end = self._proper_name(k)
        return (end, self._local(unit, k, end)) if end > k else None

    def _prefix_items(self, k: int, kind: ListKind) -> list[Candidate]:
        node = _prefix_node(kind.prefix) if kind.prefix else None
        if node is None:
            return []
        found = []
        for end, body in _walk(node, self.tokens, k):
            if body.type and _has_capital(self.tokens.span_text(k, end)):
                found.append(Candidate(k, end, body.name, body.type, body.successor))
        return found

    # groups

    def group_at(self, i: int) -> list[Candidate]:
        """A generic group ("các bộ, ngành, địa phương") starting at token ``i``."""
        if i not in self.groups:
            self.groups[i] = self._group_at(i)
        return self.groups[i]

    def _group_at(self, i: int) -> list[Candidate]:
        first, words = i, self.tokens.words
        while first < len(words) and words[first].isdigit():
            first += 1  # numbers are determiners
        if not self.reaches("group", first) or self._inside_word(i) or i in self.closers:
            return []  # a unit word that closes a name ("Công an tỉnh") opens no group
        for end, word in self._group_words(i):
            if word.role == "whole" or self._goes_on_group(end):
                break
        else:
            return []  # a group has two words at least, or a whole unit
        parse = _GroupParse()
        k, keys, separators = i, self.tokens.keys, _separator_firsts()
        while k < len(keys) and not (k > i and self.line_break(k)):
            if parse.previous and (self._names_body(k) or self.place_at(k)):
                parse.give_back_heads()
                break
            if parse.units and keys[k] in separators and self._other_kind_follows(parse, k):
                break
            taken = None
            for end, word in self.group_words.get(k) or self._group_words(k):
                if word.role == "stop" or (word.verb and not self._verb_joins(parse, end)):
                    break  # a stop word, or a verb that is not the group's
                if parse.accept(word, k, end):  # the longest word the grammar takes
                    taken = end
                    break
            if taken is None:
                break
            k = taken
        if not parse.valid():
            return []
        name = expanded(self.tokens, parse.name_start(), parse.end)
        return [Candidate(i, parse.end, name, "group")]

    def _other_kind_follows(self, parse: _GroupParse, k: int) -> bool:
        """Whether a joiner at ``k`` leads to a unit of another kind than the group's
        last ("các tỉnh, thành phố" + "và các bệnh viện": local units, then bodies):
        after "và" or before a determiner, a new group starts there."""
        keys = self.tokens.keys
        joiner = self._group_word(k)
        if not joiner or joiner[1].role != "separator" or not self._goes_on_group(joiner[0]):
            return False
        after = joiner[0]
        soft = joiner[0] == k + 1 and keys[k] in _SOFT_JOINERS
        if soft and keys[after] not in _determiner_firsts():
            return False  # commas list units of one kind ("bộ, ngành, tỉnh, thành phố")
        word = self._group_word(after)
        if word and word[1].role == "determiner":
            after = word[0]
            word = self._group_word(after) if self._goes_on_group(after) else None
        elif soft:
            return False
        if not word or word[1].role not in _UNITS:
            return False
        last = next(w for w in reversed(parse.words) if w[3] in _UNITS)
        return self._is_local_unit(last[0], last[1]) != self._is_local_unit(after, word[0])

    def _is_local_unit(self, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` are a local unit word ("tỉnh", "thành phố")."""
        expansion = self.tokens.expansions.get(start)
        keys = expansion.keys if expansion and expansion.end == end else self.tokens.keys[start:end]
        return tuple(keys) in _local_unit_keys()

    def _verb_joins(self, parse: _GroupParse, end: int) -> bool:
        """Whether a unit word that is also a verb, ending at ``end``, is the group's:
        after a separator or a determiner, or where the group goes on after it ("các
        cơ quan, tổ chức liên quan"; not "các địa phương tổ chức thi công")."""
        if parse.previous in _OPENING:
            return True
        following = self._group_word(end) if self._goes_on_group(end) else None
        if not following or following[1].role not in ("modifier", "plural", "separator"):
            return False
        if following[1].role != "separator":
            return True
        item = self._group_word(following[0]) if self._goes_on_group(following[0]) else None
        return bool(item) and item[1].role in ("unit", "head", "whole")

    def _goes_on_group(self, k: int) -> bool:
        """Whether a group word may start at ``k``, after another."""
        if k >= len(self.tokens.words) or self.line_break(k):
            return False
        return self.tokens.words[k].isdigit() or self.reaches("group word", k)

    def _names_body(self, k: int) -> bool:
        return any(not (c.block or c.generic) for c in self.base_at(k))

    def _inside_word(self, i: int) -> bool:
        if i == 0:
            return False
        tokens = self.tokens
        return tokens.ends[i - 1] < tokens.starts[i] and (
            (_folded(tokens.words[i - 1]), _folded(tokens.words[i])) in _compound_bigrams()
        )

    def _group_word(self, k: int) -> tuple[int, GroupWord] | None:
        found = self.group_words.get(k)
        if found is None:
            found = self.group_words[k] = self._read_group_words(k)
        return found[0] if found else None

    def _group_words(self, k: int) -> list[tuple[int, GroupWord]]:
        """The group words at token ``k``, longest first (remembered)."""
        found = self.group_words.get(k)
        if found is None:
            found = self.group_words[k] = self._read_group_words(k)
        return found

    def _read_group_words(self, k: int) -> list[tuple[int, GroupWord]]:
        """The group words at token ``k``, longest first (a number is a determiner)."""
        if self.tokens.words[k].isdigit():
            return [(k + 1, GroupWord("determiner", drop=False))]
        found = self.walk(_group_trie(), k)
        if len(found) > 1:
            found = sorted(found, key=_end_of, reverse=True)
        if found and found[0][1].role == "from":
            ranged = self._range_at(found[0][0])
            return [ranged] if ranged else []
        return found

    def _range_at(self, k: int) -> tuple[int, GroupWord] | None:
        """A range of provinces after "từ" ("từ Quảng Bình đến Bình Định"): a modifier."""
        first = self.place_at(k)
        if not first or not first[1].province:
            return None
        to = self.longest(_group_trie(), first[0])
        if not to or to[1].role != "to":
            return None
        last = self.place_at(to[0])
        if not last or not last[1].province:
            return None
        return last[0], GroupWord("modifier", drop=False)


_SOFT_JOINERS = (",",)  # joiners that list units of one kind, unless a determiner follows
_OPENING = ("", "separator", "head", "determiner")
_GROUP_GRAMMAR = {  # the roles of group words and the roles they may follow
    "determiner": (*_OPENING, "modifier"),
    "plural": ("unit", "head", "modifier", "separator", "whole"),
    "head": _OPENING,
    "unit": _OPENING,
    "whole": _OPENING,
    "modifier": ("unit", "head", "modifier", "separator", "plural", "whole", "link"),
    "separator": ("unit", "head", "modifier", "plural"),
    "link": ("unit", "head", "modifier", "plural", "whole"),
}
_NEEDS_UNIT = ("plural", "modifier", "link")  # roles that need a unit before them
_UNITS = ("unit", "head", "whole")
_TRAILING = ("separator", "determiner", "link")  # roles given back at a group's end


@dataclass(slots=True)
class _GroupParse:
    """The state of parsing a group: items of determiners, units and modifiers."""

    end: int = 0
    previous: str = ""
    units: bool = False
    words: list[tuple[int, int, GroupWord, str]] = field(default_factory=list)

    def accept(self, word: GroupWord, start: int, end: int) -> bool:
        """Take ``word`` over tokens ``start:end`` if the grammar allows it there.

        A unit right after a unit narrows it ("các sở, ban, ngành tỉnh"): a modifier.
        """
        role, previous = word.role, self.previous
        if role == "unit" and previous in ("unit", "modifier"):
            role = "modifier"
        if previous not in _GROUP_GRAMMAR.get(role, ()):
            return False
        if role in _NEEDS_UNIT and not self.units:
            return False
        self.words.append((start, end, word, role))
        self.previous = role
        self.units = self.units or role in _UNITS
        return True

    def give_back_heads(self) -> None:
        """Before a named body, the titles and joiners in front of it are not the group's
        ("Ủy ban nhân dân tỉnh, Giám đốc" + "Sở Công Thương")."""
        while self.words and self.words[-1][3] in ("head", *_TRAILING):
            self.words.pop()

    def valid(self) -> bool:
        """Whether the words taken make a group; trailing joiners are given back.

        A group needs a unit, and a determiner ("các", "các cấp"), two items or a unit
        that is a group by itself ("ngành y tế").
        """
        while self.words and self.words[-1][3] in _TRAILING:
            self.words.pop()
        if not self.words:
            return False
        self.end = self.words[-1][1]
        roles = [role for *_, role in self.words]
        items = sum(
            role in _UNITS and before in ("", "separator", "determiner")
            for before, role in zip(["", *roles], roles, strict=False)
        )
        plural = any(role in ("determiner", "plural", "whole") for role in roles)
        return any(role in _UNITS for role in roles) and (plural or items > 1)

    def name_start(self) -> int:
        """Where the group's name starts: after leading determiners such as "các"."""
        for start, _, word, role in self.words:
            if not (role == "determiner" and word.drop):
                return start
        return self.words[0][0]


def _with_place(i: int, body: Body, place: tuple[int, Place]) -> Candidate:
    """A body of one province or local unit ("Sở Y tế" + "tỉnh Gia Lai")."""
    end, where = place
    name = f"{body.name} {where.full}"
    successor = None
    if body.successor or where.successor:
        successor = f"{body.successor or body.name} {where.successor or where.full}"
    return Candidate(i, end, name, body.type, successor)


def select_spans(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then leftmost (spaCy's filter_spans).

    >>> picked = select_spans([Candidate(0, 2, "a", "other"), Candidate(1, 4, "b", "other")])
    >>> [c.name for c in picked]
    ['b']
    """
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, c.start))
    taken: set[int] = set()
    picked = []
    for candidate in ordered:
        span = range(candidate.start, candidate.end)
        if taken.isdisjoint(span):
            picked.append(candidate)
            taken.update(span)
    return sorted(picked, key=lambda c: c.start)


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
    keys = tokens.keys
    seconds_keys = [*keys[1:], _END] if keys else []
    kinds = [
        (seconds.get(_END, 0) | seconds.get(second, 0))
        if starts and (seconds := starts[word[0].islower()])
        else 0
        for starts, word, second in zip(
            map(_start_tables().get, keys), tokens.words, seconds_keys, strict=True
        )
    ]
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


def _candidates(matcher: Matcher) -> Iterator[Candidate]:
    titles, groups = _KIND_BITS["title"], _KIND_BITS["group"]
    place_heads = _KIND_BITS["title or place head"]
    list_heads = place_heads | groups | _KIND_BITS["list"]  # what _may_head_list needs
    for i in matcher.openings():
        kinds, number = matcher.kinds_at(i), matcher.tokens.words[i].isdigit()
        named = matcher.base_at(i)
        if kinds & titles:
            named = named + matcher.titles_at(i)
        yield from named
        if kinds & place_heads:
            yield from matcher.shared_place_at(i)
        if kinds & groups or number:
            yield from matcher.group_at(i)
        if kinds & list_heads or number or any(c.items for c in named):
            yield from matcher.list_at(i, named)


def find_agencies(text: str, start: int = 0, end: int | None = None) -> list[Agency]:
    """Agency mentions in ``text[start:end]``: text order, offsets absolute into ``text``.

    >>> [(a.name, a.type) for a in find_agencies("Giao UBND TP.HCM và Bộ TT&TT")]
    [('Ủy ban nhân dân Thành phố Hồ Chí Minh', 'province'), \
('Bộ Thông tin và Truyền thông', 'ministry')]
    """
    matcher = Matcher(prepare(text, start, end))
    agencies = []
    picked = select_spans(_candidates(matcher))
    for candidate in itertools.chain.from_iterable(c.parts or (c,) for c in picked):
        if candidate.block:
            continue
        first = matcher.tokens.starts[candidate.start]
        last = matcher.tokens.ends[candidate.end - 1]
        agencies.append(
            Agency(
                name=candidate.name,
                mention=text[first:last],
                start=first,
                end=last,
                type=candidate.type,
                successor=candidate.successor,
            )
        )
    return agencies


@cache
def _unit_words() -> frozenset[str]:
    """Local unit words that may close a name without a place ("tỉnh", "huyện")."""
    units = {row["kind"].casefold() for row in lexicon.load("provinces")}
    units |= {row["head"] for row in lexicon.load("agency_patterns") if row["follow"] == "unit"}
    return frozenset(units)


def _is_bare_local(name: str) -> bool:
    """Whether ``name`` is a local body named by its unit word only ("Công an tỉnh")."""
    return any(name.casefold().endswith(f" {unit}") for unit in _unit_words())


def _places_bare(placed: str, bare: str) -> bool:
    """Whether ``placed`` is the body ``bare`` followed by a place name."""
    rest = placed[len(bare) + 1 :]
    return placed.casefold().startswith(f"{bare.casefold()} ") and rest[:1].isupper()


def resolve_references(mentions: list[Agency]) -> list[Agency]:
    """``mentions`` with each local body named without its place ("Ủy ban nhân dân
    tỉnh") given the name of the nearest earlier mention of that body with one; text
    and offsets unchanged, groups left alone.

    >>> found = find_agencies("Giao UBND tỉnh Vĩnh Long chủ trì. UBND tỉnh báo cáo.")
    >>> [(a.mention, a.name) for a in resolve_references(found)]
    [('UBND tỉnh Vĩnh Long', 'Ủy ban nhân dân tỉnh Vĩnh Long'), \
('UBND tỉnh', 'Ủy ban nhân dân tỉnh Vĩnh Long')]
    """
    resolved: list[Agency] = []
    for mention in mentions:
        if mention.type != "group" and _is_bare_local(mention.name):
            earlier = next(
                (
                    a
                    for a in reversed(resolved)
                    if a.type != "group" and _places_bare(a.name, mention.name)
                ),
                None,
            )
            if earlier:
                mention = mention.model_copy(
                    update={"name": earlier.name, "successor": earlier.successor}
                )
        resolved.append(mention)
    return resolved


def expand_abbreviations(text: str) -> str:
    """``text`` with every abbreviation of agency names written out, spaces single.

    >>> expand_abbreviations("các Bộ TT&TT, UBND TP.HCM")
    'các Bộ Thông tin và Truyền thông, Ủy ban nhân dân Thành phố Hồ Chí Minh'
    """
    tokens = prepare(plain_form(canonical_form(text)))
    return expanded(tokens, 0, len(tokens)) if len(tokens) else ""


def canonical(mention: str) -> tuple[str, str] | None:
    """The canonical (name, type) of one mention, or None if it names no agency.

    >>> canonical("UBND tỉnh Gia Lai")
    ('Ủy ban nhân dân tỉnh Gia Lai', 'province')
    >>> canonical("Bo Tai chinh")
    ('Bộ Tài chính', 'ministry')
    >>> canonical("chính phủ số") is None
    True
    """
    text = plain_form(canonical_form(mention))
    found = find_agencies(text)
    if len(found) == 1 and found[0].mention == text:
        return found[0].name, found[0].type
    if found:
        return None
    body = fuzzy_body(text) if _has_capital(text) else None
    return (body.name, body.type) if body else None

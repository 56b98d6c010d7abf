"""The agency lexicons read once into tries: bodies, provinces, name patterns, titles,
group words, list heads, stop words; and the fuzzy match of a name against the
gazetteer.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from directive_extract import lexicon
from directive_extract.mentions.agencies.tokens import Trie, _insert, _keys, _walk_keys, tokenise
from directive_extract.read.normalise import fold

_FUZZY_CUTOFF = 90
_PERSON_TOKENS = (2, 4)
_PLACE_NAME_TOKENS = 4
_TOPIC_TOKENS = 12
_LOWERCASE_NAME_TOKENS = 8


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
    short_for: str = ""  # the name the head is short for ("Hải quan" + place: "Cục Hải quan")


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
    last: bool = False  # ends its item: only a separator may follow ("liên quan")
    owner: bool = False  # a named body after it owns the group's bodies ("thuộc" + "Bộ X")


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
def _provinces_by_full_name() -> dict[str, tuple[str, str]]:
    return {
        f"{row['kind']} {row['name']}": (row["kind"], row["name"])
        for row in lexicon.load("provinces")
    }


def _province_named(full: str) -> tuple[str, str] | None:
    """The unit word and name of the province named ``full`` ("tỉnh Gia Lai"), or None."""
    return _provinces_by_full_name().get(full)


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
        Pattern(
            row["head"], row["type"], row["follow"], row["option"], row["tail"], row["short_for"]
        )
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
        flag = row["flag"]
        word = GroupWord(
            row["role"], bool(row["drop"]), flag == "verb", flag == "last", flag == "owner"
        )
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


@cache
def _numbered() -> frozenset[tuple[str, ...]]:
    """The words after which a number is part of a body's name ("khu vực" of "Chi cục
    Thuế khu vực 3"), as token keys."""
    return frozenset(_keys(word) for word in lexicon.column("agency_numbered", "word"))


_VERB_CUES = ("action", "urge", "modal", "command", "support", "report")  # kinds of cues.tsv


@cache
def _name_stop_trie() -> Trie:
    """Words that end an unseen name ("Chi cục Kiểm lâm" + "xây dựng"): the stop words
    and the verbs of the cue lexicon, save those written lowercase inside known names
    ("chống" in "Phòng, chống thiên tai"); one that only ends a known name ("Cục Kinh
    tế - Quản lý đầu tư xây dựng") still ends unseen ones."""
    trie: Trie = {}
    for word in lexicon.column("agency_stops", "word"):
        _insert(trie, _keys(word), True)
    inside = _known_name_words()
    for row in lexicon.load("cues"):
        words = tuple(word for word in tokenise(row["phrase"]).words if word.isalpha())
        if row["kind"] in _VERB_CUES and not _holds(inside, words):
            _insert(trie, _keys(row["phrase"]), True)
    return trie


@cache
def _urging_trie() -> Trie:
    """Cues that open a task on their own ("Khẩn trương", "Phải"): written with a capital
    after a name, they end it ("Cục Hợp tác quốc tế Khẩn trương hoàn thành ...")."""
    trie: Trie = {}
    for row in lexicon.load("cues"):
        if row["kind"] in ("urge", "modal"):
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
    """Whether ``words`` run on inside one of ``phrases``, some word after them."""
    size = len(words)
    return any(
        phrase[k : k + size] == words for phrase in phrases for k in range(len(phrase) - size)
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


@lru_cache(maxsize=4096)  # the same unseen names recur on a page and across pages
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


def _has_capital(text: str) -> bool:
    return any(char.isupper() for char in text)


def _case_fits(name: str, mention: str) -> bool:
    """A name with a capital needs a capital in its mention ("chính phủ số" is no body)."""
    return _has_capital(mention) or not _has_capital(name)


def _is_capitalised_word(word: str) -> bool:
    return word.isalpha() and word[0].isupper()


def _is_name_word(word: str) -> bool:
    """A syllable of a person's name: capital first, lowercase after."""
    return _is_capitalised_word(word) and (len(word) == 1 or word[1:].islower())


def _with_place(i: int, body: Body, place: tuple[int, Place]) -> Candidate:
    """A body of one province or local unit ("Sở Y tế" + "tỉnh Gia Lai"); the place
    as written when its unit word is left out ("Cục Hải quan Hải Phòng"), save for the
    province's own councils and committees ("UBND Hà Nội" is "Ủy ban nhân dân thành
    phố Hà Nội")."""
    end, where = place
    bare = not where.with_kind and body.type != "province"
    name = f"{body.name} {where.proper if bare else where.full}"
    successor = None
    if body.successor or where.successor:
        written = (where.successor_proper if bare else where.successor) or where.full
        successor = f"{body.successor or body.name} {written}"
    return Candidate(i, end, name, body.type, successor)


@cache
def _unit_words() -> frozenset[str]:
    """Local unit words that may close a name without a place ("tỉnh", "huyện")."""
    units = {row["kind"].casefold() for row in lexicon.load("provinces")}
    units |= {row["head"] for row in lexicon.load("agency_patterns") if row["follow"] == "unit"}
    return frozenset(units)

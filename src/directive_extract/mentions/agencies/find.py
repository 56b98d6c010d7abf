"""Finding agency mentions: candidates of every kind, longest then leftmost wins."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import regex

from directive_extract import lexicon
from directive_extract.mentions.agencies.gazetteer import Candidate, _has_capital, fuzzy_body
from directive_extract.mentions.agencies.matcher import Matcher
from directive_extract.mentions.agencies.openings import _KIND_BITS, may_open
from directive_extract.mentions.agencies.tokens import expanded, prepare
from directive_extract.models import Agency
from directive_extract.read.normalise import canonical_form, plain_form


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
    stop = len(text) if end is None else end
    return [
        Agency(
            name=name,
            mention=text[start + first : start + last],
            start=start + first,
            end=start + last,
            type=kind,
            successor=successor,
        )
        for name, first, last, kind, successor in _found(text[start:stop])
    ]


_Found = tuple[str, int, int, str, str | None]  # name, start, end, type, successor


@lru_cache(maxsize=4096)  # boilerplate recurs across documents (bases, procedures, mottos)
def _found(span: str) -> tuple[_Found, ...]:
    """The mentions of one span, offsets into it (remembered).

    What the finder reads of a span is its tokens alone: runs of word characters and
    single other characters, matched with no lookaround, and the line breaks between
    them; so a span's mentions are those of the same text anywhere, shifted.  Kept as
    plain tuples, each caller gets agencies of its own.
    """
    tokens = prepare(span)
    if not may_open(tokens):
        return ()
    matcher = Matcher(tokens)
    found = []
    picked = select_spans(_candidates(matcher))
    for candidate in itertools.chain.from_iterable(c.parts or (c,) for c in picked):
        if not candidate.block:
            first = tokens.starts[candidate.start]
            last = tokens.ends[candidate.end - 1]
            name = candidate.name
            if candidate.type == "group":
                name = _listed_items().sub(", ", name)
            found.append((name, first, last, candidate.type, candidate.successor))
    return tuple(_unrestated(span, found))


#: What stands between a name and its abbreviation restated in brackets ("Tập đoàn Điện
#: lực Việt Nam (EVN)") and after it.
_OPENS_ASIDE = regex.compile(r"\s*+\(\s*+")
_CLOSES_ASIDE = regex.compile(r"\s*+\)")


def _unrestated(span: str, found: list[_Found]) -> list[_Found]:
    """The mentions with an abbreviation restated in brackets right after a name taken
    into it ("Tập đoàn Điện lực Việt Nam (EVN) yêu cầu ..."): one body named once, which
    the brackets no longer part from its verb.

    >>> [(f[0], f[2]) for f in _found("Tập đoàn Điện lực Việt Nam (EVN) yêu cầu")]
    [('Tập đoàn Điện lực Việt Nam', 32)]
    """
    kept: list[_Found] = []
    for mention in found:
        name, first, last = mention[:3]
        before = kept[-1] if kept else None
        closes = _CLOSES_ASIDE.match(span, last)
        if (
            before
            and before[0] == name
            and closes
            and _OPENS_ASIDE.fullmatch(span, before[2], first)
        ):
            kept[-1] = (before[0], before[1], closes.end(), *before[3:])
        else:
            kept.append(mention)
    return kept


@cache
def _listed_items() -> regex.Pattern:
    """Where a group's name joins two of its items, which it lists with a comma, as groups
    are written ("Ủy ban nhân dân các tỉnh, thành phố"): units named as alternatives
    ("các tỉnh/thành phố"), or an item its closing modifier ends (``last`` rows of
    ``agency_groups.tsv``: "liên quan") joined to the next by a conjunction ("các bộ,
    ngành liên quan và Ủy ban nhân dân các tỉnh")."""
    rows = lexicon.load("agency_groups")
    closing = "|".join(regex.escape(row["phrase"]) for row in rows if row["flag"] == "last")
    joining = "|".join(
        regex.escape(row["phrase"])
        for row in rows
        if row["role"] == "separator" and row["phrase"].isalpha()
    )
    return regex.compile(
        rf"(?<=\w)\s*+/\s*+(?=\w)|(?<=\b(?:{closing})) (?:{joining}) (?=\w)",
        regex.IGNORECASE,
    )


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

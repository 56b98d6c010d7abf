"""Local bodies named without their place take the place of an earlier mention."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

import regex

from directive_extract import lexicon
from directive_extract.lexicon import alternation
from directive_extract.mentions.agencies.find import canonical
from directive_extract.mentions.agencies.gazetteer import (
    _keys,
    _list_prefixes,
    _name_stop_trie,
    _place_trie,
    _unit_words,
)
from directive_extract.mentions.agencies.tokens import Tokens, Trie, _insert, _walk, tokenise
from directive_extract.models import Agency

#: What may stand right before a head word written alone as a subject.
_SUBJECT_OPENERS = frozenset(",.;:")


@cache
def _head_trie() -> Trie:
    """The head words of bare list items ("Bộ", "Tập đoàn"), by their token keys."""
    trie: Trie = {}
    for head in _list_prefixes():
        _insert(trie, _keys(head), head)
    return trie


@cache
def _bare_head() -> regex.Pattern:
    """A head word or a province's name in capitals before a lowercase word, where a bare
    subject may stand."""
    names = [*_list_prefixes(), *_province_spellings()]
    return regex.compile(rf"(?<!\w){alternation(names)}\s++\p{{Ll}}")


def bare_subjects(text: str, start: int, end: int) -> list[Agency]:
    """Head words written alone, in capitals, as the subject of a verb or a modal
    ("Đặc biệt, Tập đoàn cần khai thác ...", "Bộ phải tổ chức ..."): each stands for the
    body of that head the text named last, which :func:`resolve_references` gives it; a
    province's bare name before an obligation or an urging ("Hà Nội cần ...") stands for
    the province (ANNOTATION.md: its People's Committee), as "Tỉnh Quảng Ninh phải ..."
    does.

    >>> [(a.mention, a.name) for a in bare_subjects("Đặc biệt, Tập đoàn cần khai thác", 0, 32)]
    [('Tập đoàn', 'Tập đoàn')]
    >>> [(a.mention, a.name) for a in bare_subjects("Hà Nội cần đẩy nhanh tiến độ", 0, 28)]
    [('Hà Nội', 'thành phố Hà Nội')]
    >>> [bare_subjects(t, 0, len(t)) for t in ("Bộ tiêu chí được ban hành", "Bộ Xây dựng báo cáo")]
    [[], []]
    """
    if not _bare_head().search(text, start, end):  # most paragraphs hold none: no tokens
        return []
    tokens = tokenise(text, start, end)
    found: list[Agency] = []
    for i, word in enumerate(tokens.words):
        if not word[0].isupper() or (i and tokens.words[i - 1] not in _SUBJECT_OPENERS):
            continue
        heads = _walk(_head_trie(), tokens, i)
        after, head = heads[-1] if heads else (i, None)
        kind = "other"
        if head is None:  # "Hà Nội cần ...": a province obliged stands for its committee
            places = _walk(_place_trie(), tokens, i)
            after, place = places[-1] if places else (i, None)
            obliged = place is not None and place.province and _obliged_at(tokens, after)
            head, kind = (place.full, "province") if obliged else (None, kind)
        if head is not None and _verb_at(tokens, after):
            first, last = tokens.starts[i], tokens.ends[after - 1]
            found.append(
                Agency(name=head, mention=text[first:last], start=first, end=last, type=kind)
            )
    return found


def _words_trie(words: Iterable[str]) -> Trie:
    """``words`` by their token keys, for :func:`_walk`."""
    trie: Trie = {}
    for word in words:
        _insert(trie, _keys(word), True)
    return trie


@cache
def _obligation_trie() -> Trie:
    """The obligations and urgings of ``cues.tsv`` ("cần", "phải", "khẩn trương")."""
    rows = lexicon.load("cues")
    return _words_trie(row["phrase"] for row in rows if row["kind"] in ("modal", "urge"))


@cache
def _stative_trie() -> Trie:
    """What a place undergoes or has after an obligation (``agency_statives.tsv``)."""
    return _words_trie(lexicon.column("agency_statives", "word"))


def _obliged_at(tokens: Tokens, k: int) -> bool:
    """An obligation or an urging opens token ``k`` ("cần đẩy nhanh", "phải hoàn thành",
    "khẩn trương"), not one of what a body undergoes or has ("phải hứng chịu", "cần
    có"): what stands before it is the subject obliged."""
    found = _walk(_obligation_trie(), tokens, k)
    return bool(found) and not _walk(_stative_trie(), tokens, found[-1][0])


def _province_spellings() -> list[str]:
    """Every spelling of a province's proper name ("Hà Nội", "HCM")."""
    rows = lexicon.load("provinces")
    return [s for row in rows for s in [row["name"], *lexicon.split_variants(row["variants"])]]


def _places_bare(placed: str, bare: str) -> bool:
    """Whether ``placed`` is the body ``bare`` followed by a place name."""
    rest = placed[len(bare) + 1 :]
    return placed.casefold().startswith(f"{bare.casefold()} ") and rest[:1].isupper()


def resolve_references(mentions: list[Agency], home: str | None = None) -> list[Agency]:
    """``mentions`` with each local body named without its place ("Ủy ban nhân dân
    tỉnh") given the name of the nearest earlier mention of that body with one, else the
    place of the earlier local bodies of that unit when they all name one (the text's
    home: a provincial document's issuer, which ``home`` names when the header or the
    page's metadata says it: "Thành phố Hà Nội"); text and offsets unchanged, groups
    left alone.

    >>> from directive_extract.mentions.agencies import find_agencies
    >>> found = find_agencies("Giao UBND tỉnh Vĩnh Long chủ trì. UBND tỉnh báo cáo.")
    >>> [(a.mention, a.name) for a in resolve_references(found)]
    [('UBND tỉnh Vĩnh Long', 'Ủy ban nhân dân tỉnh Vĩnh Long'), \
('UBND tỉnh', 'Ủy ban nhân dân tỉnh Vĩnh Long')]
    >>> [a.name for a in resolve_references(find_agencies("Giao UBND tỉnh"), "Tỉnh Bắc Ninh")]
    ['Ủy ban nhân dân tỉnh Bắc Ninh']
    >>> found = find_agencies("HĐND thành phố Hà Nội quyết nghị. Giao UBND thành phố thực hiện.")
    >>> resolve_references(found)[-1].name
    'Ủy ban nhân dân thành phố Hà Nội'
    """
    resolved: list[Agency] = []
    homes: dict[str, set[str]] = {}  # unit word -> the places named with it so far
    if home:
        _remember_home(homes, f" {home}")
    for mention in mentions:
        if mention.type == "group":
            resolved.append(mention)
            continue
        if mention.name in _list_prefixes():  # a head word alone, from bare_subjects
            mention = _antecedent(mention, resolved)
            if mention is not None:
                resolved.append(mention)
            continue
        mention = _of_parent(mention, home, resolved)
        unit = _bare_unit(mention.name)
        if unit is None:
            _remember_home(homes, mention.name)
        else:
            places = homes.get(unit, set())
            mention = _placed(mention, resolved, next(iter(places)) if len(places) == 1 else None)
        resolved.append(mention)
    return resolved


def _verb_at(tokens: Tokens, k: int) -> bool:
    """A stop word or a verb, in lowercase, opens token ``k`` ("Bộ phải"; not "Bộ Xây
    dựng")."""
    return (
        k < len(tokens) and tokens.words[k].islower() and bool(_walk(_name_stop_trie(), tokens, k))
    )


@cache
def _head_kinds() -> dict[str, str]:
    """The kind of body most gazetteer names under each head word are ("Bộ": ministry,
    "Tập đoàn": enterprise): "Bộ" alone stands for a ministry, not for "Bộ Chính trị"."""
    kinds: dict[str, Counter[str]] = {head: Counter() for head in _list_prefixes()}
    for row in lexicon.load("agencies"):
        head = next((h for h in kinds if row["name"].startswith(f"{h} ")), None)
        if head is not None:
            kinds[head][row["type"]] += 1
    return {head: count.most_common(1)[0][0] for head, count in kinds.items() if count}


def _antecedent(mention: Agency, resolved: list[Agency]) -> Agency | None:
    """A head word standing alone for the body of that head named last ("Bộ" after "Bộ
    Nội vụ"); none when no such body was named."""
    head = f"{mention.name} "
    kind = _head_kinds().get(mention.name)
    earlier = next(
        (a for a in reversed(resolved) if a.type == kind and a.name.startswith(head)), None
    )
    if earlier is None:
        return None
    return mention.model_copy(
        update={"name": earlier.name, "type": earlier.type, "successor": earlier.successor}
    )


def _of_parent(mention: Agency, home: str | None, resolved: list[Agency]) -> Agency:
    """A unit named under a bare parent word ("Văn phòng Bộ", "Thanh tra Sở") is the
    unit of the text's own ministry or department: the issuer's when it is one ("Bộ Văn
    hóa, Thể thao và Du lịch"), else the one such body named before it."""
    head = next((h for h in _list_prefixes() if mention.name.endswith(f" {h}")), None)
    if head is None:
        return mention
    parents = {a.name for a in resolved if a.type != "group" and a.name.startswith(f"{head} ")}
    if home and home.startswith(f"{head} "):
        parents = {(canonical(home) or (home,))[0]}  # metadata may spell it its own way
    if len(parents) != 1:
        return mention
    return mention.model_copy(update={"name": f"{mention.name[: -len(head)]}{parents.pop()}"})


def _bare_unit(name: str) -> str | None:
    """The unit word a local body's name ends on without a place ("tỉnh"), else None."""
    folded = name.casefold()
    return next((unit for unit in _unit_words() if folded.endswith(f" {unit}")), None)


def _remember_home(homes: dict[str, set[str]], name: str) -> None:
    """Note the place of a named local body ("Hội đồng nhân dân thành phố Hà Nội")."""
    folded = name.casefold()
    for unit in _unit_words():
        at = folded.find(f" {unit} ")
        place = name[at + len(unit) + 2 :] if at >= 0 else ""
        if place[:1].isupper():
            homes.setdefault(unit, set()).add(place)


def _placed(mention: Agency, resolved: list[Agency], home: str | None) -> Agency:
    earlier = next(
        (a for a in reversed(resolved) if a.type != "group" and _places_bare(a.name, mention.name)),
        None,
    )
    if earlier:
        return mention.model_copy(update={"name": earlier.name, "successor": earlier.successor})
    if home:
        return mention.model_copy(update={"name": f"{mention.name} {home}"})
    return mention

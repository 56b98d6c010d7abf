"""The candidates of one prepared text: known bodies, places, name patterns and titles.

Lists and groups are rules of their own (:mod:`.lists`, :mod:`.groups`), mixed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import compress
from typing import Any

import regex

from directive_extract.mentions.agencies.gazetteer import (
    _LOWERCASE_NAME_TOKENS,
    _PERSON_TOKENS,
    _PLACE_NAME_TOKENS,
    _TOPIC_TOKENS,
    Body,
    Candidate,
    GroupWord,
    ListKind,
    Pattern,
    Place,
    Title,
    _bare_unit_trie,
    _body_trie,
    _case_fits,
    _compound_trie,
    _has_capital,
    _is_capitalised_word,
    _is_name_word,
    _joiners,
    _list_kind_of,
    _name_bigrams,
    _name_stop_trie,
    _numbered,
    _pattern_trie,
    _place_trie,
    _province_named,
    _stop_trie,
    _tail_trie,
    _title_trie,
    _urging_trie,
    _with_place,
    fuzzy_body,
)
from directive_extract.mentions.agencies.groups import GroupRules
from directive_extract.mentions.agencies.lists import ListRules
from directive_extract.mentions.agencies.openings import _KIND_BITS, _first_keys, _kinds_of
from directive_extract.mentions.agencies.tokens import Tokens, Trie, _end_of, _walk, expanded
from directive_extract.read.normalise import fold

#: A unit's number in its name: "khu vực 18", "khu vực XII".
_UNIT_NUMBER = regex.compile(r"[0-9]{1,3}|[IVXL]{1,6}")
#: What goes on after a document's number, never after a unit's ("số 125/BTC-NSNN").
_NUMBER_GOES_ON = frozenset("/-.")


@dataclass(slots=True)
class Matcher(ListRules, GroupRules):
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
        some = list(compress(range(len(self.kinds)), self.kinds))  # tokens of some kind
        found = [i for i in some if keys[i] in firsts]
        found += [i - 1 for i in some if i and self.kinds[i] & counted and keys[i - 1].isdigit()]
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
        """End of the proper name of a local unit at ``k`` ("A Lưới", "5"), on one line;
        a verb written in capitals after it opens no name ("Công an Thành phố Chỉ đạo
        ...", where a list item's verb kept its capital)."""
        words, start = self.tokens.words, k
        while k < len(words) and k - start < _PLACE_NAME_TOKENS:
            if not (_is_capitalised_word(words[k]) or words[k].isdigit()):
                break
            if self.line_break(k) or self._verb_in_capitals(k):
                break
            k += 1
        return k

    def _verb_in_capitals(self, k: int) -> bool:
        """A verb of two words or more, its first in capitals, starts at ``k`` ("Chỉ đạo"
        after "Công an Thành phố"); a one-word stop is a syllable of many place names
        ("Thuận Giao", "Giao Thủy") and ends none."""
        return any(end > k + 1 for end, _ in self.walk(_stop_trie(), k)) and self.stops(k)

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
        if self.opens_entry(k) or self.walk(_compound_trie(), k):  # "Tỉnh ủy", "xã hội"
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
            unit = self._unit_number_at(end)  # "Cục Hải quan" + "khu vực 5"
            if unit:
                name = f"{body.name} {expanded(self.tokens, end, unit)}"
                found.append(Candidate(i, unit, name, body.type))
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
        """The bodies named ``name`` of a group of local units at ``end`` ("các tỉnh");
        after a name that is no head of places, of the provinces listed there ("các
        tỉnh Gia Lai, Đắk Lắk"; "các tỉnh, thành phố: Gia Lai, Đắk Lắk"), one group
        named by its provinces' unit words and names."""
        determiner = self._group_word(end) if end < len(self.tokens) else None
        if not determiner or determiner[1].role != "determiner" or self.line_break(end):
            return None
        if not self.longest(_bare_unit_trie(), determiner[0]):
            return None
        group = next((c for c in self.group_at(end) if c.start == end), None)
        listed = None if self._place_head(i) else self._listed_places(end, determiner[0])
        if listed and (group is None or listed.end > group.end):
            return Candidate(i, listed.end, f"{name} {listed.name}", "group", generic=True)
        if group is None:
            return None
        text = f"{name} {expanded(self.tokens, end, group.end)}"
        return Candidate(i, group.end, text, "group", generic=True)

    def _listed_places(self, end: int, after: int) -> Candidate | None:
        """The provinces listed from the determiner at ``end`` (its words end at
        ``after``), named "các tỉnh Gia Lai, Đắk Lắk" ("UBND các tỉnh A, B" lists bodies
        instead)."""
        listed = max(self.list_at(end, []), key=lambda c: c.end, default=None)
        if listed is None or len(listed.parts) < 2:
            return None
        places = [_province_named(part.name) for part in listed.parts]
        if not all(places):
            return None
        units = ", ".join(dict.fromkeys(unit for unit, _ in places))
        names = ", ".join(proper for _, proper in places)
        text = f"{expanded(self.tokens, end, after)} {units} {names}"
        return Candidate(end, listed.end, text, "group")

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
        unit = self._unit_number_at(end)  # "Thuế" + "cơ sở 3" + "tỉnh Đồng Nai"
        if unit is not None:
            head = f"{pattern.head} {expanded(self.tokens, end, unit)}"
            pattern, end = replace(pattern, head=head, short_for=""), unit
            if not self.place_at(end):
                return Candidate(i, end, head, pattern.type)
        place = self.place_at(end)
        if pattern.short_for and not (place and place[1].province):
            return None  # a provincial body written short needs its province
        if not place:
            if pattern.option == "bare":
                return None
            owned = self._owned(i, end, pattern) if pattern.option == "owned" else None
            return owned or self._unplaced(i, end, pattern.head, pattern.type)
        body = Body(pattern.short_for or pattern.head, pattern.type)
        if pattern.option == "bare" and not pattern.short_for:
            stop, where = place
            successor = where.successor_proper and f"{pattern.head} {where.successor_proper}"
            return Candidate(i, stop, f"{pattern.head} {where.proper}", pattern.type, successor)
        candidate = _with_place(i, body, place)
        if place[1].province:
            candidate.items = ListKind(places=True, place_body=body)
        return candidate

    def _owned(self, i: int, end: int, pattern: Pattern) -> Candidate | None:
        """The head's own body of the one named right after it ("Ban Chỉ đạo 389" + "Bộ
        Tài chính"); a group is left to the group rules."""
        owner = max(self._body_after(end), key=lambda c: c.end, default=None)
        if owner is None or owner.start != end or owner.type == "group":
            return None
        return Candidate(i, owner.end, f"{pattern.head} {owner.name}", pattern.type)

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
            if _is_capitalised_word(word) and k > start and self.stops(k, _urging_trie()):
                break
            if _is_capitalised_word(word):
                k, lowercase = k + 1, 0
                continue
            if k == start:
                break
            if self._numbers(k):  # "khu vực 3": the unit's number ends its name
                return k + 1
            if self._joins(k) or (word == "," and self._bridges(k)):
                k += 1
                continue
            if not self._continues_name(k, lowercase):
                break
            k, lowercase = k + 1, lowercase + 1
        return k

    def _numbers(self, k: int) -> bool:
        """Token ``k`` is a unit's number after the words that number it ("số 1")."""
        return any(self._unit_number_at(k - len(words)) == k + 1 for words in _numbered())

    def _unit_number_at(self, k: int) -> int | None:
        """End of the words that number a unit and its number, from token ``k`` ("khu vực
        5"), if they stand there; a number that goes on is a document's ("số 125/BTC")."""
        words, keys = self.tokens.words, self.tokens.keys
        for numbering in _numbered():
            at = k + len(numbering)
            number = words[at] if k >= 0 and at < len(words) else ""
            goes_on = at + 1 < len(words) and words[at + 1] in _NUMBER_GOES_ON
            if _UNIT_NUMBER.fullmatch(number) and not goes_on and tuple(keys[k:at]) == numbering:
                return at + 1
        return None

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

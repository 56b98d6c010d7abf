"""Lists of bodies that share a head or a place."""

from __future__ import annotations

from dataclasses import dataclass, replace

from directive_extract.mentions.agencies.gazetteer import (
    Body,
    Candidate,
    ListKind,
    Pattern,
    Place,
    _case_fits,
    _has_capital,
    _list_trie,
    _place_head_trie,
    _prefix_node,
    _province_only_units,
    _title_trie,
    _with_place,
)
from directive_extract.mentions.agencies.tokens import _walk, expanded


@dataclass(frozen=True, slots=True)
class _PlaceItem:
    """A head of a place in a list: where its item starts (a determiner), where its head
    starts, where it ends and the place written after it (None: it takes the next)."""

    start: int
    head: int
    end: int
    pattern: Pattern
    place: Place | None


class ListRules:
    """Lists of bodies under one head: "UBND các huyện: A, B", "HĐND, UBND tỉnh X".

    Mixed into :class:`Matcher`, whose state and walks these rules use.
    """

    __slots__ = ()

    # heads sharing one place

    def shared_place_at(self, i: int) -> list[Candidate]:
        """Heads of a place joined before one place ("HĐND, UBND tỉnh Gia Lai";
        "Thường trực HĐND, các Ban của HĐND tỉnh"): one body each, a head written without
        its place taking the next place written; a determiner before a head is its
        part's ("các Ban"), so the list reads as one chain."""
        items = self._place_list(i)
        while items and items[-1].place is None:
            items.pop()  # heads after the last place are not the list's
        shares = any(item.place is None for item in items)
        plural = any(item.start < item.head for item in items)
        if len(items) < 2 or not (shares or plural):
            return []
        parts, where = [], None
        for item in reversed(items):
            where = item.place or where
            part = _with_place(item.start, Body(item.pattern.head, item.pattern.type), (0, where))
            parts.append(replace(part, end=item.end))
        parts.reverse()
        return [Candidate(i, parts[-1].end, parts[0].name, parts[0].type, parts=tuple(parts))]

    def _place_list(self, i: int) -> list[_PlaceItem]:
        """The heads of a place from ``i`` joined by separators, a determiner before
        each but the first allowed, and the place written after each (if any)."""
        items: list[_PlaceItem] = []
        start, k = i, i
        while (head := self._place_head(k)) is not None:
            end, place = head[0], self.place_at(head[0])
            unit = None if place else self.bare_unit_at(end)
            where = place[1] if place else None
            if place:
                end = place[0]
            elif unit is not None:
                end, where = unit, self._bare_place(end, unit)
            items.append(_PlaceItem(start, k, end, head[1], where))
            separator = self._list_word(end)
            if not separator or separator[1] != "separator":
                break
            start = k = separator[0]
            word = self._group_word(k) if k < len(self.tokens) else None
            if word and word[1].role == "determiner" and word[1].drop:
                k = word[0]
        return items

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

"""Generic groups of bodies, read by a small grammar of group words."""

from __future__ import annotations

from dataclasses import dataclass, field

from directive_extract.mentions.agencies.gazetteer import (
    Candidate,
    GroupWord,
    _compound_bigrams,
    _group_trie,
    _list_prefixes,
)
from directive_extract.mentions.agencies.openings import (
    _determiner_firsts,
    _local_unit_keys,
    _separator_firsts,
)
from directive_extract.mentions.agencies.tokens import _end_of, _folded, expanded


class GroupRules:
    """Generic groups of bodies ("các bộ, ngành, địa phương") read by a small grammar of
    group words.

    Mixed into :class:`Matcher`, whose state and walks these rules use.
    """

    __slots__ = ()

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
            owned = self._owned_by(parse, k)
            if owned:
                k = owned
                break
            if parse.previous and (self._names_body(k) or self.place_at(k)):
                k = self._of_place(parse, k)
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

    def _of_place(self, parse: _GroupParse, k: int) -> int:
        """A province named with its kind right after the group's unit or modifier is
        whose bodies they are ("các sở, ngành" + "thành phố Hà Nội"): a modifier."""
        place = self.place_at(k)
        if place is None or not (place[1].province and place[1].with_kind):
            return k
        if parse.previous in ("unit", "modifier"):
            parse.words.append((k, place[0], _PLACE_WORD, "modifier"))
            return place[0]
        return k

    def _owned_by(self, parse: _GroupParse, k: int) -> int | None:
        """After an owner word, a body named at ``k`` is whose the group's bodies are
        ("các đơn vị thuộc" + "Bộ Tài chính", "các cơ quan chuyên môn thuộc" + "Ủy ban
        nhân dân tỉnh"), and so is a bare parent word ("Bộ"): a modifier; its end."""
        if not parse.words or not parse.words[-1][2].owner:
            return None
        named = [c for c in self.base_at(k) + self.shared_place_at(k) if not c.block]
        owner = max((c.end for c in named), default=None)
        if owner is None and self.tokens.span_text(k, k + 1) in _list_prefixes():
            owner = k + 1
        if owner is None:
            return None
        parse.words.append((k, owner, _PLACE_WORD, "modifier"))
        return owner

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


_PLACE_WORD = GroupWord("modifier", drop=False)
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
        if self.words and self.words[-1][2].last and role != "separator":
            return False  # "các bộ liên quan" + "chuyển đổi số": the item has ended
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

"""Cue words of directives (``data/cues.tsv``) found in a span of text.

A cue is a phrase with one or more kinds (command, modal, action, past, ...); the
kinds and what they mean are documented in the data file.  Phrases are matched whole
word by whole word, case-insensitively, the longest phrase first at each word and
without overlaps, through a table keyed by each phrase's first word: one dictionary
look-up per word of text, however many phrases the lexicon holds.  The words of a text
are split once (the roles ask about each clause and about windows inside it).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

import regex

from directive_extract import lexicon

_WORD = regex.compile(r"\w++")
_WORD_SPLIT = regex.compile(r"(\w++)")


@dataclass(slots=True, unsafe_hash=True)
class Cue:
    """One cue found: never changed once made.  Not frozen: cues are made by the
    hundred thousand, and a frozen dataclass sets each field through
    ``object.__setattr__`` (hashed on its fields all the same)."""

    start: int
    end: int
    phrase: str
    kinds: frozenset[str]

    def is_(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    joints: tuple[str, ...]  # what stands between consecutive words (" ", ", ")
    text: str
    kinds: frozenset[str]


def _split(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    spans = [(m.start(), m.end()) for m in _WORD.finditer(phrase)]
    words = tuple(phrase[a:b] for a, b in spans)
    joints = tuple(phrase[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1))
    return words, joints


@cache
def _table() -> dict[str, tuple[_Phrase, ...]]:
    """Phrases by their first word, longest first."""
    kinds: dict[str, set[str]] = {}
    for row in lexicon.load("cues"):
        kinds.setdefault(row["phrase"].casefold(), set()).add(row["kind"])
    by_first: dict[str, list[_Phrase]] = {}
    for phrase, found in kinds.items():
        words, joints = _split(phrase)
        if words:
            by_first.setdefault(words[0], []).append(
                _Phrase(words, joints, phrase, frozenset(found))
            )
    return {
        first: tuple(sorted(phrases, key=lambda p: len(p.words), reverse=True))
        for first, phrases in by_first.items()
    }


def _matches(phrase: _Phrase, words: list[tuple[int, int, str]], i: int, text: str) -> bool:
    if i + len(phrase.words) > len(words):
        return False
    for k, expected in enumerate(phrase.words[1:], 1):
        start, _, word = words[i + k]
        if word != expected or text[words[i + k - 1][1] : start] != phrase.joints[k - 1]:
            return False
    return True


def _longest(
    phrases: tuple[_Phrase, ...], words: list[tuple[int, int, str]], i: int, text: str
) -> _Phrase | None:
    """The longest of ``phrases`` (those of word ``i``, longest first) that matches there.
    The next word is compared first: it rules out most longer phrases at once."""
    second = words[i + 1][2] if i + 1 < len(words) else None
    for phrase in phrases:
        if len(phrase.words) == 1:
            return phrase
        if phrase.words[1] == second and _matches(phrase, words, i, text):
            return phrase
    return None


#: A document's number right after a word makes the word the document's kind, not a cue:
#: "Chỉ thị 215/CT-TCHQ", "Kết luận số 77-KL/TW"; a basis cites one.
_DOCUMENT_NUMBER = regex.compile(r"\s++(?:số\s++)?\d++[/-]\w")


@lru_cache(maxsize=4)
def _text_words(text: str) -> tuple[list[int], list[int], list[str]]:
    """Where every word of ``text`` starts and ends, and the word casefolded.

    Built without a match object per word: split at its words, the text alternates
    between what lies between words and the words, so the running sum of the parts'
    lengths gives where each word starts and ends.  The words are casefolded in one
    call (casefolding goes character by character, and no word holds the NUL that
    joins them).  Three flat lists of numbers and strings, not a tuple per word: the
    garbage collector does not track them, and a page holds thousands of words.
    """
    parts = _WORD_SPLIT.split(text)  # between, word, between, ..., word, between
    edges = list(accumulate(map(len, parts)))
    folded = "\0".join(parts[1::2]).casefold().split("\0") if len(parts) > 1 else []
    return edges[0:-1:2], edges[1::2], folded


def _words(text: str, start: int, stop: int, most: int | None = None) -> list[tuple[int, int, str]]:
    """The words of ``text[start:stop]`` as a scan of the span alone reads them: the
    text's own, and where an edge cuts a word, its part inside the span; only the first
    ``most`` of them when given (a word cut by the span's end is then among them only
    if it is one of the first ``most``)."""
    if start >= stop:
        return []
    starts, ends, folded = _text_words(text)
    low, high = bisect_left(starts, start), bisect_left(starts, stop)
    if low > 0 and ends[low - 1] > start:  # the span starts inside a word
        low -= 1
    if most is not None:
        high = min(high, low + most)
    found = list(zip(starts[low:high], ends[low:high], folded[low:high], strict=True))
    if found:
        found[0] = _clipped(text, found[0], start, stop)
        found[-1] = _clipped(text, found[-1], start, stop)
    return found


def _clipped(text: str, word: tuple[int, int, str], start: int, stop: int) -> tuple[int, int, str]:
    """The part of a word inside ``text[start:stop]``."""
    if start <= word[0] and word[1] <= stop:  # most words lie inside the span
        return word
    first, last = max(word[0], start), min(word[1], stop)
    return first, last, text[first:last].casefold()


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Cues in ``text[start:end]``, longest phrase first at each place, in text order.

    >>> [(c.phrase, sorted(c.kinds)) for c in find_cues("Bộ A chủ trì, phối hợp với Bộ B")]
    [('chủ trì', ['lead_after']), ('phối hợp với', ['joint', 'support'])]
    >>> [c.phrase for c in find_cues("Giao dịch tăng; giao Bộ Y tế")]
    ['giao dịch', 'giao']
    >>> [(c.phrase, sorted(c.kinds)) for c in find_cues("Chỉ thị 215/CT-TCHQ yêu cầu")]
    [('chỉ thị', ['document']), ('yêu cầu', ['command'])]
    >>> [c.phrase for c in find_cues("Chủ tịch Nguyễn Văn Được giao Sở Xây dựng")]
    ['giao']
    """
    stop = len(text) if end is None else end
    words = _words(text, start, stop)
    table = _table()
    found: list[Cue] = []
    reach = 0  # the word after the last phrase read: words inside a phrase start none
    for i in [k for k, word in enumerate(words) if word[2] in table]:  # most words start none
        if i < reach:
            continue
        cue, after = _phrase_at(table[words[i][2]], words, i, text)
        capital = cue is not None and i and text[words[i][0]].isupper()
        if capital and not cue.is_("word", "document") and _in_name(text, words[i - 1], words[i]):
            continue  # a name's word is no cue; a compound or a document's kind still holds
        reach = after
        if cue is not None:
            found.append(cue)
    return found


def _in_name(text: str, before: tuple[int, int, str], word: tuple[int, int, str]) -> bool:
    """``word`` is capitalised right after a capitalised word, as a proper name's words
    are ("Nguyễn Văn Được giao ...": a person named Được; "Ban Chỉ đạo"): no cue, in a
    sentence; a heading in capitals is read as words."""
    first, second = text[before[0] : before[1]], text[word[0] : word[1]]
    titled = all(w[:1].isupper() and not w.isupper() for w in (first, second))
    return titled and text[before[1] : word[0]] == " "


def cue_at(text: str, start: int, end: int) -> Cue | None:
    """The cue of ``text[start:end]`` that starts right at ``start``: the first of
    ``find_cues(text, start, end)`` when it starts there, read from the first word only.

    >>> cue_at("Đồng thời, Bộ Y tế chủ trì", 0, 20).phrase
    'đồng thời'
    >>> cue_at("Bộ Y tế chủ trì", 0, 15) is None
    True
    """
    first = _first_word(text, start, end)
    if first is None or first[0] != start:
        return None
    phrases = _table().get(first[2])
    if phrases is None:
        return None
    # the longest phrase of the first word reads no further than its own words
    words = _words(text, start, end, len(phrases[0].words))
    return _phrase_at(phrases, words, 0, text)[0]


def _first_word(text: str, start: int, stop: int) -> tuple[int, int, str] | None:
    """The first of ``_words(text, start, stop)``, found without the others (most places
    asked open no cue, and then the others are not read)."""
    if start >= stop:
        return None
    starts, ends, folded = _text_words(text)
    low = bisect_left(starts, start)
    if low > 0 and ends[low - 1] > start:  # the span starts inside a word
        low -= 1
    if low == len(starts) or starts[low] >= stop:
        return None
    return _clipped(text, (starts[low], ends[low], folded[low]), start, stop)


def _phrase_at(
    phrases: tuple[_Phrase, ...], words: list[tuple[int, int, str]], i: int, text: str
) -> tuple[Cue | None, int]:
    """The cue of the longest of ``phrases`` (those of word ``i``) that matches there, and
    the word after it; no cue when none matches (then the next word).  Before a document's
    number a phrase names the document: a document word ("Chỉ thị 215/CT-TCHQ") is then a
    cue of kind document only, a basis keeps its kinds, and any other phrase is no cue."""
    phrase = _longest(phrases, words, i, text)
    if phrase is None:
        return None, i + 1
    last = i + len(phrase.words) - 1
    kinds = phrase.kinds
    if "basis" not in kinds and _DOCUMENT_NUMBER.match(text, words[last][1]):
        if "document" not in kinds:  # "Xét Tờ trình số 421/TTr-UBND" keeps its basis
            return None, last + 1
        kinds = frozenset({"document"})  # "Chỉ thị 215/CT-TCHQ" asks nothing itself
    return Cue(words[i][0], words[last][1], phrase.text, kinds), last + 1


#: Most words between a recent past and the document it tells of ("vừa ký ban hành").
_ISSUING_WORDS = 3


def issued_command(text: str, content: Sequence[Cue], verb: Cue) -> Cue | None:
    """The command of a document whose issuing the clause's recent past tells: "vừa ký"
    + "Công điện số ..." + "yêu cầu", or the command the recent past tells itself ("Thủ
    tướng vừa yêu cầu ..."); None when the past is not of a document just issued."""
    if not verb.is_("recent"):
        return None
    after = [cue for cue in content if cue.start >= verb.end]
    if after and after[0].is_("command") and not text[verb.end : after[0].start].strip():
        return after[0]
    document = next((cue for cue in after if cue.is_("document")), None)
    if document is None or len(text[verb.end : document.start].split()) > _ISSUING_WORDS:
        return None
    return next((cue for cue in after if cue.start > document.start and cue.is_("command")), None)

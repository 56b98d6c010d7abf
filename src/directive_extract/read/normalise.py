"""Turning raw text into the one canonical form that every offset indexes.

The canonical form is Unicode NFC, tone marks placed in the traditional convention
that the Government's own documents use ("hòa", "khỏe", "ủy", never "hoà", "khoẻ",
"uỷ"), single spaces and at most one blank line; it is ``Document.text``.  The rules
read its *plain form*, the same text with typographic quotes and dashes in ASCII:
one character for one, so offsets hold in both.  The original text stays
recoverable: ``normalise`` maps every canonical character back to where it came from.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import regex

#: Combining marks of the five Vietnamese tones (huyền, sắc, ngã, hỏi, nặng).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: The one letter a case-blind pattern matches to a Vietnamese letter ("İ" to "i") that
#: casefolding does not turn into it ("i" and a combining dot): a text holding it is
#: searched by the patterns themselves, not looked into casefolded.
FOLDS_APART = "\u0130"

#: White space of every kind, one for one, to a space or a line break.
_SPACES = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u3000": " ",
        "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n",
    }
)  # fmt: skip

#: Typographic quotes and dashes, one for one, to their ASCII forms.  Document.text
#: keeps them as written (gold keys are verbatim); the rules read the plain form.
_MARKS = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
        "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-",
        "\u2011": "-",
    }
)  # fmt: skip

_COMBINING_RUN = regex.compile(r"\P{M}?+\p{M}++")
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]++")
_CRLF = regex.compile(r"\r\n")
_SPACE_RUN = regex.compile(r" {2,}+")
_LINE_EDGE_SPACE = regex.compile(r" ++(?=\n)|(?<=\n) ++")
_BLANK_RUN = regex.compile(r"\n{3,}+")


Rewrite = Callable[[regex.Match], str]


def _rewrite(
    text: str, origin: list[int], pattern: regex.Pattern, replace: Rewrite | str
) -> tuple[str, list[int]]:
    """Apply ``pattern.sub`` while carrying each character's origin along.

    Kept characters keep their origin; inserted ones take the origin of the
    match they replace.
    """
    out: list[str] = []
    out_origin: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        new = replace if isinstance(replace, str) else replace(match)
        if new == match.group():
            continue
        out.append(text[last : match.start()])
        out_origin.extend(origin[last : match.start()])
        out.append(new)
        anchor = origin[match.start()] if match.start() < len(origin) else 0
        out_origin.extend([anchor] * len(new))
        last = match.end()
    if last == 0 and not out:
        return text, origin
    out.append(text[last:])
    out_origin.extend(origin[last:])
    return "".join(out), out_origin


def _compose(match: regex.Match) -> str:
    return unicodedata.normalize("NFC", match.group())


def _tone_pair(match: regex.Match) -> str:
    """Move the tone of an open "oa", "oe" or "uy" from its second vowel to its first."""
    first, second = match.group()
    decomposed = unicodedata.normalize("NFD", second)
    tone = "".join(char for char in decomposed if char in TONE_MARKS)
    rest = "".join(char for char in decomposed if char not in TONE_MARKS)
    return unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", rest)


def _toned(bases: str) -> str:
    """The five toned forms of each vowel in ``bases``, upper and lower case."""
    return "".join(
        unicodedata.normalize("NFC", base + tone)
        for base in bases + bases.upper()
        for tone in sorted(TONE_MARKS)
    )


#: An open syllable ending in "oa", "oe" or "uy" (not "quy") toned on its last vowel:
#: the new convention ("hoà", "khoẻ", "thuỷ"); the traditional one, which the
#: Government's documents use, tones the first ("hòa", "khỏe", "thủy").
_TONE_ON_SECOND = regex.compile(
    rf"(?:[oO][{_toned('ae')}]|(?<![qQ])[uU][{_toned('y')}])(?!\p{{L}})"
)


def _one_for_one(table: dict[int, str]) -> tuple[regex.Pattern, Rewrite]:
    """A pattern and replacement that apply a one-for-one character table."""
    pattern = regex.compile("[" + regex.escape("".join(map(chr, table))) + "]")
    return pattern, lambda match: table[ord(match.group())]


_SPACE_CHARACTERS = _one_for_one(_SPACES)
_MARK_CHARACTERS = _one_for_one(_MARKS)


#: The steps from raw to canonical text, in order; each keeps or replaces characters.
_STEPS: tuple[tuple[regex.Pattern, Rewrite | str], ...] = (
    (_INVISIBLE, ""),  # first: a soft hyphen between a letter and its tone mark
    (_CRLF, "\n"),
    (_COMBINING_RUN, _compose),
    _SPACE_CHARACTERS,
    (_TONE_ON_SECOND, _tone_pair),
    (_SPACE_RUN, " "),
    (_LINE_EDGE_SPACE, ""),
    (_BLANK_RUN, "\n\n"),
)


def place_tone(word: str) -> str:
    """Move the tone of an open ``oa``/``oe``/``uy`` syllable onto its first vowel.

    >>> [place_tone(w) for w in ["hoà", "Khoẻ", "uỷ", "Uỷ", "quý", "hoàn", "thuỷ"]]
    ['hòa', 'Khỏe', 'ủy', 'Ủy', 'quý', 'hoàn', 'thủy']
    """
    return _TONE_ON_SECOND.sub(_tone_pair, word)


def canonical_form(text: str) -> str:
    r"""The canonical form of ``text``: what every offset of a Document indexes.

    >>> canonical_form("Uỷ ban\u00a0 nhân dân\r\n\r\n\r\ntỉnh  Hoà Bình")
    'Ủy ban nhân dân\n\ntỉnh Hòa Bình'
    """
    for pattern, replace in _steps(text):
        if _may_match(pattern, text):
            text = pattern.sub(replace, text)
    return text.strip()


#: Text every match of a step holds: a step whose text is absent changes nothing and
#: is not run (a text read from a file is mostly canonical already).
_HINTS = {
    _CRLF: ("\r\n",),
    _SPACE_RUN: ("  ",),
    _LINE_EDGE_SPACE: (" \n", "\n "),
    _BLANK_RUN: ("\n\n\n",),
}


def _may_match(pattern: regex.Pattern, text: str) -> bool:
    hints = _HINTS.get(pattern)
    return hints is None or any(hint in text for hint in hints)


def plain_form(text: str) -> str:
    """``text`` with typographic quotes and dashes in ASCII: what the rules read.

    Same length as ``text``, so every offset holds in both.

    >>> plain_form("“5 không” – 45–55%")
    '"5 không" - 45-55%'
    """
    pattern, replace = _MARK_CHARACTERS
    return pattern.sub(replace, text)


def _steps(text: str) -> tuple[tuple[regex.Pattern, Rewrite | str], ...]:
    """The steps ``text`` needs: composing is skipped when it is already NFC."""
    composed = unicodedata.is_normalized("NFC", _INVISIBLE.sub("", text))
    return tuple(step for step in _STEPS if not (composed and step[0] is _COMBINING_RUN))


def _origin_map(original: str) -> tuple[str, list[int]]:
    """The canonical text with, for each of its characters, where it came from."""
    text, origin = original, list(range(len(original)))
    for pattern, replace in _steps(text):
        text, origin = _rewrite(text, origin, pattern, replace)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    return stripped, origin[lead : lead + len(stripped)]


@dataclass(frozen=True)
class Normalised:
    """Canonical text with the way back to the original.

    The map from canonical to original characters costs memory in proportion to the
    text, so it is made only when first asked for.
    """

    text: str
    original: str

    @cached_property
    def origin(self) -> tuple[int, ...]:
        """``origin[i]`` is the index in ``original`` of ``text[i]``."""
        return tuple(_origin_map(self.original)[1])

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``text[start:end]`` came from."""
        origin = self.origin
        if start >= end:
            position = origin[start] if start < len(origin) else len(self.original)
            return position, position
        return origin[start], origin[end - 1] + 1


def normalise(original: str) -> Normalised:
    """The canonical form of ``original``, able to map its offsets back."""
    return Normalised(canonical_form(original), original)


def fold(text: str) -> str:
    """Case and tone marks folded away, for lenient comparison of names and keys.

    >>> fold("Ủy ban Nhân  dân") == fold("uỷ ban nhân dân") == "uy ban nhân dân"
    True
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    kept = "".join(char for char in decomposed if char not in TONE_MARKS)
    return " ".join(unicodedata.normalize("NFC", kept).split())

"""Turning raw text into the one canonical form that every offset indexes.

The canonical form is Unicode NFC, tone marks placed in the traditional convention
that the Government's own documents use ("hòa", "khỏe", "ủy", never "hoà", "khoẻ",
"uỷ"), straight quotes, ASCII hyphens for dashes, single spaces and at most one
blank line.  Every step keeps a map from each output character to the input
character it came from, so the original text stays recoverable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import regex

#: Combining marks of the five Vietnamese tones (huyền, sắc, ngã, hỏi, nặng).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

#: Vowel pairs that end an open syllable and carry the tone on their first vowel in
#: the traditional convention (hòa, khỏe, thủy); the new one puts it on the second.
_OPEN_PAIRS = frozenset({("o", "a"), ("o", "e"), ("u", "y")})

_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\t": " ",
        "\u3000": " ",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\r": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
    }
)

_COMBINING_RUN = regex.compile(r"\P{M}?+\p{M}++")
_WORD = regex.compile(r"\p{L}++")
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]++")
_CRLF = regex.compile(r"\r\n")
_SPACE_RUN = regex.compile(r" {2,}+")
_LINE_EDGE_SPACE = regex.compile(r" ++(?=\n)|(?<=\n) ++")
_BLANK_RUN = regex.compile(r"\n{3,}+")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Canonical text with the way back to the original."""

    text: str
    original: str
    origin: tuple[int, ...]  # origin[i] is the index in ``original`` of text[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``text[start:end]`` came from."""
        if start >= end:
            position = self.origin[start] if start < len(self.origin) else len(self.original)
            return position, position
        return self.origin[start], self.origin[end - 1] + 1


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


def _split_tones(word: str) -> list[tuple[str, str]]:
    """A word as (letter with its non-tone marks, tone mark or '') pairs."""
    letters: list[tuple[str, str]] = []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char) and letters:
            base, tone = letters[-1]
            letters[-1] = (base, char) if char in TONE_MARKS else (base + char, tone)
        else:
            letters.append((char, ""))
    return letters


def place_tone(word: str) -> str:
    """Move the tone of an open ``oa``/``oe``/``uy`` syllable onto its first vowel.

    >>> [place_tone(w) for w in ["hoà", "Khoẻ", "uỷ", "Uỷ", "quý", "hoàn", "thuỷ"]]
    ['hòa', 'Khỏe', 'ủy', 'Ủy', 'quý', 'hoàn', 'thủy']
    """
    if len(word) < 2 or word[-1].lower() not in "aàáảãạeèéẻẽẹyỳýỷỹỵ":
        return word
    letters = _split_tones(word)
    if len(letters) < 2:
        return word
    (first, first_tone), (second, second_tone) = letters[-2], letters[-1]
    pair = (first.lower(), second.lower())
    after_q = len(letters) > 2 and letters[-3][0].lower() == "q"
    if pair not in _OPEN_PAIRS or not second_tone or first_tone or after_q:
        return word
    letters[-2], letters[-1] = (first, second_tone), (second, "")
    return unicodedata.normalize("NFC", "".join(base + tone for base, tone in letters))


def _compose(match: regex.Match) -> str:
    return unicodedata.normalize("NFC", match.group())


def _tone_convention(match: regex.Match) -> str:
    return place_tone(match.group())


def normalise(original: str) -> Normalised:
    r"""The canonical form of ``original`` with its origin map.

    >>> normalise("Uỷ ban\u00a0 nhân dân\r\n\r\n\r\ntỉnh  Hoà Bình").text
    'Ủy ban nhân dân\n\ntỉnh Hòa Bình'
    """
    text, origin = original, list(range(len(original)))
    text, origin = _rewrite(text, origin, _CRLF, "\n")
    if not unicodedata.is_normalized("NFC", text):
        text, origin = _rewrite(text, origin, _COMBINING_RUN, _compose)
    text, origin = _rewrite(text, origin, _INVISIBLE, "")
    text = text.translate(_SAME_LENGTH)
    text, origin = _rewrite(text, origin, _WORD, _tone_convention)
    text, origin = _rewrite(text, origin, _SPACE_RUN, " ")
    text, origin = _rewrite(text, origin, _LINE_EDGE_SPACE, "")
    text, origin = _rewrite(text, origin, _BLANK_RUN, "\n\n")
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    origin = origin[lead : lead + len(stripped)]
    return Normalised(stripped, original, tuple(origin))


def canonical_form(text: str) -> str:
    """Only the canonical text, for lexicon cells and user queries."""
    return normalise(text).text


def fold(text: str) -> str:
    """Case and tone marks folded away, for lenient comparison of names and keys.

    >>> fold("Ủy ban Nhân  dân") == fold("uỷ ban nhân dân") == "uy ban nhân dân"
    True
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    kept = "".join(char for char in decomposed if char not in TONE_MARKS)
    return " ".join(unicodedata.normalize("NFC", kept).split())

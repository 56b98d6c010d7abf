"""Shapes: the named forms the words of ``document_structure.tsv`` and ``page_chrome.tsv``
are set in.

The data keeps words ("Chương", "Tin khác", "Thứ hai, ngày … tháng … năm …"); each row
names its shape, and the shape says where the words sit and what fills their slots: a
list marker's numeral and dot, a number, a date's parts, any text.  As the time rules of
:mod:`directive_extract.mentions.times.rules`, every shape has a name; as spaCy's
``Matcher`` patterns, the words stay data.

A ``…`` in a row's words is a slot its shape fills, one pattern per slot in order; every
other character of the words is literal, spaces included (but for a shape that ``trims``:
its slots bring their own spaces).  Where a kind's match must stand (anywhere in a
heading, the whole line, the start of a paragraph) is the kind's, said by the stage that
reads it.  Every pattern here is linear-time: possessive or bounded repetition, or a
lazy one bounded by a literal (``tests/test_lexicon.py`` runs each on long adversarial
text under a timeout).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

#: The slot mark in a row's words.
SLOT = "…"

_MARKER = ("marker",)
_CHROME = ("line", "zone")
_NUMBER_OF_PAGES = r"\d{1,4}+(?:/\d{1,4}+)?"  # "3", "3/12"
_LEAD = r".{0,300}?"  # the text of a line before its caption
#: A name credited: no full stop but between initials ("Ảnh: T.H", "Ảnh: Q.Hùng"); the
#: capital after it is asked as written, whatever case the row's pattern ignores.
_CREDITED = r"(?:[^.\n]|\.(?=(?-i:\p{Lu}))){1,40}+"
# "»" reads as '"' in the plain form the lexicon and the rules share.
_PATH_SEPARATOR = r'[>"/|]'
_BREADCRUMB = r'[^>"|\n]{1,40}?(?: [>"] [^>"|\n]{1,60}?)+'


@dataclass(frozen=True, slots=True)
class Shape:
    """A named form: the pattern before and after a row's words, the patterns of its
    slots, and a sample of what it matches (``sample`` with ``{}`` for the words and
    ``fills`` for the slots) that the tests read."""

    name: str
    kinds: tuple[str, ...]
    before: str = ""  # for a shape without words, its whole pattern
    after: str = ""
    slots: tuple[str, ...] = ()
    words: bool = True
    trims: bool = False  # the spaces around a "…" are the slot's: "để … biết" is "để biết" too
    sample: str = "{}"
    fills: tuple[str, ...] = ()

    def piece(self, words: str) -> str:
        """The pattern of one row's words, its slots filled."""
        parts = words.split(SLOT)
        if self.trims:
            parts = [part.strip() for part in parts]
        pattern = regex.escape(parts[0])
        for slot, part in zip(self.slots, parts[1:], strict=True):
            pattern += slot + regex.escape(part)
        return pattern

    def pattern(self, words: Sequence[str]) -> str:
        """The pattern of rows of this shape: any of their words, in the order given."""
        if not self.words:
            return self.before + self.after
        return self.before + "(?:" + "|".join(self.piece(w) for w in words) + ")" + self.after

    def misfit(self, words: str) -> str | None:
        """What is wrong with ``words`` for this shape, None when they fit."""
        if not self.words:
            return "takes no words" if words else None
        if not words:
            return "needs words"
        if words.count(SLOT) != len(self.slots):
            return f"needs {len(self.slots)} '{SLOT}' in its words"
        return None

    def example(self, words: str) -> str:
        """A text of this shape with ``words``: the sample, its slots filled."""
        parts = words.split(SLOT)
        if self.trims:
            parts = [part.strip() for part in parts]
        text = parts[0] + "".join(f + p for f, p in zip(self.fills, parts[1:], strict=True))
        return self.sample.format(text)


def _shapes(*shapes: Shape) -> dict[str, Shape]:
    return {shape.name: shape for shape in shapes}


SHAPES = _shapes(
    # --- list markers, matched at the start of a paragraph (case-sensitive)
    Shape("numbered_heading", _MARKER, after=r" [IVXLC\d]++\.?", sample="{} II"),
    Shape("article", _MARKER, after=r" \d++\.", sample="{} 5."),
    Shape("roman_dot", _MARKER, before=r"[IVXLC]++\.", words=False, sample="IV."),
    Shape("decimal_3", _MARKER, before=r"\d++\.\d++\.\d++\.?", words=False, sample="1.2.3."),
    Shape("decimal_2", _MARKER, before=r"\d++\.\d++\.?", words=False, sample="1.2"),
    Shape("arabic", _MARKER, before=r"\d++[.)]", words=False, sample="12)"),
    Shape("arabic_in_parens", _MARKER, before=r"\(\d{1,2}+\)", words=False, sample="(12)"),
    Shape("roman_in_parens", _MARKER, before=r"\([ivx]{1,4}+\)", words=False, sample="(iv)"),
    Shape("letter", _MARKER, before=r"[a-zđ][).]", words=False, sample="đ)"),
    Shape("symbol", _MARKER),
    # --- words alone: a line (chrome), a phrase anywhere (sections, clauses, columns)
    Shape(
        "words",
        (
            "section",
            "standing",
            "column",
            "doctype",
            "rules",
            "attached",
            "regulation",
            "reference",
            *_CHROME,
        ),
    ),
    Shape("whole", ("column",), before="^", after="$"),
    Shape("whole_after_number", ("section",), r"^(?:[\dIVX]++\.\s*+)?", "$", sample="II. {}"),
    Shape("whole_word", ("subject",), after=r"\b", sample="{} x"),
    # --- clauses every document carries
    Shape("issuer", ("standing",), before="^", after=r"\b[^,;:]{0,80}? ", sample="{} X "),
    Shape("issued", ("standing",), after=r"\b"),
    Shape("gap", ("standing",), slots=(r" [^.;]{0,120}?",), trims=True, fills=(" X ",)),
    # --- page chrome: a line holding the words and what fills their slots
    Shape("text", (*_CHROME, "headline"), slots=(".*",), fills=("x y",)),
    Shape("text_around", _CHROME, slots=(".*", ".*"), fills=("x", "y")),
    Shape("number", _CHROME, slots=(r"\d++",), fills=("12",)),
    Shape("count", _CHROME, slots=(r":? ?[\d.,]*+",), fills=(": 1.234",)),
    Shape("date", _CHROME, slots=(r"\d{1,2}", r"\d{1,2}", r"\d{4}"), fills=("5", "12", "2024")),
    Shape("name", _CHROME, slots=(".{1,40}?",), fills=("X Y",)),
    Shape("path", _CHROME, slots=(_PATH_SEPARATOR + ".*",), fills=("> X",)),
    Shape("breadcrumb", _CHROME, before=_BREADCRUMB, words=False, sample="X > Y > Z"),
    Shape("word", _CHROME, slots=(r"\S*+",), fills=("X",)),
    Shape("emoji_then_text", _CHROME, slots=(r"\w{1,20}+", ".*"), fills=("gift", " x")),
    Shape("caption", _CHROME, slots=(_LEAD, r"[^()\n]{0,40}+"), fills=("X Y ", " Z")),
    Shape("credit", _CHROME, slots=(_LEAD, _CREDITED), fills=("X Y", "T.H")),
    Shape("page", _CHROME, slots=(_NUMBER_OF_PAGES,), fills=("3/12",)),
    Shape("running_head", _CHROME, slots=(r".{0,200}?", _NUMBER_OF_PAGES), fills=("X", "3")),
    # --- the title where a document's body resumes after a zone (case-sensitive)
    Shape("title", ("resume", "attachment"), after=r"(?: \P{Ll}*+)?", sample="{} X 2024"),
)
"""Every shape, by name."""


#: Shapes whose rows make one pattern together: the first's words, then the second's
#: (without the second's rows, the first's match nothing).
_FOLLOWS = {"issuer": "issued"}


def shape_patterns(rows: Iterable[tuple[str, str]]) -> list[str]:
    """The patterns of ``(shape, words)`` rows: one per shape, over its rows' words, in
    the order the shapes first come; a shape that follows another (``issued`` after
    ``issuer``) is appended to its pattern instead of standing apart."""
    words: dict[str, list[str]] = {}
    for shape, word in rows:
        words.setdefault(shape, []).append(word)
    patterns = {name: SHAPES[name].pattern(found) for name, found in words.items()}
    for first, then in _FOLLOWS.items():
        if first in patterns:
            patterns[first] += patterns.pop(then, "(?!)")
        patterns.pop(then, None)
    return list(patterns.values())

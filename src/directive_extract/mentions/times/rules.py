"""Time rules: each a named regular expression built from the words of
``time_words.tsv`` and ``time_cues.tsv``, with the reader of its match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from directive_extract import lexicon
from directive_extract.lexicon import alternation
from directive_extract.mentions.times.readers import (
    Resolver,
    _read_full_date,
    _read_half,
    _read_month,
    _read_monthly,
    _read_period,
    _read_quarter,
    _read_relative_month,
    _read_relative_quarter,
    _read_short_date,
    _read_span,
    _read_weekly,
    _read_year,
)
from directive_extract.mentions.times.vocabulary import (
    _AFTER_NUMBER,
    _FLAGS,
    _YEAR,
    _w,
    _words,
    words,
)


@dataclass(frozen=True, slots=True)
class _CueSense:
    strength: int
    in_text: bool
    before: bool  # "trước tháng 12": due the day before the window begins


@cache
def _cues() -> dict[str, _CueSense]:
    return {
        row["cue"].casefold(): _CueSense(
            int(row["strength"]), row["in_text"] == "yes", row["sense"] == "before"
        )
        for row in lexicon.load("time_cues")
    }


def cue_sense(written: str) -> _CueSense:
    """The sense of a cue as written, its words maybe parted by a line break ("đến\nhết"
    in a hard-wrapped page)."""
    return _cues()[" ".join(written.casefold().split())]


@cache
def _cue_before() -> regex.Pattern:
    """A cue before a date, a time of day aside ("trước 17 giờ ngày 27/10/2024")."""
    return regex.compile(
        r"(?<!\w)(?P<cue>" + alternation(_cues()) + r")\s*+(?:" + _clock() + r"\s*+)?:?\s*+\Z",
        _FLAGS,
    )


def due_before(text: str, position: int) -> bool:
    """Whether a cue that sets a due date ("trước", "chậm nhất") governs the date at
    ``position``."""
    cue = _cue_before().search(text, max(0, position - _CUE_REACH), position)
    return cue is not None and cue_sense(cue["cue"]).strength >= DUE_STRENGTH


def due_labels() -> tuple[str, ...]:
    """The cues that set a due date and are written in its phrase ("thời hạn", "thời gian
    hoàn thành", "trước"): before a colon they label the date after it ("Thời gian hoàn
    thành: tháng 9/2025"), which stays with its task."""
    return tuple(
        cue for cue, sense in _cues().items() if sense.strength >= DUE_STRENGTH and sense.in_text
    )


#: How far before a date its governing cue, a time of day included, may start.
_CUE_REACH = 40
#: The strength of a cue that sets a due date (time_cues.tsv): "trước", "chậm nhất".
DUE_STRENGTH = 2


def _clock() -> str:
    """A time of day: "17 giờ", "9h30", "8 giờ 15 phút"."""
    hour, minute = alternation(words("clock_hour")), alternation(words("clock_minute"))
    return rf"\d{{1,2}}+\s*+{hour}(?:\s*+\d{{1,2}}+(?:\s*+{minute})?)?"


@cache
def _cue_opening() -> regex.Pattern:
    """A cue that opens the expression it governs ("hết tháng 8/2020")."""
    return regex.compile(r"(?P<cue>" + alternation(_cues()) + r")(?=\s)", _FLAGS)


@cache
def _clock_before() -> regex.Pattern:
    return regex.compile(r"(?<!\w)" + _clock() + r"\s*+\Z", _FLAGS)


@cache
def _verb_before() -> regex.Pattern:
    verbs = [cue for cue, sense in _cues().items() if sense.strength and not sense.in_text]
    return regex.compile(r"(?<!\w)" + alternation(verbs) + r"\s*+,?\s*+\Z", _FLAGS)


@cache
def _verb_and_object_before() -> regex.Pattern:
    """A verb that completes and what it completes, before a year ("hoàn thành chỉ tiêu
    nhà ở xã hội năm 2025"): no figure, no stop between them."""
    verbs = [cue for cue, sense in _cues().items() if sense.strength == 2 and not sense.in_text]
    return regex.compile(r"(?<!\w)" + alternation(verbs) + r"\s++[^\d\p{P}]*+\Z", _FLAGS)


# --------------------------------------------------------------------------- patterns


@dataclass(frozen=True, slots=True)
class _Rule:
    """A named time rule: its pattern, the reader of its match, and the group whose
    start begins the expression's text (else the match's)."""

    name: str
    pattern: regex.Pattern
    read: Callable[[regex.Match], Resolver | None]
    group: str | None = None
    needs: regex.Pattern | None = None  # what every match holds: a span without it is skipped
    needs_words: tuple[tuple[str, ...], ...] = ()  # when ``needs`` is words: theirs, casefolded


_FULL_DATE_NAMES = ("full_date", "full_date_in_words", "iso_date")

_DIGIT = regex.compile(r"\d")
_DAY_MONTH = regex.compile(r"\d[/.-]\d")  # "20/7", "2024-07-20"

#: What every match of a rule holds, by rule: the rules that read a day, month, year or
#: count written in digits hold a digit, those that read a day and month in figures a
#: digit, a separator and a digit.  A paragraph without it (nearly half a page's have no
#: digit) need not be scanned with the rule.  ``tests/test_times.py`` checks that the
#: rules find nothing in text of time words that lacks it.
_NEEDS = {
    "full_date": _DAY_MONTH,
    "iso_date": _DAY_MONTH,
    "short_date": _DAY_MONTH,
    "full_date_in_words": _DIGIT,
    "short_date_in_words": _DIGIT,
    "monthly_day": _DIGIT,
    "month": _DIGIT,
    "year_range": _DIGIT,
    "year_from_to": _DIGIT,
    "span_of_time": _DIGIT,
}

#: The rules that need no digit name their period by a word of ``time_words.tsv`` ("năm
#: nay", "quý I", "cuối năm", "hằng tuần", "6 tháng đầu năm"): a paragraph without one of
#: its words (most paragraphs) need not be scanned with them, and the word is found far
#: faster than the rule scans.
_NEEDS_WORD = {
    "relative_month": ("month",),
    "quarter": ("quarter",),
    "relative_quarter": ("quarter",),
    "year": ("year",),
    "part_of_year": ("year",),
    "weekly_day": ("recurring_week",),
    "half_year": ("first_half", "second_half"),
}


@cache
def _word_needed(*keys: str) -> regex.Pattern:
    """Any of the words of some roles of ``time_words.tsv``."""
    return regex.compile(alternation(word for key in keys for word in words(key)), _FLAGS)


def _needed_words(name: str) -> tuple[tuple[str, ...], ...]:
    """The words of each phrase rule ``name`` needs one of, casefolded; none for a rule
    that needs no word.  A match of the phrase holds each of its words as written, case
    aside (any spacing between them)."""
    keys = _NEEDS_WORD.get(name, ())
    return tuple(tuple(phrase.casefold().split()) for key in keys for phrase in words(key))


def _needs(name: str) -> regex.Pattern | None:
    """What every match of rule ``name`` holds, if the rule says."""
    if name in _NEEDS_WORD:
        return _word_needed(*_NEEDS_WORD[name])
    return _NEEDS.get(name)


def _full_date_forms(prefix: str = "") -> list[str]:
    """Day-month-year forms; ``prefix`` names their groups apart ("b" for the date a span
    of time counts from, which shares a pattern with the span's own groups)."""
    day, month, year = _w("day"), _w("month"), _w("year")
    d, m, y, sep = (f"(?P<{prefix}{name}>" for name in ("d", "m", "y", "sep"))
    return [
        rf"(?<![\w/.,-])(?:{day}\s++)?{d}\d{{1,2}}){sep}[/.-]){m}\d{{1,2}})"
        rf"(?P={prefix}sep){y}{_YEAR})(?![\w/]|[.,]\d|-\d{{1,2}}(?![:\d]))",
        rf"{day}\s++{d}\d{{1,2}})\s++{month}\s++{m}\d{{1,2}})\s*+,?\s*+{year}\s++"
        rf"{y}{_YEAR}){_AFTER_NUMBER}",
        rf"(?<![\w/.-]){y}{_YEAR})-{m}\d\d)-{d}\d\d)(?![\w/-])",
    ]


_Form = tuple[str, str, Callable[[regex.Match], Resolver | None], str | None]
"""A rule before compiling: name, pattern source, reader, group that starts its text."""


def _parts() -> str:
    return _w("part_start", "part_mid", "part_end", "part_whole")


def _rel() -> str:
    return _w("this", "next")


def _uncounted() -> str:
    """Before a relative word: the unit it follows is not counted ("10 năm tới" is the
    next ten years, not next year; "3 tháng tới" the next three months).  A number after
    a unit or a date's separator names a month or a day, not a count ("tháng 12 năm
    tới", "31/12 năm nay")."""
    named = rf"(?:{_w('day', 'week', 'month', 'quarter')})\s{{1,3}}|[/.-]"
    return rf"(?<!(?<!{named}|\d)\d{{1,3}}\s{{1,3}}\w{{1,5}}\s{{1,3}})"


def _date_forms() -> list[_Form]:
    """Days: full dates, dates without a year, a day of every month."""
    w = _w
    strong = alternation(cue for cue, sense in _cues().items() if sense.strength == 2)
    rec = rf"(?:\s*+,?\s*+(?P<rec>{w('recurring_year')}))?"
    return [
        *(
            (name, form, _read_full_date, None)
            for name, form in zip(_FULL_DATE_NAMES, _full_date_forms(), strict=True)
        ),
        (
            "short_date",
            rf"(?<![\w/.,-])(?:(?:{w('day_part')}\s++)?(?P<lead>{w('day')})\s++"
            rf"|(?=\d)(?<=(?:{w('day_part')}|(?<!\w){strong})\s+))"
            rf"(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})(?![\w/]|[.,-]\d){rec}",
            _read_short_date,
            "lead|d",
        ),
        (
            "short_date_in_words",
            rf"(?P<lead>{w('day')})\s++(?P<d>\d{{1,2}})\s++{w('month')}\s++(?P<m>\d{{1,2}})"
            rf"(?!\s*+(?:[/.-]|,?\s*+{w('year')})\s*+\d){_AFTER_NUMBER}{rec}",
            _read_short_date,
            "lead",
        ),
        (
            "monthly_day",
            rf"{w('day')}\s++(?P<d>\d{{1,2}})\s++(?:{w('of')}\s++)?{w('recurring_month')}",
            _read_monthly,
            None,
        ),
        (
            "weekly_day",
            rf"(?:{w('day_part')}\s++)?(?:{w('day')}\s++)?(?P<wd>{w('weekday')})\s*+,?\s*+"
            rf"{w('recurring_week')}",
            _read_weekly,
            None,
        ),
    ]


def _month_and_quarter_forms() -> list[_Form]:
    """Months and quarters, numbered or relative ("tháng tới")."""
    w, parts, rel = _w, _parts(), _rel()
    tail_year = rf"(?:\s*+[/.-]\s*+(?P<y>{_YEAR})|(?:\s*+,)?\s++{w('year')}\s++(?P<y>{_YEAR}))?"
    # a second month or quarter sharing the year after it ("tháng 11-12/2025", "quý III, IV
    # năm 2026", "quý I và quý II/2026"): the span runs to the end of the second
    joined = rf"\s*+(?:[,–-]|{w('and', 'to')})\s*+"
    year_after = rf"(?=\s*+[/.-]\s*+\d|(?:\s*+,)?\s++{w('year')})"  # only with its year
    month_to = rf"(?:{joined}(?:{w('month')}\s++)?(?P<m2>\d{{1,2}}){year_after})?"
    quarter_to = rf"(?:{joined}(?:{w('quarter')}\s++)?(?P<q2>IV|I{{1,3}}|[1-4]){year_after})?"
    return [
        (
            "month",
            rf"(?:(?P<part>{parts})\s++)?{w('month')}\s++(?P<m>\d{{1,2}}){month_to}{tail_year}"
            rf"{_AFTER_NUMBER}",
            _read_month,
            None,
        ),
        (
            "relative_month",
            rf"{w('month')}\s++{_uncounted()}(?P<rel>{rel})",
            _read_relative_month,
            None,
        ),
        (
            "quarter",
            rf"(?:(?P<part>{parts})\s++)?{w('quarter')}\s++(?P<q>IV|I{{1,3}}|[1-4]){quarter_to}"
            rf"(?:\s*+[/.-]\s*+(?P<y>{_YEAR})|(?:\s*+,)?\s++{w('year')}\s++(?P<y>{_YEAR}))?"
            rf"{_AFTER_NUMBER}",
            _read_quarter,
            None,
        ),
        (
            "relative_quarter",
            rf"{w('quarter')}\s++{_uncounted()}(?P<rel>{rel})",
            _read_relative_quarter,
            None,
        ),
    ]


def _year_and_period_forms() -> list[_Form]:
    """Halves of a year, periods of years, years and parts of a year."""
    w, parts, rel = _w, _parts(), _rel()
    return [
        (
            "half_year",
            rf"(?<![\w.,])(?:(?P<h1>{alternation(_words()['first_half'])})"
            rf"|(?P<h2>{alternation(_words()['second_half'])}))"
            rf"(?:(?:\s*+/\s*+|\s++)(?P<y>{_YEAR})|\s++(?P<rel>{rel}))?{_AFTER_NUMBER}",
            _read_half,
            None,
        ),
        (
            "year_range",
            rf"(?<![\w/.,-])(?:(?:{w('period')}|{w('year')})\s++)?(?P<y1>{_YEAR})\s*+-\s*+"
            rf"(?P<y2>{_YEAR})(?![\w/]|[.,-]\d)",
            _read_period,
            None,
        ),
        (
            "year_from_to",
            rf"{w('from')}\s++{w('year')}\s++(?P<y1>{_YEAR})\s++{w('to')}\s++(?:{w('year')}\s++)?"
            rf"(?P<y2>{_YEAR}){_AFTER_NUMBER}",
            _read_period,
            None,
        ),
        (
            "year",
            rf"(?:(?P<part>{parts})\s++)?{w('year')}\s++(?:(?P<y>{_YEAR}){_AFTER_NUMBER}"
            rf"|{_uncounted()}(?P<rel>{rel}))",
            _read_year,
            None,
        ),
        (
            "part_of_year",
            rf"(?P<part>{parts})\s++{w('year')}(?!\s*+(?:\d|{rel}))",
            _read_year,
            None,
        ),
    ]


def _span_forms() -> list[_Form]:
    """Spans of time ("trong vòng 10 ngày"), counted from a date when one is given."""
    w = _w
    full_since = "|".join(_full_date_forms(prefix="b")[:2])
    return [
        (
            "span_of_time",
            rf"(?P<lead>{w('span_lead')})\s++(?P<n>\d{{1,3}})\s++"
            rf"(?P<unit>{w('day', 'week', 'month', 'year')})(?:\s++(?P<work>{w('working')}))?"
            rf"(?!\s++{w('past', 'this')})"
            rf"(?:(?=\s*+,?\s*+(?P<since>{w('since')}))"
            rf"(?:\s*+,?\s*+{w('since')}\s++(?:{full_since}))?)?",
            _read_span,
            "span",
        ),
    ]


@cache
def _rules() -> tuple[_Rule, ...]:
    """Every time rule, compiled, in the order they are tried: days, months and quarters,
    years and periods, spans."""
    forms = [
        *_date_forms(),
        *_month_and_quarter_forms(),
        *_year_and_period_forms(),
        *_span_forms(),
    ]
    return tuple(
        _Rule(name, regex.compile(source, _FLAGS), read, group, _needs(name), _needed_words(name))
        for name, source, read, group in forms
    )

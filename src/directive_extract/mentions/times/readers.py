"""Readers: what each time rule's match means, as a window of days once the article's
date is known (a resolver, so a year left out is filled from the reference).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import regex

from directive_extract.mentions.times.dates import (
    _ROLL_FORWARD,
    RefDate,
    Window,
    _day,
    _half_window,
    _Impossible,
    _month_window,
    _quarter_window,
    _span_end,
    _year_window,
)
from directive_extract.mentions.times.vocabulary import _key_of, _words_pattern, words

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _year_of(
    ref: RefDate | None, forward: bool, month: int = 1, day: int = 1, *, span: int = 0
) -> int | None:
    """The year of a year-less expression: the article's, or the next if a cue looks ahead."""
    if ref is None:
        return None
    if forward and ref.month:
        candidate = date(ref.year, month, min(day, 28)) + timedelta(days=span)
        if candidate < ref.first_day - _ROLL_FORWARD:
            return ref.year + 1
    return ref.year


# --------------------------------------------------------------------------- readings

Resolver = Callable[[RefDate | None, bool], Window | None]


@dataclass(frozen=True, slots=True)
class _Reading:
    start: int
    end: int
    resolve: Resolver
    lead: str | None = None  # a cue that the expression itself carries ("trong vòng")
    rule: str = ""  # the name of the rule that read it


def _group(match: regex.Match, name: str) -> str | None:
    return match.groupdict().get(name)


def _int(match: regex.Match, name: str) -> int | None:
    value = _group(match, name)
    return int(value) if value else None


def _part(match: regex.Match) -> str | None:
    part = _group(match, "part")
    return _key_of(part, "part_start", "part_mid", "part_end", "part_whole") if part else None


def _read_full_date(match: regex.Match) -> Resolver:
    day, month, year = _int(match, "d"), _int(match, "m"), _int(match, "y")

    def resolve(ref: RefDate | None, forward: bool) -> Window:
        return None, _day(year, month, day), "day"

    return resolve


def _next_occurrence(ref: RefDate, month: int | None, day: int) -> date:
    """The first day after ``ref`` that is ``day`` (of ``month``, or of any month)."""
    after = ref.first_day
    for year in (after.year, after.year + 1, after.year + 2):
        for candidate_month in [month] if month else range(1, 13):
            try:
                candidate = date(year, candidate_month, day)
            except ValueError:
                continue
            if candidate > after:
                return candidate
    raise _Impossible


def _read_short_date(match: regex.Match) -> Resolver:
    day, month = _int(match, "d"), _int(match, "m")
    recurring = bool(match.group("rec"))
    _day(2024, month, day)  # a leap year: 29/2 is a real day

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        if ref is None:
            return None
        if recurring:
            return None, _next_occurrence(ref, month, day), "day"
        year = _year_of(ref, forward, month, day)
        return None, _day(year, month, day), "day"

    return resolve


def _read_monthly(match: regex.Match) -> Resolver:
    day = _int(match, "d")
    if not 1 <= day <= 31:
        raise _Impossible

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        return None if ref is None else (None, _next_occurrence(ref, None, day), "day")

    return resolve


def _read_weekly(match: regex.Match) -> Resolver:
    """ "thứ Năm hằng tuần": the first such day after the article's (ANNOTATION)."""
    folded = " ".join(match.group("wd").casefold().split())
    weekday = [day.casefold() for day in words("weekday")].index(folded)

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        if ref is None or ref.day is None:
            return None
        after = ref.first_day
        return None, after + timedelta(days=(weekday - after.weekday() - 1) % 7 + 1), "day"

    return resolve


def _relative(match: regex.Match) -> int:
    """0 for "this" (nay, này), 1 for "next" (tới, sau)."""
    return 1 if _key_of(match.group("rel"), "next") else 0


def _read_month(match: regex.Match) -> Resolver | None:
    month, year, part = _int(match, "m"), _int(match, "y"), _part(match)
    last = _int(match, "m2") if match.group("m2") else month  # "tháng 11-12/2025"
    if not 1 <= month <= last <= 12 or (last != month and not year):
        return None

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        chosen = year or _year_of(ref, forward, month, 28)
        if chosen is None:
            return None
        earliest, _, granularity = _month_window(chosen, month, part)
        return earliest, _month_window(chosen, last, part)[1], granularity

    return resolve


def _read_relative_month(match: regex.Match) -> Resolver:
    step = _relative(match)

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        if ref is None or ref.month is None:
            return None
        index = ref.year * 12 + ref.month - 1 + step
        return _month_window(index // 12, index % 12 + 1, None)

    return resolve


def _read_quarter(match: regex.Match) -> Resolver | None:
    label, year, part = match.group("q").casefold(), _int(match, "y"), _part(match)
    quarter = _ROMAN.get(label) or int(label)
    second = match.group("q2")  # "quý III-IV/2026": to the end of the second
    last = (_ROMAN.get(second.casefold()) or int(second)) if second else quarter
    if last < quarter or (last != quarter and not year):
        return None

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        chosen = year or _year_of(ref, forward, 3 * quarter, 28)
        if chosen is None:
            return None
        earliest, _, granularity = _quarter_window(chosen, quarter, part)
        return earliest, _quarter_window(chosen, last, part)[1], granularity

    return resolve


def _read_relative_quarter(match: regex.Match) -> Resolver:
    step = _relative(match)

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        if ref is None or ref.month is None:
            return None
        index = ref.year * 4 + (ref.month - 1) // 3 + step
        return _quarter_window(index // 4, index % 4 + 1, None)

    return resolve


def _read_half(match: regex.Match) -> Resolver:
    second, year = bool(match.group("h2")), _int(match, "y")
    step = _relative(match) if _group(match, "rel") else 0

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        chosen = year or (ref.year + step if ref else None)
        return None if chosen is None else _half_window(chosen, second)

    return resolve


def _read_year(match: regex.Match) -> Resolver:
    year, part = _int(match, "y"), _part(match)
    step = _relative(match) if _group(match, "rel") else 0

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        chosen = year or (ref.year + step if ref else None)
        return None if chosen is None else _year_window(chosen, part)

    return resolve


def _read_period(match: regex.Match) -> Resolver | None:
    first, last = _int(match, "y1"), _int(match, "y2")
    if not first < last <= first + 50:
        return None

    def resolve(ref: RefDate | None, forward: bool) -> Window:
        return date(first, 1, 1), date(last, 12, 31), "year"

    return resolve


def _read_span(match: regex.Match) -> Resolver | None:
    lead, count = match.group("lead"), _int(match, "n")
    strict = _words_pattern("span_strict").search(lead)
    if not (strict or match.group("since")) or not count:
        return None
    unit = _key_of(match.group("unit"), "day", "week", "month", "year")
    working = bool(match.group("work"))
    base = _int(match, "by") and (_int(match, "by"), _int(match, "bm"), _int(match, "bd"))

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        if base:
            start = _day(*base)
        elif ref is not None and ref.day is not None:
            start = ref.first_day
        else:
            return None
        return None, _span_end(start, count, unit, working), "day"

    return resolve

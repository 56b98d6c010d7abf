"""Time expressions: deadlines and the article's own date.

Contract used by the pipeline (see docs/architecture.md):

- ``RefDate``: the article's date, as precise as known (year, month?, day?).
- ``parse_published(value) -> RefDate | None`` for "2024", "2024-07", "2024-07-10".
- ``find_times(text, start=0, end=None, ref=None, warnings=None) -> list[TimeMatch]``:
  every time expression in ``text[start:end]``, offsets absolute into ``text``.
- ``choose_deadline(matches) -> TimeMatch | None``: the one that governs a task.
- ``infer_published(text, skip=()) -> str | None``: ISO date, YYYY-MM or YYYY.

Every Vietnamese word comes from ``data/time_words.tsv`` (the words of time
expressions, by role) and ``data/time_cues.tsv`` (the words that govern them).
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

import regex

from directive_extract import lexicon, messages, models
from directive_extract.lexicon import alternation

_FLAGS = regex.IGNORECASE
_YEAR = r"(?:19|20)\d\d"
_AFTER_NUMBER = r"(?!\w|[/.,-]\d)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
#: How far back a year-less date may fall before the article and still be this year's,
#: when a cue says it lies ahead ("trước ngày 15/1" in a December article is next year's).
_ROLL_FORWARD = timedelta(days=90)
_CUE_WINDOW = 48


@dataclass(frozen=True, slots=True)
class RefDate:
    """The article's date, as precise as known."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first_day(self) -> date:
        """The earliest day the reference can mean.

        >>> RefDate(2024, 7).first_day
        datetime.date(2024, 7, 1)
        """
        return date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        """ISO text at the known precision.

        >>> RefDate(2024).iso(), RefDate(2024, 7).iso(), RefDate(2024, 7, 5).iso()
        ('2024', '2024-07', '2024-07-05')
        """
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def parse_published(value: str | None) -> RefDate | None:
    """An ISO date, ``YYYY-MM`` or ``YYYY`` (or ``D/M/YYYY``) as a ``RefDate``.

    >>> parse_published("2024-07-10")
    RefDate(year=2024, month=7, day=10)
    >>> [parse_published(v) for v in ("2024-07", "10/7/2024", "2024-02-30", None)]
    [RefDate(year=2024, month=7, day=None), RefDate(year=2024, month=7, day=10), None, None]
    """
    if not value:
        return None
    value = value.strip()
    iso = regex.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    dmy = regex.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    if iso:
        parts = [int(part) if part else None for part in iso.groups()]
    elif dmy:
        parts = [int(dmy[3]), int(dmy[2]), int(dmy[1])]
    else:
        return None
    year, month, day = parts
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return RefDate(year, month, day)


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """One time expression, resolved to the window it names.

    ``strength`` ranks how surely the expression sets a due date: 2 after a cue such
    as "trước" or "chậm nhất", 1 after "trong" or "đến", 0 with no cue (a reported
    fact) or one that marks a start ("từ", "kể từ").
    """

    text: str
    start: int
    end: int
    due: date
    earliest: date | None
    granularity: str
    cue: str | None = None
    strength: int = 0

    def to_deadline(self) -> models.Deadline:
        """The record form of the match."""
        return models.Deadline(
            text=self.text,
            start=self.start,
            end=self.end,
            due=self.due.isoformat(),
            earliest=self.earliest.isoformat() if self.earliest else None,
            granularity=self.granularity,
        )


# --------------------------------------------------------------------------- lexicon


@cache
def _words() -> dict[str, tuple[str, ...]]:
    return {
        row["key"]: tuple(lexicon.split_variants(row["variants"]))
        for row in lexicon.load("time_words")
    }


def words(key: str) -> tuple[str, ...]:
    """The variants of one role in ``time_words.tsv`` (shared with the number parser).

    >>> words("quarter")
    ('quý',)
    """
    return _words()[key]


def _w(*keys: str) -> str:
    """A regex for the words of the given roles, longest first, whole words only."""
    return r"(?<!\w)" + alternation(v for key in keys for v in _words()[key]) + r"(?!\w)"


def _key_of(phrase: str, *keys: str) -> str | None:
    """Which of ``keys`` lists ``phrase`` (compared without case and spacing)."""
    folded = " ".join(phrase.casefold().split())
    for key in keys:
        if folded in {variant.casefold() for variant in _words()[key]}:
            return key
    return None


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


@cache
def _cue_before() -> regex.Pattern:
    """A cue before a date, a time of day aside ("trước 17 giờ ngày 27/10/2024")."""
    return regex.compile(
        r"(?<!\w)(?P<cue>" + alternation(_cues()) + r")\s*+(?:" + _clock() + r"\s*+)?:?\s*+\Z",
        _FLAGS,
    )


def _clock() -> str:
    """A time of day: "17 giờ", "9h30", "8 giờ 15 phút"."""
    hour, minute = alternation(words("clock_hour")), alternation(words("clock_minute"))
    return rf"\d{{1,2}}+\s*+{hour}(?:\s*+\d{{1,2}}+(?:\s*+{minute})?)?"


@cache
def _clock_before() -> regex.Pattern:
    return regex.compile(r"(?<!\w)" + _clock() + r"\s*+\Z", _FLAGS)


@cache
def _verb_before() -> regex.Pattern:
    verbs = [cue for cue, sense in _cues().items() if sense.strength and not sense.in_text]
    return regex.compile(r"(?<!\w)" + alternation(verbs) + r"\s*+,?\s*+\Z", _FLAGS)


# --------------------------------------------------------------------------- windows

Window = tuple[date | None, date, str]  # earliest, due, granularity


class _Impossible(ValueError):
    """A date that does not exist (31/11/2024)."""


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise _Impossible from error


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_window(year: int, month: int, part: str | None) -> Window:
    first, last = date(year, month, 1), _month_end(year, month)
    spans = {"part_start": (1, 10), "part_mid": (11, 20), "part_end": (21, last.day)}
    if part in spans:
        low, high = spans[part]
        return date(year, month, low), date(year, month, high), "month"
    return first, last, "month"


def _quarter_window(year: int, quarter: int, part: str | None) -> Window:
    first_month = 3 * quarter - 2
    months = {"part_start": first_month, "part_mid": first_month + 1, "part_end": 3 * quarter}
    if part in months:
        earliest, due, _ = _month_window(year, months[part], None)
        return earliest, due, "quarter"
    return date(year, first_month, 1), _month_end(year, 3 * quarter), "quarter"


def _year_window(year: int, part: str | None) -> Window:
    parts = {
        "part_start": (date(year, 1, 1), date(year, 3, 31), "quarter"),
        "part_mid": (date(year, 4, 1), date(year, 9, 30), "half"),
        "part_end": (date(year, 10, 1), date(year, 12, 31), "year"),
    }
    return parts.get(part, (date(year, 1, 1), date(year, 12, 31), "year"))


def _half_window(year: int, second: bool) -> Window:
    if second:
        return date(year, 7, 1), date(year, 12, 31), "half"
    return date(year, 1, 1), date(year, 6, 30), "half"


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


def _relative(match: regex.Match) -> int:
    """0 for "this" (nay, này), 1 for "next" (tới, sau)."""
    return 1 if _key_of(match.group("rel"), "next") else 0


def _read_month(match: regex.Match) -> Resolver | None:
    month, year, part = _int(match, "m"), _int(match, "y"), _part(match)
    if not 1 <= month <= 12:
        return None

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        chosen = year or _year_of(ref, forward, month, 28)
        return None if chosen is None else _month_window(chosen, month, part)

    return resolve


def _read_relative_month(match: regex.Match) -> Resolver:
    step = _relative(match)

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        if ref is None or ref.month is None:
            return None
        index = ref.year * 12 + ref.month - 1 + step
        return _month_window(index // 12, index % 12 + 1, None)

    return resolve


def _read_quarter(match: regex.Match) -> Resolver:
    label, year, part = match.group("q").casefold(), _int(match, "y"), _part(match)
    quarter = _ROMAN.get(label) or int(label)

    def resolve(ref: RefDate | None, forward: bool) -> Window | None:
        chosen = year or _year_of(ref, forward, 3 * quarter, 28)
        return None if chosen is None else _quarter_window(chosen, quarter, part)

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


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _add_working_days(day: date, count: int) -> date:
    while count:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def _span_end(base: date, count: int, unit: str, working: bool) -> date:
    if unit == "day":
        return _add_working_days(base, count) if working else base + timedelta(days=count)
    if unit == "week":
        return base + timedelta(weeks=count)
    return _add_months(base, count * (12 if unit == "year" else 1))


def _read_span(match: regex.Match) -> Resolver | None:
    lead, count = match.group("lead"), _int(match, "n")
    strict = regex.search(_w("span_strict"), lead, _FLAGS)
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


# --------------------------------------------------------------------------- patterns


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: regex.Pattern
    read: Callable[[regex.Match], Resolver | None]
    group: str | None = None  # the group whose start begins the text (else the match)


def _full_date_forms() -> list[str]:
    day, month, year = _w("day"), _w("month"), _w("year")
    return [
        rf"(?<![\w/.,-])(?:{day}\s++)?(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})"
        rf"(?P=sep)(?P<y>{_YEAR})(?![\w/]|[.,]\d|-\d{{1,2}}(?![:\d]))",
        rf"{day}\s++(?P<d>\d{{1,2}})\s++{month}\s++(?P<m>\d{{1,2}})\s*+,?\s*+{year}\s++"
        rf"(?P<y>{_YEAR}){_AFTER_NUMBER}",
        rf"(?<![\w/.-])(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?![\w/-])",
    ]


@cache
def _rules() -> tuple[_Rule, ...]:
    w = _w
    parts = w("part_start", "part_mid", "part_end", "part_whole")
    rel = w("this", "next")
    strong = alternation(cue for cue, sense in _cues().items() if sense.strength == 2)
    rec = rf"(?:\s*+,?\s*+(?P<rec>{w('recurring_year')}))?"
    tail_year = rf"(?:\s*+[/.-]\s*+(?P<y>{_YEAR})|(?:\s*+,)?\s++{w('year')}\s++(?P<y>{_YEAR}))?"
    full_since = (
        "|".join(
            form.replace("(?P<d>", "(?P<bd>")
            .replace("(?P<m>", "(?P<bm>")
            .replace("(?P<y>", "(?P<by>")
            for form in _full_date_forms()[:2]
        )
        .replace("(?P<sep>", "(?P<bsep>")
        .replace("(?P=sep)", "(?P=bsep)")
    )
    forms: list[tuple[str, Callable[[regex.Match], Resolver | None], str | None]] = [
        *((form, _read_full_date, None) for form in _full_date_forms()),
        (
            rf"(?<![\w/.,-])(?:(?:{w('day_part')}\s++)?(?P<lead>{w('day')})\s++"
            rf"|(?=\d)(?<=(?:{w('day_part')}|(?<!\w){strong})\s+))"
            rf"(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})(?![\w/]|[.,-]\d){rec}",
            _read_short_date,
            "lead|d",
        ),
        (
            rf"(?P<lead>{w('day')})\s++(?P<d>\d{{1,2}})\s++{w('month')}\s++(?P<m>\d{{1,2}})"
            rf"(?!\s*+(?:[/.-]|,?\s*+{w('year')})\s*+\d){_AFTER_NUMBER}{rec}",
            _read_short_date,
            "lead",
        ),
        (
            rf"{w('day')}\s++(?P<d>\d{{1,2}})\s++(?:{w('of')}\s++)?{w('recurring_month')}",
            _read_monthly,
            None,
        ),
        (
            rf"(?:(?P<part>{parts})\s++)?{w('month')}\s++(?P<m>\d{{1,2}}){tail_year}"
            rf"{_AFTER_NUMBER}",
            _read_month,
            None,
        ),
        (rf"{w('month')}\s++(?P<rel>{rel})", _read_relative_month, None),
        (
            rf"(?:(?P<part>{parts})\s++)?{w('quarter')}\s++(?P<q>IV|I{{1,3}}|[1-4])"
            rf"(?:\s*+[/.-]\s*+(?P<y>{_YEAR})|(?:\s*+,)?\s++{w('year')}\s++(?P<y>{_YEAR}))?"
            rf"{_AFTER_NUMBER}",
            _read_quarter,
            None,
        ),
        (rf"{w('quarter')}\s++(?P<rel>{rel})", _read_relative_quarter, None),
        (
            rf"(?<![\w.,])(?:(?P<h1>{alternation(_words()['first_half'])})"
            rf"|(?P<h2>{alternation(_words()['second_half'])}))"
            rf"(?:(?:\s*+/\s*+|\s++)(?P<y>{_YEAR})|\s++(?P<rel>{rel}))?{_AFTER_NUMBER}",
            _read_half,
            None,
        ),
        (
            rf"(?<![\w/.,-])(?:(?:{w('period')}|{w('year')})\s++)?(?P<y1>{_YEAR})\s*+-\s*+"
            rf"(?P<y2>{_YEAR})(?![\w/]|[.,-]\d)",
            _read_period,
            None,
        ),
        (
            rf"{w('from')}\s++{w('year')}\s++(?P<y1>{_YEAR})\s++{w('to')}\s++(?:{w('year')}\s++)?"
            rf"(?P<y2>{_YEAR}){_AFTER_NUMBER}",
            _read_period,
            None,
        ),
        (
            rf"(?:(?P<part>{parts})\s++)?{w('year')}\s++(?:(?P<y>{_YEAR}){_AFTER_NUMBER}"
            rf"|(?P<rel>{rel}))",
            _read_year,
            None,
        ),
        (rf"(?P<part>{parts})\s++{w('year')}(?!\s*+(?:\d|{rel}))", _read_year, None),
        (
            rf"(?P<lead>{w('span_lead')})\s++(?P<n>\d{{1,3}})\s++"
            rf"(?P<unit>{w('day', 'week', 'month', 'year')})(?:\s++(?P<work>{w('working')}))?"
            rf"(?!\s++{w('past', 'this')})"
            rf"(?:(?=\s*+,?\s*+(?P<since>{w('since')}))"
            rf"(?:\s*+,?\s*+{w('since')}\s++(?:{full_since}))?)?",
            _read_span,
            "span",
        ),
    ]
    return tuple(_Rule(regex.compile(source, _FLAGS), read, group) for source, read, group in forms)


# --------------------------------------------------------------------------- finding


def _text_start(rule: _Rule, match: regex.Match) -> int:
    if rule.group is None or rule.group == "span":
        return match.start()
    for name in rule.group.split("|"):
        if match.group(name):
            return match.start(name)
    return match.start()


def _text_end(rule: _Rule, match: regex.Match) -> int:
    if rule.group == "span":
        return match.end("work") if match.group("work") else match.end("unit")
    return match.end()


def _readings(text: str, start: int, end: int, warnings: list[str] | None) -> list[_Reading | None]:
    """Every candidate expression; an impossible date is kept as None to block its span."""
    found: list[tuple[int, int, _Reading | None]] = []
    for rule in _rules():
        for match in rule.pattern.finditer(text, start, end, overlapped=False):
            begin, finish = _text_start(rule, match), _text_end(rule, match)
            try:
                resolve = rule.read(match)
            except _Impossible:
                if warnings is not None:
                    warnings.append(messages.IMPOSSIBLE_DATE.format(text=text[begin:finish]))
                found.append((begin, finish, None))
                continue
            if resolve is not None:
                lead = match.group("lead") if rule.group == "span" else None
                found.append((begin, finish, _Reading(begin, finish, resolve, lead)))
    return _non_overlapping(found)


def _non_overlapping(found: list[tuple[int, int, _Reading | None]]) -> list[_Reading | None]:
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    chosen: list[_Reading | None] = []
    reach = -1
    for begin, finish, reading in found:
        if begin >= reach:
            chosen.append(reading)
            reach = finish
    return chosen


def _cue(text: str, lower: int, begin: int) -> tuple[str | None, _CueSense | None, int]:
    """The cue right before ``begin``: (cue, its sense, where the phrase starts)."""
    found = _cue_before().search(text, max(lower, begin - _CUE_WINDOW), begin)
    if not found:
        return None, None, begin
    cue = found.group("cue")
    sense = _cues()[" ".join(cue.casefold().split())]
    phrase_start = found.start("cue") if sense.in_text else begin
    verb = _verb_before().search(text, max(lower, found.start() - _CUE_WINDOW), found.start())
    if verb and sense.strength:
        sense = replace(sense, strength=2)
    return cue, sense, phrase_start


def _names_a_title(text: str, lower: int, cue_start: int, end: int) -> bool:
    """'đến năm 2030' inside a name: "Chiến lược ... đến năm 2030, tầm nhìn đến năm 2045"."""
    before = text[max(lower, cue_start - 160) : cue_start]
    segment = regex.split(r"[,;:.()\n]", before)[-1]
    if regex.search(_w("title"), segment, _FLAGS):
        return True
    return bool(regex.match(r"\s*+,?\s*+" + _w("vision"), text[end : end + 40], _FLAGS))


def _past(ref: RefDate | None, window: Window) -> bool:
    """A window that ended, or a period of years that began, before the article: a fact."""
    if ref is None:
        return False
    earliest, due, _ = window
    running_period = earliest is not None and earliest.year < due.year
    return due < ref.first_day or (running_period and earliest < ref.first_day)


def _before(window: Window) -> Window:
    """ "trước tháng 12/2024": due the day before the month begins."""
    earliest, _, granularity = window
    if earliest is None or not _starts_period(earliest, granularity):
        return window
    return None, earliest - timedelta(days=1), granularity


def _starts_period(day: date, granularity: str) -> bool:
    """Whether ``day`` opens a whole period ("cuối năm" opens none: "trước cuối năm")."""
    months = {"month": range(1, 13), "quarter": (1, 4, 7, 10), "half": (1, 7), "year": (1,)}
    return day.day == 1 and day.month in months.get(granularity, ())


def _strength(
    text: str, lower: int, begin: int, reading: _Reading, cue: str | None, sense: _CueSense
) -> int:
    """How surely the cue sets a due date here (0 when it names a title or a start)."""
    is_to = sense.strength == 1 and _key_of(cue.split()[0], "to")
    if is_to and _names_a_title(text, lower, begin, reading.end):
        return 0
    return sense.strength


def _match(
    text: str,
    lower: int,
    reading: _Reading,
    ref: RefDate | None,
    warnings: list[str] | None,
) -> TimeMatch | None:
    if reading.lead:
        cue, sense, begin = reading.lead, _CueSense(2, True, False), reading.start
    else:
        cue, sense, begin = _cue(text, lower, reading.start)
    strength = 0 if sense is None else _strength(text, lower, begin, reading, cue, sense)
    try:
        window = reading.resolve(ref, strength > 0)
    except _Impossible:
        if warnings is not None:
            warnings.append(messages.IMPOSSIBLE_DATE.format(text=text[begin : reading.end]))
        return None
    if window is None:
        return None
    if sense is not None and sense.before:
        window = _before(window)
    if strength == 1 and _past(ref, window):
        strength = 0
    earliest, due, granularity = window
    return TimeMatch(
        text=text[begin : reading.end],
        start=begin,
        end=reading.end,
        due=due,
        earliest=earliest,
        granularity=granularity,
        cue=cue,
        strength=strength,
    )


def find_times(
    text: str,
    start: int = 0,
    end: int | None = None,
    ref: RefDate | None = None,
    warnings: list[str] | None = None,
) -> list[TimeMatch]:
    """Every time expression in ``text[start:end]`` that can be resolved, in text order.

    >>> [(m.text, str(m.due), m.cue) for m in find_times("hoàn thành trước ngày 20/7/2024.")]
    [('trước ngày 20/7/2024', '2024-07-20', 'trước')]
    >>> [str(m.due) for m in find_times("trong tháng 2/2024; quý II năm 2022")]
    ['2024-02-29', '2022-06-30']
    """
    end = len(text) if end is None else end
    matches = []
    for reading in _readings(text, start, end, warnings):
        if reading is not None:
            match = _match(text, start, reading, ref, warnings)
            if match is not None:
                matches.append(match)
    return matches


def time_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of every time expression, resolvable or not (for masking numbers).

    >>> time_spans("Chiều 10/7, họp; 31/11/2024")
    [(6, 10), (17, 27)]
    """
    end = len(text) if end is None else end
    found: list[tuple[int, int, _Reading | None]] = []
    for rule in _rules():
        for match in rule.pattern.finditer(text, start, end):
            found.append((_text_start(rule, match), _text_end(rule, match), None))
    spans = sorted((_with_clock(text, begin, start), finish) for begin, finish, _ in found)
    merged: list[tuple[int, int]] = []
    for begin, finish in spans:
        if merged and begin < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], finish))
        else:
            merged.append((begin, finish))
    return merged


def _with_clock(text: str, begin: int, lower: int) -> int:
    """Where a time expression begins, with the time of day written before its date."""
    clock = _clock_before().search(text, max(lower, begin - 16), begin)
    return clock.start() if clock else begin


def choose_deadline(matches: Sequence[TimeMatch], *, bare_ok: bool = False) -> TimeMatch | None:
    """The match that governs a task: the strongest cue, then the first.

    Dates with no cue (a meeting date, a reviewed period) are not deadlines, unless
    ``bare_ok`` says the text is a table cell holding nothing but the time.

    >>> ref = RefDate(2024, 7, 10)
    >>> choose_deadline(find_times("Chiều 10/7, sơ kết 6 tháng đầu năm 2024", ref=ref)) is None
    True
    >>> choose_deadline(find_times("năm 2024, trình trước ngày 2/9", ref=ref)).text
    'trước ngày 2/9'
    """
    governed = [match for match in matches if match.strength > 0]
    if governed:
        best = max(match.strength for match in governed)
        return next(match for match in governed if match.strength == best)
    if bare_ok and matches:
        return matches[0]
    return None


# --------------------------------------------------------------------------- published


@dataclass(frozen=True, slots=True)
class _Dated:
    kind: str  # official, byline, event, chrome
    year: int
    month: int | None
    day: int | None
    position: int

    @property
    def ref(self) -> RefDate:
        return RefDate(self.year, self.month, self.day)


@cache
def _published_patterns() -> dict[str, regex.Pattern]:
    w = _w
    full = "|".join(f"(?:{form})" for form in _full_date_forms())
    time = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*+[AP]M)?"
    return {
        "full": regex.compile(full, _FLAGS),
        "official": regex.compile(
            rf"^\p{{Lu}}[^\n,]{{1,40}}+,\s*+{w('day')}\s++\d", regex.MULTILINE
        ),
        "weekday": regex.compile(rf"^\W*+{w('weekday')}", _FLAGS),
        "time": regex.compile(rf"(?<![\d:]){time}(?![\d:])", _FLAGS),
        "iso": regex.compile(rf"(?<![\w/.-])(?P<y>{_YEAR})-(?P<m>\d\d)(?:-(?P<d>\d\d))?(?![\w/-])"),
        "event": regex.compile(
            rf"(?:^|(?<=[.!?]\s)|(?<=-\s))(?:{w('day_part')}\s++)?(?:{w('day')}\s++)?"
            rf"(?<=\w\s)(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>{_YEAR}))?\s*+,",
            _FLAGS | regex.MULTILINE,
        ),
        "year": regex.compile(rf"(?<!\d|\d[.,])(?P<y>{_YEAR})(?!\d|[.,]\d)"),
        "ahead": regex.compile(rf"(?:{w('to', 'vision')})\s++(?:{w('year')}\s++)?\Z", _FLAGS),
    }


def _masked(text: str, skip: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for begin, finish in skip:
        chars[begin:finish] = " " * (finish - begin)
    return "".join(chars)


def _full_date(match: regex.Match) -> tuple[int, int, int] | None:
    groups = {name: value for name, value in match.groupdict().items() if value}
    try:
        found = date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    except (KeyError, ValueError):
        return None
    return found.year, found.month, found.day


def _line_dates(line: str, position: int) -> list[_Dated]:
    """Dates of a line: official place-date, byline (date with a time or alone), chrome."""
    patterns = _published_patterns()
    found = []
    dates = [(m, _full_date(m)) for m in patterns["full"].finditer(line)]
    dates = [(m, ymd) for m, ymd in dates if ymd]
    if not dates:
        return found
    first, (year, month, day) = dates[0]
    rest = line[: first.start()] + line[first.end() :]
    words = regex.findall(r"\p{L}++", patterns["time"].sub(" ", rest))
    if patterns["official"].match(line) and not patterns["weekday"].match(line):
        kind = "official"
    elif patterns["weekday"].match(line) and not patterns["time"].search(line):
        kind = "chrome"
    elif patterns["time"].search(line) or len(words) <= 4:
        kind = "byline"
    else:
        return found
    return [_Dated(kind, year, month, day, position + first.start())]


def _candidates(text: str) -> list[_Dated]:
    patterns = _published_patterns()
    found: list[_Dated] = []
    position = 0
    for line in text.split("\n"):
        found.extend(_line_dates(line, position))
        position += len(line) + 1
    for match in patterns["iso"].finditer(text):
        month, day = int(match["m"]), match["d"] and int(match["d"])
        if 1 <= month <= 12 and (not day or _full_date(match)):
            found.append(_Dated("byline", int(match["y"]), month, day or None, match.start()))
    for match in patterns["event"].finditer(text):
        year, month, day = _int(match, "y"), int(match["m"]), int(match["d"])
        try:
            date(year or 2024, month, day)
        except ValueError:
            continue
        found.append(_Dated("event", year or 0, month, day, match.start()))
    return sorted(found, key=lambda dated: dated.position)


def _dominant_year(text: str, latest: int | None) -> int | None:
    """The year the text speaks of most (not a target year such as "đến năm 2030")."""
    patterns = _published_patterns()
    counts: Counter[int] = Counter()
    for match in patterns["year"].finditer(text):
        year = int(match["y"])
        if latest and year > latest:
            continue
        if patterns["ahead"].search(text, max(0, match.start() - 30), match.start()):
            continue
        counts[year] += 1
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


def infer_published(text: str, skip: Iterable[tuple[int, int]] = ()) -> str | None:
    """The article's own date, as precise as the text tells: ISO day, YYYY-MM or YYYY.

    >>> infer_published("Thứ bảy, ngày 3 tháng 6 năm 2023\\nNgày 27/04/2022-13:00:00 PM\\nTin")
    '2022-04-27'
    >>> infer_published("Chiều 10/7, Thủ tướng chủ trì phiên họp sơ kết năm 2024.")
    '2024-07-10'
    >>> infer_published("Hà Nội, ngày 03 tháng 3 năm 2025\\nCÔNG ĐIỆN")
    '2025-03-03'
    """
    text = _masked(text, skip)
    candidates = _candidates(text)
    chrome = next((c for c in candidates if c.kind == "chrome"), None)
    for kind in ("official", "byline"):
        chosen = next((c for c in candidates if c.kind == kind and c.year), None)
        if chosen:
            return _against_chrome(chosen, chrome).ref.iso()
    events = [c for c in candidates if c.kind == "event"]
    year = _dominant_year(text, chrome.year if chrome else None)
    for event in events:
        if event.year or year:
            dated = event if event.year else replace(event, year=year)
            return _against_chrome(dated, chrome).ref.iso()
    if chrome:
        return chrome.ref.iso()
    return str(year) if year else None


def _against_chrome(chosen: _Dated, chrome: _Dated | None) -> _Dated:
    """A page's weekday date is a crawl date unless the article's date comes after it."""
    if chrome and (chosen.year, chosen.month or 1, chosen.day or 1) > (
        chrome.year,
        chrome.month,
        chrome.day,
    ):
        return chrome
    return chosen

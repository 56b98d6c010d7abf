"""Finding time expressions in a span of text, with the cue that governs each
("trước", "chậm nhất", "trong"), and choosing a task's deadline among them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

import regex

from directive_extract import messages, models
from directive_extract.mentions.times.dates import RefDate, Window, _Impossible
from directive_extract.mentions.times.readers import _Reading
from directive_extract.mentions.times.rules import (
    _clock_before,
    _cue_before,
    _cue_opening,
    _CueSense,
    _Rule,
    _rules,
    _verb_and_object_before,
    _verb_before,
    cue_sense,
)
from directive_extract.mentions.times.vocabulary import _FLAGS, _key_of, _w, _words_pattern
from directive_extract.read.normalise import FOLDS_APART

_CUE_WINDOW = 48


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
    rule: str = ""  # the time rule that read it, for ``explain``

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


@dataclass(frozen=True, slots=True)
class _Scanned:
    """One match of one time rule: the span the scan consumed, the expression's text
    span, and its reading (None when the rule reads nothing there or the date is
    impossible)."""

    order: int  # rule, then position: the order warnings and ties follow
    start: int
    end: int
    begin: int
    finish: int
    reading: _Reading | None
    impossible: bool


def _holds(
    rule: _Rule,
    text: str,
    start: int,
    end: int,
    folded: str | None,
    seen: dict[regex.Pattern, bool],
) -> bool:
    """Whether ``text[start:end]`` holds what ``rule`` needs (asked once per span).  Words
    are looked for in the span casefolded (``folded``; None where casefolding would lose a
    match, see ``FOLDS_APART``), far faster than their pattern searches: a span that
    holds every word of none of the phrases holds no match of the pattern."""
    needs = rule.needs
    held = seen.get(needs)
    if held is None:
        if rule.needs_words and folded is not None:
            held = seen[needs] = _holds_words(rule.needs_words, folded)
        else:
            held = seen[needs] = needs.search(text, start, end) is not None
    return held


def _holds_words(phrases: tuple[tuple[str, ...], ...], folded: str) -> bool:
    """Whether ``folded`` holds every word of one of ``phrases`` (plain loops: asked of
    every paragraph, where generators cost more than the look-ups)."""
    for phrase in phrases:
        for word in phrase:
            if word not in folded:
                break
        else:
            return True
    return False


def _scan(text: str, start: int, end: int) -> list[_Scanned]:
    """Every match of every time rule in ``text[start:end]``, rule by rule."""
    found: list[_Scanned] = []
    holds: dict[regex.Pattern, bool] = {}  # whether the span holds what a rule needs
    span = text[start:end]
    folded = None if FOLDS_APART in span else span.casefold()
    for rule in _rules():
        if rule.needs is not None and not _holds(rule, text, start, end, folded, holds):
            continue
        for match in rule.pattern.finditer(text, start, end, overlapped=False):
            begin, finish = _text_start(rule, match), _text_end(rule, match)
            reading, impossible = None, False
            try:
                resolve = rule.read(match)
            except _Impossible:
                resolve, impossible = None, True
            if resolve is not None:
                lead = match.group("lead") if rule.group == "span" else None
                reading = _Reading(begin, finish, resolve, lead, rule.name)
            scanned = _Scanned(
                len(found), match.start(), match.end(), begin, finish, reading, impossible
            )
            found.append(scanned)
    return found


def _readings(
    text: str, scanned: Sequence[_Scanned], warnings: list[str] | None
) -> list[_Reading | None]:
    """Every candidate expression; an impossible date is kept as None to block its span."""
    found: list[tuple[int, int, _Reading | None]] = []
    for item in scanned:
        if item.impossible:
            if warnings is not None:
                warnings.append(
                    messages.IMPOSSIBLE_DATE.format(text=text[item.begin : item.finish])
                )
            found.append((item.begin, item.finish, None))
        elif item.reading is not None:
            found.append((item.begin, item.finish, item.reading))
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


#: Days that recur ("thứ Năm hằng tuần", "ngày 20 hằng tháng") say when a repeated task
#: falls due, with or without a cue before them.
_RECURRING = frozenset({"weekly_day", "monthly_day"})
_IMPLIED = _CueSense(1, False, False)  # a window that may be due, as after "trong"


def _unmarked(text: str, lower: int, reading: _Reading) -> _CueSense | None:
    """What an expression with no cue may still say: a day that recurs is when a repeated
    task falls due; a year after what a verb completes is the year it is due in ("hoàn
    thành chỉ tiêu nhà ở xã hội năm 2025"): a window, as after "trong"."""
    if reading.rule in _RECURRING:
        return _IMPLIED
    if reading.rule == "year" and _verb_and_object_before().search(
        text, max(lower, reading.start - _CUE_WINDOW), reading.start
    ):
        return _IMPLIED
    return None


def _cue(text: str, lower: int, reading: _Reading) -> tuple[str | None, _CueSense | None, int]:
    """The cue right before the expression, else one that opens it ("hết tháng 8"), else
    none: (cue, its sense, where the phrase starts)."""
    begin = reading.start
    found = _cue_before().search(text, max(lower, begin - _CUE_WINDOW), begin)
    if not found:
        opening = _cue_opening().match(text, begin, reading.end)
        if opening:
            return opening.group("cue"), cue_sense(opening.group("cue")), begin
        return None, _unmarked(text, lower, reading), begin
    cue = found.group("cue")
    sense = cue_sense(cue)
    phrase_start = found.start("cue") if sense.in_text else begin
    verb = _verb_before().search(text, max(lower, found.start() - _CUE_WINDOW), found.start())
    if verb and sense.strength:
        sense = replace(sense, strength=2)
    return cue, sense, phrase_start


def _names_a_title(text: str, lower: int, cue_start: int, end: int) -> bool:
    """'đến năm 2030' inside a name: "Chiến lược ... đến năm 2030, tầm nhìn đến năm 2045";
    not after a goal set since the name ("Nghị quyết đặt mục tiêu đến năm 2045, ...")."""
    before = text[max(lower, cue_start - 160) : cue_start]
    segment = _TITLE_CUT.split(before)[-1]
    titles = [found.end() for found in _words_pattern("title").finditer(segment)]
    if titles and not _words_pattern("title_end").search(segment, titles[-1]):
        return True
    return bool(_vision_after().match(text[end : end + 40]))


_TITLE_CUT = regex.compile(r"[,;:.()\n]")


@cache
def _vision_after() -> regex.Pattern:
    return regex.compile(r"\s*+,?\s*+" + _w("vision"), _FLAGS)


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
    is_to = sense.strength == 1 and cue is not None and _key_of(cue.split()[0], "to")
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
        cue, sense, begin = _cue(text, lower, reading)
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
        rule=reading.rule,
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
    return _resolved(text, start, _scan(text, start, end), ref, warnings)


def _resolved(
    text: str,
    lower: int,
    scanned: Sequence[_Scanned],
    ref: RefDate | None,
    warnings: list[str] | None,
) -> list[TimeMatch]:
    """The scanned expressions that resolve, each with its cue read back to ``lower``."""
    matches = []
    for reading in _readings(text, scanned, warnings):
        if reading is not None:
            match = _match(text, lower, reading, ref, warnings)
            if match is not None:
                matches.append(match)
    return matches


def time_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of every time expression, resolvable or not (for masking numbers).

    >>> time_spans("Chiều 10/7, họp; 31/11/2024")
    [(6, 10), (17, 27)]
    """
    end = len(text) if end is None else end
    return _spans(text, start, _scan(text, start, end))


def _spans(text: str, lower: int, scanned: Sequence[_Scanned]) -> list[tuple[int, int]]:
    """The scanned expressions' spans, each with its time of day, overlaps merged."""
    spans = sorted((_with_clock(text, item.begin, lower), item.finish) for item in scanned)
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

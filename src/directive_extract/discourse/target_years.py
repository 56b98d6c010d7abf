"""The times that date targets: which time expressions can give a target its year, years
written without the word for year, and the period headings of a targets section.

Contract used by ``discourse/targets.py`` and ``discourse/detect.py``:

- ``times_in(text, start, end, times) -> list[TimeMatch]``: the span's time expressions
  with its bare years ("đến 2030"), in text order.
- ``forward(match, ref) -> bool``: the time can date a target; ``governed(match)``: a
  word of its own governs it.
- ``period_heading(text, start, end, times) -> bool``: the span is nothing but a period
  ("- Giai đoạn 2026-2028:"), which dates the targets listed under it.
- ``governing(text, matches, ref)``: the times that can date a target, bases of
  comparisons aside (``after_base``); ``target_year(text, start, end)`` and
  ``plan_year(title, ref)``: the year a span, and a title's plan, set targets for;
  ``stated_plan(text, start, end, times)``: a plan named with its year in the span, and
  ``plan_before(text, at, times)`` in the paragraph of ``at`` before it.

The words before a bare year come from ``data/target_cues.tsv`` (kind ``year_cue``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

import regex

from directive_extract import lexicon
from directive_extract.discourse.target_words import target_patterns
from directive_extract.lexicon import alternation
from directive_extract.mentions.times import RefDate, TimeIndex, TimeMatch
from directive_extract.mentions.times import words as time_words

#: Granularities of a bare time that dates the targets of its clause.
_DATING = frozenset({"year", "month", "quarter"})
#: How far before a bare year the words that make it a name may stand ("Chiến lược ...").
_NAME_REACH = 160


@cache
def _patterns() -> dict[str, regex.Pattern]:
    cues = alternation(
        row["word"] for row in lexicon.load("target_cues") if row["kind"] == "year_cue"
    )
    return {
        "bare_year": regex.compile(
            rf"(?<!\w){cues}\s++(?P<year>(?:19|20)[0-9]{{2}})(?!\w|[/.,-]?[0-9])",
            regex.IGNORECASE,
        ),
        # what may stand around a heading's period: a list marker before, a colon after,
        # and the bold marks of a page read as plain text ("**Quý I/2026:**")
        "marker": regex.compile(
            r"[\s*_]*+(?:[-+•]++|[0-9a-zđ]{1,3}+[.)]|[IVXLC]++\.)?[\s*_]*+", regex.IGNORECASE
        ),
        "colon": regex.compile(r"[\s:.*_]*+"),
    }


def governed(match: TimeMatch) -> bool:
    """The time is governed by a word of its own ("vào năm 2026", "đến năm 2030"), not a
    bare year ("Năm nay", "Năm 2025,")."""
    return match.cue is not None


def forward(match: TimeMatch, ref: RefDate | None = None) -> bool:
    """A time that can date a target: governed ("đến năm 2025"), a bare year, month or
    quarter ("phấn đấu hết tháng 8/2020 ... hơn 8.000 doanh nghiệp"), or a period of
    years still running at the article's date ("trong giai đoạn 2022-2025" in 2022),
    which the time index reads as a fact because it began before the article."""
    if match.strength > 0 or (not governed(match) and match.granularity in _DATING):
        return True
    return governed(match) and _running(match, ref)


def _running(match: TimeMatch, ref: RefDate | None) -> bool:
    """A period of several years that began before the article and ends after it."""
    earliest = match.earliest
    if ref is None or earliest is None or earliest.year >= match.due.year:
        return False
    return earliest < ref.first_day <= match.due


def times_in(text: str, start: int, end: int, times: TimeIndex) -> list[TimeMatch]:
    """The span's time expressions with its bare years, in text order."""
    found = times.within(start, end)
    bare = _bare_years(text, start, end, times.ref, found)
    return sorted([*found, *bare], key=lambda match: match.start) if bare else found


def _bare_years(
    text: str, start: int, end: int, ref: RefDate | None, found: Sequence[TimeMatch]
) -> list[TimeMatch]:
    """Years written without the word for year after a word that sets when a target is
    due ("đến 2030", "trong 2025"), which the time rules do not read: each is read as
    the time rules read it with that word written ("đến năm 2030"), so that one inside a
    name ("Chiến lược ... đến 2030") or already past is no due year, as there.

    >>> [(m.text, m.cue, m.due.year) for m in _bare_years("đạt 50% đến 2030", 0, 16, None, [])]
    [('đến 2030', 'đến', 2030)]
    """
    read: list[TimeMatch] = []
    for bare in _patterns()["bare_year"].finditer(text, start, end):
        year = bare.start("year")
        if any(match.start <= year < match.end for match in found):
            continue
        back = max(start, year - _NAME_REACH)
        written = f"{text[back:year]}{time_words('year')[0]} {bare.group('year')}"
        last = TimeIndex.scan(written, ref).within(0, len(written))[-1:]
        if last and last[0].end == len(written):
            read.append(replace(last[0], text=bare.group(), start=bare.start(), end=bare.end()))
    return read


_YEARS = ("year",)
#: Spans a heading over tasks may name; a day alone is a dateline ("**22/11/2025**").
_SPANS = ("year", "half", "quarter", "month")


def period_heading(
    text: str, start: int, end: int, times: TimeIndex, years_only: bool = True
) -> bool:
    """``text[start:end]`` is a period heading over the targets or tasks listed under it
    ("- Giai đoạn 2026-2028", "Đến năm 2030:"): one time of years (or, not ``years_only``,
    of any span: "Quý I/2026:" over tasks) and nothing else but a list marker or a colon
    that make it head what follows (a bare "Giai đoạn 2026 - 2030" is rather a cell of a
    task table's time column, flattened into lines).

    >>> text = "- Giai đoạn 2026-2028:"
    >>> period_heading(text, 0, len(text), TimeIndex.scan(text))
    True
    >>> [period_heading(text, 0, len(text), TimeIndex.scan(text))
    ...  for text in ("- Giai đoạn 2026-2028, đạt 95%", "Giai đoạn 2026 - 2030")]
    [False, False]
    """
    found = times_in(text, start, end, times)
    if len(found) != 1 or found[0].granularity not in (_YEARS if years_only else _SPANS):
        return False
    patterns = _patterns()
    before = patterns["marker"].fullmatch(text, start, found[0].start)
    after = patterns["colon"].fullmatch(text, found[0].end, end)
    if before is None or after is None:
        return False
    return bool(before.group().strip()) or ":" in after.group()


def governing(
    text: str, matches: Sequence[TimeMatch], ref: RefDate | None = None
) -> list[TimeMatch]:
    """The times that can date a target, less the bases of comparisons ("so với năm 2024")."""
    return [match for match in matches if forward(match, ref) and not after_base(text, match.start)]


#: How far before a time or a goal word the base of a comparison ("so với") reaches.
_BASE_REACH = 20


def after_base(text: str, at: int, start: int = 0) -> bool:
    """The base of a comparison ("so với") stands right before ``at``, from ``start`` on:
    what follows is what a figure is compared with, not a goal or a deadline."""
    return target_patterns()["base"].search(text, max(start, at - _BASE_REACH), at) is not None


def target_year(
    text: str, start: int, end: int, ref: RefDate | None = None, times: TimeIndex | None = None
) -> int | None:
    """The year that ``text[start:end]`` sets its targets for.

    >>> target_year("Phấn đấu đến năm 2025, 100% dịch vụ công", 0, 40)
    2025
    >>> target_year("Chiến lược phát triển đến năm 2030, tầm nhìn 2045", 0, 49) is None
    True
    """
    times = times or TimeIndex.scan(text, ref)
    found = governing(text, times_in(text, start, end, times), times.ref)
    return found[0].due.year if found else None


def plan_year(title: str, ref: RefDate | None = None) -> int | None:
    """The one year a title's plan is for, which dates the targets nothing in the text
    dates: not a period (its items are due over it), not a title naming two years ("tổng
    kết năm 2024, triển khai nhiệm vụ năm 2025"), not a year already past at ``ref``.

    >>> plan_year("Phê duyệt kế hoạch năm 2021 của VNPT", RefDate(2021, 1, 10))
    2021
    >>> plan_year("Kế hoạch hành động giai đoạn 2026 - 2030") is None
    True
    >>> plan_year("Hoàn thành kế hoạch năm 2020", RefDate(2021, 1, 10)) is None
    True
    """
    times = TimeIndex.scan(title, ref)
    years = {
        (t.earliest.year if t.earliest else None, t.due.year)
        for t in governing(title, times_in(title, 0, len(title), times), ref)
    }
    if len(years) != 1:
        return None
    ((first, due),) = years
    if first != due or (ref is not None and due < ref.year):
        return None
    return due


#: How far before a year the word of the plan it names may stand, and how far before that
#: word one that tells the plan's results ("kết quả thực hiện kế hoạch năm 2021").
_PLAN_REACH = 60
_TOLD_REACH = 25


def stated_plan(text: str, start: int, end: int, times: TimeIndex) -> TimeMatch | None:
    """The last plan ``text[start:end]`` names with its one year, not yet past ("Bộ đã
    giao chỉ tiêu kế hoạch năm 2022 cho Tổng công ty X."): the sentences after it in its
    paragraph set their undated targets for that year ("Theo đó, Tổng công ty X được
    giao doanh thu đạt 9.500 tỷ đồng").  A year with a word of its own ("mục tiêu
    đến năm 2030") is a goal's, and a plan whose results are told or that a comparison
    measures against ("so với dự toán năm 2021") is none.

    >>> text = "Bộ đã giao chỉ tiêu kế hoạch năm 2021 cho Tổng công ty. Theo đó, ..."
    >>> stated_plan(text, 0, 56, TimeIndex.scan(text, RefDate(2021, 1, 10))).text
    'năm 2021'
    >>> text = "Kết quả thực hiện kế hoạch năm 2021 đạt 95%."
    >>> stated_plan(text, 0, 44, TimeIndex.scan(text, RefDate(2021, 1, 10))) is None
    True
    """
    patterns = target_patterns()
    found = None
    for match in times.within(start, end):
        first = match.earliest.year if match.earliest else match.due.year
        if match.granularity != "year" or first != match.due.year or governed(match):
            continue
        if times.ref is not None and match.due.year < times.ref.year:
            continue
        plan = patterns["plan_named"].search(
            text, max(start, match.start - _PLAN_REACH), match.start
        )
        told = plan and patterns["plan_told"].search(
            text, max(start, plan.start() - _TOLD_REACH), plan.start()
        )
        if plan and not told:
            found = match
    return found


def plan_before(text: str, at: int, times: TimeIndex) -> TimeMatch | None:
    """:func:`stated_plan` of the paragraph of ``at``, before ``at``."""
    return stated_plan(text, text.rfind("\n", 0, at) + 1, at, times)

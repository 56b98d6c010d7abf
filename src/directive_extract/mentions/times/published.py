"""The article's own date: a dateline, a document's place-and-date line, or the
metadata, never a site notice or a crawl date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

import regex

from directive_extract.mentions.times.dates import RefDate
from directive_extract.mentions.times.readers import _int
from directive_extract.mentions.times.rules import _full_date_forms, due_before
from directive_extract.mentions.times.vocabulary import _FLAGS, _YEAR, _w

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
        "year_word": regex.compile(rf"{w('year')}\s++\Z", _FLAGS),
        # the number of a cited document ("133/2016/TT-BTC", "40:2011/BTNMT")
        "citation": regex.compile(r"(?<![\w/:.-])\d++(?:[:./-]\d++)*+[/-]\p{Lu}[\w&./-]*+"),
        "day_word": regex.compile(w("day"), _FLAGS),
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


#: How many words a line with a time of day may hold and still be a byline ("Ngày giờ
#: đăng bài viết gốc: 09:45 22/05/2025"), not a paragraph that names an hour ("trước
#: 08h00 ngày 20/5/2025") after citing a document's date.
_BYLINE_WORDS = 12


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
    elif len(words) <= 4 or (len(words) <= _BYLINE_WORDS and patterns["time"].search(line)):
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


#: How far into an undated story its first full date may be the event it reports.
_OPENING_CHARS = 600


def _opening_date(text: str) -> _Dated | None:
    """The first full date near the start of a story that dates itself nowhere else: the
    event it reports ("Ngày 17/11/2025, Chính phủ ban hành ...", "Tại Công văn ... ngày
    31/12/2024"). The event's date is written after "ngày"; a date without it names an
    occasion ("duyệt binh 2/9/2025" in a headline), not when the story happened, and a
    date a task is due by ("trước ngày 30/6/2025") comes after it.

    >>> infer_published("Nghị định mới\\nChính phủ ban hành Nghị định ngày 17/11/2025 về ...")
    '2025-11-17'
    >>> infer_published("Giao Bộ Tài chính trình Chính phủ trước ngày 30/6/2025.")
    '2025'
    """
    patterns = _published_patterns()
    found = next(
        (
            m
            for m in patterns["full"].finditer(text, 0, _OPENING_CHARS)
            if patterns["day_word"].match(m.group()) and not due_before(text, m.start())
        ),
        None,
    )
    day_month_year = _full_date(found) if found else None
    if day_month_year is None:
        return None
    year, month, day = day_month_year
    return _Dated("event", year, month, day, found.start())


def _dominant_year(text: str, latest: int | None) -> int | None:
    """The year the text speaks of most: not a target year ("đến năm 2030") or one a task
    is due by ("trước năm 2026"), nor one in the number of a document it cites ("Thông tư
    133/2016/TT-BTC"), which says when the text was written no more than a target does.
    The date a cited document bears counts: a news story cites last week's directive."""
    patterns = _published_patterns()
    text = _masked(text, [m.span() for m in patterns["citation"].finditer(text)])
    counts: Counter[int] = Counter()
    for match in patterns["year"].finditer(text):
        year = int(match["y"])
        if latest and year > latest:
            continue
        if patterns["ahead"].search(text, max(0, match.start() - 30), match.start()):
            continue
        named = patterns["year_word"].search(text, max(0, match.start() - 10), match.start())
        if due_before(text, named.start() if named else match.start()):
            continue  # "vận hành trước năm 2026": a year a task is due by
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
    opening = _opening_date(text)
    if opening is not None and (year is None or opening.year == year):
        return _against_chrome(opening, chrome).ref.iso()
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

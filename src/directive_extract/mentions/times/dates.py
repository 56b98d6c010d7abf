"""Calendar arithmetic of time expressions: the reference date, windows of days, months,
quarters, halves and years, working days.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import regex

#: How far back a year-less date may fall before the article and still be this year's,
#: when a cue says it lies ahead ("trước ngày 15/1" in a December article is next year's).
_ROLL_FORWARD = timedelta(days=90)


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

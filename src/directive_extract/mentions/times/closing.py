"""A clause that only states when its item is due: "Hoàn thành trước ngày 15/12/2025.",
"Đảm bảo hoàn thành trong quý I/2026.", "Thời hạn hoàn thành: trước ngày 30/11/2025."

Such a clause assigns nothing of its own: its date is the deadline of the tasks of the
item it closes (``assemble`` gives it to them), and it is no directive by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from directive_extract.lexicon import alternation
from directive_extract.mentions.times.find import TimeMatch
from directive_extract.mentions.times.vocabulary import _FLAGS, words

_WORD_CHAR = regex.compile(r"\w")


@cache
def _closing_words() -> tuple[regex.Pattern, regex.Pattern]:
    """The words that say "complete by" and the others a closing clause may hold."""
    closing, also = (
        regex.compile(r"(?<!\w)" + alternation(words(key)) + r"(?!\w)", _FLAGS)
        for key in ("closing", "closing_also")
    )
    return closing, also


@cache
def _time_limit_noun() -> regex.Pattern:
    """A noun of a time limit opening a clause ("Thời hạn bàn giao mặt bằng ...")."""
    return regex.compile(r"\s*+" + alternation(words("limit_noun")) + r"(?!\w)", _FLAGS)


def closing_due(text: str, start: int, end: int, matches: Sequence[TimeMatch]) -> TimeMatch | None:
    """The date of a clause whose words before it only say "complete by", not another task
    with its own date ("trình Chính phủ chậm nhất ngày 25/5/2025", "Hoàn thành chiến dịch
    tiêm chủng trong tháng 9").

    ``matches``: the clause's time expressions, in text order.

    >>> from directive_extract.mentions.times import RefDate, find_times
    >>> ref = RefDate(2025, 11, 20)
    >>> text = "Đảm bảo hoàn thành trong quý I/2026."
    >>> closing_due(text, 0, 36, find_times(text, 0, 36, ref)).due
    datetime.date(2026, 3, 31)
    >>> text = "trình Chính phủ chậm nhất ngày 25/5/2025"
    >>> closing_due(text, 0, 40, find_times(text, 0, 40, ref)) is None
    True
    """
    times = matches
    if not times or times[0].strength == 0:  # a start or a fact, no due date
        return None
    lead, after = text[start : times[0].start], text[times[0].end : end]
    if not _WORD_CHAR.search(lead + after) and times[0].strength == 2:
        return times[0]  # the date alone, cut from its label ("Thời hạn hoàn thành:")
    if times[0].strength == 2 and _time_limit_noun().match(lead):
        return times[0]  # "Thời hạn bàn giao mặt bằng chậm nhất ngày 15/3/2026."
    closing, also = _closing_words()
    rest = closing.sub(" ", lead)
    if rest != lead and not _WORD_CHAR.search(also.sub(" ", rest)):
        return times[0]
    return None

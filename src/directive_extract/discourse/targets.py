"""Targets: which figures a directive sets out to reach, with their year.

Contract used by the pipeline:

- ``mark_targets(text, clauses, figures, ref, times=None) -> list[list[Figure]]``.
- ``target_year`` (from :mod:`.target_years`): the year a span sets targets for.

``times`` is the document's ``TimeIndex``, anchored at ``ref`` (scanned when absent).
- ``with_roles(figures, targets_per_clause) -> list[Figure]``: the document's figures with
  the targets' role, year and comparator put in.

The words that make a figure a target come from ``data/target_cues.tsv``.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Protocol

import regex

from directive_extract import models
from directive_extract.discourse.segment import Span
from directive_extract.discourse.target_words import (
    REACH_WINDOW,
    REPORTED_WINDOW,
    target_patterns,
    target_units,
)
from directive_extract.discourse.target_years import (
    after_base,
    governed,
    governing,
    plan_before,
    target_year,
    times_in,
)
from directive_extract.mentions.figures import find_figures
from directive_extract.mentions.times import RefDate, TimeIndex, TimeMatch


class Clause(Protocol):
    """What ``mark_targets`` reads of a clause (the pipeline's clause objects)."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    is_directive: bool
    sets_quantities: bool  # every figure in the clause is a quantity to reach
    period: Span | None  # the heading of the clause's targets section
    indicator: bool  # a cell of a table of indicators: it holds its quantity alone


def is_quantity(
    text: str, figure: models.Figure, previous: models.Figure | None = None, lower: int = 0
) -> bool:
    """Whether a figure of a target clause is a quantity to reach, not one that describes.

    A percentage is one unless a word before it names it ("Chương trình 1.000 trạm sạc");
    a span of time with a word of limits around it is a time limit ("không quá 05 ngày làm
    việc");
    another figure needs a word of reaching right before it ("đạt 85 triệu đồng", "có
    thêm 5 xã", "thuộc nhóm 20 tỉnh") or a goal word a few words before it ("chỉ tiêu thu
    ngân sách 62.000 tỷ đồng"), a comparator ("ít nhất 03 lớp"), or to follow a
    quantity it is listed with ("... 12/53 dịch vụ và 20 dịch vụ", "... đạt 10 triệu
    tấn, lợi nhuận 15.000 tỷ đồng"). A figure whose unit
    describes ("220 kV", "từ 24 đến 72 tháng tuổi", "hai con số"), or that a quantity is
    counted per ("10 bác sĩ trên 10.000 dân"), is never one.

    >>> from directive_extract.mentions.figures import find_figures
    >>> text = "đạt 85 triệu đồng; vận hành chính quyền 2 cấp; đường dây 220 kV"
    >>> [is_quantity(text, f) for f in find_figures(text)]
    [True, False, False]
    """
    patterns = target_patterns()
    window = max(lower, figure.start - REACH_WINDOW)
    if patterns["describes_before"].search(text, window, figure.start):
        return False
    unit = " ".join(figure.unit.casefold().split())
    if unit in target_units("describes_unit") or _in_topic(text, figure, lower):
        return False
    if _starts_change(text, figure, window) or _time_limit(text, figure, unit, window):
        return False
    if previous is not None and patterns["per"].fullmatch(text, previous.end, figure.start):
        return False  # "10 bác sĩ trên 10.000 dân": what the quantity is counted per
    if figure.unit == "%" or figure.comparator != "=" or _listed_alike(text, previous, figure):
        return True
    if previous is not None and patterns["joins"].match(text, previous.end, figure.start):
        return True
    if previous is not None and patterns["listed"].fullmatch(text, previous.end, figure.start):
        return True  # "... đạt 10 triệu tấn, lợi nhuận sau thuế 15.000 tỷ đồng"
    if patterns["reach"].search(text, window, figure.start) is not None:
        return True
    if unit in target_units("time_unit"):  # "đặt mục tiêu sau 2 năm ...": when, not how much
        return False
    goal_window = max(lower, figure.start - 2 * REACH_WINDOW)
    return patterns["goal_reach"].search(text, goal_window, figure.start) is not None


#: How far apart two quantities of a list may stand ("...; Chi cục B 14.500 tỷ đồng").
_LIST_REACH = 3 * REACH_WINDOW
_SENTENCE_OR_LINE_END = regex.compile(r"[.\n]")


def _listed_alike(text: str, previous: models.Figure | None, figure: models.Figure) -> bool:
    """The figure is the next item, in its sentence, of a list of quantities of one unit
    after a quantity to reach ("thuế xuất khẩu 300 tỷ đồng, thuế nhập khẩu 21.990 tỷ
    đồng"; "Chi cục A được giao 46.000 tỷ đồng; Chi cục B 14.500 tỷ đồng")."""
    if previous is None or not figure.unit or previous.unit != figure.unit:
        return False
    between = text[previous.end : figure.start]
    return len(between) <= _LIST_REACH and _SENTENCE_OR_LINE_END.search(between) is None


def _starts_change(text: str, figure: models.Figure, window: int) -> bool:
    """The figure is where a change starts ("giảm thời gian từ 58 giờ xuống 55 giờ"): the
    quantity to reach is the one after it."""
    patterns = target_patterns()
    starts = patterns["from"].search(text, window, figure.start) is not None
    return starts and patterns["onto"].match(text, figure.end) is not None


def _time_limit(text: str, figure: models.Figure, unit: str, window: int) -> bool:
    """A span of time that is a time limit or a period ("không quá 05 ngày làm việc",
    "trong thời gian tối đa 02 ngày", "chỉ tiêu 5 năm sau"), not one to reach ("thời
    gian chờ khám dưới 60 phút", "rút ngắn ... xuống tối đa 15 ngày làm việc")."""
    if unit not in target_units("time_unit"):
        return False
    patterns = target_patterns()
    if patterns["onto_before"].search(text, window, figure.start):
        return False  # what a span is cut down or raised to
    if patterns["limit_after"].match(text, figure.end):
        return True
    return patterns["limit_before"].search(text, window, figure.start) is not None


def _in_topic(text: str, figure: models.Figure, lower: int) -> bool:
    """The figure is part of what a task is about ("thanh tra toàn diện về Dự án Mobifone
    mua 95% cổ phần"): a topic word before it in its clause, no word of reaching between."""
    patterns = target_patterns()
    window = max(lower, figure.start - 3 * REACH_WINDOW)
    topic = None
    for found in patterns["topic"].finditer(text, window, figure.start):
        topic = found  # the last one before the figure
    if topic is None or regex.search(r"[,;:.]", text[topic.end() : figure.start]):
        return False
    return patterns["reach_any"].search(text, topic.end(), figure.start) is None


def states_goal(text: str, start: int, end: int) -> bool:
    """The span states a goal whose figures may follow in the next sentences and
    paragraphs ("Phấn đấu đến năm 2030, ...", "mục tiêu ...").

    >>> states_goal("Phấn đấu đến năm 2030, TPHCM trở thành đô thị thông minh.", 0, 55)
    True
    """
    return target_patterns()["sentence"].search(text, start, end) is not None


def heads_goal_list(text: str, start: int, end: int) -> bool:
    """The span opens with a goal word and names the year its goal is due ("Mục tiêu
    đến năm 2030", "Định hướng đến năm 2030 như sau"): a lead-in of the targets listed
    after it.  A goal word inside a name ("Chương trình mục tiêu quốc gia ...") or one
    that names a form's field ("Chỉ tiêu [27]") heads none.

    >>> heads_goal_list("Mục tiêu đến năm 2030", 0, 21), heads_goal_list("Mục tiêu chung", 0, 14)
    (True, False)
    """
    if target_patterns()["sentence"].match(text, start, end) is None:
        return False
    return target_year(text[start:end], 0, end - start) is not None


def goal_quantity(
    text: str, start: int, end: int, times: TimeIndex | None = None
) -> tuple[int, int] | None:
    """Where the span states a goal with its quantity, whoever is assigned: (start of the
    goal word, start of the quantity).  The goal word is not told as done nor compared
    with ("so với chỉ tiêu"); the quantity is one to reach, compared with nothing past;
    no figure stands before the goal word in its stretch of the clause (a report that
    mentions a goal: "đạt 46% chỉ tiêu"); one in an earlier stretch tells what was
    done before the goal is set ("hết tháng 8 đạt 5,4 tỷ USD, hết năm nay sẽ phấn đấu
    đạt ..."). A goal word that is a figure's unit ("23 chỉ tiêu") is none.

    >>> goal_quantity("ngành dệt may đặt mục tiêu xuất khẩu 47-48 tỷ USD", 0, 49)
    (18, 37)
    >>> goal_quantity("doanh thu đạt 95% mục tiêu năm", 0, 30) is None
    True
    """
    if target_patterns()["goal"].search(text, start, end) is None:
        return None  # most clauses: no goal word, no figures to read
    figures = find_figures(text, start, end, times)
    cue = _goal_word(text, start, end, figures)
    if cue is None or after_base(text, cue.start(), start):
        return None
    before = [figure for figure in figures if figure.start < cue.start()]
    if before and not regex.search(r"[,;:]", text[before[-1].end : cue.start()]):
        return None
    for figure in figures[len(before) :]:
        compared = _compares(text, figure, end, times, start)
        compared = compared and not _reaches(text, cue.end(), figure)
        if not compared and is_quantity(text, figure, lower=cue.start()):
            return cue.start(), figure.start
    return None


def _goal_word(
    text: str, start: int, end: int, figures: Sequence[models.Figure]
) -> regex.Match | None:
    """The first goal word of the span that is not a figure's unit ("23 chỉ tiêu")."""
    for cue in target_patterns()["goal"].finditer(text, start, end):
        if not any(figure.start <= cue.start() < figure.end for figure in figures):
            return cue
    return None


#: Syllables that may stand between a goal word and the quantity it sets itself, with no
#: comparison of its own (``_reaches``; ``GOAL_GAP`` bounds what names its measure).
_SETS_GAP = 3


def _reaches(text: str, goal_end: int, figure: models.Figure) -> bool:
    """The goal word sets the figure itself, a few words before it ("phấn đấu tăng 10%
    so với năm trước", "mục tiêu giảm 20% ... so với năm 2020"): a comparison after it
    is the target's base, not a report."""
    between = text[goal_end : figure.start].split()
    return len(between) <= _SETS_GAP and all(word.isalpha() for word in between)


def compares(text: str, start: int, end: int, times: TimeIndex | None = None) -> bool:
    """The span compares a figure with a past one ("tăng 95% so với năm 2018"): it
    reports what happened.  A comparison whose base is followed by the year it is due
    ("giảm 20% so với năm 2020 vào năm 2025") sets a target relative to that base.

    >>> compares("doanh thu tăng 95% so với năm 2018", 0, 34)
    True
    >>> compares("giảm 20% phát thải so với năm 2020 vào năm 2030", 0, 48)
    False
    """
    for found in target_patterns()["reported_after"].finditer(text, start, end):
        if _against_plan(text, found) or _due_around(
            text, start, found.start(), found.end(), end, times
        ):
            continue
        return True
    return False


def _against_plan(text: str, comparison: regex.Match) -> bool:
    """The base of the comparison is a plan ("đạt 95% so với kế hoạch", "vượt 5% so với
    dự toán"): what is measured against it is not told as achieved, so the comparison
    reports nothing by itself; only one with a past figure does."""
    return target_patterns()["plan_base"].match(text, comparison.end()) is not None


#: How far after the base of a comparison the year a target is due may stand.
_DUE_REACH = 40


def _due_around(
    text: str, start: int, at: int, base: int, end: int, times: TimeIndex | None
) -> bool:
    """The year it is due stands in the stretch of the clause where a figure is compared:
    before the figure ("đến năm 2030 tỷ lệ hộ nghèo dưới 2% (giảm 3% so với năm 2024)")
    or right after the base ("giảm 20% so với năm 2020 vào năm 2025").  What
    is compared is due then: a target relative to its base, not a report.  A due time is
    governed by a word of its own and still ahead (the time index's strength)."""
    back = max(start, at - 2 * _DUE_REACH)
    cuts = [found.end() for found in regex.finditer(r"[,;.:]", text[back:at])]
    begin = back + cuts[-1] if cuts else back
    stop = min(end, base + _DUE_REACH)
    cut = regex.search(r"[,;.:\n]", text[base:stop])
    stop = base + cut.start() if cut else stop
    return _due_in(text, begin, at, times) or _due_in(text, base, stop, times)


def _due_in(text: str, start: int, end: int, times: TimeIndex | None) -> bool:
    found = times.within(start, end) if times else TimeIndex.scan(text[start:end]).within(0, end)
    return any(governed(match) and match.strength > 0 for match in found)


def reports_state(text: str, start: int, end: int) -> bool:
    """The span tells how things stand now ("Hiện nay, tổng công suất ... đạt trên
    60.000 MW"): a figure after the word of the present, with no goal word between,
    reports.

    >>> reports_state("Hiện nay, tổng công suất nguồn điện đạt trên 60.000 MW", 0, 54)
    True
    >>> reports_state("Hiện nay, tỉnh phấn đấu đạt 90% số xã", 0, 37)
    False
    """
    patterns = target_patterns()
    now = None
    for found in patterns["now"].finditer(text, start, end):
        now = found  # the last one in the span
    if now is None or not any(char.isdigit() for char in text[now.end() : end]):
        return False
    return patterns["sentence"].search(text, now.end(), end) is None


class _States:
    """:func:`reports_state` of ``text[start:at]`` for every ``at`` of one clause, with
    the words of the present and the goal words found once: asked of each figure, the
    function would scan the clause from its start each time."""

    def __init__(self, text: str, start: int, end: int) -> None:
        patterns = target_patterns()
        self.nows = [m.end() for m in patterns["now"].finditer(text, start, end)]
        goals = list(patterns["sentence"].finditer(text, start, end))
        self.goal_starts = [m.start() for m in goals]
        self.goal_ends = [m.end() for m in goals]
        self.start = start
        self.digits = list(accumulate((char.isdigit() for char in text[start:end]), initial=0))

    def reports(self, at: int) -> bool:
        now = bisect_right(self.nows, at) - 1
        if now < 0:
            return False
        since = self.nows[now]
        if self.digits[at - self.start] == self.digits[since - self.start]:
            return False  # no figure after the word of the present
        goal = bisect_left(self.goal_starts, since)
        return goal == len(self.goal_starts) or self.goal_ends[goal] > at


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What a sentence offers its clauses, found once: where its first sentence-wide cue
    ends, its governing times (in text order) and where its first amount (a figure not in
    percent) ends."""

    cue_end: float
    times: tuple[TimeMatch, ...]
    starts: tuple[int, ...]
    amount_end: float = math.inf


def _sentence(
    text: str,
    start: int,
    end: int,
    times: TimeIndex,
    figures: Sequence[models.Figure],
    starts: Sequence[int],
) -> _Sentence:
    """What a sentence tells its targets; ``figures`` in text order, ``starts`` theirs."""
    cue = _goal_cue(text, start, end)
    found = tuple(governing(text, times_in(text, start, end, times), times.ref))
    inside = figures[bisect_left(starts, start) : bisect_right(starts, end)]
    amounts = [f.end for f in inside if f.end <= end and f.unit != "%"]
    starts = tuple(match.start for match in found)
    return _Sentence(cue.end() if cue else math.inf, found, starts, min(amounts, default=math.inf))


def _goal_cue(text: str, start: int, end: int) -> regex.Match | None:
    """The first sentence-wide goal word of the span that is not the base of a share
    right after a figure ("vượt 5,6% chỉ tiêu Bộ Tài chính giao": a result measured
    against a plan, no goal set)."""
    for cue in target_patterns()["sentence"].finditer(text, start, end):
        if not _AFTER_FIGURE.search(text, max(start, cue.start() - 3), cue.start()):
            return cue
    return None


_AFTER_FIGURE = regex.compile(r"[0-9%]\s*+$")  # a figure's number or percent sign ends here


def _share_of_plan(text: str, figure: models.Figure, sentence: _Sentence) -> bool:
    """A percentage of a plan that restates an amount told before it in its sentence
    ("thu đạt 22.300 tỷ đồng bằng 95,7% dự toán", "giải ngân 23.785 tỷ đồng, đạt 90,3% kế
    hoạch"): how much of the plan is done, a result, unless a goal word before it sets it
    ("phấn đấu vượt 5% chỉ tiêu") or a comparator makes it a floor ("cần vượt tối thiểu
    5% dự toán").  With no amount before it, a task may set it ("bảo đảm giải ngân 100%
    kế hoạch vốn")."""
    if figure.unit != "%" or figure.comparator != "=":
        return False
    if not sentence.amount_end <= figure.start < sentence.cue_end:
        return False
    return target_patterns()["plan_base"].match(text, figure.end) is not None


def _year_for(
    text: str, sentence: _Sentence, clause: Clause, figure: models.Figure, previous_end: int = -1
) -> int | None:
    """The nearest governing year: before the figure in its clause, after it in the clause,
    in the sentence before the clause, else the figure's own.  A year governed by its
    own word after the figure ("... 47 tỷ USD vào năm 2026") is the target's own and wins
    over a bare one before it ("Năm nay, ..."), which only sets the scene; so does any
    one after it when the year before is an earlier figure's own, right after it
    (``previous_end``: where that figure ends; "45% vào năm 2025 và 50% vào năm 2030")."""
    times, starts = sentence.times, sentence.starts
    before = bisect_right(starts, figure.start) - 1
    while before >= 0 and times[before].end > figure.start:
        before -= 1
    following = bisect_left(starts, figure.end)
    own = (
        times[following] if following < len(times) and times[following].end <= clause.end else None
    )
    shared = own is None or before < 0 or previous_end < 0
    if not shared and _OWN_TIME.fullmatch(text, previous_end, times[before].start):
        before = -1  # the earlier figure's own year
    if before >= 0 and times[before].start >= clause.start:
        if own is not None and governed(own) and not governed(times[before]):
            return own.due.year
        return times[before].due.year
    if own is not None:
        return own.due.year
    prefix = bisect_right(starts, clause.start) - 1
    while prefix >= 0 and (times[prefix].end > clause.start or times[prefix].granularity != "year"):
        prefix -= 1  # another task's due day ("trước ngày 25/5") dates no target after it
    return times[prefix].due.year if prefix >= 0 else figure.year


#: Between a figure and a time that is its own: a word that governs the time, no pause.
_OWN_TIME = regex.compile(r"\s++(?:[^\W\d]++\s++){0,2}")


def _is_target(
    text: str,
    clause: Clause,
    sentence: _Sentence,
    clause_cue_end: float,
    figure: models.Figure,
    times: TimeIndex | None = None,
) -> bool:
    """After a target cue in the clause, and not a comparison with the past ("tăng 26% so
    với cùng kỳ") unless the sentence sets targets ("Phấn đấu ... giảm 10% biên chế so với
    năm 2021") or the task's own cue sets the figure ("yêu cầu các địa phương giảm 20% số
    vụ ... so với năm 2024": the comparison is the target's base)."""
    if sentence.cue_end <= figure.start:
        return True
    if clause_cue_end > figure.start:
        return False
    compared = _compares(text, figure, clause.end, times, clause.start)
    return not compared or _set_by_cue(text, clause, figure)


def _set_by_cue(text: str, clause: Clause, figure: models.Figure) -> bool:
    """The clause's last target cue before the figure sets it, a few words before it, in
    the clause's first stretch: the figure is what the task is to reach, not one told as
    achieved (a cue after a word of the past is none) nor a fact set beside the task after
    a comma ("..., trong bối cảnh xuất khẩu tăng 26% so với cùng kỳ")."""
    cue = None
    for found in target_patterns()["clause"].finditer(text, clause.start, figure.start):
        cue = found  # the last one before the figure
    if cue is None or regex.search(r"[,;:]", text[clause.start : cue.start()]):
        return False
    return _reaches(text, cue.end(), figure)


def _compares(
    text: str, figure: models.Figure, end: int, times: TimeIndex | None = None, start: int = 0
) -> bool:
    """The figure compares with the past, before ``end``: "tăng 26% so với cùng kỳ";
    not when the year it is due follows the base ("... so với năm 2020 vào năm 2025")."""
    window_end = min(end, figure.end + 2 * REPORTED_WINDOW)
    found = target_patterns()["reported_after"].match(text, figure.end, window_end)
    if found is None or _against_plan(text, found):
        return False
    return not _due_around(text, start, figure.start, found.end(), end, times)


def _in_clause(
    clause: Clause, figures: Sequence[models.Figure], starts: list[int]
) -> Sequence[models.Figure]:
    return figures[bisect_left(starts, clause.start) : bisect_left(starts, clause.end)]


def mark_targets(
    text: str,
    clauses: Sequence[Clause],
    figures: Sequence[models.Figure],
    ref: RefDate | None = None,
    times: TimeIndex | None = None,
    plan_year: int | None = None,
) -> list[list[models.Figure]]:
    """For each clause, the figures it sets out to reach, as targets with year;
    ``plan_year``, the year of the plan the text's title names, dates those that
    nothing in the text dates.

    >>> from types import SimpleNamespace as C
    >>> from directive_extract.mentions.figures import find_figures
    >>> text = "Phấn đấu đến năm 2025, 100% dịch vụ công trực tuyến; 50% dân số dùng."
    >>> clauses = [C(start=0, end=51, sentence_start=0, sentence_end=69, is_directive=True,
    ...              sets_quantities=False, period=None, indicator=False),
    ...            C(start=53, end=68, sentence_start=0, sentence_end=69, is_directive=True,
    ...              sets_quantities=False, period=None, indicator=False)]
    >>> [[(f.value, f.unit, f.year, f.role) for f in found]
    ...  for found in mark_targets(text, clauses, find_figures(text))]
    [[(100.0, '%', 2025, 'target')], [(50.0, '%', 2025, 'target')]]
    """
    times = times or TimeIndex.scan(text, ref)
    ordered = sorted(figures, key=lambda figure: figure.start)
    starts = [figure.start for figure in ordered]
    sentences: dict[tuple[int, int], _Sentence] = {}
    result: list[list[models.Figure]] = []
    running: int | None = None  # the year of the goal whose targets run on
    listed: tuple[tuple[int, int], models.Figure] | None = None  # a list's last quantity
    for clause in clauses:
        found: list[models.Figure] = []
        if clause.is_directive or _plans_on(text, clause, times):
            span = (min(clause.sentence_start, clause.start), max(clause.sentence_end, clause.end))
            if span not in sentences:
                sentences[span] = _sentence(text, *span, times, ordered, starts)
            in_clause = _in_clause(clause, ordered, starts)
            carried = listed[1] if listed is not None and listed[0] == span else None
            found = _clause_targets(text, clause, sentences[span], in_clause, times, carried)
            found = _dated(text, clause, found, times, running, plan_year)
            listed = (span, found[-1]) if found and found[-1].end == in_clause[-1].end else None
        if found or (clause.is_directive and not clause.sets_quantities):
            running = _lead_year(sentences[span], found, running) if found else None
            running = running if found else _list_year(text, clause, times)
        result.append(found)
    return result


def _plans_on(text: str, clause: Clause, times: TimeIndex) -> bool:
    """A firm's own plan, or a clause going on with its figures that tells no state of its
    own ("OCB là ngân hàng ..., đạt 3.200 tỷ đồng năm 2019" after the plan reports)."""
    if not clause.plans_own:
        return False
    return not clause.sets_quantities or not tells_state(text, clause.start, clause.end, times)


def _list_year(text: str, clause: Clause, times: TimeIndex) -> int | None:
    """The year of a goal's lead-in that lists its targets ("Phấn đấu đến năm 2030:"):
    the items after it run on under it."""
    if text[clause.end : clause.end + 1] != ":" or not states_goal(text, clause.start, clause.end):
        return None
    return target_year(text, clause.start, clause.end, times=times)


def _lead_year(
    sentence: _Sentence, found: Sequence[models.Figure], running: int | None
) -> int | None:
    """The year a lead-in before the clause's first target gives it ("Cụ thể, đến năm
    2025, 100% ..."): the targets after it, in the next paragraphs, run on under it, and
    so do those after a clause that took the running year.  An item's own year after its
    figure ("... đến năm 2025.") leads nothing."""
    first = found[0]
    lead = [time for time in sentence.times if time.end <= first.start]
    if not lead:
        return running if first.year == running else None
    return lead[-1].due.year if lead[-1].due.year == first.year else None


def _clause_targets(
    text: str,
    clause: Clause,
    sentence: _Sentence,
    figures: Sequence[models.Figure],
    times: TimeIndex | None = None,
    carried: models.Figure | None = None,
) -> list[models.Figure]:
    """The clause's figures that are quantities to reach, with the year of their phrase;
    ``carried``, the quantity ending the clause before in the sentence: the list runs on
    into this clause's first quantity, a target as that one was ("MobiFone được giao doanh
    thu đạt trên 30.000 tỷ đồng; lợi nhuận sau thuế là 3.928 tỷ đồng")."""
    cue = target_patterns()["clause"].search(text, clause.start, clause.end)
    cue_end = cue.end() if cue else math.inf
    # in a targets section every figure is the plan's; elsewhere a goal word may come late
    goal = None if clause.sets_quantities else _goal_word(text, clause.start, clause.end, figures)
    found: list[models.Figure] = []
    stands = _States(text, clause.start, clause.end)
    if carried is not None and figures and _tells_own(text, clause.start, figures[0], times):
        carried = None
    after = -1  # where the clause's figure before this one ends
    for figure in figures:
        previous = found[-1] if found else carried
        runs_on, carried = carried is not None, None  # into the clause's first figure only
        after, before_end = figure.end, after
        if not (clause.indicator or is_quantity(text, figure, previous, clause.start)):
            continue
        if stands.reports(figure.end) or _before_goal(text, figure, goal):
            continue
        if _share_of_plan(text, figure, sentence):
            continue
        compared = _compares(text, figure, clause.end, times, clause.start)
        quantities = (clause.sets_quantities or runs_on) and not compared
        if quantities or _is_target(text, clause, sentence, cue_end, figure, times):
            year = _year_for(text, sentence, clause, figure, before_end)
            found.append(figure.model_copy(update={"role": "target", "year": year}))
    return found


def _tells_own(text: str, start: int, figure: models.Figure, times: TimeIndex | None) -> bool:
    """Before its first figure, a clause after a list of quantities says what it tells of
    its own: a date, a word of reaching or of what was done ("...; năm 2024 thu được
    280.000 tỷ đồng"), so the list does not run on into it."""
    patterns = target_patterns()
    if times is not None and times.within(start, figure.start):
        return True
    return patterns["past"].search(text, start, figure.start) is not None


def tells_state(text: str, start: int, end: int, times: TimeIndex) -> bool:
    """``text[start:end]`` tells what stands or was done rather than going on with a list
    of quantities to reach: a time already past at the article's date ("...; năm 2020,
    doanh thu là ..." in 2021; not "giai đoạn 2021 - 2025", which dates a goal), a word
    of the past or of the state now ("lũy kế số thu là ...") or a comparison ("so với")."""
    ref = times.ref
    if any(ref is None or time.due < ref.first_day for time in times.within(start, end)):
        return True
    patterns = target_patterns()
    return any(patterns[kind].search(text, start, end) for kind in ("past", "now", "compared"))


def _before_goal(text: str, figure: models.Figure, goal: regex.Match | None) -> bool:
    """The figure stands in a stretch of the clause before its goal word: it tells what
    was done before the goal is set ("hết tháng 8 đạt 5,4 tỷ USD, hết năm nay sẽ phấn đấu
    đạt kim ngạch 8,9 tỷ USD")."""
    if goal is None or figure.end > goal.start():
        return False
    return regex.search(r"[,;:]", text[figure.end : goal.start()]) is not None


def _dated(
    text: str,
    clause: Clause,
    found: list[models.Figure],
    times: TimeIndex,
    running: int | None,
    plan_year: int | None = None,
) -> list[models.Figure]:
    """Targets with no year of their own take the period heading's, the running goal's,
    the document's own for a period already running ("năm nay", "cả năm"), that of a
    plan named before them in their paragraph, else the year of the plan the title
    names."""
    if all(target.year is not None for target in found):
        return found
    year = _section_year(text, clause, times) or (running if clause.sets_quantities else None)
    ref = times.ref
    if year is None and ref is not None:
        this_year = target_patterns()["this_year"]
        start = min(clause.sentence_start, clause.start)
        year = ref.year if this_year.search(text, start, clause.end) else None
    if year is None:
        stated = plan_before(text, min(clause.sentence_start, clause.start), times)
        year = stated.due.year if stated is not None else plan_year
    return [
        target if target.year is not None else target.model_copy(update={"year": year})
        for target in found
    ]


def _section_year(text: str, clause: Clause, times: TimeIndex) -> int | None:
    """The year of the targets section the clause is in ("2. Mục tiêu năm 2023")."""
    period = clause.period
    return target_year(text, period.start, period.end, times=times) if period is not None else None


def with_roles(
    figures: Sequence[models.Figure], targets_per_clause: Iterable[Iterable[models.Figure]]
) -> list[models.Figure]:
    """The document's figures with each target replaced by its target form.

    >>> figure = models.Figure(text="5 bậc", start=0, end=5, value=5, unit="bậc")
    >>> target = figure.model_copy(update={"role": "target"})
    >>> [f.role for f in with_roles([figure], [[target], []])]
    ['target']
    """
    targets = {
        (target.start, target.end): target for found in targets_per_clause for target in found
    }
    return [targets.get((figure.start, figure.end), figure) for figure in figures]

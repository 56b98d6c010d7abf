"""Goals and their quantities as :mod:`.detect` reads them: a goal stated with its
quantity is a target directive; a firm's own plan is none, though its quantities are
targets among the document's figures (``Clause.plans_own``); a goal's lead-in or its
figures open a zone of targets over the clauses after it."""

from __future__ import annotations

from directive_extract.discourse.decision import (
    CONTINUES_TARGETS,
    FIRM_PLAN,
    FIRMS,
    GOAL_STATEMENT,
    NOT,
    OBLIGED,
    STATE_BODIES,
    STRONG_VERB,
    SURE,
    TARGETS_ZONE,
    Decision,
)
from directive_extract.discourse.reading import Reading, Zone
from directive_extract.discourse.roles import ClauseRoles
from directive_extract.discourse.segment import Clause, Paragraph, Span, introduces
from directive_extract.discourse.setters import assigns_quota, goal_setter, measures_firm
from directive_extract.discourse.target_words import target_patterns
from directive_extract.discourse.target_years import period_heading, target_year
from directive_extract.discourse.targets import (
    compares,
    goal_quantity,
    heads_goal_list,
    reports_state,
)
from directive_extract.mentions.figures import find_figures
from directive_extract.mentions.times import TimeIndex


def goal_lead_in(text: str, clause: Clause, role: ClauseRoles, reading: Reading) -> bool:
    """A goal's lead-in that sets no task and lists its targets after a colon ("Mục tiêu
    đến năm 2030: 100% xã ...; 95% dân số ..."): the items are its targets, as under "Phấn
    đấu đến năm 2030:"."""
    return (
        reading.zone is Zone.NEUTRAL
        and introduces(text, clause)
        and heads_goal_list(text, role.head, clause.end)
    )


#: A goal a firm sets itself: no directive, though its quantities are targets.
FIRM_PLAN_DECISION = Decision(0.0, FIRM_PLAN)


def business_plan(
    text: str, clause: Clause, role: ClauseRoles, reading: Reading, decision: Decision
) -> bool:
    """Quantities a firm sets for itself, not a target directive: firms that set them
    where no authority asks them ("Tập đoàn X phấn đấu tổng doanh thu ..."), or what
    only a firm's plan measures, put on no state body ("... tổng doanh thu hợp nhất ...,
    lợi nhuận trước thuế ...")."""
    if not _sets_quantities(decision) or assigns_quota(text, role.head, clause.end):
        return False
    if role.lead and all(agency.type in FIRMS for agency in role.lead):
        return not (reading.in_frame(clause) or reading.continues(clause, paragraph=True))
    state_body = any(agency.type in STATE_BODIES for agency in role.lead)
    return not state_body and measures_firm(text, role.head, clause.end)


def goal(
    text: str, times: TimeIndex, clause: Clause, role: ClauseRoles, decided: Decision
) -> Decision:
    """A clause no other rule takes that states a goal with its quantity, whether or not
    anyone is assigned ("ngành dệt may đặt mục tiêu xuất khẩu 47-48 tỷ USD vào năm
    2026"): a target directive.  Its quantity is in the clause, so it opens no zone of
    targets over the paragraphs after it.  Done or reported between the goal and its
    quantity ("chỉ tiêu ..., công ty đã thực hiện 53% kế hoạch"), the quantity is a
    result.  A firm's goal ("Vissan đặt kế hoạch tổng doanh thu đạt ...") is its own plan:
    no directive, its quantities targets all the same (``firm_plan`` tells
    :mod:`.detect` so; the clause is then decided ``NOT``)."""
    found = None if decided.confidence else goal_quantity(text, role.head, clause.end, times)
    if found is None:
        return decided
    goal, quantity = found
    if any(cue.is_("past", "reported") and goal < cue.start < quantity for cue in role.cues):
        return NOT
    if assigns_quota(text, goal, quantity):
        return Decision(SURE, GOAL_STATEMENT)  # set by another: "... được giao là 60,7 triệu tấn"
    if measures_firm(text, role.head, clause.end):
        return FIRM_PLAN_DECISION  # "chỉ tiêu doanh thu thuần năm 2021 là ..."
    sure = _set_by(text, times, role, goal)
    return Decision(sure, GOAL_STATEMENT) if sure else FIRM_PLAN_DECISION


#: Rules by which a clause sets quantities; a firm's business plan may read as any.
_QUANTITY_RULES = frozenset({TARGETS_ZONE, CONTINUES_TARGETS})


def _sets_quantities(decision: Decision) -> bool:
    """Whether a clause was decided by a rule that sets quantities: a targets zone, or an
    obligation whose verb is a goal word of ``target_cues.tsv`` ("phấn đấu")."""
    if decision.rule in _QUANTITY_RULES:
        return True
    verb = decision.rule.removeprefix(STRONG_VERB)
    goal = target_patterns()["goal"].fullmatch(verb)
    return decision.rule.startswith(STRONG_VERB) and goal is not None


def _set_by(text: str, times: TimeIndex, role: ClauseRoles, goal: int) -> float:
    """How sure a goal is a target, by who sets it: a firm ("Viettel đặt mục tiêu doanh
    thu ...") tells a business plan, none; a name the gazetteer lacks ("MWG đặt mục tiêu
    ...") is one only where an authority speaks; the state, a plan or a sector sets one."""
    setter = goal_setter(text, role.head, goal, times)
    return 0.0 if setter == "firm" else OBLIGED if setter == "unknown" else SURE


def close_goal(
    text: str, times: TimeIndex, paragraph: Paragraph, reading: Reading, done: bool
) -> None:
    """A goal's figures run on over the paragraphs after it ("Cụ thể, đến năm 2025,
    100% ..."); a paragraph with no figure ends them (its dates are none: "Thứ Bảy,
    22/11/2025 - 18:05" under a headline), and so does one that opens by telling what
    was done (``done``: "Ngành Hải quan đã cải cách ... Chúng ta có 12 triệu hồ sơ ...")."""
    if reading.zone is not Zone.TARGETS:  # a heading has opened another zone since
        reading.goal = reading.own_goal = False
    elif done or not _holds_figure(text, paragraph.start, paragraph.end, times):
        reading.zone, reading.goal, reading.own_goal = Zone.NEUTRAL, False, False


def _holds_figure(text: str, start: int, end: int, times: TimeIndex) -> bool:
    """``text[start:end]`` holds a number with a unit, its dates aside."""
    return holds_digit(text, start, end) and bool(find_figures(text, start, end, times))


def names_plan(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` names a plan or a goal ("Kế hoạch năm 2025", "Mục tiêu 2025").

    >>> names_plan("Kế hoạch năm 2025", 0, 17), names_plan("Năm 2025", 0, 8)
    (True, False)
    """
    patterns = target_patterns()
    return any(patterns[kind].search(text, start, end) for kind in ("sentence", "plan_base"))


def holds_digit(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` holds a digit: a figure may be there."""
    return any(char.isdigit() for char in text[start:end])


def sets_target(text: str, role: ClauseRoles, end: int) -> bool:
    """A clause of a targets section that names a quantity and reports nothing done,
    compared with the past or standing now ("Hiện nay, ... đạt trên 60.000 MW")."""
    if tells_done(text, role) or not holds_digit(text, role.head, end):
        return False
    return not compares(text, role.head, end) and not reports_state(text, role.head, end)


def tells_done(text: str, role: ClauseRoles) -> bool:
    """The clause tells of something done or under way ("mới đạt 21,6%"), unless it opens
    with its figure: the tense after it is then a relative clause's, describing what the
    figure counts ("60% các hệ thống ... đã đưa vào vận hành được kết nối")."""
    if text[role.head : role.head + 1].isdigit():
        return False
    return any(cue.is_("past") and not cue.is_("action") for cue in role.cues)


def heads_period(
    text: str, times: TimeIndex, clause: Clause, paragraph: Paragraph, reading: Reading
) -> bool:
    """A period heading in a targets section ("- Giai đoạn 2026-2028:", "Đến năm 2030:")
    sets no target itself: it dates the targets listed under it, until the next one.
    Outside any section, one of a period ending after the document's year opens a goal's
    zone of targets: the figures listed under it are what is to be reached by then ("Giai
    đoạn 2026-2028:" then "- Tỷ lệ ... đạt tối thiểu 80%"); one of the document's own year
    may head its results ("Năm 2025:" in a year-end report)."""
    if reading.zone not in (Zone.TARGETS, Zone.NEUTRAL) or clause.cells is not None:
        return False
    if not period_heading(text, paragraph.start, paragraph.end, times):
        return False
    if reading.zone is Zone.NEUTRAL:
        due = target_year(text, paragraph.start, paragraph.end, times=times)
        if due is None or (reading.year is not None and due <= reading.year):
            return False
        reading.zone, reading.goal = Zone.TARGETS, True
    reading.period = Span(paragraph.start, paragraph.end)
    return True

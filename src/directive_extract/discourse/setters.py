"""Who sets a goal, read from the words around its goal word: a firm's own plan is no
target directive, a quota another set or a goal of the state, a plan or a sector is one
(``data/target_cues.tsv``: goal_setter, firm, owner, firm_measure, quota)."""

from __future__ import annotations

from directive_extract.discourse.decision import FIRMS
from directive_extract.discourse.target_words import target_patterns
from directive_extract.mentions.agencies import find_agencies
from directive_extract.mentions.times import TimeIndex


def assigns_quota(text: str, start: int, end: int) -> bool:
    """The span sets a quantity for the one it names as another's quota ("Chi cục A được
    giao 4.430 tỷ đồng"): an assignment, never a firm's own business plan.

    >>> assigns_quota("VNPT được giao doanh thu Công ty mẹ đạt 45.165 tỷ đồng", 0, 54)
    True
    """
    return target_patterns()["quota"].search(text, start, end) is not None


def goal_setter(text: str, start: int, goal: int, times: TimeIndex | None = None) -> str:
    """Who sets the goal whose word starts at ``goal``, read from the words before it
    after the clause's last comma and dates: ``"firm"`` for a firm named in the gazetteer
    ("Viettel đặt mục tiêu doanh thu ..."); ``"unknown"`` for a capitalised name that it
    lacks and that names neither the state, a plan nor a sector, as a firm's does ("MWG
    đặt mục tiêu ...", "Theo đó, OCB đặt mục tiêu ..."); else ``""``: a state body, a
    sector or plan (a ``goal_setter`` word of ``target_cues.tsv``: "Ngành dệt may",
    "Việt Nam"), a province, or no one named ("Mục tiêu là ...").

    >>> goal_setter("Theo đó, OCB đặt mục tiêu tăng trưởng 25%", 0, 18)
    'unknown'
    >>> goal_setter("Năm nay, ngành dệt may đặt mục tiêu xuất khẩu", 0, 27)
    ''
    >>> goal_setter("Mục tiêu của công ty là đáp ứng 80% công suất", 0, 0)
    'firm'
    >>> goal_setter("Năm 2021, công ty đặt kế hoạch doanh thu", 0, 20)
    'firm'
    >>> goal_setter("Ông A, Giám đốc, cho biết công ty đặt mục tiêu bán", 0, 38)
    'firm'
    >>> goal_setter("Phân bón Bình Điền tổ chức hội nghị, đặt mục tiêu tiêu thụ", 0, 41)
    'unknown'
    """
    cue = target_patterns()["goal"].match(text, goal)
    if cue is not None and target_patterns()["owner"].match(text, cue.end()):
        return "firm"  # "Mục tiêu của công ty ...": the firm's own plan
    after_comma = text.rfind(",", start, goal) + 1 or start
    found = _setter_at(text, _subject(text, after_comma, goal, times), goal)
    if found is None and after_comma > start:  # "X tổ chức hội nghị, đặt mục tiêu ..."
        comma = after_comma - 1
        before = text.rfind(",", start, comma) + 1 or start
        found = _setter_at(text, _subject(text, before, comma, times), comma)
    return found or ""


def _setter_at(text: str, subject: int, goal: int) -> str | None:
    """Who the words from ``subject`` to the goal word name (as :func:`goal_setter` tells),
    or None when they name no one ("đặt mục tiêu ...")."""
    named = [agency for agency in find_agencies(text, subject, goal) if agency.start == subject]
    if named:
        return "firm" if named[0].type in FIRMS else ""
    patterns = target_patterns()
    if patterns["firm"].match(text, subject, goal):
        return "firm"  # "Năm 2021, công ty đặt kế hoạch ...": a firm named by its kind
    if patterns["goal_setter"].match(text, subject, goal):
        return ""
    if subject >= goal or not text[subject].isupper():
        return None
    return "unknown"


def _subject(text: str, start: int, goal: int, times: TimeIndex | None) -> int:
    """Where the name of who sets the goal starts: after the dates and punctuation that
    open the span and a verb of saying ("..., cho biết công ty đặt mục tiêu ...")."""
    subject = start
    for match in (times or TimeIndex.scan(text)).within(start, goal):
        subject = max(subject, match.end)
    said = [found.end() for found in target_patterns()["said"].finditer(text, subject, goal)]
    subject = said[-1] if said else subject  # after the last verb of saying
    while subject < goal and not text[subject].isalnum():
        subject += 1
    return subject


def measures_firm(text: str, start: int, end: int) -> bool:
    """The span measures what only a firm's own plan does: its goal is a business plan.

    >>> measures_firm("Mục tiêu lãi trước thuế vẫn giữ ở mức 180 tỷ đồng", 0, 50)
    True
    >>> measures_firm("phấn đấu thu ngân sách đạt 11.500 tỷ đồng", 0, 41)
    False
    """
    return target_patterns()["firm_measure"].search(text, start, end) is not None

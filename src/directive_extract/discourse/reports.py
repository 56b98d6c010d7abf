"""Clauses that report rather than assign: praise, a question, statistics, a legal
basis, an assessment, a bare "X là Y", and what is done, under way or passive before
the verb; a story's clause that opens with the date of what happened (:func:`narrated`).
:mod:`.detect` asks :func:`blocked` before it reads a clause as a task.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from directive_extract.discourse.cues import Cue, issued_command
from directive_extract.discourse.roles import ClauseRoles
from directive_extract.discourse.segment import Clause
from directive_extract.mentions.times import DUE_STRENGTH, TimeIndex

#: The kinds of cue by which a clause reports (statistics, a basis, an assessment, "là"),
#: and tells of what is done or under way.
_REPORTS = frozenset({"reported", "basis", "assessment", "copula"})
_DONE = frozenset({"past", "passive"})


def blocked(text: str, roles: ClauseRoles, verb: Cue | None) -> bool:
    """A clause that reports rather than assigns.

    Praise right after the issuer ("Thủ tướng ghi nhận"); a question; statistics, assessments
    or a legal basis anywhere in a clause that assigns nothing explicitly; done,
    under way or passive before the verb ("đã ban hành", "được triển khai"), unless the
    past tells of a document just issued whose command the clause gives ("vừa ký Công
    điện số ... yêu cầu các bộ ...").
    """
    content = [cue for cue in roles.cues if cue.start >= roles.head]
    kinds = frozenset().union(*(cue.kinds for cue in content))  # rules out checks at once
    issuer = roles.issuer
    if issuer is not None and issuer.start == roles.head:
        spoken = [cue for cue in content if cue.start >= (issuer.end or 0)][:1]
        if spoken and spoken[0].is_("praise"):
            return True
    if "question" in kinds:
        return True
    if roles.command is None and not kinds.isdisjoint(_REPORTS) and _reports(roles, content, verb):
        return True
    if verb is None:
        return False
    command = issued_command(text, content, verb)
    issued, issued_from = command is not None, verb.end
    verb = command or verb
    if verb.is_("past", "passive"):
        return True
    if not kinds.isdisjoint(_DONE) and any(
        cue.is_("past", "passive") and not cue.is_("action", "modal")
        for cue in content
        if cue.start < verb.start and not (issued and cue.end <= issued_from)
    ):
        return True
    following = [cue for cue in content if cue.start > verb.end][:1]
    return bool(following) and following[0].is_("passive") and following[0].start - verb.end <= 1


def _reports(roles: ClauseRoles, content: Sequence[Cue], verb: Cue | None) -> bool:
    """Statistics, a legal basis before the subject, an assessment or a bare "X là Y"
    (a "là" after the clause's verb and an opener is in a clause of its own: "ưu tiên ...
    để từ đó là nơi ...").

    A basis after a command or an urging is what the task rests on ("đề nghị ... xây
    dựng Bảng giá ..., căn cứ ... bổ sung").
    """
    urged_at = verb.start if verb is not None and verb.is_("urge", "modal", "command") else None
    urged = urged_at is not None
    verb_at = verb.start if verb is not None else roles.cues[-1].end
    return any(
        cue.is_("reported")
        or (
            cue.is_("basis")
            and _opens_or_precedes_subject(roles, cue)
            and not _acts_on(roles, cue)
            and not (urged_at is not None and urged_at < cue.start)
            and not _after_leading(roles, cue)
        )
        or (cue.is_("assessment") and not urged)
        or (
            cue.is_("copula")
            and cue.start > roles.head
            and not urged
            and _says_only(roles, cue)
            and not _subordinate(content, verb_at, cue)
        )
        for cue in content
    )


def _subordinate(content: Sequence[Cue], verb_at: int, cue: Cue) -> bool:
    """An opener stands between the clause's verb and the cue: the cue is in a clause
    of its own ("... để từ đó là nơi ...")."""
    return any(c.is_("opener") and verb_at < c.start < cue.start for c in content)


def _opens_or_precedes_subject(roles: ClauseRoles, cue: Cue) -> bool:
    """A legal basis ("Căn cứ Luật ...") opens a clause or stands before its subject; after
    the subject it is how the subject acts ("Các đơn vị căn cứ công văn để tổ chức ...")."""
    return roles.subject_end is None or cue.start < roles.subject_end


def _after_leading(roles: ClauseRoles, basis: Cue) -> bool:
    """The basis follows the task's own lead ("Chủ trì, phối hợp với Sở X ... căn cứ quy
    trình nội bộ ..., xây dựng quy trình điện tử"): it is what the task rests on."""
    return any(cue.is_("lead_after", "joint") and cue.end <= basis.start for cue in roles.cues)


def _acts_on(roles: ClauseRoles, basis: Cue) -> bool:
    """The basis is what a task rests on: "Căn cứ ý kiến ... để hoàn thiện hồ sơ", an
    opener right before an action after it."""
    after = [cue for cue in roles.cues if cue.start > basis.end]
    return any(
        first.is_("opener") and second.is_("action") and second.start - first.end <= 1
        for first, second in pairwise(after)
    )


def _says_only(roles: ClauseRoles, copula: Cue) -> bool:
    """ "X là Y" states; "X là cơ quan thường trực, chủ trì ..." also assigns."""
    return not any(
        cue.is_("action", "urge", "modal", "command", "lead_after")
        for cue in roles.cues
        if cue.start > copula.end
    )


def narrated(text: str, times: TimeIndex, clause: Clause) -> bool:
    """The clause opens with a date, then a comma: a news story telling what happened
    ("Ngày 23/9, Chi cục Hải quan ... kiểm tra ..."), not a due date ("Chậm nhất ngày
    15/12/2025, tổng hợp ...").  A date read without the article's own (so a day and month
    alone count too).

    The comma is looked for first: the window mostly ends inside a word, where the index
    cannot answer and the window is scanned again."""
    window_end = min(clause.end, clause.start + _OPENER_REACH)
    if "," not in text[clause.start : window_end + 2]:  # no date's comma can follow
        return False
    spans = times.spans(clause.start, window_end)
    if not spans or spans[0][0] - clause.start > _OPENER_REACH // 4:
        return False
    if not text[spans[0][1] : spans[0][1] + 2].lstrip().startswith(","):
        return False
    return not due(times, clause.start, spans[0][1])  # "Chậm nhất ngày 15/12/2025," dates a task


#: How far into a clause a date may open it.
_OPENER_REACH = 40


def due(times: TimeIndex, start: int, end: int) -> bool:
    """The span holds a time phrase that sets a due date ("trước ngày", "chậm nhất")."""
    return any(match.strength >= DUE_STRENGTH for match in times.within(start, end))


def due_in(text: str, times: TimeIndex, roles: ClauseRoles, end: int) -> bool:
    """A clause's due date, from its head or from an opener before it that is one and
    opens the clause or follows a comma ("Chậm nhất ngày 15/12/2025, tổng hợp ...",
    "Trường hợp quá hạn, chậm nhất ngày 30/6/2025, hoàn thành ..."); a date inside
    another opener describes ("Đối với doanh nghiệp đến hạn trước ngày 31/3/2020 thì
    ...")."""
    openers = [c for c in roles.cues if c.is_("opener") and c.start < roles.head]
    starts = {m.start for m in times.within(openers[0].start, roles.head)} if openers else set()
    for number, cue in enumerate(openers):
        if (number == 0 or _after_comma(text, cue.start)) and cue.start in starts:
            return due(times, cue.start, end)
    return due(times, roles.head, end)


def _after_comma(text: str, position: int) -> bool:
    """A comma is the last character before ``position`` but white space."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return text[position - 1 : position] == ","

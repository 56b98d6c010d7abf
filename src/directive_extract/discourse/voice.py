"""Who speaks in a text, which decides what its obligations are: where no authority
speaks (a how-to, a business story) they are advice; in a regulation, those no body bears
are its rules.  :mod:`.detect` asks these over its decisions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from directive_extract.discourse.cues import Cue
from directive_extract.discourse.decision import (
    CONTINUES_TARGETS,
    NOT,
    STRONG_VERB,
    SURE,
    Decision,
)
from directive_extract.discourse.roles import ClauseRoles
from directive_extract.discourse.segment import Clause, marker_end, skip_space
from directive_extract.discourse.targets import tells_state
from directive_extract.mentions.times import TimeIndex


def authority_speaks(roles: Sequence[ClauseRoles]) -> bool:
    """Somewhere in the text an authority speaks or assigns: an issuer, a command that
    names who must act, or a division of work ("X phối hợp với Y").  A how-to or a
    business story has none of them."""
    return any(
        role.issuer is not None or (role.lead and (role.command or role.support)) for role in roles
    )


def commands_after_pause(text: str, role: ClauseRoles, end: int) -> bool:
    """The issuer's command pauses on a comma before what it asks ("Thủ tướng đề nghị,
    chuyển đổi tư duy ..."; "Tổng cục trưởng đề nghị, doanh nghiệp cảng bố trí ..."):
    the clause's content, after the pause, is the task, whether or not it opens with a
    verb the lexicon knows."""
    issuer = role.issuer
    if issuer is None or issuer.end is None or issuer.end > role.head:
        return False
    command = next((cue for cue in role.cues if cue.is_("command")), None)
    if command is None or not issuer.end <= command.start < role.head:
        return False
    spoken = len(text[issuer.end : command.start].split()) <= 1
    paused = text[command.end : role.head].strip() == ","
    return spoken and paused and len(text[role.head : end].split()) >= 2


def told_as_news(role: ClauseRoles, verb: Cue) -> bool:
    """An adverb of news between the subject and its bare verb ("Cục Hải quan cũng thành
    lập ..."): the body's doings are told, not asked (a due date may still make a task)."""
    subject_end = role.subject_end or 0
    return any(cue.is_("narrative") and subject_end <= cue.start < verb.start for cue in role.cues)


def without_authority(
    text: str,
    times: TimeIndex,
    clauses: Sequence[Clause],
    decisions: Sequence[Decision],
    listed: Sequence[bool],
) -> tuple[list[Clause], list[Decision]]:
    """The clauses and decisions of a text where no authority speaks: an obligation or a
    bare verb is advice or a report ("Doanh nghiệp cần lập hồ sơ ..."), not a directive; a
    marked item of a list of tasks, a figure's clause in a zone of targets or a task
    table's row stays one (the structure assigns it), unless only the tagger took its
    first word for a verb (a form's "Cộng", "(Ký, họ tên)"); and so does a clause that
    goes on with the quantities of a directive kept in its sentence ("MobiFone được giao
    doanh thu đạt 30.000 tỷ đồng; lợi nhuận sau thuế là 3.928 tỷ đồng"), unless it tells
    a state of its own ("...; năm 2020, doanh thu là ...").  A how-to's unmarked steps
    under a heading such as "Các bước ..." are advice."""
    kept: list[Clause] = []
    decided: list[Decision] = []
    for clause, decision, in_list in zip(clauses, decisions, listed, strict=True):
        goes_on = (
            decision.rule == CONTINUES_TARGETS
            and bool(kept)
            and kept[-1].is_directive
            and kept[-1].sentence_start == clause.sentence_start
            and not tells_state(text, clause.start, clause.end, times)
        )
        stays = in_list and decision.rule != "tasks_zone_tagged"
        if decision.confidence >= SURE or stays or goes_on:
            kept.append(clause)
            decided.append(decision)
        else:  # a firm's plan for itself (detect marked it) keeps its quantities as targets
            kept.append(replace(clause, is_directive=False))
            decided.append(NOT)
    return kept, decided


def as_rule(
    text: str, clause: Clause, role: ClauseRoles, decision: Decision, verb: Cue | None
) -> Decision:
    """The decision on a clause of a regulation outside a list of duties: an obligation
    put on someone no body names ("a) Doanh nghiệp phải có bộ phận nghiên cứu ...", "...
    yêu cầu phải thực hiện nhiều lần") is one of its rules, a condition or a procedure for
    whoever it concerns, not a task; a bare one ("1. Phải báo cáo ...") is the duty of the
    body its heading names."""
    opening = skip_space(text, marker_end(text, clause.start, clause.end), clause.end)
    if role.lead or verb is None or verb.start == opening:
        return decision
    obliges = decision.rule.startswith(STRONG_VERB) and verb.is_("modal")
    return NOT if obliges else decision

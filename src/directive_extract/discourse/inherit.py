"""Leads carried from where they are named to the tasks that do not name them.

A lead carries over to the next tasks of the same sentence, to the next sentences of
the same paragraph, to the items of a list under a heading that names a body ("1. Bộ
Xây dựng:"), to the run of task paragraphs after a lead-in that names it ("Chính phủ
yêu cầu các địa phương ...:") and to a paragraph that carries on the task ending the
one before; support carries with it inside a sentence and from a heading.  A subject
that points back ("Cơ quan này") takes the last task's lead.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from directive_extract.discourse.header import HEADER_LINES, document_kind
from directive_extract.discourse.roles import ClauseRoles
from directive_extract.discourse.segment import Clause, Paragraph, heading_shape, introduces
from directive_extract.models import Agency


def inherited(agencies: Sequence[Agency]) -> list[Agency]:
    """The agencies as named elsewhere than the clause: without the offsets of their mention."""
    return [agency.model_copy(update={"start": None, "end": None}) for agency in agencies]


def is_heading(text: str, clause: Clause, paragraph: Paragraph) -> bool:
    """A clause that heads the list after it: it closes its paragraph with ":", or is
    the whole of a numbered heading line ("2. Sở Nội vụ")."""
    rest = text[clause.end : paragraph.end].strip()
    if rest == ":":
        return True
    whole = not rest and clause.first_in_sentence and clause.sentence_start == paragraph.start
    return whole and heading_shape(text[paragraph.start : paragraph.end], paragraph.level)


#: The level of the outermost markers: parts, chapters, articles, Roman numerals.
_OUTERMOST = 0


def part_title(text: str, clause: Clause, paragraph: Paragraph) -> bool:
    """A whole line under an outermost marker, shaped as a heading, titles a part ("II.
    Hỗ trợ đăng ký doanh nghiệp"): its verb names the topic of the items below it."""
    whole = (
        clause.first_in_sentence
        and clause.sentence_start == paragraph.start
        and text[clause.end : paragraph.end].strip() in ("", ":")
    )
    line = text[paragraph.start : paragraph.end]
    return whole and paragraph.level == _OUTERMOST and heading_shape(line, paragraph.level)


@dataclass(slots=True)
class _Heading:
    level: float
    lead: list[Agency]
    support: list[Agency]
    unmarked: int | None = None  # a lead-in with no marker: its paragraph, until its items come
    adopted: bool = False  # the lead-in took the level of the items right after it


class _Headings:
    """The open headings of nested lists ("1. Bộ Xây dựng:" over "a) ..." items).

    A lead-in with no marker ("Các bộ, ngành ... tập trung vào các nhiệm vụ sau:") heads
    the items right after it whatever their marker: it takes its level from the first of
    them, so "(1) ..." items do not close it though an earlier "(2) Bộ X" was marked as
    they are (news/3ee767e63c219a7f.md)."""

    def __init__(self) -> None:
        self.open: list[_Heading] = []
        self.level = 0.0  # level of the last marked paragraph

    def enter(self, text: str, paragraph: Paragraph) -> None:
        if paragraph.level is not None:
            line = text[paragraph.start : paragraph.end]
            heads = heading_shape(line, paragraph.level)
            self._set_unmarked(paragraph, heads)
            self.level = paragraph.level
            self._close(paragraph.level, heads)

    def _set_unmarked(self, item: Paragraph, heads: bool) -> None:
        """An unmarked lead-in takes its level from the item right after it; a heading
        there ("I. VỀ KẾT QUẢ") opens a section of its own, which closes the lead-in."""
        top = self.current()
        if top is not None and top.unmarked is not None:
            if top.unmarked == item.index - 1 and not heads and item.level - 0.5 < top.level:
                top.level, top.adopted = item.level - 0.5, True
            top.unmarked = None

    def push(self, paragraph: Paragraph, roles: ClauseRoles) -> None:
        level = paragraph.level if paragraph.level is not None else self.level + 0.5
        self._close(level)
        unmarked = paragraph.index if paragraph.level is None else None
        heading = _Heading(level, roles.lead, roles.support, unmarked)
        self.open.append(heading)

    def _close(self, level: float, heads: bool = False) -> None:
        """Close the headings at ``level`` and below; a heading line also closes a lead-in
        that took its level from its items, one level up."""
        while self.open and (
            self.open[-1].level >= level
            or (heads and self.open[-1].adopted and self.open[-1].level >= level - 0.5)
        ):
            self.open.pop()

    def current(self) -> _Heading | None:
        return self.open[-1] if self.open else None


def _header_end(text: str, paragraphs: Sequence[Paragraph]) -> int:
    """The paragraph of an official document's kind ("KẾ HOẠCH", "CÔNG ĐIỆN VỀ VIỆC ...")
    among its first lines, which ends its header (issuer, number, place and date); 0 in a
    text with none."""
    for paragraph in paragraphs[:HEADER_LINES]:
        if document_kind(text[paragraph.start : paragraph.end].strip(" *_")) is not None:
            return paragraph.index
    return 0


def inherit(
    text: str,
    clauses: Sequence[Clause],
    roles: Sequence[ClauseRoles],
    paragraphs: Sequence[Paragraph],
) -> list[ClauseRoles]:
    """The roles of every clause with what directives that name no lead inherit, as
    the module says (new objects; ``roles`` is left as it was).  The issuer carries
    over for the whole text."""
    frame: tuple[Clause, ClauseRoles] | None = None  # the last task that named its lead
    last: ClauseRoles | None = None  # the roles of the last task with a lead, anywhere before
    named: tuple[Clause, ClauseRoles] | None = None  # the last clause that named a lead
    issuer: Agency | None = None
    headings = _Headings()
    header_end = _header_end(text, paragraphs)  # "ỦY BAN NHÂN DÂN / TỈNH X" heads no list
    paragraph_index = -1
    inherited: list[ClauseRoles] = []
    listed: tuple[Clause, ClauseRoles] | None = None  # a clause that only lists bodies
    for clause, role in zip(clauses, roles, strict=True):
        role, listed = _listed_before(text, clause, role, listed)
        paragraph = paragraphs[clause.paragraph]
        if clause.paragraph != paragraph_index:
            paragraph_index = clause.paragraph
            headings.enter(text, paragraph)
            if not clause.is_directive:  # a paragraph that sets no task ends a lead-in's run
                frame = None
        issuer = role.issuer or issuer
        speaks = _speaks_anew(text, clause, role.issuer)
        if not clause.is_directive:
            if not role.lead and role.topic:
                role = replace(role, lead=list(role.topic))
            if role.lead:
                named = (clause, role)
            if is_heading(text, clause, paragraph) and clause.paragraph >= header_end:
                heads = role if role.lead else _of_sentence(named, clause)
                if heads is not None:
                    headings.push(paragraph, heads)
            if role.lead and introduces(text, clause):
                frame = (clause, role)
            elif speaks:
                frame = None
            inherited.append(role)
            continue
        role = _own_lead(text, role, issuer, last)
        if speaks and not role.lead:
            frame = None
        if role.lead:  # a task that also heads a list, or the end of a lead-in ("..., sau:")
            frame, heads_list, last = (clause, role), True, role
            named = (clause, role)  # its sentence's lead-in heads the list after it
        else:
            role, heads_list = _inherited_lead(text, clause, role, frame, headings)
            if clause.carries_on and role.lead:  # the paragraph's next tasks share it
                frame = (clause, role)
        if heads_list and is_heading(text, clause, paragraph):
            headings.push(paragraph, role)
        inherited.append(role)
    return _support_in_sentence(text, clauses, inherited)


_LIST_END = regex.compile(r"[\s,;:.*]*+")


def _listed_before(
    text: str, clause: Clause, role: ClauseRoles, listed: tuple[Clause, ClauseRoles] | None
) -> tuple[ClauseRoles, tuple[Clause, ClauseRoles] | None]:
    """The role with the bodies listed before its subject in its sentence, and whether
    it only lists bodies itself: a ";" between the groups of one list of assignees ("1.
    Bộ trưởng các Bộ: Quốc phòng, Công an; Chủ tịch UBND các tỉnh ... tổ chức ...")."""
    subject = role.lead_rule == "subject"
    if subject and listed is not None and listed[0].sentence_start == clause.sentence_start:
        role = replace(role, lead=[*listed[1].lead, *role.lead])
    end = role.subject_end
    if clause.is_directive or not subject or end is None:
        return role, None
    return role, (
        (clause, role) if _LIST_END.match(text, end, clause.end).end() == clause.end else None
    )


def _inherited_lead(
    text: str,
    clause: Clause,
    role: ClauseRoles,
    frame: tuple[Clause, ClauseRoles] | None,
    headings: _Headings,
) -> tuple[ClauseRoles, bool]:
    """The task's role with the lead it falls under: its sentence's or paragraph's task,
    else the list heading over it, else the lead-in of its run of task paragraphs; and
    whether, like the task it follows, it may head a list."""
    if frame is not None and _shares_frame(frame[0], clause):
        same_sentence = frame[0].sentence_start == clause.sentence_start
        return _take(role, frame[1], same_sentence, "inherited:earlier_task"), True
    if (heading := headings.current()) is not None:
        return _take(role, heading, True, "inherited:list_heading"), False
    if frame is not None and introduces(text, frame[0]):
        return _take(role, frame[1], False, "inherited:lead_in"), False
    if frame is not None and clause.carries_on:
        return _take(role, frame[1], False, "inherited:paragraph_before"), False
    return role, False


_ATTRIBUTION = regex.compile(r"\"\s*+[-,]?\s*+$")


def _speaks_anew(text: str, clause: Clause, issuer: Agency | None) -> bool:
    """An authority named in the clause speaks there, which ends the frame before it;
    one named after a closing quote ("... thu hồi nợ thuế" - Phó Tổng cục trưởng X chỉ
    đạo.) only says who spoke the quotation, whose tasks go on in the frame."""
    if issuer is None or issuer.start is None:
        return False
    return _ATTRIBUTION.search(text, clause.start, issuer.start) is None


#: Words between a subject's noun and its demonstrative: "Các cơ quan này".
_REFERRING_WORDS = 3


def _refers_back(text: str, role: ClauseRoles) -> bool:
    """The subject points back with a demonstrative ("Cơ quan này", "Các đơn vị nêu
    trên"): the body of the last task is meant."""
    cue = next((c for c in role.cues if c.start >= role.head), None)
    if cue is None or not cue.is_("refers_back"):
        return False
    return 1 <= len(text[role.head : cue.start].split()) <= _REFERRING_WORDS


def _own_lead(
    text: str, role: ClauseRoles, issuer: Agency | None, last: ClauseRoles | None
) -> ClauseRoles:
    """A directive's issuer, else the text's last; its topic as lead when it names none;
    the last task's lead when its subject points back ("Cơ quan này cần báo cáo ...")."""
    if role.issuer is None and issuer is not None:
        role = replace(role, issuer=inherited([issuer])[0])
    if not role.lead and role.topic:
        role = replace(role, lead=list(role.topic), lead_rule="topic")
    if last is not None and _refers_back(text, role):
        role = _take(role, last, False, "inherited:refers_back")
    return role


def _support_in_sentence(
    text: str, clauses: Sequence[Clause], roles: list[ClauseRoles]
) -> list[ClauseRoles]:
    """Support carried from the task that opens a sentence to the ";"-tasks after it
    whose lead they share: in "- Chủ trì, phối hợp với các cơ quan, địa phương thực hiện
    A; triển khai B" under a heading that names the lead, B is done with the same
    partners.  A "phối hợp với" in a later task of the sentence ("Bộ A làm X; chủ trì,
    phối hợp với Bộ B làm Y; làm Z") is that task's own; a task that names its own
    support keeps it.  Partners named other than by "chủ trì, phối hợp với" ("- Chủ động
    phối hợp với X ...; rà soát ...") are the opening task's only."""
    opening: tuple[int, ClauseRoles] | None = None  # the sentence's first task, by start
    for index, (clause, role) in enumerate(zip(clauses, roles, strict=True)):
        if not clause.is_directive:
            continue
        if clause.first_in_sentence:
            opening = (clause.sentence_start, role)
        elif (
            opening is not None
            and opening[0] == clause.sentence_start
            and partners_of_whole_assignment(text, opening[1])
            and not role.support
            and role.lead_rule.startswith("inherited")
            and [a.name for a in role.lead] == [a.name for a in opening[1].lead]
        ):
            roles[index] = replace(
                role,
                support=inherited(opening[1].support),
                support_rule="inherited:sentence_opening",
            )
    return roles


def partners_of_whole_assignment(text: str, role: ClauseRoles) -> bool:
    """The opening task's support is that of the lead's whole assignment: given by the
    formula "chủ trì, phối hợp với" (the lead's part and its partners), or taken over
    from a heading or an earlier task that gave it so."""
    if not role.support or role.support_rule.startswith("inherited"):
        return bool(role.support)
    return any(
        chair.is_("lead_after")
        and partners.is_("support")
        and not text[chair.end : partners.start].strip(" ,")
        for chair, partners in itertools.pairwise(role.cues)
    )


def _of_sentence(named: tuple[Clause, ClauseRoles] | None, clause: Clause) -> ClauseRoles | None:
    """The roles of the clause that named the subject of ``clause``'s sentence, if any."""
    if named is None or named[0].sentence_start != clause.sentence_start:
        return None
    return named[1]


def _shares_frame(named: Clause, clause: Clause) -> bool:
    return named.sentence_start == clause.sentence_start or named.paragraph == clause.paragraph


def _take(
    role: ClauseRoles, source: ClauseRoles | _Heading, support: bool, rule: str
) -> ClauseRoles:
    """The role with the lead (and, when ``support``, the support) of a frame or heading."""
    taken = replace(role, lead=inherited(source.lead), lead_rule=rule)
    if support and not role.support and source.support:
        taken = replace(taken, support=inherited(source.support), support_rule=rule)
    return taken

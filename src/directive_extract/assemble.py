"""Assembling Directive records from the stages' findings."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from directive_extract.discourse import target_years
from directive_extract.discourse.cues import cue_at
from directive_extract.discourse.decision import Decision
from directive_extract.discourse.header import document_kind, subject_line
from directive_extract.discourse.inherit import partners_of_whole_assignment
from directive_extract.discourse.roles import ClauseRoles
from directive_extract.discourse.segment import (
    Clause,
    Layout,
    Paragraph,
    is_document_kind,
    skip_space,
    task_pieces,
)
from directive_extract.mentions.times import TimeIndex, TimeMatch, choose_deadline, closing_due
from directive_extract.mentions.times import words as time_words
from directive_extract.models import (
    Agency,
    Deadline,
    Directive,
    Document,
    Explanation,
    Figure,
    directive_id,
)
from directive_extract.read.markers import marker_end

_TERMINAL = regex.compile(r"[.!?…:;,]$")
_TITLE_MAX_WORDS = 40
_HEADER_LINES = 20  # an official document names its kind within its first lines
_HEADLINE_LINES = 6  # a news page gives its dateline within its first lines
_ITEM_PARAGRAPHS = 3  # how far back a closing paragraph looks for its item's marker


def _deadline(
    text: str,
    clause: Clause,
    targets: Sequence[Figure],
    times: TimeIndex,
    warnings: list[str],
    sentence_deadlines: dict[tuple[int, int], list[TimeMatch]],
    title_times: Sequence[TimeMatch] = (),
) -> tuple[TimeMatch | None, str]:
    """The time phrase that governs the task, else the year its targets are due; and
    where it was found.

    In a task-table row the time column holds the deadline on its own ("Quý I/2026").
    """
    time_cell = (clause.cells or {}).get("time")
    if time_cell is not None:
        in_cell = times.within(time_cell.start, time_cell.end, warnings)
        in_cell = in_cell or _bare_cell(text, time_cell.start, time_cell.end, times)
        return choose_deadline(in_cell, bare_ok=True), "table:time_column"
    chosen = choose_deadline(times.within(clause.start, clause.end, warnings))
    years = {figure.year for figure in targets if figure.year}
    if chosen is not None or not years:
        return chosen, "clause"
    sentence = (clause.sentence_start, clause.sentence_end)
    if sentence not in sentence_deadlines:  # found once for all its target clauses
        sentence_deadlines[sentence] = times.within(*sentence)
    chosen = choose_deadline(sentence_deadlines[sentence]) or _target_year(
        sentence_deadlines[sentence], years
    )
    if chosen is None and clause.period is not None:  # "Mục tiêu năm 2023" above
        heading = times.within(clause.period.start, clause.period.end)
        return _target_year(heading, years), "targets:period_heading"
    if chosen is None:  # "... chỉ tiêu kế hoạch năm 2021 cho X. Theo đó, X được giao ..."
        stated = target_years.plan_before(text, min(clause.sentence_start, clause.start), times)
        chosen = _target_year([stated] if stated else [], years)
        if chosen is None:  # the title's plan ("Phê duyệt kế hoạch năm 2021 của ...")
            return _target_year(title_times, years), "targets:title_plan"
        return chosen, "targets:stated_plan"
    return chosen, "targets:sentence"


#: A time column's cell that is a year or a month of a year alone, with no word for it.
_BARE_CELL = regex.compile(r"\s*+(?:(?P<month>[0-9]{1,2})/)?(?P<year>(?:19|20)[0-9]{2})\s*+")


def _bare_cell(text: str, start: int, end: int, times: TimeIndex) -> list[TimeMatch]:
    """The time of a time column's cell written as a bare year or month ("2026",
    "12/2025"), read as written with its word ("năm 2026", "tháng 12/2025"): the due
    date of the row's task (ANNOTATION: "năm 2026 (table cell)" is 2026-12-31).

    >>> [m.due.isoformat() for m in _bare_cell("| 12/2025 |", 1, 10, TimeIndex.scan(""))]
    ['2025-12-31']
    """
    cell = _BARE_CELL.fullmatch(text, start, end)
    if cell is None:
        return []
    word = time_words("month" if cell.group("month") else "year")[0]
    written = f"{word} {cell.group().strip()}"
    found = TimeIndex.scan(written, times.ref).within(0, len(written))
    return [replace(match, start=start, end=end, text=text[start:end]) for match in found[-1:]]


def _opening_year(text: str, task: Clause, role: ClauseRoles, times: TimeIndex) -> TimeMatch | None:
    """A year with no cue that opens the sentence of a task, set off by a comma before
    its subject ("Năm 2025, Bộ X phải hoàn thiện ..."): the year the task is for
    (ANNOTATION: "năm 2024" is due 2024-12-31), unless it has gone by.  A bare year
    elsewhere names what is meant ("Căn cứ Lịch ... năm 2026 tại Điều 1, ...", "cơ sở dữ
    liệu về thuế năm 2025") more often than when."""
    if not task.first_in_sentence or times.ref is None:
        return None
    return next(
        (
            match
            for match in times.within(task.start, role.head)
            if match.granularity == "year"
            and match.strength == 0
            and match.earliest is not None
            and match.earliest.year == match.due.year >= times.ref.year
            and not text[task.start : match.start].strip(" -+*")
            and text[match.end : match.end + 1] == ","
        ),
        None,
    )


def _opens_sentence(task: Clause, role: ClauseRoles, due: TimeMatch) -> bool:
    """The due date stands before the subject of its sentence's first task ("Cụ thể,
    trong năm 2019, Bộ X sẽ hoàn thành ...; tổng kết ..."): it sets the time of what the
    paragraph goes on to assign, as a lead-in's date does for its items."""
    return task.first_in_sentence and task.start <= due.start < role.head


@dataclass(frozen=True, slots=True)
class _Opener:
    """A due date before the subject of a sentence's first task, in ``paragraph``, and
    the lead of that task."""

    paragraph: int
    due: TimeMatch
    lead: tuple[str, ...]

    def dates(self, task: Clause, role: ClauseRoles) -> bool:
        """A task that states no due date is dated by the opener when it goes on with the
        opener's lead (inherits it or names it again) in the opener's paragraph, or in the
        paragraph after when it carries on that paragraph's task ("Tiếp tục thực hiện
        ..."); another body's task in the paragraph has its own time or none."""
        if _names(role) != self.lead:
            return False
        carried = role.lead_rule == "inherited:paragraph_before"
        return task.paragraph == self.paragraph or (
            carried and task.paragraph == self.paragraph + 1
        )


def _names(role: ClauseRoles) -> tuple[str, ...]:
    return tuple(agency.name for agency in role.lead)


def _target_year(times: Sequence[TimeMatch], years: set[int]) -> TimeMatch | None:
    """The year its targets are due, as written in the sentence ("Năm 2025, phấn đấu ...").

    ANNOTATION: a target year is the deadline of its directive (2025-12-31).
    """
    return next(
        (m for m in times if m.granularity == "year" and m.due.year in years and m.due.month == 12),
        None,
    )


def _dated(targets: Sequence[Figure], deadline: Deadline | None) -> list[Figure]:
    """Targets that name no year of their own are due with their directive."""
    if deadline is None:
        return list(targets)
    year = int(deadline.due[:4])
    return [t if t.year is not None else t.model_copy(update={"year": year}) for t in targets]


def directives(
    text: str,
    doc_id: str,
    clauses: Sequence[Clause],
    roles: Sequence[ClauseRoles],
    decisions: Sequence[Decision],
    targets_per_clause: Sequence[Sequence[Figure]],
    times: TimeIndex,
    warnings: list[str],
    structure: Layout,
    explain: bool = False,
    title_times: Sequence[TimeMatch] = (),
) -> list[Directive]:
    """One record per directive clause, in text order, its deadline read from ``times``
    (the document's time index; ``title_times``, those of its title, date a target
    directive nothing nearer dates); with ``explain``, each says which rules made it and
    gave it its lead, support and deadline."""
    records = []
    sentence_deadlines: dict[tuple[int, int], list[TimeMatch]] = {}
    closings = _closings(text, clauses, structure.paragraphs, times)
    openings = _openings(text, clauses, structure.paragraphs, times)
    opening_starts = [opening.start for opening in openings]
    opener: _Opener | None = None  # the last time before a sentence's subject
    for clause, role, decision, targets in zip(
        clauses, roles, decisions, targets_per_clause, strict=True
    ):
        if not clause.is_directive:
            continue
        listed = structure.paragraphs[clause.paragraph].level is not None
        for task, task_role, task_decision, task_targets in _tasks(
            text, clause, role, decision, targets, listed
        ):
            due, found_in = _deadline(
                text, task, task_targets, times, warnings, sentence_deadlines, title_times
            )
            if due is None and (year := _opening_year(text, task, task_role, times)) is not None:
                due, found_in = year, "opening_year"
            if due is not None and _opens_sentence(task, task_role, due):
                opener = _Opener(task.paragraph, due, _names(task_role))
            elif due is None and opener is not None and opener.dates(task, task_role):
                due, found_in = opener.due, "paragraph_opener"
                opener = replace(opener, paragraph=task.paragraph)
            if due is None:
                due, found_in = _item_due(task, closings, openings, opening_starts)
            explained = found_in if explain else None
            records.append(
                _record(text, doc_id, task, task_role, task_decision, task_targets, due, explained)
            )
    return records


def _record(
    text: str,
    doc_id: str,
    clause: Clause,
    role: ClauseRoles,
    decision: Decision,
    targets: Sequence[Figure],
    due: TimeMatch | None,
    found_in: str | None = None,
) -> Directive:
    """The Directive record of one task; explained when ``found_in`` says where its
    deadline was found."""
    clause_text = text[clause.start : clause.end]
    deadline = due.to_deadline() if due else None
    return Directive(
        id=directive_id(doc_id, clause_text, clause.start),
        kind="target" if targets else "task",
        text=clause_text,
        start=clause.start,
        end=clause.end,
        issuer=role.issuer,
        lead=role.lead,
        support=role.support,
        report_to=role.report_to,
        deadline=deadline,
        targets=_dated(targets, deadline),
        confidence=round(decision.confidence, 2),
        explanation=None if found_in is None else _explanation(role, decision, due, found_in),
    )


def _tasks(
    text: str,
    clause: Clause,
    role: ClauseRoles,
    decision: Decision,
    targets: Sequence[Figure],
    listed: bool,
) -> list[tuple[Clause, ClauseRoles, Decision, Sequence[Figure]]]:
    """The tasks of a directive clause (``segment.task_pieces``), each with its roles,
    decision and targets.  A task is led by the bodies named inside it ("..., đồng thời
    giao Tập đoàn Điện lực Việt Nam ..."), else by those of the task it goes on with, or
    the lead the clause took from before it; support, report-to and targets written
    inside the clause go to the task that holds them, those it took from elsewhere go to
    every task, and partners given by "chủ trì, phối hợp với" (the whole assignment's) to
    the tasks of that lead; each task's deadline is then read from its own words.

    A clause of a list item (``listed``) stays whole: the drafter gave the item its tasks,
    and an item is one directive (ANNOTATION: "Items of a numbered or bulleted list ...
    are one directive each"); prose strings its tasks on commas."""
    if listed:
        return [(clause, role, decision, targets)]
    pieces = task_pieces(text, clause, [a.end or 0 for a in role.lead if _inside(a, clause)])
    if len(pieces) == 1:
        return [(clause, role, decision, targets)]
    split = decision._replace(rule=f"{decision.rule}+segment.next_task")
    shared = partners_of_whole_assignment(text, role)  # "chủ trì, phối hợp với": every task's
    tasks = []
    lead = [a for a in role.lead if not _inside(a, clause)]  # what the clause took from before
    first_lead: list[Agency] | None = None
    for piece in pieces:
        task = replace(clause, start=piece.start, end=piece.end)
        lead = [a for a in role.lead if _inside(a, task)] or lead  # else it goes on with it
        first_lead = lead if first_lead is None else first_lead
        partners = shared and lead == first_lead  # the "chủ trì"'s partners, its tasks only
        kept = replace(
            role,
            lead=lead,
            support=[a for a in role.support if partners or _belongs(a, clause, task)],
            report_to=[a for a in role.report_to if _belongs(a, clause, task)],
        )
        own = [f for f in targets if task.start <= f.start < task.end]
        tasks.append((task, kept, split, own))
    return tasks


def _inside(agency: Agency, clause: Clause) -> bool:
    """The agency is named inside the clause (not inherited from elsewhere)."""
    return agency.start is not None and clause.start <= agency.start < clause.end


def _belongs(agency: Agency, clause: Clause, task: Clause) -> bool:
    """The agency goes with ``task``: named inside it, or not inside its clause at all."""
    return not _inside(agency, clause) or _inside(agency, task)


@dataclass(frozen=True, slots=True)
class _Dated:
    """A stretch of text whose tasks that state no due date take ``due``: an item closed
    by a clause that only states when it is due ("Hoàn thành trước ngày 15/12/2025."), or
    the items under a lead-in that states it ("Các bộ hoàn thành các nhiệm vụ sau trong
    quý III/2025:"; ANNOTATION: a date given by a lead-in applies to the items under it)."""

    start: int
    end: int
    due: TimeMatch

    def covers(self, task: Clause) -> bool:
        return self.start <= task.start and task.end <= self.end


def _closings(
    text: str, clauses: Sequence[Clause], paragraphs: Sequence[Paragraph], times: TimeIndex
) -> list[_Dated]:
    """Every clause that only states when its item is due, dating its item up to it."""
    first = {}  # the first clause of each paragraph
    for clause in clauses:
        first.setdefault(clause.paragraph, clause.start)
    found = []
    for clause in clauses:
        due = closing_due(text, clause.start, clause.end, times.within(clause.start, clause.end))
        if due is not None:
            opens = first[clause.paragraph] == clause.start
            found.append(_Dated(_item_start(clause, opens, paragraphs), clause.start, due))
    return found


def _openings(
    text: str, clauses: Sequence[Clause], paragraphs: Sequence[Paragraph], times: TimeIndex
) -> list[_Dated]:
    """Every lead-in closing its paragraph on ":" whose sentence states a due date, and
    every period heading ("1. Năm 2026", "- Giai đoạn 2026-2028:", "Quý I/2026:"), with
    its items: the marked paragraphs after it at a deeper level than its own (an unmarked
    lead-in is above every marker), read in one pass with the lead-ins still open."""
    dues = {}
    for clause in clauses:
        paragraph = paragraphs[clause.paragraph]
        closes = text[clause.end : paragraph.end].strip() == ":"
        due = _lead_in_due(text, clause, times) if closes else None
        heads = due is None and clause.paragraph not in dues
        if heads and target_years.period_heading(
            text, paragraph.start, paragraph.end, times, years_only=False
        ):
            due = _period_due(times.within(paragraph.start, paragraph.end), times)
        if due is not None:
            dues[clause.paragraph] = due
    found: list[_Dated] = []
    still_open: list[tuple[int, int, TimeMatch]] = []  # level, paragraph index, due
    for index, paragraph in enumerate([*paragraphs, None]):
        level = -1 if paragraph is None or paragraph.level is None else paragraph.level
        while still_open and (
            paragraph is None or paragraph.level is None or level <= still_open[-1][0]
        ):
            _, head, due = still_open.pop()
            if index - 1 > head:
                found.append(_Dated(paragraphs[head + 1].start, paragraphs[index - 1].end, due))
        if index in dues:
            still_open.append((level, index, dues[index]))
    return sorted(found, key=lambda opening: opening.start)


def _period_due(heading: Sequence[TimeMatch], times: TimeIndex) -> TimeMatch | None:
    """The end of a period heading's period, unless it has gone by at the article's date
    ("1. Năm 2024" in 2025 heads what was done)."""
    due = choose_deadline(heading, bare_ok=True)
    if due is None or (times.ref is not None and due.due < times.ref.first_day):
        return None
    return due


def _lead_in_due(text: str, clause: Clause, times: TimeIndex) -> TimeMatch | None:
    """The due date a lead-in's sentence states, outside a phrase of what it aims at
    ("Để đạt mục tiêu đến năm 2030, ..." dates the aim)."""
    start = skip_space(text, marker_end(text, clause.sentence_start, clause.end), clause.end)
    first = cue_at(text, start, clause.end)
    if first is not None and first.start == start and first.is_("purpose"):
        comma = text.find(",", first.end, clause.end)
        start = clause.end if comma < 0 else comma + 1
    return choose_deadline(times.within(start, clause.end))


def _item_due(
    task: Clause, closings: Sequence[_Dated], openings: Sequence[_Dated], starts: Sequence[int]
) -> tuple[TimeMatch | None, str]:
    """The due date of a task that states none: its item's closing clause, else the
    nearest lead-in over it (``openings`` sorted by start, ``starts`` theirs); and where
    it was found."""
    closing = next((c.due for c in closings if c.covers(task)), None)
    if closing is not None:
        return closing, "item"
    index = bisect_right(starts, task.start) - 1
    while index >= 0 and not openings[index].covers(task):
        index -= 1
    return (openings[index].due, "lead_in") if index >= 0 else (None, "item")


def _item_start(clause: Clause, opens: bool, paragraphs: Sequence[Paragraph]) -> int:
    """Where the item a closing clause ends begins: its paragraph, or, when the clause
    stands as a paragraph of its own, back to the paragraph that opens the item with a
    list marker ("4. Cục ..." then its tasks), else the paragraph before it."""
    index = clause.paragraph
    if not opens or paragraphs[index].level is not None or index == 0:
        return paragraphs[index].start
    for back in range(index - 1, max(-1, index - 1 - _ITEM_PARAGRAPHS), -1):
        if paragraphs[back].level is not None:
            return paragraphs[back].start
    return paragraphs[index - 1].start


def _explanation(
    role: ClauseRoles, decision: Decision, due: TimeMatch | None, found_in: str
) -> Explanation:
    deadline = ""
    if due is not None:
        cue = f" after '{due.cue}'" if due.cue else ""
        deadline = f"{found_in}: times.{due.rule}{cue}"
    return Explanation(
        directive=decision.rule,
        confidence=round(decision.confidence, 2),
        lead=role.lead_rule if role.lead else "",
        support=role.support_rule if role.support else "",
        deadline=deadline,
    )


def title(text: str, structure: Layout) -> str | None:
    """The title: "CÔNG ĐIỆN Về việc ..." of an official document, else the headline.

    A news page's headline is the heading-shaped line next to its dateline ("14:02
    26/07/2023"), before it or after it, else its first line when that reads as a
    heading rather than a sentence.
    """
    head = [text[p.start : p.end].strip() for p in structure.paragraphs[:_HEADER_LINES]]
    cells = [cell.strip() for line in head for cell in line.split(" | ")]
    lines = [line for line in head if "|" not in line]  # a header's table row is no title
    for number, line in enumerate(lines[:-1]):
        if is_document_kind(line):
            return f"{line} {lines[number + 1]}"
        if document_kind(line):  # kind and subject on one line ("CÔNG ĐIỆN Về việc ...")
            return line
    subject = next((line for line in cells if subject_line(line)), None)
    if subject is not None:  # a letter: "V/v tuyên truyền chủ trương ..."
        return subject
    dated = next((n for n, line in enumerate(lines[:_HEADLINE_LINES]) if _dateline(line)), None)
    around = (
        [] if dated is None else [lines[n] for n in (dated - 1, dated + 1) if 0 <= n < len(lines)]
    )
    return next((line for line in [*around, *lines[:1]] if _headline(line)), None)


def _headline(line: str) -> bool:
    return not _TERMINAL.search(line) and 0 < len(line.split()) <= _TITLE_MAX_WORDS


def _dateline(line: str) -> bool:
    """A byline or timestamp ("14:02 26/07/2023"): mostly digits and separators."""
    digits = sum(char.isdigit() for char in line)
    return digits > 0 and digits >= sum(char.isalpha() for char in line)


def as_written(document: Document) -> Document:
    """Every record's written text taken from ``document.text``, quotes and dashes as
    in the source (the rules read them in ASCII at the same offsets)."""
    text = document.text

    def agency(found: Agency | None) -> Agency | None:
        if found is None or found.start is None:
            return found
        return found.model_copy(update={"mention": text[found.start : found.end]})

    def figure(found: Figure) -> Figure:
        return found.model_copy(update={"text": text[found.start : found.end]})

    def directive(found: Directive) -> Directive:
        deadline = found.deadline
        if deadline is not None:
            deadline = deadline.model_copy(update={"text": text[deadline.start : deadline.end]})
        return found.model_copy(
            update={
                "text": text[found.start : found.end],
                "issuer": agency(found.issuer),
                "lead": [agency(a) for a in found.lead],
                "support": [agency(a) for a in found.support],
                "report_to": [agency(a) for a in found.report_to],
                "deadline": deadline,
                "targets": [figure(f) for f in found.targets],
            }
        )

    return document.model_copy(
        update={
            "directives": [directive(d) for d in document.directives],
            "figures": [figure(f) for f in document.figures],
        }
    )

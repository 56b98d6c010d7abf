"""Which clauses are directives: an authority asking for action from now on.

Evidence comes from the clause's cues and roles (see ``data/cues.tsv``):

- an explicit assignment (``giao X``, ``yêu cầu X``, ``X chủ trì``) makes a directive;
- a clause that opens with an obligation or an action verb (``phải``, ``khẩn
  trương``, ``rà soát``) is a directive when an authority is speaking: in a
  sentence or paragraph framed by "Thủ tướng yêu cầu/nhấn mạnh ...", or in the
  tasks zone that a lead-in such as "nhiệm vụ, giải pháp trọng tâm thời gian tới:"
  opens;
- tense and aspect of done things (``đã``, ``đang``, passive ``được``) and
  reported statistics (``ước đạt``, ``so với cùng kỳ``) before the verb rule a
  clause out, and a lead-in announcing achievements (``kết quả``) closes the zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from directive_extract.discourse import annexes, no_task, reports, voice, words
from directive_extract.discourse.cues import Cue, cue_at
from directive_extract.discourse.decision import (
    CONTINUES_TARGETS,
    FIRM_PLAN,
    GOAL_STATEMENT,
    NOT,
    OBLIGED,
    STATE_BODIES,
    STRONG_VERB,
    SURE,
    TARGETS_ZONE,
    Decision,
)
from directive_extract.discourse.goals import (
    business_plan,
    close_goal,
    goal,
    goal_lead_in,
    heads_period,
    holds_digit,
    names_plan,
    sets_target,
    tells_done,
)
from directive_extract.discourse.inherit import is_heading, part_title
from directive_extract.discourse.lead_ins import (
    announces_tasks,
    ends_on_duty,
    introduces_list,
    names_examples,
    names_only,
    speaks_only,
)
from directive_extract.discourse.openings import opens_with_task
from directive_extract.discourse.reading import Reading, Zone, over_items
from directive_extract.discourse.roles import ClauseRoles
from directive_extract.discourse.segment import (
    Clause,
    Paragraph,
    Span,
    heading_shape,
    introduces,
    is_document_kind,
    is_standing_clause,
    section_zone,
    skip_space,
)
from directive_extract.discourse.target_years import target_year
from directive_extract.discourse.targets import (
    states_goal,
)
from directive_extract.mentions.times import TimeIndex
from directive_extract.read.markers import opens_article

#: Actions strong enough to open a directive on their own, outside any frame.
_STRONG = ("modal", "command", "urge", "assigned")


_SECTION_ZONES = {
    "tasks": Zone.TASKS,
    "targets": Zone.TARGETS,
    "results": Zone.RESULTS,
    "purpose": Zone.PURPOSE,
    "basis": Zone.PURPOSE,
}


def _heading(
    text: str,
    clause: Clause,
    role: ClauseRoles,
    paragraph: Paragraph,
    verb: Cue | None,
    over_items: frozenset[int],
) -> tuple[bool, Zone | None]:
    """Whether the clause is a heading, and the zone it opens.

    A numbered short line that opens with a verb ("1. Rà soát quy chế") is a task,
    not a heading, unless items of a deeper level follow it (``over_items``): then it
    names the group of tasks they are ("2. Nghiên cứu, ứng dụng công nghệ" over "- "
    items), or leads in to them ("1. Hướng dẫn các địa phương, trong đó có:").
    An outermost heading of no known section ends the zone before.
    """
    line = text[paragraph.start : paragraph.end]
    if not clause.first_in_sentence or not heading_shape(line, paragraph.level):
        return False, None
    if is_document_kind(line):  # "KẾT LUẬN" over a conclusion's title opens no zone
        return True, None
    capitals = line.upper() == line
    zone = section_zone(line)
    if zone is not None:
        return True, _SECTION_ZONES[zone]
    if not capitals and verb is not None and verb.start == role.head:
        return paragraph.index in over_items, None
    return True, Zone.NEUTRAL if capitals or paragraph.level == 0 else None


_VERBS = (
    "modal",
    "action",
    "urge",
    "assigned",
    "command",
    "past",
    "passive",
    "lead_after",
    "support",
    "report",
)


def _first_verb(text: str, roles: ClauseRoles, end: int, tag: bool = False) -> Cue | None:
    """The first cue after the clause's opener and subject that tells what it does.

    With ``tag``, when the cue lexicon has no word right there, underthesea's tagger
    is asked whether the clause opens with a verb ("khôi phục cung cấp điện ...").
    Tagging costs more than the rest of the rules, so it is asked only where the
    answer can make a directive.
    """
    opens = roles.subject_end if roles.subject_end is not None else roles.head
    start = skip_space(text, opens, end)
    found = next((cue for cue in roles.cues if cue.start >= start and _tells(roles, cue)), None)
    if found is not None and found.start == start:
        return found
    if not tag or any(cue.start == start for cue in roles.cues):
        return found
    word = words.first_word(text, start, end)
    if word is not None and word[1] == words.VERB_TAG:
        return Cue(start, start + len(word[0]), word[0].casefold(), frozenset({"action", "tagged"}))
    return found


def _tells(roles: ClauseRoles, cue: Cue) -> bool:
    """The cue tells what the clause does: a verb, or a basis right after the subject,
    which is how the subject acts ("Các đơn vị căn cứ công văn để tổ chức ...")."""
    return cue.is_(*_VERBS) or (
        cue.is_("basis") and roles.subject_end is not None and cue.start >= roles.subject_end
    )


def _issuer_commands(text: str, roles: ClauseRoles, verb: Cue | None, end: int) -> bool:
    """The issuer opens the clause and assigns a task: "Thủ tướng yêu cầu sớm ...".

    A bare attribution after a quotation ("..., Thủ tướng yêu cầu.") assigns nothing
    of its own.
    """
    return _issuer_speaks(text, roles, verb) and len(text[verb.end : end].split()) >= 2


def _issuer_speaks(text: str, roles: ClauseRoles, verb: Cue | None) -> bool:
    """The clause opens with its issuer and a command: "Thủ tướng yêu cầu", "Chính phủ
    cũng yêu cầu" (one word between at most, no comma)."""
    issuer = roles.issuer
    if verb is None or not verb.is_("command") or issuer is None or issuer.end is None:
        return False
    gap = text[issuer.end : verb.start]
    return issuer.start == roles.head and "," not in gap and len(gap.split()) <= 1


def _announces_only(roles: ClauseRoles, verb: Cue | None) -> bool:
    """ "Thủ tướng giao nhiệm vụ cho từng bộ" and "Chủ tịch UBND Thành phố chỉ đạo như
    sau:" announce tasks and set none.

    The command is followed by a word of the program kind or one closing a lead-in, and
    by no action.
    """
    if verb is None or not verb.is_("command"):
        return False
    rest = [cue for cue in roles.cues if cue.start >= verb.end]
    announces = (
        bool(rest) and rest[0].is_("program", "list_intro") and rest[0].start - verb.end <= 1
    )
    return announces and not any(cue.is_("action", "urge", "modal") for cue in rest)


def _continues_targets(text: str, role: ClauseRoles, end: int, previous_directive: bool) -> bool:
    """A clause with a figure after a directive in its sentence continues its targets.

    "Phấn đấu ... 100% dịch vụ công ...; 50% dân số ..."; a clause that reports what
    was done ("đã", "so với cùng kỳ") does not.
    """
    reports = any(cue.is_("past", "reported") for cue in role.cues)
    return previous_directive and not reports and holds_digit(text, role.head, end)


def _frames(roles: ClauseRoles) -> bool:
    """An authority speaks in this clause: "Thủ tướng yêu cầu", "Thủ tướng nhấn mạnh"."""
    if roles.issuer is None or roles.issuer.end is None:
        return False
    return any(
        cue.is_("command", "frame", "modal") and 0 <= cue.start - roles.issuer.end <= 40
        for cue in roles.cues
    )


def _bare_task(text: str, roles: ClauseRoles, verb: Cue | None) -> bool:
    """The clause opens with a verb of doing and names no one: after a paragraph that
    ended on a task, it goes on with that task's subject ("Theo đó, Ban Chỉ đạo ... xây
    dựng kế hoạch ..." then the paragraph "Xác định đối tượng, tuyến, địa bàn ..."; or
    "Bên cạnh đó, phối hợp rà soát quy trình ...")."""
    return (
        verb is not None
        and verb.start == roles.head
        and verb.is_("action", "urge", "modal", "joint")
        and not _names_it(roles, verb)
        and not verb.is_("report")
        and not roles.lead
        and not any(cue.is_("past") for cue in roles.cues)  # a past tense anywhere in it
        and not reports.blocked(text, roles, verb)
    )


def _names_it(roles: ClauseRoles, verb: Cue) -> bool:
    """The verb is the subject a copula right after it says something of ("Phối hợp là
    yêu cầu bắt buộc ..."): a noun, not a task."""
    after = next((cue for cue in roles.cues if cue.start >= verb.end), None)
    return after is not None and after.is_("copula") and after.start - verb.end <= 1


def _announces_results(roles: ClauseRoles) -> bool:
    kinds = {kind for cue in roles.cues for kind in cue.kinds}
    return "results" in kinds and ("past" in kinds or "passive" in kinds)


def _sets_own_task(text: str, roles: ClauseRoles, verb: Cue | None, end: int) -> bool:
    """A lead-in that also sets a task of its own: an obligation or a figure after its
    verb ("... yêu cầu các bộ phấn đấu tăng trưởng 6,5%, đồng thời thực hiện các nhiệm
    vụ sau:"); an obligation to carry out the tasks it names ("... các bộ cần tập trung
    thực hiện các nhiệm vụ sau:") is the list's."""
    after = verb.end if verb is not None else roles.head
    named = [cue.start for cue in roles.cues if cue.is_("program")]
    obliged = any(
        cue.is_("modal")
        and cue.start >= after
        and not any(at > cue.end and "," not in text[cue.end : at] for at in named)
        for cue in roles.cues
    )
    return obliged or holds_digit(text, after, end)


class Detection(NamedTuple):
    """The clauses as read (``is_directive``, ``sets_quantities``, ``period`` set) and
    the decision on each."""

    clauses: list[Clause]
    decisions: list[Decision]


def mark(
    text: str,
    clauses: Sequence[Clause],
    roles: Sequence[ClauseRoles],
    paragraphs: Sequence[Paragraph],
    official: bool = False,
    times: TimeIndex | None = None,
    regulation: bool = False,
) -> Detection:
    """The decision on every clause, and the clauses as read (new objects: the
    segmenter's are left as they were).

    ``official``: the text is an official document (its header names its kind), whose
    every clause is the issuing authority's.  ``times`` is the document's time index
    (scanned here when absent); its dates are read as written, without the article's
    date, so a day and month alone set no due date here.  ``regulation``: the document
    sets rules (a Thông tư), whose obligations on firms and citizens are no tasks.
    """
    anchored = times or TimeIndex.scan(text)
    times = anchored.unanchored()
    reading = Reading(
        {c.sentence_start for c, r in zip(clauses, roles, strict=True) if _frames(r)},
        no_task.subheadings(text, paragraphs) if not official else frozenset(),
        annexes.rule_paragraphs(text, paragraphs) if official else frozenset(),
        over_items(text, paragraphs),
        unheard=not (official or voice.authority_speaks(roles)),
        year=anchored.ref.year if anchored.ref is not None else None,
    )
    marked, decisions, listed = [], [], []  # listed: a task list's item, a target, a table row
    examples: Clause | None = None  # a task whose sentence lists examples ("... như: ...")
    for clause, role in zip(clauses, roles, strict=True):
        paragraph = paragraphs[clause.paragraph]
        decision = _confidence(text, times, clause, role, paragraph, reading)
        if regulation and decision.confidence and reading.zone is not Zone.TASKS:
            verb = _first_verb(text, role, clause.end)  # duties listed under a body stay
            decision = voice.as_rule(text, clause, role, decision, verb)
        before = reading.previous
        marked.append(reading.record(clause, decision.confidence >= 0.5))
        if examples is not None and examples.sentence_start != clause.sentence_start:
            examples = None  # the examples end with the sentence that names them
        if marked[-1].is_directive:
            named = introduces(text, clause) and names_examples(role)
            examples = marked[-1] if named else None
        elif examples is not None or _list_goes_on(text, clause, role, before):
            reading.previous = examples or before
        decisions.append(decision)
        in_list = paragraph.level is not None and reading.zone is Zone.TASKS
        figured = reading.zone is Zone.TARGETS and holds_digit(text, clause.start, clause.end)
        listed.append(in_list or figured or clause.cells is not None or clause.indicator)
    if not reading.unheard:
        return Detection(marked, decisions)
    kept, decided = voice.without_authority(text, anchored, marked, decisions, listed)
    return Detection(kept, decided)


def _list_goes_on(text: str, clause: Clause, role: ClauseRoles, before: Clause | None) -> bool:
    """A clause of the sentence of a directive that names no verb and no body goes on with
    its list ("tăng cường kiểm soát tại các cửa khẩu ...; các chợ đầu mối, các trung tâm
    thương mại…"): the directive stays the one the next clause may continue."""
    return (
        before is not None
        and before.is_directive
        and before.sentence_start == clause.sentence_start
        and not role.lead
        and _first_verb(text, role, clause.end) is None
    )


def _confidence(
    text: str,
    times: TimeIndex,
    clause: Clause,
    role: ClauseRoles,
    paragraph: Paragraph,
    reading: Reading,
) -> Decision:
    """The decision on the clause, updating the zone the reader is in."""
    verb = _first_verb(text, role, clause.end)
    if reading.goal and clause.paragraph != reading.paragraph:
        close_goal(text, times, paragraph, reading, tells_done(text, role))
    entering = clause.paragraph != reading.paragraph
    carried = entering and _carries_on(text, clause, role, verb, reading)
    reading.enter(clause, paragraph, entering and reports.blocked(text, role, verb))
    line = text[paragraph.start : paragraph.end]
    if entering:
        reading.preamble = no_task.basis_line(line, role)
    if reading.preamble or clause.paragraph in reading.rules:
        return NOT
    if clause.first_in_sentence and heading_shape(line, paragraph.level) and line != line.upper():
        verb = _first_verb(text, role, clause.end, tag=True)  # "1. Rà soát ...": task or heading
    if _read_structure(text, times, clause, role, paragraph, reading, verb):
        return NOT
    if no_task.heads_page(text, clause, paragraph) or clause.paragraph in reading.subheadings:
        return NOT
    if clause.cells is not None or clause.indicator:
        return _table_cell(text, times, clause, reading)
    if no_task.holds_none(text, times, clause, role, verb, reading.previous):
        return NOT
    if reading.zone is Zone.PURPOSE or is_standing_clause(text[clause.start : clause.end]):
        return NOT
    framed = _frames(role)
    if framed:
        reading.frame(clause)
    in_frame = reading.in_frame(clause) or reading.continues(clause, paragraph=True)
    if in_frame or reading.zone in (Zone.TASKS, Zone.TARGETS) or reading.continues(clause):
        verb = _first_verb(text, role, clause.end, tag=True)
    _end_own_goal(role, reading)
    zone = _zone_of(text, clause, role, reading)
    narrated = reports.narrated(text, times, clause)
    decided = _decide(text, times, role, verb, zone, in_frame, clause.end, narrated)
    if decided.rule == _SUBJECT_AND_VERB and _reports_go_on(clause, reading):
        decided = NOT
    decided = _carried(decided, carried and not narrated, reading)
    decision = _quantities(text, clause, role, reading, goal(text, times, clause, role, decided))
    assigns = introduces(text, clause) and role.command is not None  # "Giao Bộ X: (i) ..."
    heads = is_heading(text, clause, paragraph) or assigns
    if (
        heads
        and role.lead
        and (not opens_with_task(text, times, role, verb) or names_only(text, role, clause.end))
    ):
        reading.enter_zone(Zone.TASKS)  # "1. Giao Ủy ban nhân dân Thành phố:" heads its tasks
        return NOT
    if introduces(text, clause) and _only_leads_in(text, clause, role, verb, framed, reading):
        return NOT
    if decision.confidence < OBLIGED and _titles(text, clause, role, paragraph, reading):
        return NOT  # a command or an obligation under the numeral is still one
    return decision


def _titles(
    text: str, clause: Clause, role: ClauseRoles, paragraph: Paragraph, reading: Reading
) -> bool:
    """The clause titles a part of the document or an item, naming a topic, no task."""
    return part_title(text, clause, paragraph) or _item_title(
        text, clause, role, paragraph, reading
    )


def _task_follows(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` opens with a verb of doing or an urging: a task of its own."""
    at = skip_space(text, start, end)
    while at < end and text[at] in "*_":
        at += 1
    cue = cue_at(text, at, end)
    return cue is not None and cue.is_("action", "urge", "modal", "command")


#: Most words an item's title before its colon has ("a) Giám sát dịch bệnh:").
_ITEM_TITLE_WORDS = 8


def _item_title(
    text: str,
    clause: Clause,
    role: ClauseRoles,
    paragraph: Paragraph,
    reading: Reading,
) -> bool:
    """A marked item opens on a short title before its colon, which names the topic of
    the task after it on its line ("4. Xây dựng chính quyền số: Hoàn thành kết nối ...")
    or of the deeper items under it ("a) Giám sát dịch bệnh:" over "- ..." items): a
    title names no one ("Phối hợp với Sở Tài chính: ..." is a task), no figure."""
    if paragraph.level is None or not introduces(text, clause) or clause.start != paragraph.start:
        return False
    inline = bool(text[clause.end + 1 : paragraph.end].strip(" *_"))
    if inline and not _task_follows(text, clause.end + 1, paragraph.end):
        return False  # "3. Rà soát các loại giấy tờ: giấy phép ...": what it acts on
    if not inline and paragraph.index not in reading.over_items:
        return False
    title = text[role.head : clause.end]
    short = len(title.split()) <= _ITEM_TITLE_WORDS
    named = role.lead or role.support
    return short and not named and not holds_digit(text, role.head, clause.end)


_SUBJECT_AND_VERB = "subject_and_verb"


def _table_cell(text: str, times: TimeIndex, clause: Clause, reading: Reading) -> Decision:
    """A task table's row is a task (outside a purpose section); a cell of a table of
    indicators sets the quantities to reach by its column's year: one after the
    document's, or its own when the header names a plan ("Kế hoạch năm 2025"; a bare
    "Năm 2025" beside "Năm 2024" in a year-end report holds results)."""
    if reading.zone is Zone.PURPOSE:
        return NOT
    if not clause.indicator:
        return Decision(0.8, "table_row")
    header = clause.period
    year = target_year(text, header.start, header.end, times=times) if header else None
    if header is None or year is None:
        return NOT
    ahead = reading.year is None or year > reading.year
    own_plan = year == reading.year and names_plan(text, header.start, header.end)
    return Decision(OBLIGED, "indicator_cell") if ahead or own_plan else NOT


def _reports_go_on(clause: Clause, reading: Reading) -> bool:
    """A body and its verb after a ';' of a sentence whose clause before was no
    directive go on with what it told ("TKV đã cung cấp 22,6 triệu tấn than ...; PVN
    cung cấp khoảng 3,9 tỷ m3 khí ..."): the tense before the ';' is theirs too."""
    previous = reading.previous
    return (
        previous is not None
        and not clause.first_in_sentence
        and previous.sentence_start == clause.sentence_start
        and not previous.is_directive
    )


def _only_leads_in(
    text: str, clause: Clause, role: ClauseRoles, verb: Cue | None, framed: bool, reading: Reading
) -> bool:
    """A lead-in ending on ":" that only opens what follows: it opens a tasks zone when it
    frames, names tasks, assigns ("Giao Sở X chủ trì ...:") or puts a duty on a body whose
    items spell it out ("Bộ Tài chính có trách nhiệm:"), and a reply letter's "Về vấn đề
    này, Bộ Xây dựng có ý kiến như sau:" announces its answer."""
    assigned = role.command is not None and bool(role.lead)
    on_duty = bool(role.lead) and ends_on_duty(text, role, clause.end)
    if not (framed or announces_tasks(text, role, verb, clause.end) or assigned or on_duty):
        return _announces_opinion(text, role, verb, clause.end)
    reading.open_tasks(clause, speaks_only(role))
    reading.runs_on(text, clause, framed or role.command is not None)
    if (framed or introduces_list(role)) and not _sets_own_task(text, role, verb, clause.end):
        return True
    return on_duty


def _announces_opinion(text: str, role: ClauseRoles, verb: Cue | None, end: int) -> bool:
    """A lead-in that only says a list follows, with no verb the lexicon knows: what
    follows is what the writer thinks or answers, and the lead-in asks nothing itself."""
    untold = verb is None or verb.is_("tagged")
    return untold and introduces_list(role) and not _sets_own_task(text, role, verb, end)


def _carries_on(
    text: str, clause: Clause, role: ClauseRoles, verb: Cue | None, reading: Reading
) -> bool:
    """The clause opens the paragraph after one that ended on a task and goes on with
    it: a bare verb of doing that heads no list ("Trong đó, ưu tiên các lĩnh vực: ..."
    lists areas), or whose list names examples of what it acts on ("Tập trung tuyên
    truyền các chính sách mới như: Nghị định ...")."""
    return (
        reading.after_task_paragraph(clause)
        and _bare_task(text, role, verb)
        and (not introduces(text, clause) or names_examples(role))
    )


def _carried(decided: Decision, carried: bool, reading: Reading) -> Decision:
    """A clause that goes on with the task of the paragraph before it, and its subject
    ("Khẩn trương huy động nhà thầu ..." after "... giao Bộ Xây dựng ..."); one no
    other rule took is a task by this one."""
    if not carried:
        return decided
    reading.marks = {"carries_on": True}
    return decided if decided.confidence else Decision(0.7, "carries_on")


def _read_structure(
    text: str,
    times: TimeIndex,
    clause: Clause,
    role: ClauseRoles,
    paragraph: Paragraph,
    reading: Reading,
    verb: Cue | None,
) -> bool:
    """Whether the clause is a heading; a heading may open a zone."""
    heading, section = _heading(text, clause, role, paragraph, verb, reading.over_items)
    line = text[paragraph.start : paragraph.end]
    if heading and section in (None, Zone.NEUTRAL) and (role.lead or role.topic):
        colon = text[clause.end : paragraph.end].strip() == ":"  # an article's needs one
        named = is_heading(text, clause, paragraph) and (section is None or colon)
        section = Zone.TASKS if named and line != line.upper() else section
    opens = clause.first_in_sentence and clause.sentence_start == paragraph.start
    if section is None and opens and opens_article(line):
        section = Zone.NEUTRAL  # a new article ends the zone of the one before
    if section is not None:  # "1. Ủy ban nhân dân các tỉnh:", "Điều 3. Giám đốc Sở X:"
        reading.enter_zone(section)  # head a list of the body's tasks
        reading.period = Span(paragraph.start, paragraph.end) if section is Zone.TARGETS else None
    elif heads_period(text, times, clause, paragraph, reading):
        return True
    return heading


def _end_own_goal(role: ClauseRoles, reading: Reading) -> None:
    """A firm's plan ends where someone else speaks or assigns, or a state body acts
    ("Thủ tướng yêu cầu Bộ Tài chính giải ngân 95% ...", "Bộ Tài chính phải ..."): the
    figures are that clause's own."""
    state_body = any(agency.type in STATE_BODIES for agency in role.lead)
    if reading.own_goal and (role.issuer is not None or role.command is not None or state_body):
        reading.zone, reading.goal, reading.own_goal = Zone.NEUTRAL, False, False


def _zone_of(text: str, clause: Clause, role: ClauseRoles, reading: Reading) -> Zone:
    """The zone the clause is read in: its section's, unless it reports within it."""
    zone = reading.zone
    if reading.goal and not holds_digit(text, role.head, clause.end):
        return Zone.NEUTRAL  # a goal's zone holds its figures; other clauses read as usual
    reported_before = not clause.first_in_sentence and reading.directed != clause.sentence_start
    if zone is Zone.TARGETS and reported_before and not introduces(text, reading.previous):
        return Zone.NEUTRAL  # "Năm 2021, tỷ lệ ... mới đạt 21,6%; khoảng 74% ...": a report
    return zone


def _quantities(
    text: str, clause: Clause, role: ClauseRoles, reading: Reading, decision: Decision
) -> Decision:
    """Mark whether the clause sets quantities to reach; a goal opens a zone of them."""
    own = (
        decision.rule == FIRM_PLAN
        or (reading.own_goal and decision.rule == TARGETS_ZONE)
        or (reading.unheard and decision.rule == GOAL_STATEMENT and decision.confidence < SURE)
    )
    if own or (decision.confidence > 0 and business_plan(text, clause, role, reading, decision)):
        reading.marks |= {"plans_own": True}
        if decision.rule == TARGETS_ZONE:  # a figure's clause of the plan's targets
            reading.marks |= {"sets_quantities": True, "period": reading.period}
        elif reading.zone is Zone.NEUTRAL:  # its details run on ("Cụ thể, tổng tài sản ...")
            reading.zone, reading.goal, reading.own_goal = Zone.TARGETS, True, True
        return NOT
    found = decision.confidence > 0.0
    if not found and _announces_results(role):
        reading.enter_zone(Zone.RESULTS)
    if not found and _continues_targets(text, role, clause.end, reading.continues(clause)):
        decision = Decision(0.7, CONTINUES_TARGETS)
        reading.marks |= {"sets_quantities": True}
    elif reading.zone is Zone.TARGETS and found:
        reading.marks |= {
            "sets_quantities": sets_target(text, role, clause.end),
            "period": reading.period,
        }
    opens = found and decision.rule != GOAL_STATEMENT  # whose quantity is in the clause
    if opens and reading.zone is Zone.NEUTRAL and states_goal(text, role.head, clause.end):
        reading.zone, reading.goal, reading.period = Zone.TARGETS, True, None
    elif not found and goal_lead_in(text, clause, role, reading):
        reading.zone, reading.goal = Zone.TARGETS, True
        reading.period = Span(clause.start, clause.end)  # its year dates the items
    return decision


def _decide(
    text: str,
    times: TimeIndex,
    role: ClauseRoles,
    verb: Cue | None,
    zone: Zone,
    in_frame: bool,
    end: int,
    narrated: bool = False,
) -> Decision:
    """The decision on a clause from its words, roles and zone, by named rules; a
    narrated clause is a directive only by an explicit assignment or urging."""
    if zone is Zone.TARGETS and sets_target(text, role, end):
        return Decision(0.75, TARGETS_ZONE)
    if reports.blocked(text, role, verb) or _announces_only(role, verb):
        return NOT
    if _issuer_speaks(text, role, verb) and not _issuer_commands(text, role, verb, end):
        return NOT
    if role.command is not None and role.lead:
        return Decision(0.95, "assignment")
    if any(cue.is_("lead_after") for cue in role.cues) and role.lead and role.subject_end is None:
        # "Viettel chịu trách nhiệm ..." in a business story describes; a state body's
        # duty is a task wherever it is told
        state_body = any(agency.type in STATE_BODIES for agency in role.lead)
        return Decision(0.9 if state_body else OBLIGED, "lead_after")
    if _issuer_commands(text, role, verb, end) or voice.commands_after_pause(text, role, end):
        return Decision(0.9, "issuer_commands")
    if not opens_with_task(text, times, role, verb):
        return NOT
    if narrated and not (verb is not None and verb.is_("urge", "modal", "command")):
        return NOT
    if verb is not None and verb.is_(*_STRONG):
        # an obligation or a request ("phải", "cần", "đề nghị"), or a warning put on no one
        # ("Tuyệt đối không ...", "Không để ..."), is also how advice and forms are written:
        # put on a state body it is a directive, on anyone else only where an authority speaks
        state_body = any(agency.type in STATE_BODIES for agency in role.lead)
        urged = verb.is_("urge", "assigned") and (bool(role.lead) or not verb.is_("advice"))
        sure = SURE if urged or state_body else OBLIGED
        return Decision(sure, f"{STRONG_VERB}{verb.phrase}")
    if in_frame:
        return Decision(0.75, "in_frame")
    if zone is Zone.TASKS:  # a verb only the tagger knows is weaker evidence of a task
        return Decision(0.75, "tasks_zone_tagged" if verb.is_("tagged") else "tasks_zone")
    if (
        role.subject_end is not None
        and zone is not Zone.RESULTS
        and not verb.is_("tagged")
        and not voice.told_as_news(role, verb)
    ):
        return Decision(0.6, _SUBJECT_AND_VERB)
    if reports.due_in(text, times, role, end):
        return Decision(SURE, "due_date")  # "Hoàn thành trước ngày 30/6/2025."
    return NOT

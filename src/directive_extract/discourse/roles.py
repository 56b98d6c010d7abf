"""Who does what in a clause: issuer, lead, support and report-to.

Roles come from the cue that governs a *chain* of agency mentions (mentions joined
only by commas and conjunctions):

- a command cue before the chain (``giao``, ``yêu cầu``, ``đề nghị``) → lead;
  an agency right before that cue is the issuer;
- ``chủ trì`` right after the chain → lead;
- the chain opening the clause (after list markers and connectives) → lead;
- ``phối hợp với``/``cùng`` before the chain → support;
- ``báo cáo`` before the chain → report-to.

Any other mention (an object, a possessor, a source) takes no role.  Clauses that
name no lead inherit it from the task before them (`inherit`).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

import regex

from directive_extract import lexicon
from directive_extract.discourse.cues import Cue, cue_at, find_cues
from directive_extract.discourse.segment import (
    Clause,
    Paragraph,
    heading_shape,
    introduces,
    marker_end,
)
from directive_extract.lexicon import alternation
from directive_extract.models import Agency

_OPENER_PUNCT = regex.compile(r"[\s,.:\-•*+\"'()\[\]]*+")
_PHRASE_TO_COMMA = regex.compile(r"[^,;:\n]{0,120}+,")
_SOURCE_TAG = regex.compile(r"\([\p{Lu}\d&./ -]{2,12}+\)")
_ISSUER_TYPES = frozenset({"position", "government", "committee"})


@dataclass(slots=True)
class ClauseRoles:
    """The roles found in one clause, and what the detector needs to know of it."""

    issuer: Agency | None = None
    lead: list[Agency] = field(default_factory=list)
    support: list[Agency] = field(default_factory=list)
    report_to: list[Agency] = field(default_factory=list)
    head: int = 0  # where the clause's own content starts, after openers
    cues: list[Cue] = field(default_factory=list)
    command: Cue | None = None  # the assignment cue whose object leads
    subject_end: int | None = None  # end of the lead chain that is the clause's subject
    topic: list[Agency] = field(default_factory=list)  # "Đối với Bộ X, ..." names the addressee
    lead_rule: str = ""  # the rule that gave the lead, which ``explain`` shows
    support_rule: str = ""


@cache
def _chain_glue() -> regex.Pattern:
    """What may join two mentions of one chain: commas and a conjunction."""
    conjunctions = alternation(
        row["phrase"] for row in lexicon.load("cues") if row["kind"] == "conjunction"
    )
    return regex.compile(rf"[\s,]*+(?:{conjunctions}\s++)?[\s,]*+", regex.IGNORECASE)


def _chains(text: str, mentions: Sequence[Agency]) -> list[list[Agency]]:
    """Mentions joined only by commas and conjunctions, one chain per role.

    An issuer ("Thủ tướng") never joins the bodies before it: in "Đối với TKV,
    Thủ tướng yêu cầu" the comma ends the topic.  A body named in brackets right after
    another is the part of it that does the work ("Văn phòng UBND tỉnh (Trung tâm Phục
    vụ hành chính công tỉnh)") and shares its role, unless it only repeats its name.
    """
    chains: list[list[Agency]] = []
    for mention in mentions:
        if chains:
            previous = chains[-1][-1]
            glue = _chain_glue().match(text, previous.end, mention.start)
            if not glue or glue.end() != mention.start:
                glue = _in_brackets(text, previous, mention)
            same_kind = (previous.type in _ISSUER_TYPES) == (mention.type in _ISSUER_TYPES)
            if glue and glue.end() == mention.start and same_kind:
                chains[-1].append(mention)
                continue
        chains.append([mention])
    return chains


_OPEN_BRACKET = regex.compile(r"\s*+\(\s*+")
_CLOSE_BRACKET = regex.compile(r"\s*+\)")


def _in_brackets(text: str, previous: Agency, mention: Agency) -> regex.Match | None:
    """The opening bracket between a body and one other body that the brackets hold."""
    if mention.name == previous.name or not _CLOSE_BRACKET.match(text, mention.end):
        return None  # "Bộ Thông tin và Truyền thông (Bộ TT&TT)" names it again
    return _OPEN_BRACKET.match(text, previous.end, mention.start)


def clause_head(text: str, clause: Clause, mentions: Sequence[Agency] = ()) -> int:
    """Where the clause's content starts: after list markers, connectives and topics.

    >>> t = "Thứ hai, về dịch vụ công, Bộ Y tế chủ trì"
    >>> t[clause_head(t, Clause(0, len(t), 0, len(t), 0, True)):]
    'Bộ Y tế chủ trì'
    """
    position = clause.start
    while True:
        moved = marker_end(text, position, clause.end)  # "(ii)" before its bracket is skipped
        moved = _OPENER_PUNCT.match(text, moved, clause.end).end()
        if moved != position:  # else no marker is there: the first call found none
            moved = marker_end(text, moved, clause.end)
        found = _SOURCE_TAG.match(text, moved, clause.end)
        if found:
            moved = found.end()
        cue = cue_at(text, moved, min(clause.end, moved + 30))
        if cue and cue.is_("connective", "enumerator", "time_adverb"):
            moved = cue.end
        elif cue and cue.is_("opener"):
            moved = _opener_end(text, cue, clause.end, mentions) or moved
        elif cue and cue.is_("action") and _opens_clause(text, clause, moved):
            moved = _participle_end(text, cue, clause.end, mentions) or moved
        if moved == position:
            return position
        position = moved


_OPENING_QUOTES = regex.compile(r"[\s\"']*+")


def _opens_clause(text: str, clause: Clause, position: int) -> bool:
    """Nothing but white space and opening quotes stands before ``position`` in the
    clause: a quotation that opens with a participle (“Xác định đây là nhiệm vụ trọng
    tâm, Cục X đã ...” - Cục trưởng nhấn mạnh) is read as one without quotes."""
    return _OPENING_QUOTES.match(text, clause.start, position).end() == position


def _opener_end(text: str, opener: Cue, end: int, mentions: Sequence[Agency] = ()) -> int | None:
    """Where an adverbial opener ends: at its comma, after the "thì" of a condition, or
    before an obligation that comes first (see :func:`_subject_before`).  A comma inside
    an agency list of the opener ("Trên cơ sở đề nghị của các Bộ, cơ
    quan liên quan, Bộ Tài chính ...") does not end it."""
    phrase = _PHRASE_TO_COMMA.match(text, opener.end, end)
    listed = next((m for m in mentions if phrase and m.start < phrase.end() - 1 < m.end), None)
    if listed is not None:
        phrase = _PHRASE_TO_COMMA.match(text, listed.end, end) or phrase
    limit = phrase.end() if phrase else min(end, opener.end + 120)
    inside = find_cues(text, opener.end, limit)
    then = next((c for c in inside if c.is_("then")), None)
    if then is not None:
        return then.end
    obliged = next((c for c in inside if c.is_("modal")), None)
    if obliged is not None and len(text[opener.end : obliged.start].split()) >= _OPENER_MIN_WORDS:
        return _subject_before(text, obliged, opener, mentions)
    return phrase.end() if phrase else None


def _participle_end(text: str, verb: Cue, end: int, mentions: Sequence[Agency]) -> int | None:
    """Where a participial opener ends: "Thực hiện chỉ đạo của Thủ tướng, Bộ X đã ...",
    "Triển khai nhiệm vụ được giao, các cục hải quan ...": at the agency right after its
    comma, which is the clause's subject.  A phrase that urges or obliges is a task
    (a command in it is a noun: "chỉ đạo của Thủ tướng")."""
    phrase = _PHRASE_TO_COMMA.match(text, verb.end, end)
    if phrase is None or verb.is_("modal", "command", "urge"):  # "Phấn đấu đến năm 2030, ..."
        return None
    if any(c.is_("modal", "urge") for c in find_cues(text, verb.end, phrase.end())):
        return None
    subject_at = phrase.end()
    while subject_at < end and text[subject_at].isspace():
        subject_at += 1
    return subject_at if any(m.start == subject_at for m in mentions) else None


#: Words an opener's own phrase holds before an obligation can end it ("Để thu ngân
#: sách các đơn vị cần ...": the subject and its "cần" are the clause's).
_OPENER_MIN_WORDS = 2


def _subject_before(text: str, obliged: Cue, opener: Cue, mentions: Sequence[Agency]) -> int:
    """Where the clause starts when an obligation comes before the opener's comma ("Để
    thu ngân sách các đơn vị cần phải ..."): at the agency right before it, else at the
    obligation itself."""
    subject = next(
        (m for m in reversed(mentions) if opener.end <= m.start and m.end <= obliged.start), None
    )
    if subject is not None and not text[subject.end or 0 : obliged.start].strip():
        return subject.start
    return obliged.start


def _before(cues: Sequence[Cue], position: int, text: str) -> Cue | None:
    """The cue governing a mention at ``position``: right before it, adverbs, plural
    markers and forms of address aside.

    Commas may stand between, except after a command: in "... mà Bộ A giao, Bộ B đã
    làm" the comma ends the relative clause, so "giao" does not govern "Bộ B".
    """
    for cue in reversed(cues):
        if cue.end > position:
            continue
        gap = text[cue.end : position]
        if cue.is_("adverb", "plural", "honorific") and not gap.strip(" ,"):
            position = cue.start  # "yêu cầu kịp thời ...", "đề nghị các đồng chí Bộ trưởng"
            continue
        if gap.strip(" ,") or (cue.is_("command") and "," in gap):
            return None
        return cue
    return None


def _after(cues: Sequence[Cue], position: int, text: str) -> Cue | None:
    """The cue right after a mention at ``position``, manner words aside ("Bộ Tài chính
    trân trọng đề nghị ...")."""
    for cue in cues:
        if cue.start < position:
            continue
        if text[position : cue.start].strip(" ,"):
            return None
        if not cue.is_("adverb"):
            return cue
        position = cue.end
    return None


def _outside_names(cues: list[Cue], mentions: Sequence[Agency]) -> list[Cue]:
    """The cues that are not words of a name ("Cần Thơ", "Ban Chỉ đạo quốc gia ...")."""
    spans = [(m.start, m.end) for m in mentions if m.start is not None and m.end is not None]
    return [c for c in cues if not any(s <= c.start and c.end <= e for s, e in spans)]


def analyse(text: str, clause: Clause, mentions: Sequence[Agency]) -> ClauseRoles:
    """Roles of one clause from its own words only."""
    cues = _outside_names(find_cues(text, clause.start, clause.end), mentions)
    roles = ClauseRoles(head=clause_head(text, clause, mentions), cues=cues)
    chains = _chains(text, mentions)
    roles.head = _after_goal(text, roles, _after_speaker(text, roles, chains))
    for whole in chains:
        chain = _from_head(whole, roles.head)
        first, last = chain[0], chain[-1]
        before = _before(roles.cues, first.start, text)
        after = _after(roles.cues, last.end, text)
        if (
            before is not None
            and before.is_("opener")
            and not text[before.end : first.start].strip()  # "Đối với Bộ Y tế", no comma
            and (last.end <= roles.head or introduces(text, clause))
        ):
            if first.type in _ISSUER_TYPES:
                roles.issuer = roles.issuer or first  # "Theo Thủ tướng, ..."
            else:
                roles.topic.extend(chain)
        elif after and (_issues(first, before, after) or _official_commands(first, before, after)):
            roles.issuer = roles.issuer or first
        elif before and before.is_("command") and _assigns(before, roles):
            _lead(roles, chain, f"after_command:{before.phrase}")
            roles.command = before
        elif before and before.is_("support"):
            roles.support.extend(chain)
            roles.support_rule = roles.support_rule or f"after_support_cue:{before.phrase}"
        elif before and before.is_("report"):
            roles.report_to.extend(chain)
        elif after and after.is_("lead_after") and not _chairs_meeting(roles.cues, after):
            _lead(roles, chain, f"before:{after.phrase}")
        elif _at_head(roles, first) and first.type not in _ISSUER_TYPES - {"committee"}:
            _lead(roles, chain, "subject")
            roles.subject_end = last.end
    return roles


def _from_head(chain: list[Agency], head: int) -> list[Agency]:
    """A chain that runs over the end of an opener into the subject ("... của các Bộ, cơ
    quan liên quan, Bộ Tài chính khẩn trương ...") starts again at the subject."""
    if chain[0].start >= head:
        return chain
    return [m for m in chain if m.start >= head] or chain


def _lead(roles: ClauseRoles, chain: Sequence[Agency], rule: str) -> None:
    roles.lead.extend(chain)
    roles.lead_rule = roles.lead_rule or rule


_SPEECH_END = regex.compile(r"\s*+[,:]\s*+")


def _after_speaker(text: str, roles: ClauseRoles, chains: Sequence[Sequence[Agency]]) -> int:
    """The head of what an authority says: "Thủ tướng nhấn mạnh, các địa phương phải ..."
    is about "các địa phương phải ...".  Commands keep their head ("Thủ tướng yêu cầu
    Bộ Y tế ..."): the agencies after them are what they govern."""
    speaker = next((chain[0] for chain in chains if chain[0].start == roles.head), None)
    if speaker is None or speaker.type not in _ISSUER_TYPES:
        return roles.head
    cue = _after(roles.cues, speaker.end, text)
    if cue is None or cue.is_("command") or not cue.is_("frame", "praise"):
        return roles.head
    pause = _SPEECH_END.match(text, cue.end)
    return pause.end() if pause else roles.head


def _at_head(roles: ClauseRoles, agency: Agency) -> bool:
    """The mention opens the clause's content, plural markers and forms of address aside
    ("Các Tổ công tác ...", "Các đồng chí Bộ trưởng ...", whose mentions leave them out)."""
    position = roles.head
    for cue in roles.cues:
        if cue.start < position:
            continue
        if cue.start > position + 1 or not cue.is_("plural", "honorific"):
            break
        position = cue.end
    return agency.start in (roles.head, position, position + 1)


def _after_goal(text: str, roles: ClauseRoles, head: int) -> int:
    """The head of a goal stated with a copula: "Mục tiêu được đặt ra là phấn đấu thông xe
    ..." is about "phấn đấu thông xe ...", unless the goal is told as done ("vừa phê duyệt
    ... với mục tiêu là ...")."""
    for cue, following in itertools.pairwise(roles.cues):
        if cue.start < head:
            continue
        if cue.is_("past"):
            return head
        if (
            cue.is_("copula")
            and following.is_("urge")
            and not text[cue.end : following.start].strip()
        ):
            return following.start
    return head


def _issues(agency: Agency, before: Cue | None, cue: Cue) -> bool:
    """The agency before the cue gives the directive.

    An authority that speaks ("Thủ tướng yêu cầu", "Thủ tướng nhấn mạnh") or any body
    that assigns ("Bộ Y tế đề nghị Sở Y tế ..."); a body that directs its own
    subordinates ("Bộ Y tế chỉ đạo các bệnh viện ...") leads that task itself, and so
    does an official who is told to direct ("yêu cầu các đồng chí Thứ trưởng chỉ đạo ...").
    """
    if agency.type in _ISSUER_TYPES:
        told = before is not None and before.is_("command") and cue.is_("action")
        return cue.is_("command", "frame", "praise") and not told
    return cue.is_("command") and not cue.is_("action")


@cache
def _titles() -> tuple[str, ...]:
    return tuple(title.casefold() for title in lexicon.column("agency_titles", "title"))


def _official_commands(agency: Agency, before: Cue | None, after: Cue) -> bool:
    """An official named by title and person commands ("Thứ trưởng Bộ Tài chính Vũ Thị
    Mai chỉ đạo Tổng cục Hải quan ..."): the bodies after the cue lead, not the
    official's body.  An official who is told to command ("Yêu cầu Bộ trưởng Bộ Công an
    chỉ đạo ...") or a body's head as an item's subject ("Chủ tịch Ủy ban nhân dân các
    tỉnh chỉ đạo ...") leads the task."""
    if not after.is_("command") or (before is not None and before.is_("command")):
        return False
    mention = agency.mention.casefold()
    last = mention.split()[-1] if mention.split() else ""
    return mention.startswith(_titles()) and last not in agency.name.casefold()


def _assigns(cue: Cue, roles: ClauseRoles) -> bool:
    """Whether a command cue gives the task to the agencies after it.

    A cue that is also an action ("chỉ đạo") assigns only when an authority speaks
    it; otherwise "chỉ đạo Tập đoàn X ..." is the task of whoever leads the clause.
    """
    if not cue.is_("action"):
        return True
    issuer = roles.issuer  # "Thủ tướng chỉ đạo các bộ ..." (not "... Bộ Y tế chỉ đạo ...")
    return issuer is not None and issuer.end is not None and 0 <= cue.start - issuer.end <= 2


def _chairs_meeting(cues: Sequence[Cue], chair: Cue) -> bool:
    """ "chủ trì (tổ chức) hội nghị": chairing a meeting, not leading a task."""
    return any(cue.is_("meeting") and 0 < cue.start - chair.end <= 25 for cue in cues)


def table_row(text: str, clause: Clause, mentions: Sequence[Agency]) -> ClauseRoles:
    """Roles of a task-table row: lead and support from their columns."""
    cells = clause.cells or {}

    def within(column: str) -> list[Agency]:
        cell = cells.get(column)
        return [m for m in mentions if cell and cell.start <= m.start and m.end <= cell.end]

    return ClauseRoles(
        lead=within("lead"),
        support=within("support"),
        head=clause.start,
        cues=find_cues(text, clause.start, clause.end),
        lead_rule="table:lead_column",
        support_rule="table:support_column",
    )


def _between(mentions: Sequence[Agency], start: int, end: int) -> list[Agency]:
    return [m for m in mentions if start <= m.start and m.end <= end]


def _named_back(text: str, mentions: Sequence[Agency]) -> list[Agency]:
    """A body named again with a demonstrative after it ("4. Các Sở Xây dựng nêu trên")
    is the nearest earlier mention whose name is it narrowed down ("Sở Xây dựng các
    tỉnh, thành phố: Gia Lai, Đắk Lắk"), which it stands for."""
    named: list[Agency] = []
    for mention in mentions:
        cue = cue_at(text, mention.end + 1, mention.end + _REFERRING_REACH)
        if cue is not None and cue.is_("refers_back") and not text[mention.end : cue.start].strip():
            prefix = f"{mention.name.casefold()} "
            fuller = next(
                (a for a in reversed(named) if a.name.casefold().startswith(prefix)), None
            )
            if fuller is not None:
                mention = mention.model_copy(update={"name": fuller.name, "type": fuller.type})
        named.append(mention)
    return named


_REFERRING_REACH = 12  # characters after a name where its demonstrative may end


def assign(text: str, clauses: Sequence[Clause], mentions: Sequence[Agency]) -> list[ClauseRoles]:
    """Local roles of every clause (mentions must be in text order)."""
    mentions = _named_back(text, mentions)
    starts = [mention.start for mention in mentions]
    found: list[ClauseRoles] = []
    for clause in clauses:
        low, high = (
            (clause.sentence_start, clause.sentence_end)
            if clause.cells
            else (clause.start, clause.end)
        )
        nearby = mentions[bisect_left(starts, low) : bisect_left(starts, high)]
        if clause.cells:
            found.append(table_row(text, clause, _between(nearby, low, high)))
        else:
            found.append(analyse(text, clause, _between(nearby, low, high)))
    return found


def _inherited(agencies: Sequence[Agency]) -> list[Agency]:
    return [agency.model_copy(update={"start": None, "end": None}) for agency in agencies]


def is_heading(text: str, clause: Clause, paragraph: Paragraph) -> bool:
    """A clause that heads the list after it: it closes its paragraph with ":", or is
    the whole of a numbered heading line ("2. Sở Nội vụ")."""
    rest = text[clause.end : paragraph.end].strip()
    if rest == ":":
        return True
    whole = not rest and clause.first_in_sentence and clause.sentence_start == paragraph.start
    return whole and heading_shape(text[paragraph.start : paragraph.end], paragraph.level)


@dataclass(slots=True)
class _Heading:
    level: float
    lead: list[Agency]
    support: list[Agency]


class _Headings:
    """The open headings of nested lists ("1. Bộ Xây dựng:" over "a) ..." items)."""

    def __init__(self) -> None:
        self.open: list[_Heading] = []
        self.level = 0.0  # level of the last marked paragraph

    def enter(self, paragraph: Paragraph) -> None:
        if paragraph.level is not None:
            self.level = paragraph.level
            self._close(paragraph.level)

    def push(self, paragraph: Paragraph, roles: ClauseRoles) -> None:
        level = paragraph.level if paragraph.level is not None else self.level + 0.5
        self._close(level)
        self.open.append(_Heading(level, roles.lead, roles.support))

    def _close(self, level: float) -> None:
        while self.open and self.open[-1].level >= level:
            self.open.pop()

    def current(self) -> _Heading | None:
        return self.open[-1] if self.open else None


def inherit(
    text: str,
    clauses: Sequence[Clause],
    roles: Sequence[ClauseRoles],
    paragraphs: Sequence[Paragraph],
) -> list[ClauseRoles]:
    """The roles of every clause with what directives that name no lead inherit: the
    lead of the task or heading before them (new objects; ``roles`` is left as it was).

    A lead carries over to the next tasks of the same sentence, to the next sentences
    of the same paragraph, to the items of a list under a heading that names a body
    ("1. Bộ Xây dựng:"), and to the run of task paragraphs after a lead-in that names
    it ("Chính phủ yêu cầu các địa phương ...:"); support carries with it inside a
    sentence and from a heading.  The issuer carries over for the whole text.
    """
    frame: tuple[Clause, ClauseRoles] | None = None  # the last task that named its lead
    last: ClauseRoles | None = None  # the roles of the last task with a lead, anywhere before
    named: tuple[Clause, ClauseRoles] | None = None  # the last clause that named a lead
    issuer: Agency | None = None
    headings = _Headings()
    paragraph_index = -1
    inherited: list[ClauseRoles] = []
    listed: tuple[Clause, ClauseRoles] | None = None  # a clause that only lists bodies
    for clause, role in zip(clauses, roles, strict=True):
        role, listed = _listed_before(text, clause, role, listed)
        paragraph = paragraphs[clause.paragraph]
        if clause.paragraph != paragraph_index:
            paragraph_index = clause.paragraph
            headings.enter(paragraph)
            if not clause.is_directive:  # a paragraph that sets no task ends a lead-in's run
                frame = None
        issuer = role.issuer or issuer
        speaks = _speaks_anew(text, clause, role.issuer)
        if not clause.is_directive:
            if not role.lead and role.topic:
                role = replace(role, lead=list(role.topic))
            if role.lead:
                named = (clause, role)
            if is_heading(text, clause, paragraph):  # "1. Bộ X ..., các nội dung sau:"
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
            frame, heads_list = (clause, role), True
            last = role
        else:
            role, heads_list = _inherited_lead(text, clause, role, frame, headings)
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
        role = replace(role, issuer=_inherited([issuer])[0])
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
            and _partners_of_whole_sentence(text, opening[1])
            and not role.support
            and role.lead_rule.startswith("inherited")
            and [a.name for a in role.lead] == [a.name for a in opening[1].lead]
        ):
            roles[index] = replace(
                role,
                support=_inherited(opening[1].support),
                support_rule="inherited:sentence_opening",
            )
    return roles


def _partners_of_whole_sentence(text: str, role: ClauseRoles) -> bool:
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
    taken = replace(role, lead=_inherited(source.lead), lead_rule=rule)
    if support and not role.support and source.support:
        taken = replace(taken, support=_inherited(source.support), support_rule=rule)
    return taken

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
from enum import Enum

from .cues import Cue
from .roles import ClauseRoles, is_heading
from .segment import Clause, Paragraph, is_standing_clause, section_zone

#: Actions strong enough to open a directive on their own, outside any frame.
_STRONG = ("modal", "command", "urge")


class Zone(Enum):
    NEUTRAL = "neutral"
    TASKS = "tasks"
    RESULTS = "results"
    PURPOSE = "purpose"  # purpose, principles or legal basis of a document: no directives


_SECTION_ZONES = {
    "tasks": Zone.TASKS,
    "results": Zone.RESULTS,
    "purpose": Zone.PURPOSE,
    "basis": Zone.PURPOSE,
}


def _section_heading(text: str, clause: Clause, paragraph: Paragraph) -> Zone | None:
    """The zone that a section heading ("II. NHIỆM VỤ, GIẢI PHÁP") opens, if it is one."""
    line = text[paragraph.start : paragraph.end]
    letters = [char for char in line if char.isalpha()]
    upper = len(letters) > 3 and sum(char.isupper() for char in letters) > 0.8 * len(letters)
    if not clause.first_in_sentence or not (upper or paragraph.level == 0):
        return None
    if line.rstrip()[-1:] in ".;":
        return None
    zone = section_zone(line)
    return _SECTION_ZONES.get(zone) if zone else None


_VERBS = (
    "modal",
    "action",
    "urge",
    "command",
    "past",
    "passive",
    "lead_after",
    "support",
    "report",
)


def _first_verb(roles: ClauseRoles) -> Cue | None:
    """The first cue after the clause's opener and subject that tells what it does."""
    start = roles.head
    if roles.subject and roles.lead and roles.lead[-1].end is not None:
        start = roles.lead[-1].end
    for cue in roles.cues:
        if cue.start >= start and cue.is_(*_VERBS):
            return cue
    return None


def _blocked(roles: ClauseRoles, verb: Cue | None) -> bool:
    """Done, under way, passive or reported before the task's verb."""
    limit = verb.start if verb else None
    if roles.issuer is not None and roles.issuer.start == roles.head:
        spoken = [cue for cue in roles.cues if cue.start >= (roles.issuer.end or 0)][:1]
        if spoken and spoken[0].is_("praise"):
            return True
    for cue in roles.cues:
        if cue.start < roles.head:
            continue
        if cue.is_("reported", "basis") and roles.command is None:
            return True
        if limit is not None and cue.start > limit:
            break
        if cue.is_("past", "passive") and not cue.is_("action", "modal"):
            return True
    if verb is None or verb.is_("past", "passive"):
        return verb is not None
    following = [cue for cue in roles.cues if cue.start > verb.end][:1]
    return bool(following) and following[0].is_("passive") and following[0].start - verb.end <= 1


def _opens_with_task(text: str, roles: ClauseRoles, verb: Cue | None) -> bool:
    """The clause's content starts with its verb, or with the agency that must act."""
    if verb is None or verb.is_("past", "passive"):
        return False
    if verb.start == roles.head:
        return True
    subject = roles.lead if roles.subject else [roles.issuer] if roles.issuer else []
    if not subject or subject[0].start != roles.head or subject[-1].end is None:
        return False
    return subject[-1].end <= verb.start and len(text[subject[-1].end : verb.start].split()) <= 1


def _issuer_commands(roles: ClauseRoles, verb: Cue | None) -> bool:
    """ "Thủ tướng yêu cầu ...": the issuer opens the clause and assigns."""
    issuer = roles.issuer
    return (
        verb is not None
        and verb.is_("command")
        and issuer is not None
        and issuer.start == roles.head
        and issuer.end is not None
        and verb.start - issuer.end <= 2
    )


def _announces_only(roles: ClauseRoles, verb: Cue | None) -> bool:
    """ "Thủ tướng giao nhiệm vụ cho từng bộ" announces tasks and sets none.

    The command is followed by a word of the program kind and by no action.
    """
    if verb is None or not verb.is_("command"):
        return False
    rest = [cue for cue in roles.cues if cue.start >= verb.end]
    announces = bool(rest) and rest[0].is_("program") and rest[0].start - verb.end <= 1
    return announces and not any(cue.is_("action", "urge", "modal") for cue in rest)


def _continues_targets(text: str, role: ClauseRoles, previous_directive: bool) -> bool:
    """ "...; 50% dân số ..." continues the targets of the directive before it."""
    return previous_directive and text[role.head : role.head + 1].isdigit()


def _is_lead_in(text: str, clause: Clause) -> bool:
    """A clause that only introduces what follows ("Thủ tướng yêu cầu:")."""
    return text[clause.end : clause.end + 1] == ":"


def _frames(roles: ClauseRoles) -> bool:
    """An authority speaks in this clause: "Thủ tướng yêu cầu", "Thủ tướng nhấn mạnh"."""
    if roles.issuer is None or roles.issuer.end is None:
        return False
    return any(
        cue.is_("command", "frame", "modal") and 0 <= cue.start - roles.issuer.end <= 40
        for cue in roles.cues
    )


def _announces_results(roles: ClauseRoles) -> bool:
    kinds = {kind for cue in roles.cues for kind in cue.kinds}
    return "results" in kinds and ("past" in kinds or "passive" in kinds)


def _announces_tasks(roles: ClauseRoles) -> bool:
    return any(cue.is_("program") for cue in roles.cues)


def mark(
    text: str,
    clauses: Sequence[Clause],
    roles: Sequence[ClauseRoles],
    paragraphs: Sequence[Paragraph],
) -> list[float]:
    """Set ``is_directive`` on every clause; return a confidence for each."""
    confidences: list[float] = []
    zone = Zone.NEUTRAL
    framed_sentences = {c.sentence_start for c, r in zip(clauses, roles, strict=True) if _frames(r)}
    framed_paragraph = -1
    previous: Clause | None = None
    for clause, role in zip(clauses, roles, strict=True):
        paragraph = paragraphs[clause.paragraph]
        section = _section_heading(text, clause, paragraph)
        if section is not None:
            zone = section
        if clause.cells is not None:
            clause.is_directive = zone is not Zone.PURPOSE
            confidences.append(0.8 if clause.is_directive else 0.0)
            continue
        if (
            section is not None
            or zone is Zone.PURPOSE
            or is_standing_clause(text[clause.start : clause.end])
        ):
            clause.is_directive = False
            confidences.append(0.0)
            continue
        verb = _first_verb(role)
        framed = _frames(role)
        if framed:
            framed_paragraph = clause.paragraph
        if _announces_results(role):
            zone = Zone.RESULTS
        elif zone is Zone.TASKS and clause.first_in_sentence and _blocked(role, verb):
            zone = Zone.NEUTRAL
        in_frame = clause.sentence_start in framed_sentences or clause.paragraph == framed_paragraph
        confidence = _decide(text, clause, role, verb, zone, in_frame)
        continued = (
            previous is not None
            and previous.is_directive
            and previous.sentence_start == clause.sentence_start
        )
        if confidence == 0.0 and _continues_targets(text, role, continued):
            confidence = 0.7
        if (
            is_heading(text, clause, paragraph)
            and role.lead
            and not _opens_with_task(text, role, verb)
        ):
            zone = Zone.TASKS
            confidence = 0.0
        elif _is_lead_in(text, clause) and (framed or _announces_tasks(role)):
            zone = Zone.TASKS
            confidence = 0.0 if verb is None or verb.start < role.head or framed else confidence
        elif framed and confidence == 0.0 and role.command is None and zone != Zone.RESULTS:
            zone = Zone.TASKS
        clause.is_directive = confidence >= 0.5
        confidences.append(confidence)
        previous = clause
    return confidences


def _decide(
    text: str, clause: Clause, role: ClauseRoles, verb: Cue | None, zone: Zone, in_frame: bool
) -> float:
    """A confidence that the clause is a directive; 0 when it is not one."""
    if _blocked(role, verb) or _announces_only(role, verb):
        return 0.0
    if role.command is not None and role.lead:
        return 0.95
    if any(cue.is_("lead_after") for cue in role.cues) and role.lead and not role.subject:
        return 0.9
    if _issuer_commands(role, verb):
        return 0.9
    if not _opens_with_task(text, role, verb):
        return 0.0
    if verb is not None and verb.is_(*_STRONG):
        return 0.85
    if in_frame or zone is Zone.TASKS:
        return 0.75
    if role.subject and role.lead and zone is not Zone.RESULTS:
        return 0.6
    return 0.0

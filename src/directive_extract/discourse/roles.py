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
name no lead inherit it from the task before them (:mod:`.inherit`).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

import regex

from directive_extract import lexicon
from directive_extract.discourse.cues import Cue, cue_at, find_cues, issued_command
from directive_extract.discourse.segment import (
    Clause,
    introduces,
    marker_end,
    sentences,
    skip_space,
)
from directive_extract.lexicon import alternation
from directive_extract.models import Agency

_OPENER_PUNCT = regex.compile(r"[\s,.:\-•*+\"'()\[\]]*+")
#: An opener's phrase up to its comma; a decimal comma ("60,7 triệu tấn") ends none.
_PHRASE_TO_COMMA = regex.compile(r"(?:[^,;:\n]|(?<=\d),(?=\d)){0,120}+,")
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


def agency_chains(text: str, mentions: Sequence[Agency]) -> list[list[Agency]]:
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
        if cue and cue.is_("connective", "enumerator", "verb_adverb"):
            moved = cue.end
        elif cue and cue.is_("manner") and (manner_end := _manner_end(text, cue, clause.end)):
            moved = manner_end
        elif cue and (cue.is_("opener") or _names_topic(text, cue, mentions)):
            moved = _opener_end(text, cue, clause.end, mentions) or moved
        elif cue and cue.is_("action") and _opens_clause(text, clause, moved):
            moved = _participle_end(text, cue, clause.end, mentions) or moved
        if moved == position:
            return position
        position = moved


def _names_topic(text: str, cue: Cue, mentions: Sequence[Agency]) -> bool:
    """A topic word right before a body it names ("Với Bộ Tài chính, ..."): the phrase
    says whom the clause is for, not how it acts ("Với các giải pháp trên, ...") nor which
    ones a rule is for ("Với những DN có quy mô vốn ..., bắt buộc phải ...")."""
    after = skip_space(text, cue.end, len(text))
    return cue.is_("topic") and any(m.start == after and m.type != "group" for m in mentions)


def _names_duties(text: str, roles: ClauseRoles, before: Cue | None, first: Agency) -> bool:
    """The clause opens by naming whose duties follow ("Trách nhiệm của Sở Y tế"), the
    body right after; in a sentence ("nâng cao trách nhiệm của người đứng đầu") it names
    no one who must act."""
    if before is None or not before.is_("duty") or before.start != roles.head:
        return False
    return not text[before.end : first.start].strip()


_OPENING_QUOTES = regex.compile(r"[\s\"']*+")

#: How far a manner phrase that opens a clause may run to the comma before its verb.
_MANNER_RUN = 80


def _manner_end(text: str, manner: Cue, end: int) -> int | None:
    """Where a manner phrase that opens the clause ends: at the comma right before its
    verb ("Theo chức năng, nhiệm vụ được giao, tham mưu ..."), its inner commas aside."""
    limit = min(end, manner.end + _MANNER_RUN)
    for cue in find_cues(text, manner.end, limit):
        if cue.is_("action", "urge", "modal") and text[manner.end : cue.start].rstrip()[-1:] == ",":
            return cue.start
    return None


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
    if phrase is not None:
        phrase = _listed_on(text, phrase, end, mentions)
    limit = phrase.end() if phrase else min(end, opener.end + 120)
    inside = find_cues(text, opener.end, limit)
    then = next((c for c in inside if c.is_("then")), None)
    if then is not None:
        return then.end
    obliged = next((c for c in inside if c.is_("modal")), None)
    if obliged is not None and len(text[opener.end : obliged.start].split()) >= _OPENER_MIN_WORDS:
        return _subject_before(text, obliged, opener, mentions)
    if phrase is None:
        return None
    return _speaker_after(text, phrase.end(), min(end, opener.end + _OPENER_RUN), mentions) or (
        phrase.end()
    )


#: How many words a noun listed after an opener's comma may have ("khó khăn, vướng mắc,").
_LISTED_WORDS = 3
#: Cue kinds of a verb, which end what an opener lists.
_LISTED_STOPS = ("action", "modal", "urge", "command")


def _listed_on(text: str, phrase: regex.Match, end: int, mentions: Sequence[Agency]) -> regex.Match:
    """An opener's phrase over the short nouns its commas list on ("Nếu có khó khăn,
    vướng mắc, phát sinh," then the subject): each piece of a few words before another
    comma that holds no verb and names no body belongs to the opener."""
    while True:
        after = _PHRASE_TO_COMMA.match(text, phrase.end(), end)
        if after is None or len(text[phrase.end() : after.end() - 1].split()) > _LISTED_WORDS:
            return phrase
        if any(phrase.end() <= m.start < after.end() for m in mentions):
            return phrase
        if any(c.is_(*_LISTED_STOPS) for c in find_cues(text, phrase.end(), after.end())):
            return phrase
        phrase = after


#: How far an opener may run over its commas to the authority that speaks after it.
_OPENER_RUN = 200


def _speaker_after(text: str, start: int, end: int, mentions: Sequence[Agency]) -> int | None:
    """An authority that speaks after a later comma of the opener: "Trước diễn biến mưa
    lũ, sạt lở ngày càng phức tạp, Phó Thủ tướng yêu cầu, ...".
    The opener runs to it when what follows its first comma is no subject and urges
    nothing itself."""
    if any(m.start is not None and start <= m.start <= start + 1 for m in mentions):
        return None  # "Trước tình hình đó, Bộ Y tế ...": the subject follows the comma
    for mention in mentions:
        if mention.start is None or not start < mention.start < end:
            continue
        before = text[start : mention.start]
        if mention.type not in _ISSUER_TYPES or not before.rstrip().endswith(","):
            continue
        if any(c.is_("modal", "command", "urge") for c in find_cues(text, start, mention.start)):
            return None
        spoken = cue_at(text, mention.end + 1, min(len(text), mention.end + 30))
        return mention.start if spoken is not None and spoken.is_("command", "frame") else None
    return None


def _participle_end(text: str, verb: Cue, end: int, mentions: Sequence[Agency]) -> int | None:
    """Where a participial opener ends: "Thực hiện chỉ đạo của Thủ tướng, Bộ X đã ...",
    "Triển khai nhiệm vụ được giao, các cục hải quan ...": at the agency right after its
    comma, which is the clause's subject.  A phrase that urges or obliges is a task
    (a command in it is a noun: "chỉ đạo của Thủ tướng")."""
    phrase = _PHRASE_TO_COMMA.match(text, verb.end, end)
    if phrase is None or verb.is_("modal", "urge"):  # "Phấn đấu đến năm 2030, ..."
        return None
    inside = find_cues(text, verb.end, phrase.end())
    if verb.is_("command") and not _chairs_meeting(inside, verb):
        return None  # "Chỉ đạo tại Hội nghị, Bộ trưởng ...": where the authority spoke
    if any(c.is_("modal", "urge") for c in inside):
        return None
    subject_at = skip_space(text, phrase.end(), end)
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
        skipped = cue.is_("adverb", "plural", "honorific") and not cue.is_("topic")
        if skipped and not gap.strip(" ,"):
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
    """The cues that are not words of a name ("Cần Thơ", "Ban Chỉ đạo quốc gia ...").

    A cue lies inside a name when a name that starts at or before it reaches its end:
    the names by start, and how far the names up to each reach, answer by bisection."""
    spans = sorted((m.start, m.end) for m in mentions if m.start is not None and m.end is not None)
    if not spans:
        return list(cues)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))
    return [c for c in cues if not _reaches(starts, reach, c)]


def _reaches(starts: list[int], reach: list[int], cue: Cue) -> bool:
    before = bisect_right(starts, cue.start)
    return before > 0 and reach[before - 1] >= cue.end


def analyse(text: str, clause: Clause, mentions: Sequence[Agency]) -> ClauseRoles:
    """Roles of one clause from its own words only."""
    cues = _outside_names(find_cues(text, clause.start, clause.end), mentions)
    roles = ClauseRoles(head=clause_head(text, clause, mentions), cues=cues)
    chains = agency_chains(text, mentions)
    said = _after_speaker(text, roles, chains)
    if said != roles.head:  # what an authority says has openers of its own ("thời gian tới, ")
        said = clause_head(text, replace(clause, start=said), mentions)
    roles.head = _after_goal(text, roles, said)
    for whole in chains:
        chain = _from_head(whole, roles.head)
        first, last = chain[0], chain[-1]
        before = _before(roles.cues, first.start, text)
        after = _after(roles.cues, last.end, text)
        if (
            before is not None
            and before.is_("opener", "topic")
            and not text[before.end : first.start].strip()  # "Đối với Bộ Y tế", no comma
            and (last.end <= roles.head or introduces(text, clause))
        ):
            if first.type in _ISSUER_TYPES:
                roles.issuer = roles.issuer or first  # "Theo Thủ tướng, ..."
            else:
                roles.topic.extend(chain)
        elif _names_duties(text, roles, before, first):
            roles.topic.extend(chain)  # "Điều 58. Trách nhiệm của Ủy ban nhân dân cấp xã"
        elif _speaks(text, clause, roles, first, (before, after)):
            roles.issuer = roles.issuer or first  # "Bộ X vừa có công văn yêu cầu ..." too
        elif before and before.is_("command") and _assigns(text, before, roles):
            _lead(roles, chain, f"after_command:{before.phrase}")
            roles.command = before
        elif (given := _given_to(text, roles, before)) is not None:
            _lead(roles, chain, f"after_command:{given.phrase}")
            roles.command = given
        elif before and before.is_("support"):
            roles.support.extend(chain)
            roles.support_rule = roles.support_rule or f"after_support_cue:{before.phrase}"
        elif _joins_support(text, roles, first):
            roles.support.extend(chain)  # a partner of another kind after "và"
        elif before and before.is_("report"):
            roles.report_to.extend(chain)
        elif partners := _partners_before(text, roles, chains, chain, after):
            roles.support.extend(partners)  # "Bộ Y tế chủ trì, Bộ Tài chính phối hợp ..."
            roles.support_rule = roles.support_rule or f"before:{after.phrase}"
        elif (
            after
            and after.is_("lead_after")
            and not _chairs_meeting(roles.cues, after)
            and not (before and before.is_("agent"))  # "... do Bộ KHCN chủ trì" describes
        ):
            _lead(roles, chain, f"before:{after.phrase}")
        elif _at_head(roles, first) and (
            first.type not in _ISSUER_TYPES - {"committee"} or _acts(first, after, roles.cues)
        ):
            _lead(roles, chain, "subject")
            roles.subject_end = last.end
    return roles


#: What may close a clause after its last word.
_CLOSING = " .,;:)…\n"


def _speaks(
    text: str,
    clause: Clause,
    roles: ClauseRoles,
    first: Agency,
    around: tuple[Cue | None, Cue | None],
) -> bool:
    """The body gives the directive with the cue right after it (``around``: the cues
    right before and after the body), unless a body's command ends its clause, heading no
    list: "... theo hạn mức Ngân hàng Nhà nước giao;" tells whose quota, it assigns
    nothing (a leader's "... mà Thủ tướng Chính phủ đã chỉ đạo." still speaks)."""
    before, after = around
    if after is None:
        return False
    allots = after.is_("command") and first.type != "position"  # a body's quota, not a leader
    closes = not text[after.end : clause.end].strip(_CLOSING) and not introduces(text, clause)
    if allots and closes:
        return False
    return (
        _issues(first, before, after)
        or _official_commands(first, before, after)
        or (not (before and before.is_("command")) and issued_command(text, roles.cues, after))
    )


def _joins_support(text: str, roles: ClauseRoles, first: Agency) -> bool:
    """A body joined to the last partner by a conjunction is one more ("phối hợp với Bộ
    Tài chính và Bảo hiểm xã hội Việt Nam"), whatever its kind: the chains split there
    only because a body under the Government may also speak for it.  After a bare comma
    a body of another kind may open a clause of its own."""
    if not roles.support:
        return False
    glue = _chain_glue().match(text, roles.support[-1].end, first.start)
    return glue is not None and glue.end() == first.start and glue.group().strip(" ,") != ""


def _partners_before(
    text: str,
    roles: ClauseRoles,
    chains: Sequence[Sequence[Agency]],
    chain: Sequence[Agency],
    after: Cue | None,
) -> list[Agency]:
    """The bodies that support the lead named right before them with "chủ trì", told
    before "phối hợp" ("Bộ Y tế chủ trì, Bộ Tài chính và Bảo hiểm xã hội Việt Nam phối
    hợp ..."); after the lead's task ("... chủ trì xây dựng Đề án, Bộ Xây dựng phối hợp
    phê duyệt") they open a task of their own."""
    if not roles.lead or after is None or not after.is_("joint"):
        return []
    partners = [*_glued_before(text, roles, chains, chain), *chain]
    start = partners[0].start
    led = any(
        cue.is_("lead_after") and cue.end <= start and not text[cue.end : start].strip(" ,;")
        for cue in roles.cues
    )
    return partners if led else []


def _glued_before(
    text: str, roles: ClauseRoles, chains: Sequence[Sequence[Agency]], chain: Sequence[Agency]
) -> list[Agency]:
    """The chain right before ``chain``, joined to it by a conjunction or a comma and given
    no role: the chains split between bodies of two kinds ("Bộ Tài chính và Bảo hiểm xã
    hội Việt Nam")."""
    position = next(n for n, whole in enumerate(chains) if chain[0] in whole)
    if position == 0:
        return []
    previous = chains[position - 1]
    glue = _chain_glue().match(text, previous[-1].end, chain[0].start)
    taken = [*roles.lead, *roles.support, *roles.report_to, *roles.topic]
    if glue is None or glue.end() != chain[0].start or any(a in taken for a in previous):
        return []
    return [a for a in previous if a is not roles.issuer]


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
    is about "các địa phương phải ...", and so is the same without its comma when a body
    follows the frame.  Commands keep their head ("Thủ tướng yêu cầu
    Bộ Y tế ..."): the agencies after them are what they govern; a command that pauses
    on a comma ("Thứ trưởng X yêu cầu, Cục Hải quan ... bám sát ...") frames a clause
    with its own subject."""
    speaker = next((chain[0] for chain in chains if chain[0].start == roles.head), None)
    if speaker is None or speaker.type not in _ISSUER_TYPES:
        return roles.head
    cue = _after(roles.cues, speaker.end, text)
    if cue is None or not cue.is_("frame", "praise", "command"):
        return roles.head
    pause = _SPEECH_END.match(text, cue.end)
    if cue.is_("command") and (pause is None or "," not in pause.group()):
        return roles.head
    if pause is None and cue.is_("praise"):  # "đánh giá cao ngành X hoàn thành ...": praise
        return roles.head
    if pause is None:  # "Thủ tướng nhấn mạnh các địa phương phải ...": a subject follows
        said = replace(roles, head=skip_space(text, cue.end, len(text)))
        return said.head if any(_at_head(said, chain[0]) for chain in chains) else roles.head
    return pause.end()


def _acts(agency: Agency, after: Cue | None, cues: Sequence[Cue]) -> bool:
    """A body of the government's kind (Bảo hiểm xã hội Việt Nam, Đài Truyền hình Việt
    Nam) right before a verb of doing or an obligation ("... phải tăng cường") is the
    subject that acts, as a ministry is; one before a command or a frame gives the
    directive (handled before), and so does one obliged to command ("Chính phủ cần chỉ
    đạo Ngân hàng Nhà nước ...")."""
    if agency.type != "government" or after is None:
        return False
    if after.is_("modal"):
        following = next((cue for cue in cues if cue.start > after.start), None)
        return following is None or not following.is_("command")
    return after.is_("action", "urge")


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


def _assigns(text: str, cue: Cue, roles: ClauseRoles) -> bool:
    """Whether a command cue gives the task to the agencies after it.

    A cue that is also an action ("chỉ đạo") assigns only when an authority speaks
    it or a document just issued gives it ("... vừa ký công văn chỉ đạo các chi cục
    ..."); otherwise "chỉ đạo Tập đoàn X ..." is the task of whoever leads the clause.
    """
    if not cue.is_("action"):
        return True
    issuer = roles.issuer  # "Thủ tướng chỉ đạo các bộ ..." (not "... Bộ Y tế chỉ đạo ...")
    if issuer is None or issuer.end is None:
        return False
    issuing = _after(roles.cues, issuer.end, text)
    return 0 <= cue.start - issuer.end <= 2 or (
        issuing is not None and issued_command(text, roles.cues, issuing) is cue
    )


def _given_to(text: str, roles: ClauseRoles, recipient: Cue | None) -> Cue | None:
    """The command a leader opening the clause gives the body after ``recipient``, right
    after it ("Thủ tướng giao cho Bộ Công an ...", "giao nhiệm vụ cho Bộ Tài chính ...";
    not "các nhiệm vụ do Thủ tướng giao cho các bộ", which names the tasks)."""
    issuer = roles.issuer
    if recipient is None or not recipient.is_("recipient") or issuer is None:
        return None
    if issuer.type != "position" or issuer.start != roles.head:
        return None
    command = next((c for c in reversed(roles.cues) if c.end <= recipient.start), None)
    adjacent = command is not None and not text[command.end : recipient.start].strip()
    return command if adjacent and command.is_("command") else None


def _chairs_meeting(cues: Sequence[Cue], chair: Cue) -> bool:
    """ "chủ trì (tổ chức) hội nghị": chairing a meeting, not leading a task; "chỉ đạo
    tại hội nghị": speaking at one."""
    return any(cue.is_("meeting") and 0 < cue.start - chair.end <= 25 for cue in cues)


def table_row(text: str, clause: Clause, mentions: Sequence[Agency]) -> ClauseRoles:
    """Roles of a task-table row: lead and support from their columns.  A table with no
    partners' column names them in the task ("Chủ trì, phối hợp với Bộ Công an và các cơ
    quan liên quan hoàn thành ..."), read as a clause's are, in its first task."""
    cells = clause.cells or {}

    def within(column: str) -> list[Agency]:
        cell = cells.get(column)
        return [m for m in mentions if cell and cell.start <= m.start and m.end <= cell.end]

    roles = ClauseRoles(
        lead=within("lead"),
        support=within("support"),
        head=clause.start,
        cues=find_cues(text, clause.start, clause.end),
        lead_rule="table:lead_column",
        support_rule="table:support_column",
    )
    if "support" not in cells:
        task = replace(clause, end=_first_task_end(text, clause))
        told = analyse(text, task, _between(mentions, task.start, task.end))
        roles.support, roles.support_rule = told.support, told.support_rule
    return roles


def _first_task_end(text: str, clause: Clause) -> int:
    """Where the first task of a task cell ends: its first sentence, up to a ";" (the
    partners of the cell's later tasks or advice are not the first's)."""
    first = next(iter(sentences(text, clause.start, clause.end)), clause)
    semicolon = text.find(";", first.start, first.end)
    return first.end if semicolon < 0 else semicolon


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
        low, high = (clause.start, clause.end)
        if clause.cells:  # a row may share cells with the rows above it
            low = min(clause.sentence_start, *(cell.start for cell in clause.cells.values()))
            high = max(clause.sentence_end, *(cell.end for cell in clause.cells.values()))
        nearby = mentions[bisect_left(starts, low) : bisect_left(starts, high)]
        if clause.cells:
            found.append(table_row(text, clause, _between(nearby, low, high)))
        else:
            found.append(analyse(text, clause, _between(nearby, low, high)))
    return found

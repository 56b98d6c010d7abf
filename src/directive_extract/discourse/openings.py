"""Whether a clause opens with its task: its verb first, or only its subject, and what may
stand between the subject and its verb (dates, adverbs, what commas set aside, a manner
phrase, the role a plan gives the body), as :mod:`.detect` asks."""

from __future__ import annotations

from directive_extract.discourse.cues import Cue, cue_at
from directive_extract.discourse.roles import ClauseRoles
from directive_extract.discourse.segment import skip_space
from directive_extract.mentions.times import TimeIndex

#: How many words a subject the agency lexicon lacks may have before "phải", "khẩn trương".
_UNNAMED_SUBJECT_WORDS = 4


def opens_with_task(text: str, times: TimeIndex, roles: ClauseRoles, verb: Cue | None) -> bool:
    """The clause's content starts with its verb, or with the agency that must act."""
    if verb is None or verb.is_("past", "passive"):
        return False
    if verb.start == roles.head or _dated_first(text, times, roles.head, verb.start):
        return True
    if _role_said(text, roles, roles.head, verb.start):
        return True  # "- Là cơ quan thường trực, chủ trì ...": the item's body acts
    urging = next((c for c in roles.cues if c.start >= roles.head and c.is_("modal", "urge")), None)
    gap = text[roles.head : urging.start].split() if urging else []
    if 0 < len(gap) <= _UNNAMED_SUBJECT_WORDS and gap[0][:1].isupper():
        return True  # a subject the gazetteer lacks: "Bộ cần ...", "Cơ quan thanh tra khẩn trương"
    subject_end = roles.subject_end
    if subject_end is None and roles.issuer is not None and roles.issuer.start == roles.head:
        subject_end = roles.issuer.end
    if subject_end is None or subject_end > verb.start:
        return False
    return _gap_is_clear(text, times, roles, subject_end, verb.start) or _manner_between(
        text, subject_end, verb.start
    )


def _gap_is_clear(text: str, times: TimeIndex, roles: ClauseRoles, start: int, end: int) -> bool:
    """Nothing but one word stands between a subject ending at ``start`` and its verb at
    ``end``, once its dates ("X chậm nhất ngày ... phải"), its adverbs ("Các địa phương
    kịp thời báo cáo ...": then nothing else, so "không kịp thời" stays a criticism) and
    what its commas set aside are left out."""
    gap = list(text[start:end])
    aside = _set_aside(text, times, roles, start, end)
    spans = [(m.start, m.end) for m in times.within(start, end)]
    asides = [aside] if aside else []
    adverbs = [
        (c.start, c.end)
        for c in roles.cues
        if c.is_("adverb", "verb_adverb")
        and start <= c.start
        and c.end <= end
        and not any(a <= c.start < b for a, b in asides)  # "với vai trò ..." is set aside
    ]
    role = _role_said(text, roles, start, end)
    asides += [(start, end)] if role else []
    for first, last in [*spans, *adverbs, *asides]:
        gap[first - start : last - start] = " " * (last - first)
    return len("".join(gap).split()) <= (0 if adverbs else 1)


def _set_aside(
    text: str, times: TimeIndex, roles: ClauseRoles, start: int, end: int
) -> tuple[int, int] | None:
    """What a subject's commas set aside before its verb ("Bộ Xây dựng, với vai trò cơ
    quan thường trực, sẽ phối hợp ...", "Cấp ủy các cấp, nhất là Hà Nội, phải ..."),
    from its first comma to its last; none when it tells a time or a report ("Ủy ban
    nhân dân tỉnh, từ đầu năm đến nay, tổ chức 20 hội nghị")."""
    gap = text[start:end]
    first = len(gap) - len(gap.lstrip())
    if gap[first : first + 1] != "," or "," not in gap[first + 1 :]:
        return None
    span = (start + first, start + gap.rindex(",") + 1)
    inside = [c for c in roles.cues if span[0] <= c.start < span[1]]
    dated = inside and inside[0].is_("opener") and not inside[0].is_("manner")
    if dated or times.within(*span) or any(c.is_("past", "reported") for c in inside):
        return None
    return span


#: Most words of the role a copula gives a body before its task ("là cơ quan thường trực").
_ROLE_WORDS = 6


def _role_said(text: str, roles: ClauseRoles, start: int, end: int) -> bool:
    """Only the role a plan gives the body (a ``role`` cue after a copula), and its comma,
    stand between ``start`` and the verb at ``end`` ("Sở X là cơ quan thường trực, có
    trách nhiệm theo dõi ..."); "Bộ X là cơ quan của Chính phủ, thực hiện chức năng ..."
    says what the body is."""
    at = skip_space(text, start, end)
    copula = next((c for c in roles.cues if c.start == at and c.is_("copula")), None)
    if copula is None or not text[copula.end : end].rstrip().endswith(","):
        return False
    role = cue_at(text, skip_space(text, copula.end, end), end)
    words = text[copula.end : end].rstrip()[:-1]
    return (
        role is not None
        and role.is_("role")
        and "," not in words
        and (len(words.split()) <= _ROLE_WORDS)
    )


def _dated_first(text: str, times: TimeIndex, head: int, verb_at: int) -> bool:
    """Only a time phrase and its comma stand before the verb: "Chậm nhất ngày 15/12/2025,
    tổng hợp báo cáo ..." opens with its task, dated."""
    gap = text[head:verb_at]
    if "," not in gap:
        return False
    for match in times.within(head, verb_at):
        gap = gap.replace(match.text, " ")
    return not gap.strip(" ,")


def _manner_between(text: str, subject_end: int, verb_at: int) -> bool:
    """A phrase of how the subject acts stands between it and its verb: "Các bộ theo
    chức năng, nhiệm vụ được giao khẩn trương ...", "Bộ X trong phạm vi quản lý rà
    soát ...", or after a comma one that names some of it above all ("Cấp ủy các cấp,
    nhất là Thành phố Hà Nội và các đô thị lớn phải ...")."""
    at = skip_space(text, subject_end, verb_at)
    manner = cue_at(text, at, verb_at)
    if manner is not None and manner.is_("manner"):
        return True
    if text[at : at + 1] != ",":
        return False
    aside = cue_at(text, skip_space(text, at + 1, verb_at), verb_at)
    return aside is not None and aside.is_("aside")

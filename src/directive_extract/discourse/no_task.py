"""Clauses that hold no task whatever their words: a document's title lines and the
lines of its legal basis, a page's headline, a question, names alone, a document's
citation, and a clause that only says by when the task before it is due.

:mod:`.detect` asks these before it reads a clause's cues for a decision.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from directive_extract.discourse.cues import Cue
from directive_extract.discourse.header import HEADER_LINES, document_kind, subject_line
from directive_extract.discourse.layout import is_headline
from directive_extract.discourse.roles import ClauseRoles
from directive_extract.discourse.segment import Clause, Paragraph
from directive_extract.discourse.targets import states_goal
from directive_extract.mentions.times import TimeIndex, closing_due


def titles(line: str) -> bool:
    """The header's line is a document's title: its kind and subject in capitals
    ("CÔNG ĐIỆN VỀ VIỆC ..."), or a letter's subject line, alone or as the first cell of
    the header's row ("V/v khẩn trương hoàn thành ... | Thành phố Hồ Chí Minh, ngày ...")."""
    first = line.split("|", 1)[0].strip(" *_")
    if first.endswith((".", ";", ":")):  # a sentence: "Về việc này, Phó Thủ tướng giao ..."
        return False
    return subject_line(first) or (document_kind(first) is not None and first.isupper())


def announces(text: str, paragraph: Paragraph) -> bool:
    """The page's headline announces what the article says in full; one that sets a goal
    with a figure keeps it as a target ("... phấn đấu tối thiểu 90% người dân hài lòng"),
    one without ("Hải quan X phấn đấu hoàn thành nhiệm vụ thu") only announces."""
    if not is_headline(text, paragraph):
        return False
    line = text[paragraph.start : paragraph.end]
    return not (any(char.isdigit() for char in line) and states_goal(line, 0, len(line)))


#: A document's number: "761/QĐ-UBND", "565-BC/BTCTW".
_DOCUMENT_NUMBER = regex.compile(r"(?<!\d)\d++[/-]\p{Lu}")

#: Most words before a document's number in a citation that opens a clause ("Báo cáo số")
#: or after an issuing verb ("ban hành Thông tư số").
_CITED_AS = 3


def says_no_task(text: str, clause: Clause, role: ClauseRoles, verb: Cue | None) -> bool:
    """A clause that cannot hold a task: a question ("Có bắt buộc phải đổi sang sim
    5G?"), names alone ("Cần Thơ, Đồng Tháp, An Giang."), or the citation of a document
    before any verb the lexicon knows ("số 761/QĐ-UBND ngày 05/5/2025 của Chủ tịch ...",
    "(4) Báo cáo số 540/BC-BTP ngày ... về kết quả rà soát ..."), or the issuing of a
    document that has its number already ("Bộ GTVT ban hành Thông tư số 35/2024/TT-BGTVT"); a
    numbered document that asks ("Chỉ thị số 15/CT-TTg yêu cầu ...") is a task's subject.
    """
    content = text[role.head : clause.end].strip()
    if content.endswith("?") or text[clause.end : clause.end + 1] == "?":
        return True
    if _names_alone(content):
        return True
    if verb is None or verb.is_("tagged"):
        return _DOCUMENT_NUMBER.search(content) is not None
    if verb.is_("issues") and _cited_within(text, verb.end, clause.end):
        return True
    if verb.is_("command"):  # "Chỉ thị số 15/CT-TTg yêu cầu các bộ ...": the document asks
        return False
    return _cited_within(text, role.head, verb.start)


def _cited_within(text: str, start: int, end: int) -> bool:
    """A document's number stands in ``text[start:end]`` after at most ``_CITED_AS`` words
    (its word counted whole: "35/2024/TT-BGTVT", whose year is what the pattern finds)."""
    number = _DOCUMENT_NUMBER.search(text, start, end)
    if number is None:
        return False
    word_start = text.rfind(" ", start, number.start()) + 1
    return len(text[start : max(word_start, start)].split()) <= _CITED_AS


#: The first character of each word.
_WORD_START = regex.compile(r"(?<!\w)\w")


def _names_alone(content: str) -> bool:
    """Every word of ``content`` opens with a capital or a digit, and one with a capital
    (a figure alone, "50%.", goes on with a list of targets); read word by word up to the
    first that does not, so prose is given up at once."""
    named = False
    for match in _WORD_START.finditer(content):
        first = match.group()
        if not (first.isupper() or first.isdigit()):
            return False
        named = named or first.isupper()
    return named


def closes_item(text: str, times: TimeIndex, clause: Clause, previous: Clause | None) -> bool:
    """A clause after a task that only says by when ("Đảm bảo hoàn thành trong quý
    I/2026."): its date is the deadline of the item's tasks (``assemble``), not a task."""
    if previous is None or not previous.is_directive:
        return False
    matches = times.within(clause.start, clause.end)
    return bool(matches) and closing_due(text, clause.start, clause.end, matches) is not None


def basis_line(line: str, role: ClauseRoles) -> bool:
    """A line of a document's legal basis: it opens with a basis ("Căn cứ", "Xét Tờ
    trình", "Theo đề nghị của") and ends on ";", the reports it cites included ("Xét Tờ
    trình số ...; Báo cáo thẩm tra số ... của Ban Pháp chế;")."""
    opening = next((cue for cue in role.cues if cue.start >= role.head), None)
    return (
        opening is not None
        and opening.start == role.head
        and opening.is_("basis")
        and line.rstrip(" *_").endswith(";")
    )


#: Most words a story's subheading takes; fewer than its neighbours' sentences.
_SUBHEADING_WORDS = 14


def subheadings(text: str, paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """The paragraphs that are a story's subheadings: a short line with no list marker
    and no closing punctuation between two paragraphs of running sentences ("... quốc
    gia." / "Phân bổ nguồn lực đầu tư cho các vùng" / "Cụ thể, Chính phủ chỉ đạo ...")."""
    words = [text[paragraph.start : paragraph.end].split() for paragraph in paragraphs]
    found = set()
    for index in range(1, len(paragraphs) - 1):
        line = words[index]
        if (
            paragraphs[index].level is None
            and 0 < len(line) <= _SUBHEADING_WORDS
            and line[-1][-1] not in _CLOSING
            and _running(words[index - 1])
            and _running(words[index + 1])
        ):
            found.add(paragraphs[index].index)
    return frozenset(found)


_CLOSING = ".;:!?…,"


def _running(words: Sequence[str]) -> bool:
    """A paragraph of running sentences: longer than a subheading, ending as a sentence."""
    return len(words) > _SUBHEADING_WORDS and words[-1][-1] in '.!?…"”'


def heads_page(text: str, clause: Clause, paragraph: Paragraph) -> bool:
    """The clause's line is the header's title or the page's headline."""
    line = text[paragraph.start : paragraph.end]
    return (clause.paragraph < HEADER_LINES and titles(line)) or announces(text, paragraph)


def holds_none(
    text: str,
    times: TimeIndex,
    clause: Clause,
    role: ClauseRoles,
    verb: Cue | None,
    previous: Clause | None,
) -> bool:
    """The clause only dates the task before it, or cannot hold a task at all."""
    return closes_item(text, times, clause, previous) or says_no_task(text, clause, role, verb)

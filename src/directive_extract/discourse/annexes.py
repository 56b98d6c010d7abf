"""Attachments after an official document's body, read from their titles.

An attachment opens with a title line in capitals ("PHỤ LỤC II"), followed by the lines
of its title ("QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH ...") down to the one
that says what it is attached to ("(Kèm theo Quyết định số ...)": ``attached`` rows of
``document_structure.tsv``), which tells an attachment from a heading in capitals. One
whose title names rules (``rules`` rows: an administrative procedure, its internal
steps, a scale of fees, forms) and no tasks (a ``tasks`` section's words: "nhiệm vụ",
"phân công") lists how things are done: a step "Lãnh đạo Sở ký duyệt hồ sơ | 2 ngày" or
"Trường hợp hồ sơ hợp lệ thì ..." is a rule of the procedure, whoever it names and
whatever its verb. An attachment of tasks ("BẢNG PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ") is
read like the body, and so is an attached document of another kind ("KẾ HOẠCH").  An
attached regulation of procedures ("QUY CHẾ TIẾP NHẬN, ... THỦ TỤC HÀNH CHÍNH ...") is
rules up to its heading in capitals that opens the tasks of carrying it out ("TỔ CHỨC
THỰC HIỆN"), whose articles assign.
"""

from __future__ import annotations

from collections.abc import Sequence

from directive_extract.discourse.segment import Paragraph, is_document_kind, section_zone
from directive_extract.read.markers import structure_patterns

#: Most lines of an attachment's title after its first.
_TITLE_LINES = 3


def rule_paragraphs(text: str, paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """The indices of the paragraphs inside attachments that set rules, not tasks.

    >>> lines = ["Điều 2. Giao Sở Y tế niêm yết.", "PHỤ LỤC II", "QUY TRÌNH NỘI BỘ",
    ...          "(Kèm theo Quyết định số 12/QĐ-UBND)", "Bước 1 | Tiếp nhận hồ sơ | 1 ngày",
    ...          "PHỤ LỤC III", "DANH MỤC NHIỆM VỤ", "(Kèm theo Quyết định số 12/QĐ-UBND)",
    ...          "Sở Y tế chủ trì."]
    >>> text, paragraphs, start = "\\n".join(lines), [], 0
    >>> for index, line in enumerate(lines):
    ...     paragraphs.append(Paragraph(start, start + len(line), index))
    ...     start += len(line) + 1
    >>> sorted(rule_paragraphs(text, paragraphs))
    [1, 2, 3, 4]
    """
    inside, found = False, set()
    for index, paragraph in enumerate(paragraphs):
        line = _line(text, paragraph)
        if _opens_attachment(line):
            title = _title(text, paragraphs, index)
            inside = inside if title is None else _sets_rules(title)  # else a heading in it
        elif is_document_kind(line) or _heads_tasks(line):
            inside = False
        if inside:
            found.add(index)
    return frozenset(found)


def _heads_tasks(line: str) -> bool:
    """A heading in capitals that opens the tasks of carrying the rules out ("TỔ CHỨC
    THỰC HIỆN" closing a regulation): its articles assign, as the body's do."""
    return line == line.upper() and any(c.isalpha() for c in line) and section_zone(line) == "tasks"


def _line(text: str, paragraph: Paragraph) -> str:
    return text[paragraph.start : paragraph.end].strip(" *_#")


def _opens_attachment(line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern, _ in structure_patterns("attachment"))


def _title(text: str, paragraphs: Sequence[Paragraph], index: int) -> str | None:
    """The attachment's title: its first line and the lines under it down to the one in
    brackets that says what it is attached to; None when no such line comes."""
    lines = [_line(text, paragraphs[index])]
    for paragraph in paragraphs[index + 1 : index + 1 + _TITLE_LINES]:
        line = _line(text, paragraph)
        lines.append(line)
        if line.startswith("(") and _says_attached(line):
            return " ".join(lines)
        if line != line.upper():
            return None
    return None


def _says_attached(line: str) -> bool:
    return any(pattern.search(line) for pattern, _ in structure_patterns("attached"))


def _sets_rules(title: str) -> bool:
    if section_zone(title) == "tasks":
        return False
    return any(pattern.search(title) for pattern, _ in structure_patterns("rules"))

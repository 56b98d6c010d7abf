"""Attachments after an official document's body, read from their titles.

An attachment opens with a title line in capitals ("PHỤ LỤC II"), maybe followed by the
lines of its title ("QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH ...", "(Kèm theo
Quyết định số ...)"). One whose title names rules (``rules`` rows of
``document_structure.tsv``: an administrative procedure, its internal steps, a scale of
fees, forms) lists how things are done, not tasks: a step "Lãnh đạo Sở ký duyệt hồ sơ |
2 ngày" or "Trường hợp hồ sơ hợp lệ thì ..." is a rule of the procedure, whoever it
names and whatever its verb. An attachment of tasks ("BẢNG PHÂN CÔNG THỰC HIỆN CÁC
NHIỆM VỤ") is read like the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from directive_extract.discourse.segment import Paragraph
from directive_extract.read.markers import structure_patterns

#: Most lines of an attachment's title after its first.
_TITLE_LINES = 3


def rule_paragraphs(text: str, paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """The indices of the paragraphs inside attachments that set rules, not tasks.

    >>> lines = ["Điều 2. Giao Sở Y tế niêm yết.", "PHỤ LỤC II", "QUY TRÌNH NỘI BỘ",
    ...          "Bước 1 | Tiếp nhận hồ sơ | 1 ngày", "PHỤ LỤC III", "DANH MỤC NHIỆM VỤ",
    ...          "Sở Y tế chủ trì."]
    >>> text, paragraphs, start = "\\n".join(lines), [], 0
    >>> for index, line in enumerate(lines):
    ...     paragraphs.append(Paragraph(start, start + len(line), index))
    ...     start += len(line) + 1
    >>> sorted(rule_paragraphs(text, paragraphs))
    [1, 2, 3]
    """
    inside, found = False, set()
    for index, paragraph in enumerate(paragraphs):
        if _opens_attachment(_line(text, paragraph)):
            inside = _sets_rules(_title(text, paragraphs, index))
        if inside:
            found.add(index)
    return frozenset(found)


def _line(text: str, paragraph: Paragraph) -> str:
    return text[paragraph.start : paragraph.end].strip(" *_#")


def _opens_attachment(line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern, _ in structure_patterns("attachment"))


def _title(text: str, paragraphs: Sequence[Paragraph], index: int) -> str:
    """The attachment's title line and the lines of its title under it: lines in
    capitals or in brackets, which no sentence of the attachment is."""
    lines = [_line(text, paragraphs[index])]
    for paragraph in paragraphs[index + 1 : index + 1 + _TITLE_LINES]:
        line = _line(text, paragraph)
        if line != line.upper() and not line.startswith("("):
            break
        lines.append(line)
    return " ".join(lines)


def _sets_rules(title: str) -> bool:
    return any(pattern.search(title) for pattern, _ in structure_patterns("rules"))

"""What an official document's own header says: its number, kind and issuer.

The header is the first lines of the document: the issuer and the national motto side
by side ("THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), the number ("Số:
230/CĐ-TTg"), the place and date, then the kind and subject ("CÔNG ĐIỆN Về việc ...").
A portal's metadata table, when the page has one, says the same and wins
(:mod:`.page`).
"""

from __future__ import annotations

import regex

from directive_extract.mentions.agencies import canonical
from directive_extract.read.markers import structure_patterns
from directive_extract.read.page import header_phrases, label_field, plain_key

#: An official document names its kind within its first lines.
HEADER_LINES = 20
_CELL_SEPARATOR = regex.compile(r"\s*+\|\s*+")
_LABEL_VALUE = regex.compile(r"(?P<label>[^:|]{1,30}+):\s*+(?P<value>\S[^|]*+)")


def document_kind(line: str) -> str | None:
    """The kind a header line names, as written in running text, or None.

    >>> document_kind("CÔNG ĐIỆN VỀ VIỆC KHẨN TRƯƠNG ỨNG PHÓ"), document_kind("Công điện số 5")
    ('Công điện', None)
    """
    for pattern, _ in structure_patterns("doctype"):
        found = pattern.match(line)
        if found and (found.end() == len(line) or line[found.end()] == " "):
            return found.group().capitalize()
    return None


def subject_line(line: str) -> bool:
    """A letter's subject line in its header ("V/v kê khai trị giá hải quan").

    >>> subject_line("V/v kê khai trị giá hải quan"), subject_line("Về Bộ Y tế")
    (True, False)
    """
    return any(pattern.match(line) for pattern, _ in structure_patterns("subject"))


def _issuer(lines: list[str]) -> str | None:
    """The issuer: the header cell beside the national motto, with the line above it
    when the issuer's name is split over two ("ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH")."""
    phrases = header_phrases()
    for number, line in enumerate(lines):
        cells = _CELL_SEPARATOR.split(line)
        if len(cells) < 2 or not any(phrase in plain_key(cells[1]) for phrase in phrases):
            continue
        name = cells[0]
        if number and lines[number - 1].isupper() and "|" not in lines[number - 1]:
            name = f"{lines[number - 1]} {name}"
        found = canonical(name)
        return found[0] if found else None
    return None


def header_fields(lines: list[str]) -> dict[str, str]:
    """``doc_number``, ``doc_type`` and ``issuing_body`` from a document's first lines.

    >>> header_fields(["THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ...                "Số: 230/CĐ-TTg | Hà Nội, ngày 26 tháng 11 năm 2025", "CÔNG ĐIỆN"])
    {'issuing_body': 'Thủ tướng Chính phủ', 'doc_number': '230/CĐ-TTg', 'doc_type': 'Công điện'}
    """
    head = lines[:HEADER_LINES]
    fields: dict[str, str] = {}
    issuer = _issuer(head)
    if issuer:
        fields["issuing_body"] = issuer
    for line in head:
        for cell in _CELL_SEPARATOR.split(line):
            found = _LABEL_VALUE.fullmatch(cell)
            if found and label_field(found["label"]) == "doc_number":
                fields.setdefault("doc_number", found["value"].strip())
        kind = document_kind(line)
        if kind:
            fields.setdefault("doc_type", kind)
    return fields

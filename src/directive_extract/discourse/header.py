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
from directive_extract.read.normalise import canonical_form, plain_form
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


def sets_rules(kind: str | None) -> bool:
    """The document's kind is a regulation's, whose obligations on firms and citizens are
    its rules, not tasks.

    >>> sets_rules("Thông tư"), sets_rules("Công điện"), sets_rules(None)
    (True, False, False)
    """
    return kind is not None and any(
        pattern.fullmatch(kind) for pattern, _ in structure_patterns("regulation")
    )


def subject_line(line: str) -> bool:
    """A letter's subject line in its header ("V/v kê khai trị giá hải quan").

    >>> subject_line("V/v kê khai trị giá hải quan"), subject_line("Về Bộ Y tế")
    (True, False)
    """
    return any(pattern.match(line) for pattern, _ in structure_patterns("subject"))


def _issuer(lines: list[str]) -> str | None:
    """The issuer: the header's name beside the national motto, or above it when the
    header's two columns come one after the other (plain text); with the line above it
    when the name is split over two ("ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH")."""
    for number, line in enumerate(lines):
        name = _beside_motto(line)
        if name is None:
            continue
        above = [
            previous
            for previous in lines[max(0, number - _NAME_LINES) : number]
            if previous.isupper() and "|" not in previous
        ]
        name = " ".join([*above[-(_NAME_LINES - bool(name)) :], name]).strip()
        found = canonical(name) if name else None
        return found[0] if found else None
    return None


#: How many lines an issuer's name takes in the header at most.
_NAME_LINES = 2


def _beside_motto(line: str) -> str | None:
    """What stands before the national motto on its line ("" when the motto opens the
    line), None for a line without the motto.

    >>> _beside_motto("BỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), _beside_motto("Số: 5")
    ('BỘ Y TẾ', None)
    >>> _beside_motto("BỘ Y TẾ    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    'BỘ Y TẾ'
    """
    cells = _CELL_SEPARATOR.split(line)
    if len(cells) >= 2 and _motto_in(plain_key(cells[1])) is not None:
        return cells[0]
    plain = plain_form(canonical_form(line))
    at = _motto_in(plain.casefold())  # its plain key: the plain form of a canonical text
    return None if at is None else plain[:at].strip(" |")


def _motto_in(key: str) -> int | None:
    """Where a phrase of the national motto starts in ``key`` (a text's ``plain_key``),
    if it holds one."""
    found = [key.find(phrase) for phrase in header_phrases() if phrase in key]
    return min(found) if found else None


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

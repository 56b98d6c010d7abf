"""Pages as legal portals archive them: a metadata table, a site summary, the document.

A portal page opens with its own chrome, then a table of the document's metadata
("Số hiệu | 230/CĐ-TTg", "Người ký | ..."; labels in ``page_metadata.tsv``), then often
the site's summary of the document, then the document from its header
(``document_header.tsv``: the national motto).  The metadata fills the record's fields;
the chrome above it and the summary (a second copy of the directives) are set aside, so
each task is found once, where the document states it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from directive_extract import lexicon, messages
from directive_extract.read.normalise import canonical_form, plain_form

_CELL_SEPARATOR = " | "
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
#: A portal's metadata table comes within its first lines.
_METADATA_LINES = 60


@dataclass
class PageMetadata:
    """What a portal's metadata table says of its document (None when it does not)."""

    doc_number: str | None = None
    doc_type: str | None = None
    issuing_body: str | None = None
    signer: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)


def plain_key(text: str) -> str:
    """How labels and header phrases compare: plain form, case folded."""
    return plain_form(canonical_form(text)).casefold()


@cache
def _labels() -> dict[str, str]:
    return {plain_key(row["label"]): row["field"] for row in lexicon.load("page_metadata")}


@cache
def header_phrases() -> tuple[str, ...]:
    """The phrases of a document's own header (the national motto), as labels compare."""
    return tuple(plain_key(phrase) for phrase in lexicon.column("document_header", "phrase"))


def label_field(cell: str) -> str | None:
    """The metadata field a label cell ("Số hiệu:") names, None for another cell."""
    return _labels().get(plain_key(cell).rstrip(": "))


def _metadata_pairs(line: str) -> list[tuple[str, str]] | None:
    """(field, value) pairs of a metadata row, None when the line is no such row.

    >>> _metadata_pairs("Số hiệu: | 230/CĐ-TTg | Người ký: | Nguyễn Hòa Bình")
    [('doc_number', '230/CĐ-TTg'), ('signer', 'Nguyễn Hòa Bình')]
    """
    cells = [cell.strip() for cell in line.split(_CELL_SEPARATOR)]
    if len(cells) < 2 or label_field(cells[0]) is None:
        return None
    return [
        (field_name, value)
        for label, value in itertools.pairwise(cells)
        if (field_name := label_field(label)) and label_field(value) is None
    ]


def _iso(value: str) -> str | None:
    """'28/11/2025' as '2025-11-28'; None when it is no real date."""
    found = _DATE.fullmatch(value.strip())
    if not found:
        return None
    day, month, year = map(int, found.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _document_start(lines: list[str], after: int) -> int | None:
    """The first line of the document's own header after line ``after``, if any: the
    line naming the national motto, or the issuer's name in capitals just above it."""
    phrases = header_phrases()
    for number in range(after, len(lines)):
        if any(phrase in plain_key(lines[number]) for phrase in phrases):
            while number > after and _issuer_line(lines[number - 1]):
                number -= 1
            return number
    return None


def _issuer_line(line: str) -> bool:
    """A header line in capitals ("ỦY BAN NHÂN DÂN"), not a sentence of the summary."""
    return line.isupper() and not line.rstrip().endswith((".", ";", ":"))


def read_page(lines: list[str]) -> tuple[list[str], PageMetadata]:
    """The document's lines and its metadata, from the lines of a rendered page.

    A page with no metadata table is returned whole, with empty metadata.
    """
    metadata = PageMetadata()
    rows = [n for n, line in enumerate(lines[:_METADATA_LINES]) if _metadata_pairs(line)]
    if not rows:
        return lines, metadata
    for number in rows:
        for name, value in _metadata_pairs(lines[number]) or []:
            _fill(metadata, name, value)
    end = rows[-1] + 1
    start = _document_start(lines, end)
    if start is not None and start > end:
        metadata.warnings.append(messages.SITE_SUMMARY_DROPPED.format(count=start - end))
    body_start = start if start is not None else end
    return lines[body_start:], metadata


def _fill(metadata: PageMetadata, name: str, value: str) -> None:
    if name == "published":
        metadata.published = metadata.published or _iso(value)
    elif name != "status" and getattr(metadata, name) is None and value:
        setattr(metadata, name, value)

"""The patterns of page chrome (``page_chrome.tsv``): lines that are chrome, headings of
zones where the rest of a page is chrome, the titles where a document's body resumes,
and the marks of a reference work.

A line is chrome when the whole of it, spaces, dots and colons after and a bullet before
aside, matches a row, case aside.  Each row is a named group, so a match tells which row
it was: the first in the file's order.  The rows' words are set in the shapes of
:mod:`directive_extract.lexicon.shapes`.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from directive_extract import lexicon
from directive_extract.lexicon.shapes import SHAPES, shape_patterns

#: What may follow the words of a chrome line: "Tin khác:", "Đang tải văn bản...", and
#: the emphasis that closes a heading written in Markdown ("**Xem thêm:**").
_TRAILING = r"[\s.:]*+[*_]{0,3}[\s.:]*+"
#: What may stand before them: a list's bullet, as emphasis the parser read as a list
#: item leaves one ("* *" then "*Nơi nhận:*" gives "* Nơi nhận:"; "- *Nơi nhận:*", "- Nơi
#: nhận:"), then a Markdown heading's marks or emphasis ("### Tin liên quan", "**Tin
#: khác**") in text given as it was written.
_LEADING = r"(?:[*•+-]\s++)?+(?:#{1,6}+\s++)?+[*_]{0,3}"


def _rows(kind: str) -> list[tuple[int, lexicon.Cells]]:
    return [(i, row) for i, row in enumerate(lexicon.load("page_chrome")) if row["kind"] == kind]


@cache
def chrome_pattern(kind: str) -> regex.Pattern:
    """Any row of ``kind`` (line, zone or reference), each row the group ``p<index>``; a
    line or a zone is matched as a whole line."""
    parts = [
        f"(?P<p{index}>{SHAPES[row['shape']].pattern([row['words']])})"
        for index, row in _rows(kind)
    ]
    pattern = _LEADING + r"(?:" + "|".join(parts) + r")" + _TRAILING
    return regex.compile(pattern, regex.IGNORECASE)


def chrome_row(match: regex.Match) -> lexicon.Cells:
    """The row of ``page_chrome.tsv`` a match of :func:`chrome_pattern` is of."""
    group = next(name for name, value in match.groupdict().items() if value is not None)
    return lexicon.load("page_chrome")[int(group[1:])]


@lru_cache(maxsize=1 << 14)  # a site's chrome lines recur on every page of it
def chrome_line(kind: str, line: str) -> lexicon.Cells | None:
    """The row of ``kind`` (line or zone) that the whole of ``line`` is, if any
    (remembered: a line is matched by itself alone)."""
    found = chrome_pattern(kind).fullmatch(line)
    return chrome_row(found) if found else None


@cache
def resume_pattern() -> regex.Pattern | None:
    """A title after which a zone ending at one ("until: resume") is body again."""
    patterns = shape_patterns((row["shape"], row["words"]) for _, row in _rows("resume"))
    return regex.compile("|".join(patterns)) if patterns else None


def reference_reason(text: str) -> str | None:
    """The reason a page is a reference work (``reference`` rows, found anywhere), if
    it is one.

    >>> reference_reason("Lịch sử\\n[sửa | sửa mã nguồn]Tiền thân của Bộ ...")
    'encyclopaedia'
    >>> reference_reason("Thủ tướng yêu cầu các bộ ...") is None
    True
    """
    found = chrome_pattern("reference").search(text)
    return chrome_row(found)["reason"] if found else None


def headline_reason(headline: str) -> str | None:
    """The reason a page's headline makes it a how-to or a form to download (``headline``
    rows, the whole headline), if it does.

    >>> headline_reason("Tải về mẫu Giấy đề nghị thanh toán theo Thông tư 200")
    'how-to or form'
    >>> headline_reason("Thủ tướng yêu cầu xử lý thông tin buôn lậu") is None
    True
    """
    found = chrome_pattern("headline").fullmatch(headline.strip(" #*"))
    return chrome_row(found)["reason"] if found else None

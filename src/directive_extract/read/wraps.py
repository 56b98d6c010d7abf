"""Hard-wrap repair: paragraphs again from text broken into lines of fixed width.

Archived pages and PDF text layers break every line at about 80 columns, so a sentence,
an agency's name or a deadline ("trước ngày\\n30/9/2024") runs over several lines.  A
line break inside a sentence joins the lines; a paragraph break stays where the next
line opens a list item or a heading, starts a styled run (``**``, ``*``), or follows a
line that ends a sentence and is shorter than the wrap width.

Scraped tables come as one cell per stretch of lines between lines holding only ``|``;
two such lines in a row close a table row.  A row of short cells becomes one ``a | b``
line, the shape task tables have everywhere else; a row holding a long cell (a
document body laid out in a page's table) gives its cells as paragraphs.  Under a task
table's header (cells naming its content and lead columns), every row is one line,
however long its cells or how many lines they hold ("- Bộ Xây dựng;" then "- Bộ Công
Thương;" in a cell of partners): its cells are the row's, not paragraphs of a body.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import regex

from directive_extract.read.markers import marker_end, marker_level
from directive_extract.read.tables import HEADER_CELL_WORDS, names_task_columns

#: Lines longer than this are not hard-wrapped (news pages keep a paragraph per line).
MAX_WRAP_WIDTH = 100
#: A line this much shorter than the wrap width, ending a sentence, ends its paragraph.
SHORT_LINE = 0.75
#: Cells longer than this (characters) are text laid out in a table, not table cells.
MAX_CELL = 400
#: A group's title in a row of its own inside a task table holds at most this many words.
_GROUP_TITLE_WORDS = 15

_CELL_BREAK = regex.compile(r"[ \t]*+\|[ \t]*+")
_RULE = regex.compile(r"[-=_]{3,}+|#{1,6}+")  # a rule, or a heading mark with no heading
_LONE_MARKUP = regex.compile(r"\*{1,3}+|_{2}+")  # emphasis whose text is on another line
_OPENS_STYLE = regex.compile(r"(?:\*{1,3}+|_{2}+)(?=\S)")
_ENDS_SENTENCE = regex.compile(r"[.:;!?…](?:\.?/\.)?[*_)\]\"'”’ ]*+$")
_ENDS_CLAUSE = regex.compile(r";[*_)\]\"'”’ ]*+$")
_ENDS_STATEMENT = regex.compile(r"[.;!?…](?:\.?/\.)?[*_)\]\"'”’ ]*+$")
_ENDS_OPENING = regex.compile(r"(?:^|\s)(?:\*{1,3}+|_{2}+)$")  # emphasis opened at a line's end
_HEADING = regex.compile(r"#{1,6}+ ")
_OPENS_BLOCK = regex.compile(r"(?:#{1,6}+ |[-+•·–] |\* |> |\[\d++\] )")
_STARTS_UPPER = regex.compile(r"[*_\"“‘(\[]*+[\p{Lu}\d]")
#: A paragraph set wholly in bold: a heading ("**2. Cục Xuất bản, In và Phát hành**").
_BOLD_WHOLE = regex.compile(r"(?:\*\*|__)(?=\S)([^*_]++)(?<=\S)(?:\*\*|__)")


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were hard-wrapped at, None when they were not.

    >>> wrap_width(["a" * 78, "b" * 80, "c" * 20])
    80
    >>> wrap_width(["a" * 300, "b" * 20]) is None
    True
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return None
    width = lengths[(len(lengths) * 9) // 10 - (len(lengths) >= 10)]
    return width if width <= MAX_WRAP_WIDTH else None


def _opens_paragraph(line: str) -> bool:
    """A line that starts a paragraph of its own: a list item, a heading, a styled run."""
    plain = line.lstrip("*_ ")
    return bool(
        _OPENS_BLOCK.match(line) or _OPENS_STYLE.match(line) or marker_level(plain) is not None
    )


def _breaks_after(line: str, following: str, width: int) -> bool:
    """Whether a paragraph ends between ``line`` and the ``following`` one.

    A ";" ends no paragraph by itself: the parts of an item run on after it ("3. Các
    bộ, ...;" then "Ủy ban nhân dân các tỉnh ..."), and list items open with markers.
    """
    if _opens_paragraph(following) or _HEADING.match(line):
        return True
    if _is_bold_heading(line) and _STARTS_UPPER.match(following):
        return True
    if not _ENDS_SENTENCE.search(line) or _ENDS_CLAUSE.search(line):
        return False
    return bool(_STARTS_UPPER.match(following)) or len(line) < SHORT_LINE * width


def _is_bold_heading(line: str) -> bool:
    """A paragraph wholly in bold with words beyond a list marker: a heading, whose
    body starts on the next line when that opens a sentence.  A bold marker alone
    ("**Điều 1.**") runs on, and so does a bold subject whose verb comes next
    ("**1. Bộ Công an**" then "chủ trì, ...").

    >>> [_is_bold_heading(x) for x in ["**4. Cục Báo chí**", "**Điều 1.**", "**Bộ** giao"]]
    [True, False, False]
    """
    found = _BOLD_WHOLE.fullmatch(line)
    if found is None:
        return False
    words = found.group(1)
    return marker_end(words, 0, len(words)) < len(words)


def join_wrapped(lines: list[str], width: int | None) -> list[str]:
    """``lines`` as paragraphs: wrapped lines joined with a space, breaks kept.

    >>> join_wrapped(["Giao Sở Tài chính chủ trì, phối hợp với Sở Xây", "dựng thực hiện.",
    ...               "- Báo cáo kết quả."], 48)
    ['Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng thực hiện.', '- Báo cáo kết quả.']
    """
    paragraphs: list[str] = []
    pending = ""  # emphasis alone on its line that opens the next line's run
    for raw in lines:
        line = raw.strip()
        last = paragraphs[-1] if paragraphs else ""
        if _LONE_MARKUP.fullmatch(line):
            if last.count(line) % 2:  # it closes the run the last paragraph opened
                paragraphs[-1] = last + line
            else:
                pending += line
            continue
        if not line or _RULE.fullmatch(line):
            paragraphs.append("")
            continue
        line, pending = pending + line, ""
        if last and width is not None and not _breaks_after(last, line, width):
            glue = "" if _ENDS_OPENING.search(last) else " "  # "của **" + "THƯ VIỆN**"
            paragraphs[-1] = f"{last}{glue}{line}"
        else:
            paragraphs.append(line)
    return [paragraph for paragraph in paragraphs if paragraph]


def _cells(lines: list[str]) -> Iterator[list[list[str]]]:
    """Rows of cells, each cell its lines, from lines where ``|`` alone parts cells."""
    row: list[list[str]] = []
    cell: list[str] = []
    for line in lines:
        if not _CELL_BREAK.fullmatch(line):
            cell.append(line)
            continue
        if cell:
            row.append(cell)
        elif row:  # an empty cell closes the row
            yield row
            row = []
        cell = []
    if cell:
        row.append(cell)
    if row:
        yield row


def unwrapped(text: str) -> str:
    """``text`` with its hard wraps and scraped table rows joined again (:func:`paragraphs`,
    a paragraph a line); as it is when it has neither, so that offsets into it hold.

    >>> line = "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng\\nvà các sở thực hiện. "
    >>> unwrapped(line * 8)[:56]
    'Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng và c'
    >>> text = "Một đoạn văn dài không bị ngắt dòng. " * 4 + "\\n\\nĐoạn hai."
    >>> unwrapped(text) == text
    True
    """
    lines = text.splitlines()
    tabled = any(_CELL_BREAK.fullmatch(line) for line in lines)
    if not tabled and not _looks_wrapped(lines):
        return text
    return "\n".join(paragraphs(text))


#: Fewest lines of a text given as a string that can tell it was hard-wrapped; the share
#: of them that run to near the width (a few short lines may be a list); and the share
#: that break a sentence before a lowercase word, which only a wrap does.
_FEWEST_WRAPPED, _FULL_SHARE, _BROKEN_SHARE = 8, 0.5, 0.2


def _looks_wrapped(lines: list[str]) -> bool:
    """Lines of one width, most of them run to near it, many breaking a sentence before a
    lowercase word: a text broken at a fixed width, not one of short headings and items."""
    filled = [line.rstrip() for line in lines if line.strip()]
    width = wrap_width(lines)
    if width is None or len(filled) < _FEWEST_WRAPPED:
        return False
    full = sum(len(line) >= SHORT_LINE * width for line in filled)
    broken = sum(
        not _ENDS_SENTENCE.search(line) and following.lstrip()[:1].islower()
        for line, following in pairwise(filled)
    )
    return full >= _FULL_SHARE * len(filled) and broken >= _BROKEN_SHARE * len(filled)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a hard-wrapped text, table rows as ``a | b`` lines.

    A text that is not hard-wrapped keeps its lines (a blank line is a break).

    >>> paragraphs("**Số hiệu:**\\n|\\n471/QĐ-UBND\\n|\\n|\\nGiao Sở Y tế chủ trì,\\nthực hiện.")
    ['**Số hiệu:** | 471/QĐ-UBND', 'Giao Sở Y tế chủ trì, thực hiện.']
    """
    lines = text.splitlines()
    width = wrap_width([line for line in lines if not _CELL_BREAK.fullmatch(line)])
    found: list[str] = []
    columns = 0  # the width of the task table being read; 0 outside one
    for row in _cells(lines):
        cells = [join_wrapped(cell, width) for cell in row]
        header = _task_header(cells)
        if header is not None:
            before = cells[:header]
            if columns and len(before) > columns:  # the last row of the table before it
                found.append(_one_line(before[:columns]))
                before = before[columns:]
            found.extend(_row_lines(before))
            found.append(_one_line(cells[header:]))
            columns = len(cells) - header
        elif columns and 1 < len(cells) <= columns:
            found.append(_one_line(cells))
        else:
            columns = columns if _group_row(cells) else 0
            found.extend(_row_lines(cells))
    return found


def _task_header(cells: list[list[str]]) -> int | None:
    """Where a task table's header starts in the row: its last run of short cells, when
    they name a content and a lead column (the title above it may share its row).

    >>> _task_header([["PHỤ LỤC", "(Kèm theo ...)"], ["STT"], ["Nội dung"], ["Chủ trì"]])
    1
    """
    start = len(cells)
    while start and _header_cell(cells[start - 1]):
        start -= 1
    names = [cell[0] for cell in cells[start:]]
    return start if len(names) >= 3 and names_task_columns(names) else None


def _header_cell(cell: list[str]) -> bool:
    return len(cell) == 1 and len(cell[0].split()) <= HEADER_CELL_WORDS


def _group_row(cells: list[list[str]]) -> bool:
    """A row of one short line inside a task table, not a sentence: a group's heading
    ("B. BỘ CÔNG AN", "II. NHÓM NHIỆM VỤ VỀ THỂ CHẾ")."""
    if len(cells) != 1 or len(cells[0]) != 1:
        return False
    line = cells[0][0]
    return len(line.split()) <= _GROUP_TITLE_WORDS and not _ENDS_STATEMENT.search(line)


def _one_line(cells: list[list[str]]) -> str:
    """A table row as one ``a | b`` line, each cell's paragraphs run together."""
    return " | ".join(" ".join(cell) for cell in cells)


def _row_lines(cells: list[list[str]]) -> list[str]:
    """The lines of one scraped table row: runs of short cells as ``a | b`` lines.

    A long cell (text laid out in the page's table) gives its paragraphs; its last one
    heads the run of cells after it unless it ends a sentence.
    """
    lines: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        lines.append(" | ".join(run)) if len(run) > 1 else lines.extend(run)
        run.clear()

    for number, cell in enumerate(cells):
        if not cell:
            continue
        if number and _compact(cell):
            run.append(" ".join(cell))
            continue
        close_run()
        heads_run = not _ENDS_STATEMENT.search(cell[-1])  # a heading or a label, not a sentence
        lines.extend(cell[:-1] if heads_run else cell)
        run.extend(cell[-1:] if heads_run else [])
    close_run()
    return lines


def _compact(cell: list[str]) -> bool:
    """A cell that sits in a row: one paragraph, not too long."""
    return len(cell) == 1 and len(cell[0]) <= MAX_CELL

"""The text of a PDF: running heads and page numbers gone, task tables as rows, lines joined.

A PDF's text layer is a page of lines: every page repeats its running head and footer
("Kế hoạch ... - Trang 1", a page number); a sentence, an agency's name or a deadline
runs over lines ("trước ngày" / "30/9/2024"); and a task table comes cell by cell, each
wrapped cell over several lines, so the plain text no longer says which lead and
deadline go with which task.  A page whose text names a task table's columns is read
again in pypdf's layout mode, where each cell keeps its column: a table row becomes one
``a | b | c`` line, the shape segmentation reads everywhere.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from directive_extract.read.chrome import chrome_pattern
from directive_extract.read.markers import marker_level, structure_patterns
from directive_extract.read.tables import names_task_columns

#: How many lines at each edge of a page may be running heads or footers.
EDGE_LINES = 2
#: A line at least this share of the page's usual line length was wrapped, not ended.
FULL_LINE = 0.8

_PAGE_NUMBER = regex.compile(r"[-–(\[]?\s*+\d{1,4}+\s*+(?:/\s*+\d{1,4}+)?[-–)\]]?")
_DIGITS = regex.compile(r"\d++")
_LAYOUT_GAP = regex.compile(r"\S(?:\S| (?! ))*+")  # a run of text with no double space in it
_ENDS_SENTENCE = regex.compile(r"[.:;!?…][\"')\]”’]*+$")
_OPENS_ITEM = regex.compile(r"[-+•·–*] ")
_STARTS_LOWER = regex.compile(r"\p{Ll}")
_ROW = " | "


def is_placeholder_title(title: str) -> bool:
    """A title a PDF writer filled in by itself ("(anonymous)", "untitled"): no title.

    >>> is_placeholder_title("(anonymous)"), is_placeholder_title("Kế hoạch chuyển đổi số")
    (True, False)
    """
    return bool(chrome_pattern("line").fullmatch(title.strip()))


def _edge_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).casefold())


def strip_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Pages without the running heads and footers at their top and bottom.

    A line at a page's edge goes when it is a page number, is page chrome of the
    lexicon ("... - Trang 1"), or repeats (page numbers aside) at the edge of another page.
    """
    chrome = chrome_pattern("line")
    seen: dict[str, int] = {}
    for lines in pages:
        for key in {_edge_key(line) for line in _edges(lines)}:
            seen[key] = seen.get(key, 0) + 1

    def running(line: str) -> bool:
        plain = " ".join(line.split())
        return bool(
            _PAGE_NUMBER.fullmatch(plain) or chrome.fullmatch(plain) or seen[_edge_key(line)] > 1
        )

    stripped = []
    for lines in pages:
        filled = [n for n, line in enumerate(lines) if line.strip()]
        edges = set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
        gone = set()
        for order in (filled, filled[::-1]):
            for number in order:
                if number not in edges or not running(lines[number]):
                    break
                gone.add(number)
        stripped.append([line for n, line in enumerate(lines) if n not in gone])
    return stripped


def _edges(lines: list[str]) -> list[str]:
    filled = [line for line in lines if line.strip()]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:]


def names_table(text: str) -> bool:
    """Whether a page's plain text has a line naming a task table's columns."""
    for line in text.splitlines():
        folded = line.casefold()
        roles = {role for pattern, role in structure_patterns("column") if pattern.search(folded)}
        if {"content", "lead"} <= roles:
            return True
    return False


def _header(line: str) -> list[int] | None:
    """The starting columns of a layout line's cells when they name a task table."""
    runs = list(_LAYOUT_GAP.finditer(line))
    if len(runs) < 3 or not names_task_columns([run.group() for run in runs]):
        return None
    return [run.start() for run in runs]


def _fits(line: str, starts: list[int]) -> bool:
    """A line of the table: no run of text crosses the start of a column."""
    return all(
        start >= len(line) or line[start - 1] == " " or line[start] == " " for start in starts[1:]
    )


def _cells_of(line: str, starts: list[int]) -> list[str]:
    bounds = [0, *starts[1:], len(line) + 1]
    return [line[a:b].strip() for a, b in pairwise(bounds)]


def _row_line(block: list[list[str]]) -> str:
    columns = zip(*block, strict=True)
    return _ROW.join(" ".join(" ".join(column).split()) for column in columns)


def _table_rows(lines: list[str], starts: list[int], index_column: bool) -> list[str]:
    """One line per table row: rows part at blank lines, and where a row number stands
    when a stretch between blank lines holds several."""
    blocks: list[list[list[str]]] = [[]]
    for line in lines:
        if not line.strip():
            blocks.append([])
            continue
        cells = _cells_of(line, starts)
        numbered = sum(1 for row in blocks[-1] if row[0]) + bool(cells[0])
        if index_column and cells[0] and numbered > 1:
            blocks.append([])
        blocks[-1].append(cells)
    return [_row_line(block) for block in blocks if block]


def layout_lines(lines: list[str]) -> list[str]:
    """The lines of a page in layout mode: table rows as ``a | b`` lines, text collapsed."""
    found: list[str] = []
    i = 0
    while i < len(lines):
        starts = _header(lines[i])
        if starts is None:
            if lines[i].strip():
                found.append(" ".join(lines[i].split()))
            i += 1
            continue
        found.append(_ROW.join(run.group() for run in _LAYOUT_GAP.finditer(lines[i])))
        end = i + 1
        while end < len(lines) and _fits(lines[end], starts):
            end += 1
        first = _cells_of(lines[i], starts)[0].casefold()
        index_column = any(
            role == "index"
            for pattern, role in structure_patterns("column")
            if pattern.search(first)
        )
        found.extend(row for row in _table_rows(lines[i + 1 : end], starts, index_column) if row)
        i = end
    return found


def _usual_length(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if _ROW not in line)
    return lengths[(len(lengths) * 9) // 10 - (len(lengths) >= 10)] if lengths else 0


def _wrapped(line: str, following: str, width: int) -> bool:
    """Whether the break between two lines is a wrap inside a paragraph."""
    if _ROW in line or _ROW in following or _ENDS_SENTENCE.search(line):
        return False
    if _OPENS_ITEM.match(following) or marker_level(following) is not None:
        return False
    return bool(_STARTS_LOWER.match(following)) or len(line) >= FULL_LINE * width


def join_lines(lines: list[str]) -> list[str]:
    """Lines broken inside a sentence joined: the next line starts lower case, or the line
    ran to the page's usual width (the next word did not fit).  A short line that ends
    no sentence (a heading, a name in a signature) stays a line of its own.

    >>> join_lines(["1. Giao Sở Tài chính chủ trì, hoàn thành trước ngày",
    ...             "30/9/2024.", "ỦY BAN", "KẾ HOẠCH"])
    ['1. Giao Sở Tài chính chủ trì, hoàn thành trước ngày 30/9/2024.', 'ỦY BAN', 'KẾ HOẠCH']
    """
    width = _usual_length(lines)
    joined: list[str] = []
    for line in (line for line in lines if line.strip()):
        if joined and _wrapped(joined[-1], line, width):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined

"""Tables of Word files and of tab-separated text as the ``a | b | c`` lines segmentation reads.

A task table names its columns in a header ("Nội dung | Cơ quan chủ trì | Thời gian"),
often over two rows whose upper cells span the lower ones ("Cơ quan" over "chủ trì |
phối hợp"): the header becomes one line whose cells name the columns whole ("Cơ quan
chủ trì", "Cơ quan phối hợp").  Each task row keeps one cell per column, empty ones
too, so a row's cells stay under their header.  A group row ("I | Nhóm nhiệm vụ về thể
chế", its title one cell spanning the row) becomes a heading line ("I. Nhóm nhiệm vụ về
thể chế") over the rows after it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from directive_extract.read.markers import structure_patterns

#: A header cell holds a few words; a longer one is a row of text.
HEADER_CELL_WORDS = 6
#: A group row holds at most this many cells of its own (an index and a title).
GROUP_CELLS = 2

_INDEX = regex.compile(r"(?:[IVXLC]{1,6}+|\d{1,3}+|[a-zđ])[.)]?")
_TAB_ROW = regex.compile(r"[^\t\n]*+(?:\t[^\t\n]*+){2,}+")


def _column_role(words: str) -> str | None:
    folded = words.casefold()
    return next(
        (role for pattern, role in structure_patterns("column") if pattern.search(folded)), None
    )


def names_task_columns(names: Sequence[str]) -> bool:
    """Whether header cells name a task table's content and lead columns.

    >>> names_task_columns(["STT", "Nội dung", "Cơ quan chủ trì"]), names_task_columns(["a", "b"])
    (True, False)
    """
    roles = {_column_role(name) for name in names}
    return {"content", "lead"} <= roles


def group_line(cells: Sequence[str]) -> str | None:
    """The heading line of a group row (an index and a title, or a title alone).

    >>> group_line(["I", "Nhóm nhiệm vụ"]), group_line(["Nhóm A"]), group_line(["1", "a", "b"])
    ('I. Nhóm nhiệm vụ', 'Nhóm A', None)
    """
    filled = [cell for cell in cells if cell]
    if not filled or len(filled) > GROUP_CELLS:
        return None
    if len(filled) == 1:
        return filled[0]
    index, title = filled
    if not _INDEX.fullmatch(index):
        return None
    return f"{index} {title}" if index[-1] in ".)" else f"{index}. {title}"


def _spans_below(above: Sequence[object], below: Sequence[object]) -> bool:
    """Whether a cell of the row ``above`` spans columns that ``below`` divides."""
    return any(
        above[c] is above[c + 1] and below[c] is not below[c + 1] for c in range(len(above) - 1)
    )


def _header_depth(grid: Sequence[Sequence[object]], texts: Sequence[Sequence[str]]) -> int:
    """How many rows the header takes: one, and each row that divides a cell above."""
    depth = 1
    while (
        depth < len(grid)
        and _spans_below(grid[depth - 1], grid[depth])
        and all(len(text.split()) <= HEADER_CELL_WORDS for text in texts[depth])
    ):
        depth += 1
    return depth


def _distinct(cells: Sequence[object], texts: Sequence[str], columns: range) -> str:
    """The text of grid ``columns`` of one row, a cell spanning several taken once."""
    seen: list[object] = []
    parts = []
    for column in columns:
        if any(cells[column] is cell for cell in seen):
            continue
        seen.append(cells[column])
        if texts[column]:
            parts.append(texts[column])
    return " ".join(parts)


def _logical_columns(grid: Sequence[Sequence[object]], depth: int) -> list[range]:
    """Runs of grid columns that one header cell names in every header row."""
    width = len(grid[0])
    columns: list[range] = []
    start = 0
    for column in range(1, width + 1):
        same = column < width and all(grid[r][column] is grid[r][column - 1] for r in range(depth))
        if not same:
            columns.append(range(start, column))
            start = column
    return columns


def _header_names(grid, texts, depth: int, columns: list[range]) -> list[str]:
    names = []
    for span in columns:
        words: list[str] = []
        seen: list[object] = []
        for r in range(depth):
            cell = grid[r][span.start]
            if not any(cell is other for other in seen):
                seen.append(cell)
                words.append(texts[r][span.start])
        names.append(" ".join(word for word in words if word))
    return names


def task_table_lines(grid: Sequence[Sequence[object]], texts: Sequence[Sequence[str]]) -> list[str]:
    """The lines of a task table (cells by grid column: identity and text), else [].

    A merged cell is the same object in every grid position it covers.
    """
    if not grid or any(len(row) != len(grid[0]) for row in grid):
        return []
    depth = _header_depth(grid, texts)
    columns = _logical_columns(grid, depth)
    names = _header_names(grid, texts, depth, columns)
    if len(columns) < 3 or not names_task_columns(names):
        return []
    lines = [" | ".join(names)]
    for cells, row_texts in zip(grid[depth:], texts[depth:], strict=True):
        values = [_distinct(cells, row_texts, span) for span in columns]
        if not any(values):
            continue
        heading = group_line(_row_cells(cells, row_texts))
        lines.append(heading or " | ".join(values))
    return lines


def tab_rows(text: str) -> str:
    """Lines of three or more tab-separated cells as ``a | b | c`` lines.

    A line of an index and a title under such a header is a group heading.

    >>> tab_rows("STT\\tNội dung\\tCơ quan chủ trì\\nI\\tNhóm A\\n1\\tRà soát\\tSở Y tế\\nHết.")
    'STT | Nội dung | Cơ quan chủ trì\\nI. Nhóm A\\n1 | Rà soát | Sở Y tế\\nHết.'
    """
    if "\t" not in text:
        return text
    lines = text.split("\n")
    in_table = False
    for number, line in enumerate(lines):
        if _TAB_ROW.fullmatch(line.rstrip("\r")):
            cells = [" ".join(cell.split()) for cell in line.split("\t")]
            in_table = in_table or names_task_columns(cells)
            lines[number] = " | ".join(cells) if in_table else line
            continue
        cells = [" ".join(cell.split()) for cell in line.split("\t")]
        heading = group_line(cells) if in_table and "\t" in line else None
        if heading:
            lines[number] = heading
        elif line.strip():
            in_table = False
    return "\n".join(lines)


def docx_rows(table) -> Iterator[str]:
    """The lines of a python-docx table: a task table as above, any other row by row."""
    rows = list(table.rows)
    grid = [[cell._tc for cell in row.cells] for row in rows]
    texts = [[_cell_text(cell) for cell in row.cells] for row in rows]
    lines = task_table_lines(grid, texts)
    if lines:
        yield from lines
        return
    for cells, row_texts in zip(grid, texts, strict=True):
        distinct = [text for text in _row_cells(cells, row_texts) if text]
        if distinct:
            yield " | ".join(distinct)


def _row_cells(cells: Sequence[object], texts: Sequence[str]) -> list[str]:
    """The texts of a row's cells, a cell spanning several columns once."""
    return [text for c, text in enumerate(texts) if not any(cells[c] is o for o in cells[:c])]


def _cell_text(cell) -> str:
    return " ".join(" ".join(p.text.split()) for p in cell.paragraphs if p.text.strip())

"""Document structure: paragraphs, sentences and task clauses.

A text is cut in three levels, each keeping exact offsets into the normalised text:
paragraphs (lines), sentences, and clauses (the parts of a sentence that ``;``, a
``:`` before a list or an enumerator such as "Thứ hai," set apart).  Page chrome
(navigation, footers, lists of other articles, recipient lists) is found first, by
:mod:`.layout`, and is never segmented further.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from directive_extract import lexicon
from directive_extract.discourse.cues import find_cues
from directive_extract.mentions.times import TimeMatch, due_labels, find_times
from directive_extract.read.markers import (
    leading_words,
    marker_end,
    structure_patterns,
)
from directive_extract.read.normalise import FOLDS_APART
from directive_extract.read.tables import HEADER_CELL_WORDS


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    index: int
    level: int | None = None  # level of the list marker opening it; None without one


@dataclass(slots=True)
class Clause:
    """A candidate task clause and the structure around it."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    paragraph: int
    first_in_sentence: bool
    is_directive: bool = False
    cells: dict[str, Span] | None = None  # a task-table row: its cells by column
    sets_quantities: bool = False  # a target clause: every figure in it is a quantity to reach
    period: Span | None = None  # the heading of its targets section ("Mục tiêu năm 2023")
    carries_on: bool = False  # opens a paragraph going on with the task that ended the last
    plans_own: bool = False  # a firm's plan for itself: its quantities are targets, no task
    indicator: bool = False  # a cell under a year's column of a table of indicators


@dataclass(frozen=True, slots=True)
class Layout:
    paragraphs: tuple[Paragraph, ...]
    chrome: tuple[Span, ...]
    warnings: tuple[str, ...]
    #: chrome that summarises the article itself: no body, but it may date the article
    summaries: tuple[Span, ...] = ()
    #: why the page is a reference work that assigns nothing (an encyclopaedia), if it is
    reference: str | None = None
    #: the paragraphs of a summary that the body does not say: figures, but no task
    apart: frozenset[int] = frozenset()


@cache
def _sentence_end() -> regex.Pattern:
    abbreviations = "|".join(
        regex.escape(word) for word in lexicon.column("sentence_abbreviations", "abbreviation")
    )
    return regex.compile(
        rf"(?<!\b(?:{abbreviations}))(?<!\b\p{{Lu}})"
        r"(?:[.!?]++|…)[\"')\]]*+(?=\s++[\p{Lu}\"'(\d-])"
    )


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of ``text[start:end]``.

    >>> t = "Bộ Y tế chủ trì. TP. Hồ Chí Minh phối hợp… Xong"
    >>> [t[s.start:s.end] for s in sentences(t, 0, len(t))]
    ['Bộ Y tế chủ trì.', 'TP. Hồ Chí Minh phối hợp…', 'Xong']
    """
    spans: list[Span] = []
    cursor = start
    body = marker_end(text, start, end)  # "4. Bộ trưởng ...": a list marker ends no sentence
    for match in _sentence_end().finditer(text, body, end):
        spans.append(Span(cursor, match.end()))
        cursor = match.end()
    spans.append(Span(cursor, end))
    return [trimmed for span in spans if (trimmed := _trim(text, span)).end > trimmed.start]


def skip_space(text: str, start: int, end: int) -> int:
    """The first position from ``start`` (up to ``end``) that holds no white space.

    >>> skip_space("Bộ  Y tế", 2, 8)
    4
    """
    while start < end and text[start].isspace():
        start += 1
    return start


def _trim(text: str, span: Span) -> Span:
    start, end = skip_space(text, span.start, span.end), span.end
    while end > start and text[end - 1] in " \t;,":
        end -= 1
    return Span(start, end)


def _phrases_of(kind: str) -> list[str]:
    """The phrases of one kind of the cue lexicon ("thứ hai", "một là"), longest first."""
    phrases = (row["phrase"] for row in lexicon.load("cues") if row["kind"] == kind)
    return sorted(phrases, key=len, reverse=True)


@cache
def _clause_break(enumerated: bool = True, quoted: bool = True) -> regex.Pattern:
    """Where a sentence breaks into clauses: ``;``, ``:`` before a list (not after a due
    date's label: "thời gian hoàn thành: tháng 9/2025"), at a comma
    before a consequence ("..., do vậy phải ..."), before an enumerator ("Thứ hai,") and
    at a comma after a quotation; the last two only where ``enumerated`` and ``quoted``
    say they may match (see :func:`_clause_break_in`)."""
    labels = "|".join(regex.escape(label) for label in due_labels())
    branches = [rf";|(?<!(?i:{labels})\s?):(?=\s|$)"]  # "Thời hạn: ..." stays with its task
    consequences = "|".join(regex.escape(word) for word in _phrases_of("consequence"))
    if consequences:
        branches.append(rf",(?=\s*+(?i:{consequences})\b)")
    if enumerated:
        listed = "|".join(regex.escape(word) for word in _phrases_of("enumerator"))
        branches += [rf"(?<=\S\s)(?=(?i:{listed})\b\s?,)", rf"(?<=[,.]\s?)(?=(?i:{listed})\b)"]
    if quoted:
        branches.append(r"(?<=[\p{L}\d][.!?…]?\")\s*+,(?=\s*+\p{Lu})")
    return regex.compile("|".join(branches))


def _clause_break_in(text: str, start: int, end: int) -> regex.Pattern:
    """The clause breaks of ``text[start:end]`` without the branches that match nowhere
    in it: they try their lookbehinds at every character, which cost more than the rest
    of the segmentation, and few sentences hold an enumerator or a quotation mark.  An
    alternative that matches nowhere changes no match of the others."""
    enumerated = any(word.search(text, start, end) for word in _enumerator_words())
    quoted = '"' in text[max(start - 1, 0) : end]  # the quote stands right before a match
    return _clause_break(enumerated, quoted)


@cache
def _enumerator_words() -> tuple[regex.Pattern, ...]:
    """Words of which every enumerator holds one ("thứ", "là"), each searched on its
    own: a span that holds none of them holds no enumerator, and one word is found far
    faster than the alternation of every enumerator.  The words are taken greedily,
    the one most enumerators hold first."""
    phrases = [set(phrase.split()) for phrase in _phrases_of("enumerator") if phrase.split()]
    words: list[str] = []
    while phrases:
        counts = Counter(word for phrase in phrases for word in phrase)
        best = max(sorted(counts), key=counts.__getitem__)
        words.append(best)
        phrases = [phrase for phrase in phrases if best not in phrase]
    return tuple(regex.compile(regex.escape(word), regex.IGNORECASE) for word in words)


_BRACKET = regex.compile(r"[()]")


def _bracketed(text: str, start: int, end: int) -> list[Span]:
    """Spans of ``text[start:end]`` inside parentheses that close; an unclosed "("
    protects nothing (a typo must not glue the rest of the sentence together)."""
    spans: list[Span] = []
    opened: list[int] = []
    for match in _BRACKET.finditer(text, start, end):
        if match.group() == "(":
            opened.append(match.start())
        elif opened:
            outer = opened.pop()
            if not opened:
                spans.append(Span(outer, match.end()))
    return spans


def _inside(position: int, spans: Sequence[Span], starts: Sequence[int]) -> bool:
    """Whether ``position`` lies strictly inside one of ``spans`` (in order, disjoint)."""
    index = bisect_left(starts, position) - 1
    return index >= 0 and spans[index].start < position < spans[index].end


def clauses(text: str, sentence: Span, paragraph: int, keep: Sequence[Span] = ()) -> list[Clause]:
    """Task clauses of one sentence: cut at ``;``, at ``:`` and before enumerators.

    Never inside brackets, nor inside a span of ``keep`` (an agency mention that runs
    over a colon: "Bộ trưởng các Bộ: Quốc phòng, Công an").

    >>> t = "Yêu cầu: Thứ nhất, rà soát; Thứ hai,báo cáo"
    >>> [t[c.start:c.end] for c in clauses(t, Span(0, len(t)), 0)]
    ['Yêu cầu', 'Thứ nhất, rà soát', 'Thứ hai,báo cáo']
    """
    brackets = _bracketed(text, sentence.start, sentence.end)
    protected = [(spans, [span.start for span in spans]) for spans in (brackets, keep)]
    cuts = [sentence.start]
    breaks = _clause_break_in(text, sentence.start, sentence.end)
    for match in breaks.finditer(text, sentence.start, sentence.end):
        if not any(_inside(match.start(), spans, starts) for spans, starts in protected):
            cuts.extend((match.start(), match.end()))
    cuts.append(sentence.end)
    found: list[Clause] = []
    for piece_start, piece_end in zip(cuts[::2], cuts[1::2], strict=True):
        span = _trim(text, Span(piece_start, piece_end))
        if span.end - span.start < 2:
            continue
        found.append(
            Clause(
                span.start,
                span.end,
                sentence.start,
                sentence.end,
                paragraph,
                first_in_sentence=not found,
            )
        )
    return found


#: Words each task split off by :func:`task_pieces` has of its own, at the least.
_TASK_WORDS = 3


def task_pieces(text: str, clause: Clause, own_from: Sequence[int]) -> list[Span]:
    """The tasks of one directive clause: it is cut at a comma before a word that opens a
    second task of the same subject (kind ``next_task`` of ``cues.tsv``: "Bộ A báo cáo
    ..., đồng thời phối hợp ...", "..., sớm công bố ..."), which annotators give a
    directive each (ANNOTATION: one directive per task).

    Never inside brackets; each task keeps ``_TASK_WORDS`` words of its own, those of
    the first after the last of ``own_from`` before the cut (where its subjects or the
    objects of its commands end): "yêu cầu Bộ A, sớm ..." names no task before the comma.

    >>> t = "Bộ A rà soát quy định về thuế, đồng thời phối hợp với Bộ B"
    >>> [t[s.start:s.end] for s in task_pieces(t, Clause(0, len(t), 0, len(t), 0, True), [4])]
    ['Bộ A rà soát quy định về thuế', 'đồng thời phối hợp với Bộ B']
    """
    brackets = _bracketed(text, clause.start, clause.end)
    starts = [span.start for span in brackets]
    pieces: list[Span] = []
    start = clause.start
    for cue in find_cues(text, clause.start, clause.end):
        cut = cue.start
        if not (cue.is_("next_task") and _after_comma(text, start, cut)):
            continue
        before = _trim(text, Span(start, cut))
        named = max((end for end in own_from if end <= cut), default=before.start)
        own = text[max(before.start, named) : before.end].split()
        rest = text[cut : clause.end].split()
        if len(own) >= _TASK_WORDS <= len(rest) and not _inside(cut, brackets, starts):
            pieces.append(before)
            start = cut
    pieces.append(Span(start, clause.end))
    return pieces


def _after_comma(text: str, start: int, position: int) -> bool:
    """A comma stands right before ``position`` (spaces between), after ``start``."""
    return text[start:position].rstrip().endswith(",")


_HEADING_MAX_WORDS = 14


def heading_shape(line: str, level: int | None) -> bool:
    """Shaped like a heading: short, no closing punctuation, in capitals or numbered.

    >>> lines = [("II. NHIỆM VỤ", 0), ("1. Mục đích", 1), ("- Rà soát", 4), ("Bộ Y tế.", None)]
    >>> [heading_shape(line, level) for line, level in lines]
    [True, True, False, False]
    >>> heading_shape("Mục tiêu cụ thể:", None), heading_shape("Mục tiêu của Bộ là:", None)
    (True, False)
    """
    stripped = line.rstrip()
    if not stripped or stripped[-1] in ".;!?…":
        return False
    if len(stripped.split(maxsplit=_HEADING_MAX_WORDS)) > _HEADING_MAX_WORDS:  # stops at 15
        return False
    letters = [char for char in stripped if char.isalpha()]
    capitals = len(letters) > 3 and sum(char.isupper() for char in letters) > 0.8 * len(letters)
    return capitals or (level is not None and level <= 2) or _titled(stripped)


#: Most words after a section's title written as a lead-in ("Chỉ tiêu" + "cụ thể:").
_QUALIFIER_WORDS = 2


def _titled(line: str) -> bool:
    """A section's title written as a short lead-in, in sentence case ("Chỉ tiêu cụ thể:")."""
    if not line.endswith(":"):
        return False
    for pattern, _ in structure_patterns("section"):
        found = pattern.match(line)
        if found and len(line[found.end() : -1].split()) <= _QUALIFIER_WORDS:
            return True
    return False


def section_zone(heading: str) -> str | None:
    """The zone a section heading opens: purpose, basis, results or tasks."""
    for pattern, zone in structure_patterns("section"):
        if pattern.search(heading):
            return zone
    return None


def introduces(text: str, clause: Clause) -> bool:
    """The clause ends on ":" and introduces what follows ("Đối với Bộ Y tế:")."""
    return text[clause.end : clause.end + 1] == ":"


def is_document_kind(line: str) -> bool:
    """The line names an official document's kind ("CÔNG ĐIỆN", "THÔNG BÁO").

    >>> is_document_kind("CÔNG ĐIỆN"), is_document_kind("Công điện số 67")
    (True, False)
    """
    return any(pattern.fullmatch(line) for pattern, _ in structure_patterns("doctype"))


def is_standing_clause(clause_text: str) -> bool:
    """A clause every document of its kind carries ("... có hiệu lực từ ngày ký"); an
    enactment ("Bộ trưởng Bộ Y tế ban hành Thông tư ...") only where no command stands
    before the act: "Thủ tướng yêu cầu Bộ X ban hành Thông tư ..." asks for one, and "...
    yêu cầu ban hành văn bản hướng dẫn các luật có hiệu lực từ ngày 1/1/2026" for others.

    Such a clause holds the words one of the rows opens with, case aside: looked for in
    the casefolded clause first, far faster than the patterns scan it (most clauses hold
    none).  Casefolding keeps what a case-blind pattern matches, but for ``FOLDS_APART``."""
    if FOLDS_APART not in clause_text:
        folded = clause_text.casefold()
        if not any(words in folded for words in leading_words("standing")):
            return False
    for pattern, _ in structure_patterns("standing"):
        found = pattern.search(clause_text)
        if found and not _commands(clause_text[: found.end()]):
            return True
    return False


def _commands(phrase: str) -> bool:
    """A command verb stands in ``phrase``; one written with a capital names a document
    ("ban hành Chỉ thị")."""
    return any(cue.is_("command") and phrase[cue.start].islower() for cue in find_cues(phrase))


_CELL = regex.compile(r"[^|]++")
#: A Markdown table's rule under its header ("|---|:--:|"): a line of no words.
_RULE = regex.compile(r"[\s|:+=-]*+")


def _cells(text: str, paragraph: Paragraph, least: int = 3) -> list[Span]:
    spans = [
        _trim(text, Span(m.start(), m.end()))
        for m in _CELL.finditer(text, paragraph.start, paragraph.end)
    ]
    return spans if len(spans) >= least else []


def _under_header(
    text: str, cells: list[Span], columns: dict[int, str], width: int, above: Sequence[Span]
) -> list[Span] | None:
    """A row's cells under its header's columns.  A row with fewer cells than the header
    shares its first cells with the row above, which span it (a body's cell over its
    several tasks): its own cells are the last columns'.  A row that opens with its
    number is a row of its own, short of its last cells; one that would share the task
    of the row above is none (None)."""
    missing = width - len(cells)
    if not 0 < missing <= len(above) or _INDEX_CELL.fullmatch(text[cells[0].start : cells[0].end]):
        return cells
    if any(columns.get(index) == "content" for index in range(missing)):
        return None
    return [*above[:missing], *cells]


def _repeats_header(text: str, cells: Sequence[Span]) -> bool:
    """A row of short cells each naming a column, task columns among them: the header of
    the next table, as a plan's appendix lists its tables one after another (a row of
    the table, however short its cells, opens with its number or holds a cell that
    names no column)."""
    return (
        all(len(text[c.start : c.end].split()) <= HEADER_CELL_WORDS for c in cells)
        and all(_column_of(text, cell) is not None for cell in cells)
        and bool(_columns(text, cells))
    )


def _columns(text: str, cells: Sequence[Span]) -> dict[int, str]:
    """Column roles of a task-table header row; empty when the row is no header."""
    roles: dict[int, str] = {}
    for index, cell in enumerate(cells):
        role = _column_of(text, cell)
        if role and role not in roles.values():
            roles[index] = role
    return roles if {"content", "lead"} <= set(roles.values()) else {}


_MENU_ITEM_WORDS = 4


def _menu(text: str, cells: Sequence[Span]) -> bool:
    """A bar of short items between "|" that heads no table: a site's menu."""
    return all(len(text[c.start : c.end].split()) <= _MENU_ITEM_WORDS for c in cells)


def _column_of(text: str, cell: Span) -> str | None:
    return _column_named(text[cell.start : cell.end].strip().casefold())


@lru_cache(maxsize=1 << 12)  # a table's headers and short cells recur across its rows and pages
def _column_named(words: str) -> str | None:
    """The column a cell reading ``words`` heads, if any."""
    return next(
        (value for pattern, value in structure_patterns("column") if pattern.search(words)), None
    )


def _row_clause(
    cells: Sequence[Span], columns: dict[int, str], paragraph: Paragraph, row: Span | None = None
) -> Clause | None:
    by_role = {role: cells[index] for index, role in columns.items() if index < len(cells)}
    content = by_role.get("content")
    if content is None or content.end - content.start < 2:
        return None
    row = row or Span(paragraph.start, paragraph.end)
    return Clause(
        content.start,
        content.end,
        row.start,
        row.end,
        paragraph.index,
        first_in_sentence=True,
        cells=by_role,
    )


#: Where a cell's next item starts: a "- " after the end of the one before ("- Xây dựng
#: quy chế. - Công khai thông tin"), not a dash inside an item ("giai đoạn 2026 - 2030").
_NEXT_ITEM = regex.compile(r"(?<=[.;:])\s++-\s")


def _row_tasks(text: str, row: Clause) -> list[Clause]:
    """A row whose content cell lists several tasks, each as "- " item, gives a clause
    per task; the row's other cells are every task's.

    >>> text = "- Xây dựng quy chế. - Công khai số liệu giai đoạn 2026 - 2030."
    >>> [text[c.start : c.end] for c in _row_tasks(text, Clause(0, len(text), 0, 63, 0, True))]
    ['- Xây dựng quy chế.', '- Công khai số liệu giai đoạn 2026 - 2030.']
    """
    starts = [row.start] + [m.end() - 2 for m in _NEXT_ITEM.finditer(text, row.start, row.end)]
    ends = [*(_trim(text, Span(row.start, start)).end for start in starts[1:]), row.end]
    pieces = [replace(row, start=start, end=end) for start, end in zip(starts, ends, strict=True)]
    if len(pieces) > 1 and text[pieces[0].end - 1] == ":":  # "Giai đoạn 1: - Rà soát ..."
        return pieces[1:]  # the cell's lead-in names no task of its own
    return pieces


_INDEX_CELL = regex.compile(r"\d{1,3}+\.?")


def _vertical_header(text: str, paragraphs: Sequence[Paragraph], i: int) -> dict[int, str]:
    """Columns of a table flattened one cell per line, whose header starts at ``i``."""
    cells = []
    for paragraph in paragraphs[i:]:
        line = Span(paragraph.start, paragraph.end)
        short = len(text[line.start : line.end].split()) <= HEADER_CELL_WORDS
        if not short or _column_of(text, line) is None:
            break
        cells.append(line)
    return _columns(text, cells) if len(cells) >= 3 else {}


def _vertical_rows(
    text: str, paragraphs: Sequence[Paragraph], i: int, columns: dict[int, str]
) -> tuple[list[Clause], int]:
    """Rows of ``width`` lines each after a vertical header; and where they stop.

    A table with a number column starts every row with its number, which keeps rows
    aligned; the rows end at the first group that does not.
    """
    width = max(columns) + 1
    numbered = columns.get(0) == "index"
    rows: list[Clause] = []
    while i + width <= len(paragraphs):
        group = paragraphs[i : i + width]
        if numbered and not _INDEX_CELL.fullmatch(text[group[0].start : group[0].end]):
            break
        cells = [Span(p.start, p.end) for p in group]
        content = group[next(n for n, role in columns.items() if role == "content")]
        row = _row_clause(cells, columns, content, Span(group[0].start, group[-1].end))
        if row is None:
            break
        rows.append(row)
        i += width
    return rows, i


def _group_heading(text: str, paragraphs: Sequence[Paragraph], i: int) -> bool:
    """A group row inside a task table: a short heading line ("I. Nhóm nhiệm vụ về thể
    chế") followed by a table row.  It is read as a heading and the table goes on."""
    line = text[paragraphs[i].start : paragraphs[i].end]
    return (
        i + 1 < len(paragraphs)
        and heading_shape(line.replace("|", " "), 0)
        and bool(_cells(text, paragraphs[i + 1]))
    )


def _year_columns(text: str, cells: Sequence[Span]) -> dict[int, Span]:
    """The header cells of a table of indicators that name one year ("Năm 2026", "Kế
    hoạch năm 2027"), not what was done in it ("Thực hiện năm 2025": a ``done``
    column), after the first, which names the indicators in words; a header holds no
    other number (a row of data does: "- | TBA 500kV Điện Biên | 2700 | 2027-2028")."""
    years: dict[int, Span] = {}
    first = text[cells[0].start : cells[0].end]
    if not any(char.isalpha() for char in first) or any(char.isdigit() for char in first):
        return {}
    for index, cell in enumerate(cells[1:], 1):
        words = text[cell.start : cell.end]
        if not any(char.isdigit() for char in words):
            continue
        found = find_times(words)
        if len(found) != 1 or found[0].granularity != "year" or _digits_outside(words, found[0]):
            return {}  # a number of its own: a row of data
        if _column_named(words.strip().casefold()) != "done":
            years[index] = cell
    return years


def _digits_outside(words: str, time: TimeMatch) -> bool:
    return any(char.isdigit() for char in words[: time.start] + words[time.end :])


def _indicator_cells(
    text: str, paragraphs: Sequence[Paragraph], i: int, years: dict[int, Span], width: int
) -> tuple[list[Clause], int]:
    """The cells with figures under the year columns of the rows from paragraph ``i``, as
    clauses whose period is their column's header (its year dates their targets), and
    the paragraph after the table."""
    found = []
    while i < len(paragraphs):
        paragraph = paragraphs[i]
        cells = _cells(text, paragraph, least=2)
        if len(cells) != width:
            break
        for index, header in years.items():
            cell = cells[index]
            if any(char.isdigit() for char in text[cell.start : cell.end]):
                row = (paragraph.start, paragraph.end, paragraph.index, True)
                found.append(
                    Clause(
                        cell.start,
                        cell.end,
                        *row,
                        sets_quantities=True,
                        period=header,
                        indicator=True,
                    )
                )
        i += 1
    return found, i


def segment(text: str, structure: Layout, keep: Sequence[Span] = ()) -> list[Clause]:
    """All clauses of the body in text order; task-table rows give one clause each.

    Tables come as one row per line with cells between "|" (as DOCX tables are read),
    or flattened one cell per line (as PDF tables are copied).  ``keep``: spans no
    clause boundary may cut (agency mentions), in text order.
    """
    starts = [span.start for span in keep]
    paragraphs = structure.paragraphs
    found: list[Clause] = []
    columns: dict[int, str] = {}
    width, above = 0, []  # the header's cells; the cells of the row above
    i = 0
    while i < len(paragraphs):
        paragraph = paragraphs[i]
        i += 1
        if _RULE.fullmatch(text, paragraph.start, paragraph.end):
            continue
        cells = _cells(text, paragraph, least=2 if columns else 3)
        if cells and (not columns or _repeats_header(text, cells)):
            columns = _columns(text, cells)  # a header under a header opens a new table
            width, above = len(cells), []
            years = {} if columns else _year_columns(text, cells)
            if years:
                cells_found, i = _indicator_cells(text, paragraphs, i, years, width)
                found.extend(cells_found)
                continue
            if columns or _menu(text, cells):
                continue
        if cells and columns and not (len(cells) < 3 and _group_heading(text, paragraphs, i - 1)):
            shared = _under_header(text, cells, columns, width, above)
            if shared is None:
                continue
            above = shared
            row = _row_clause(above, columns, paragraph)
            if row:
                found.extend(_row_tasks(text, row))
            continue
        if not (columns and _group_heading(text, paragraphs, i - 1)):
            columns = {}
        vertical = _vertical_header(text, paragraphs, i - 1)
        if vertical:
            rows, i = _vertical_rows(text, paragraphs, i - 1 + max(vertical) + 1, vertical)
            found.extend(rows)
            continue
        inside = keep[bisect_left(starts, paragraph.start) : bisect_left(starts, paragraph.end)]
        for sentence in sentences(text, paragraph.start, paragraph.end):
            found.extend(clauses(text, sentence, paragraph.index, inside))
    return found

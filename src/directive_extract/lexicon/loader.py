"""Reading the lexicon tables into one validated :class:`Lexicon`.

A table is a UTF-8 TSV file under ``data/`` with a header row; lines starting with
``#`` are comments and blank lines are skipped.  Every cell is put in the plain form
the rules read (NFC, the package's tone marks, ASCII quotes and dashes), so lexicon
rows and text always compare equal, then the row is checked against its model in
:mod:`directive_extract.lexicon.schema`.  Any mistake raises
:class:`~directive_extract.errors.LexiconError` naming the file and line.

A :class:`Lexicon` holds every table twice over: as typed rows (``rows``) and as the
cells written (``cells``), which is what ``lexicon.load(name)`` serves to the stages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from types import MappingProxyType

from pydantic import ValidationError

from directive_extract import messages
from directive_extract.errors import LexiconError
from directive_extract.lexicon.schema import TABLES, Row
from directive_extract.read.normalise import canonical_form, plain_form

Cells = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Table:
    """One table: where it was read from, and its rows with the line of each."""

    name: str
    source: str  # a file path, or "<name>" for rows given in code
    rows: tuple[Row, ...]
    cells: tuple[Cells, ...]
    lines: tuple[int, ...]

    def line_of(self, index: int) -> int:
        return self.lines[index]


def _reason(error: ValidationError) -> str:
    """The first problem of a row, in words."""
    first = error.errors()[0]
    reason = str(first["msg"]).removeprefix("Value error, ")
    if not first["loc"]:
        return messages.LEXICON_BAD_ROW.format(reason=reason)
    column = ".".join(str(part) for part in first["loc"])
    return messages.LEXICON_BAD_CELL.format(column=column, reason=reason, value=first["input"])


def _plain(cell: str) -> str:
    return plain_form(canonical_form(cell))


def _row(name: str, source: str, line: int, header: tuple[str, ...], cells: list[str]) -> Row:
    if len(cells) > len(header):
        reason = messages.LEXICON_TOO_MANY_CELLS.format(count=len(cells), columns=len(header))
        raise LexiconError(source, line, reason)
    values = dict(zip(header, [*cells, *[""] * (len(header) - len(cells))], strict=True))
    try:
        return TABLES[name].model_validate(values)
    except ValidationError as error:
        raise LexiconError(source, line, _reason(error)) from None


def _check_header(name: str, source: str, line: int, header: tuple[str, ...]) -> None:
    expected = tuple(TABLES[name].model_fields)
    if header != expected:
        reason = messages.LEXICON_COLUMNS.format(found=list(header), expected=list(expected))
        raise LexiconError(source, line, reason)


def _check_repeats(table: Table) -> None:
    unique = TABLES[table.name].unique
    if not unique:
        return
    seen: dict[tuple[str, ...], int] = {}
    for cells, line in zip(table.cells, table.lines, strict=True):
        key = tuple(cells[column] for column in unique)
        if key in seen:
            reason = messages.LEXICON_REPEATED_ROW.format(line=seen[key], columns=", ".join(unique))
            raise LexiconError(table.source, line, reason)
        seen[key] = line


def _table(
    name: str, source: str, header: tuple[str, ...], numbered: Iterable[tuple[int, list[str]]]
) -> Table:
    rows: list[Row] = []
    cells: list[Cells] = []
    lines: list[int] = []
    for line, raw in numbered:
        plain = [_plain(cell) for cell in raw]
        rows.append(_row(name, source, line, header, plain))
        padded = [*plain, *[""] * (len(header) - len(plain))]
        cells.append(MappingProxyType(dict(zip(header, padded, strict=True))))
        lines.append(line)
    table = Table(name, source, tuple(rows), tuple(cells), tuple(lines))
    _check_repeats(table)
    return table


def _data_lines(source: Traversable | Path) -> Iterator[tuple[int, list[str]]]:
    """The cells of each line that is neither blank nor a comment, with its number."""
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip() and not line.startswith("#"):
                yield number, line.rstrip("\r\n").split("\t")


def read_table(name: str, source: Traversable | Path) -> Table:
    """The table ``name`` from a TSV file."""
    if name not in TABLES:
        reason = messages.LEXICON_UNKNOWN_TABLE.format(name=name, names=", ".join(TABLES))
        raise LexiconError(str(source), 1, reason)
    lines = _data_lines(source)
    first = next(lines, None)
    if first is None:
        raise LexiconError(str(source), 1, messages.LEXICON_NO_HEADER)
    header = tuple(_plain(cell) for cell in first[1])
    _check_header(name, str(source), first[0], header)
    return _table(name, str(source), header, lines)


def table_of(name: str, rows: Iterable[Mapping[str, str]]) -> Table:
    """The table ``name`` from rows given in code (cells by column; an optional column
    may be left out), checked like a file; its lines are the rows' positions from 1."""
    if name not in TABLES:
        reason = messages.LEXICON_UNKNOWN_TABLE.format(name=name, names=", ".join(TABLES))
        raise LexiconError(f"<{name}>", 1, reason)
    header = tuple(TABLES[name].model_fields)
    numbered = []
    for line, row in enumerate(rows, 1):
        unknown = [column for column in row if column not in header]
        if unknown:
            reason = messages.LEXICON_COLUMNS.format(found=list(row), expected=list(header))
            raise LexiconError(f"<{name}>", line, reason)
        numbered.append((line, [row.get(column, "") for column in header]))
    return _table(name, f"<{name}>", header, numbered)


def _data_folder() -> Traversable:
    return resources.files(__package__).joinpath("data")


class Lexicon:
    """Every table of the lexicon, validated: what the stages read their words from.

    Build the package's own with :meth:`read`; a variant for a test with
    :meth:`replace`, which swaps whole tables and keeps the others.
    """

    def __init__(self, tables: Mapping[str, Table]) -> None:
        for name in TABLES:
            if name not in tables:
                raise LexiconError(f"<{name}>", 1, messages.LEXICON_MISSING_TABLE.format(name=name))
        self._tables = MappingProxyType(dict(tables))
        _check_successors(self)

    @classmethod
    def read(cls, folder: Traversable | Path | None = None) -> Lexicon:
        """Every table from the ``.tsv`` files of ``folder`` (default: the package's data)."""
        folder = _data_folder() if folder is None else folder
        files = {
            entry.name.removesuffix(".tsv"): entry
            for entry in folder.iterdir()
            if entry.name.endswith(".tsv")
        }
        for name in files:
            if name not in TABLES:
                reason = messages.LEXICON_UNKNOWN_TABLE.format(name=name, names=", ".join(TABLES))
                raise LexiconError(str(files[name]), 1, reason)
        for name in TABLES:
            if name not in files:
                message = messages.LEXICON_MISSING_TABLE.format(name=name)
                raise LexiconError(str(folder.joinpath(f"{name}.tsv")), 1, message)
        return cls({name: read_table(name, files[name]) for name in TABLES})

    def replace(self, **tables: Iterable[Mapping[str, str]]) -> Lexicon:
        """This lexicon with some tables replaced by rows given in code.

        >>> small = Lexicon.read().replace(agency_blocks=[{"phrase": "Chính phủ số"}])
        >>> [row.phrase for row in small.rows("agency_blocks")]
        ['Chính phủ số']
        """
        replaced = dict(self._tables)
        replaced.update({name: table_of(name, rows) for name, rows in tables.items()})
        return Lexicon(replaced)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._tables)

    def table(self, name: str) -> Table:
        try:
            return self._tables[name]
        except KeyError:
            reason = messages.LEXICON_UNKNOWN_TABLE.format(name=name, names=", ".join(TABLES))
            raise LexiconError(f"<{name}>", 1, reason) from None

    def rows(self, name: str) -> tuple[Row, ...]:
        """The typed rows of a table."""
        return self.table(name).rows

    def cells(self, name: str) -> tuple[Cells, ...]:
        """The rows of a table as the cells written (plain form), keyed by column."""
        return self.table(name).cells


def _check_successors(lexicon: Lexicon) -> None:
    """A successor names a row of its own table: a province one of the provinces after
    2025, a body one of the gazetteer."""
    for name, allowed in (
        ("provinces", {row.name for row in lexicon.rows("provinces") if row.era != "before"}),
        ("agencies", {row.name for row in lexicon.rows("agencies")}),
    ):
        table = lexicon.table(name)
        for index, row in enumerate(table.rows):
            successor = getattr(row, "successor", "")
            if successor and successor not in allowed:
                reason = messages.LEXICON_UNKNOWN_SUCCESSOR.format(successor=successor, table=name)
                raise LexiconError(table.source, table.line_of(index), reason)

"""Writing Documents as JSON Lines, JSON, CSV, Parquet or SQLite, incrementally and atomically.

An :class:`Output` reads what an earlier run left at the same path, replaces the
records of the sources extracted again, adds new ones, and writes everything back
sorted by source (:func:`source_order`), so the bytes do not depend on the history
of runs.  Every file goes through a temporary file in the same folder and
``os.replace``: a run killed half-way leaves the previous output intact.  A run
that changes nothing writes nothing, so re-running it changes no byte.

Beside the output a manifest ``<out>.manifest.json`` maps each source to the
SHA-256 of its input, which lets a batch skip inputs that did not change.  It is
written last, after the data files.

Layouts:

- ``jsonl``/``json``: one Document per line / a JSON array of Documents.
- ``csv``/``parquet``: one row per directive (a document without directives
  gets one row with empty directive columns), the document's fields repeated,
  agencies joined with ``"; "``; figures go to ``<out>.figures.csv`` /
  ``<out>.figures.parquet``, one row per figure.
- ``sqlite``: normalised tables ``documents``, ``directives``, ``agencies``
  (``role`` issuer/lead/support/report_to) and ``figures``.  Keys include the
  source, since two sources with the same text share a ``doc_id``.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any, TextIO

from directive_extract import messages
from directive_extract.errors import OutputError
from directive_extract.models import Document

Row = tuple[Any, ...]
Tables = dict[str, list[Row]]

FORMATS = ("jsonl", "json", "csv", "parquet", "sqlite")
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}
AGENCY_ROLES = ("issuer", "lead", "support", "report_to")
AGENCY_SEPARATOR = "; "

DIRECTIVE_COLUMNS = (
    "doc_id", "source", "title", "published", "directive_id", "kind", "text", "start", "end",
    "confidence", "issuer", "lead", "support", "report_to", "deadline_text", "deadline_due",
    "deadline_earliest", "deadline_granularity", "targets", "warnings",
)  # fmt: skip
FIGURE_COLUMNS = (
    "doc_id", "source", "position", "directive_id", "text", "start", "end", "value",
    "value_max", "unit", "role", "comparator", "year", "subject", "whole",
)  # fmt: skip
_FLAT_COLUMNS = MappingProxyType({"directives": DIRECTIVE_COLUMNS, "figures": FIGURE_COLUMNS})
_INTEGER_COLUMNS = frozenset({"start", "end", "position", "year"})
_FLOAT_COLUMNS = frozenset({"confidence", "value", "value_max", "whole"})


def format_for(path: str | os.PathLike[str] | None, name: str | None = None) -> str:
    """The output format: ``name`` when given, else told by the suffix, else JSON Lines.

    >>> format_for("out.parquet"), format_for("out.db"), format_for(None), format_for("x", "csv")
    ('parquet', 'sqlite', 'jsonl', 'csv')
    """
    if name:
        if name not in FORMATS:
            choices = ", ".join(FORMATS)
            raise OutputError(messages.UNKNOWN_FORMAT.format(name=name, choices=choices))
        return name
    suffix = Path(path).suffix.lower() if path is not None else ""
    return _SUFFIX_FORMATS.get(suffix, "jsonl")


def manifest_path(out: str | os.PathLike[str]) -> Path:
    """The sidecar holding the SHA-256 of each source's input."""
    return Path(f"{out}.manifest.json")


def figures_path(out: str | os.PathLike[str], fmt: str) -> Path:
    """The second file of a CSV or Parquet output, one row per figure."""
    return Path(f"{Path(out).with_suffix('')}.figures.{fmt}")


def output_files(out: str | os.PathLike[str], fmt: str) -> tuple[Path, ...]:
    """Every file an output at ``out`` consists of, manifest last."""
    extra = (figures_path(out, fmt),) if fmt in ("csv", "parquet") else ()
    return (Path(out), *extra, manifest_path(out))


def document_line(document: Document) -> str:
    """One Document as a JSON Lines line (no newline), as every writer serialises it."""
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False)


# --- atomic writing ---------------------------------------------------------------


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` that replaces it on success, vanishes on failure."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    try:
        yield Path(temporary)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


@contextlib.contextmanager
def atomic_open(target: Path) -> Iterator[TextIO]:
    """A UTF-8 text handle whose content replaces ``target`` once it is closed."""
    with atomic_path(target) as temporary, _new_text_file(temporary) as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def _new_text_file(path: Path) -> TextIO:
    return open(path, "w", encoding="utf-8", newline="")


def write_text_atomic(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` (UTF-8) in one step."""
    with atomic_open(target) as handle:
        handle.write(text)


# --- rows of one document ----------------------------------------------------------


def _names(agencies: Iterable[dict]) -> str | None:
    return AGENCY_SEPARATOR.join(agency["name"] for agency in agencies) or None


def _directive_row(record: dict, directive: dict | None) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(DIRECTIVE_COLUMNS)
    row.update(
        doc_id=record["doc_id"],
        source=record["source"],
        title=record["title"],
        published=record["published"],
        warnings=AGENCY_SEPARATOR.join(record["warnings"]) or None,
    )
    if directive is None:
        return row
    deadline = directive["deadline"] or {}
    issuer = directive["issuer"]
    row.update(
        directive_id=directive["id"],
        kind=directive["kind"],
        text=directive["text"],
        start=directive["start"],
        end=directive["end"],
        confidence=directive["confidence"],
        issuer=issuer["name"] if issuer else None,
        lead=_names(directive["lead"]),
        support=_names(directive["support"]),
        report_to=_names(directive["report_to"]),
        deadline_text=deadline.get("text"),
        deadline_due=deadline.get("due"),
        deadline_earliest=deadline.get("earliest"),
        deadline_granularity=deadline.get("granularity"),
        targets=AGENCY_SEPARATOR.join(target["text"] for target in directive["targets"]) or None,
    )
    return row


def _figures_with_directive(record: dict) -> list[tuple[dict, str | None]]:
    """Every figure of the document with the id of the directive it is a target of."""
    owner = {
        (target["start"], target["end"]): directive["id"]
        for directive in record["directives"]
        for target in directive["targets"]
    }
    figures = [
        (figure, owner.get((figure["start"], figure["end"]))) for figure in record["figures"]
    ]
    listed = {(figure["start"], figure["end"]) for figure in record["figures"]}
    figures += [
        (target, directive["id"])
        for directive in record["directives"]
        for target in directive["targets"]
        if (target["start"], target["end"]) not in listed
    ]
    return figures


def _figure_rows(record: dict) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": record["doc_id"],
            "source": record["source"],
            "position": position,
            "directive_id": directive_id,
            **{column: figure.get(column) for column in FIGURE_COLUMNS[4:]},
        }
        for position, (figure, directive_id) in enumerate(_figures_with_directive(record))
    ]


def flat_rows(record: dict) -> dict[str, list[dict[str, Any]]]:
    """A dumped Document as CSV/Parquet rows: ``{"directives": [...], "figures": [...]}``."""
    directives = record["directives"] or [None]
    return {
        "directives": [_directive_row(record, directive) for directive in directives],
        "figures": _figure_rows(record),
    }


# --- formats -----------------------------------------------------------------------


class _Format:
    """How one format turns a document into rows, and rows into files and back."""

    tables: tuple[str, ...]

    def rows(self, record: dict) -> Tables:
        raise NotImplementedError

    def source(self, table: str, row: Row) -> str:
        raise NotImplementedError

    def read(self, out: Path) -> Tables:
        raise NotImplementedError

    def write(self, out: Path, tables: Tables) -> None:
        raise NotImplementedError


class _JsonLines(_Format):
    tables = ("documents",)

    def rows(self, record: dict) -> Tables:
        return {"documents": [(json.dumps(record, ensure_ascii=False),)]}

    def source(self, table: str, row: Row) -> str:
        return json.loads(row[0])["source"]

    def read(self, out: Path) -> Tables:
        with open(out, encoding="utf-8") as handle:
            return {"documents": [(line.rstrip("\n"),) for line in handle if line.strip()]}

    def write(self, out: Path, tables: Tables) -> None:
        write_text_atomic(out, "".join(f"{line}\n" for (line,) in tables["documents"]))


class _JsonArray(_Format):
    tables = ("documents",)

    def rows(self, record: dict) -> Tables:
        return {"documents": [(record,)]}

    def source(self, table: str, row: Row) -> str:
        return row[0]["source"]

    def read(self, out: Path) -> Tables:
        with open(out, encoding="utf-8") as handle:
            records = json.load(handle)
        return {"documents": [(record,) for record in records]}

    def write(self, out: Path, tables: Tables) -> None:
        records = [record for (record,) in tables["documents"]]
        write_text_atomic(out, json.dumps(records, ensure_ascii=False, indent=2) + "\n")


class _Csv(_Format):
    tables = ("directives", "figures")
    columns = _FLAT_COLUMNS

    def rows(self, record: dict) -> Tables:
        return {
            table: [tuple(_csv_cell(row[column]) for column in self.columns[table]) for row in rows]
            for table, rows in flat_rows(record).items()
        }

    def source(self, table: str, row: Row) -> str:
        return row[1]

    def read(self, out: Path) -> Tables:
        tables: Tables = {}
        for table, path in zip(self.tables, (out, figures_path(out, "csv")), strict=True):
            if not path.exists():
                tables[table] = []
                continue
            with open(path, encoding="utf-8", newline="") as handle:
                reader = csv.reader(handle)
                next(reader, None)
                tables[table] = [tuple(row) for row in reader]
        return tables

    def write(self, out: Path, tables: Tables) -> None:
        for table, path in zip(self.tables, (out, figures_path(out, "csv")), strict=True):
            with atomic_open(path) as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(self.columns[table])
                writer.writerows(tables[table])


def _csv_cell(value: Any) -> str:
    return "" if value is None else str(value)


class _Parquet(_Format):
    tables = ("directives", "figures")
    columns = _FLAT_COLUMNS

    def rows(self, record: dict) -> Tables:
        return {
            table: [tuple(row[column] for column in self.columns[table]) for row in rows]
            for table, rows in flat_rows(record).items()
        }

    def source(self, table: str, row: Row) -> str:
        return row[1]

    def read(self, out: Path) -> Tables:
        import pyarrow.parquet as pq

        tables: Tables = {}
        for table, path in zip(self.tables, (out, figures_path(out, "parquet")), strict=True):
            rows = pq.read_table(path).to_pylist() if path.exists() else []
            tables[table] = [tuple(row.get(c) for c in self.columns[table]) for row in rows]
        return tables

    def write(self, out: Path, tables: Tables) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        for table, path in zip(self.tables, (out, figures_path(out, "parquet")), strict=True):
            columns = self.columns[table]
            schema = pa.schema([(column, arrow_type(column)) for column in columns])
            data = pa.Table.from_pylist(
                [dict(zip(columns, row, strict=True)) for row in tables[table]], schema
            )
            with atomic_path(path) as temporary:
                pq.write_table(data, temporary)


def arrow_type(column: str):
    import pyarrow as pa

    if column in _INTEGER_COLUMNS:
        return pa.int64()
    if column in _FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


_SQLITE_SCHEMA = {
    "documents": (
        "doc_id TEXT NOT NULL, source TEXT NOT NULL, schema_version TEXT, title TEXT, "
        "published TEXT, text TEXT NOT NULL, warnings TEXT, PRIMARY KEY (doc_id, source)"
    ),
    "directives": (
        "id TEXT NOT NULL, doc_id TEXT NOT NULL, source TEXT NOT NULL, position INTEGER, "
        "kind TEXT, text TEXT, start INTEGER, end INTEGER, confidence REAL, deadline_text TEXT, "
        "deadline_start INTEGER, deadline_end INTEGER, deadline_due TEXT, "
        "deadline_earliest TEXT, deadline_granularity TEXT, PRIMARY KEY (id, source), "
        "FOREIGN KEY (doc_id, source) REFERENCES documents (doc_id, source)"
    ),
    "agencies": (
        "doc_id TEXT NOT NULL, source TEXT NOT NULL, directive_id TEXT NOT NULL, "
        "role TEXT NOT NULL, position INTEGER NOT NULL, name TEXT, mention TEXT, start INTEGER, "
        "end INTEGER, type TEXT, successor TEXT, "
        "PRIMARY KEY (directive_id, source, role, position), "
        "FOREIGN KEY (directive_id, source) REFERENCES directives (id, source)"
    ),
    "figures": (
        "doc_id TEXT NOT NULL, source TEXT NOT NULL, position INTEGER NOT NULL, "
        "directive_id TEXT, text TEXT, start INTEGER, end INTEGER, value REAL, value_max REAL, "
        "unit TEXT, role TEXT, comparator TEXT, year INTEGER, subject TEXT, whole REAL, "
        "PRIMARY KEY (doc_id, source, position), "
        "FOREIGN KEY (doc_id, source) REFERENCES documents (doc_id, source)"
    ),
}
_SQLITE_INDEXES = (
    "CREATE INDEX directives_deadline ON directives (deadline_due)",
    "CREATE INDEX agencies_name ON agencies (name, role)",
)


class _Sqlite(_Format):
    tables = ("documents", "directives", "agencies", "figures")

    def rows(self, record: dict) -> Tables:
        key = (record["doc_id"], record["source"])
        documents = [
            (
                *key, record["schema_version"], record["title"], record["published"],
                record["text"], json.dumps(record["warnings"], ensure_ascii=False),
            )
        ]  # fmt: skip
        directives, agencies = [], []
        for position, directive in enumerate(record["directives"]):
            deadline = directive["deadline"] or {}
            directives.append(
                (
                    directive["id"], *key, position, directive["kind"], directive["text"],
                    directive["start"], directive["end"], directive["confidence"],
                    *(deadline.get(field) for field in _DEADLINE_FIELDS),
                )
            )  # fmt: skip
            agencies += _agency_rows(key, directive)
        figures = [
            (*key, row["position"], row["directive_id"], *(row[c] for c in FIGURE_COLUMNS[4:]))
            for row in _figure_rows(record)
        ]
        return {"documents": documents, "directives": directives, "agencies": agencies,
                "figures": figures}  # fmt: skip

    def source(self, table: str, row: Row) -> str:
        return row[2] if table == "directives" else row[1]

    def read(self, out: Path) -> Tables:
        try:
            connection = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
            try:
                return {
                    table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                    for table in self.tables
                }
            finally:
                connection.close()
        except sqlite3.Error as error:
            raise OutputError(f"{out}: {error}") from error

    def write(self, out: Path, tables: Tables) -> None:
        with atomic_path(out) as temporary:
            connection = sqlite3.connect(temporary)
            try:
                with connection:
                    for table in self.tables:
                        connection.execute(f"CREATE TABLE {table} ({_SQLITE_SCHEMA[table]})")
                    for index in _SQLITE_INDEXES:
                        connection.execute(index)
                    for table in self.tables:
                        if tables[table]:
                            marks = ", ".join("?" * len(tables[table][0]))
                            connection.executemany(
                                f"INSERT INTO {table} VALUES ({marks})", tables[table]
                            )
            finally:
                connection.close()


_DEADLINE_FIELDS = ("text", "start", "end", "due", "earliest", "granularity")


def _agency_rows(key: tuple[str, str], directive: dict) -> list[Row]:
    issuer = [directive["issuer"]] if directive["issuer"] else []
    by_role = {"issuer": issuer, **{role: directive[role] for role in AGENCY_ROLES[1:]}}
    return [
        (
            *key, directive["id"], role, position, agency["name"], agency["mention"],
            agency["start"], agency["end"], agency["type"], agency.get("successor"),
        )
        for role in AGENCY_ROLES
        for position, agency in enumerate(by_role[role])
    ]  # fmt: skip


_FORMATS: dict[str, _Format] = {
    "jsonl": _JsonLines(),
    "json": _JsonArray(),
    "csv": _Csv(),
    "parquet": _Parquet(),
    "sqlite": _Sqlite(),
}


# --- the incremental output --------------------------------------------------------


class Output:
    """An output file being brought up to date, one Document at a time.

    >>> import tempfile, pathlib
    >>> from directive_extract.models import Document
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> output = Output(out)
    >>> output.add(Document(doc_id="d1", source="a.txt", text="x"), digest="h1")
    >>> output.save(), output.save(), Output(out).manifest
    (True, False, {'a.txt': 'h1'})
    """

    def __init__(self, out: str | os.PathLike[str], fmt: str | None = None) -> None:
        self.path = Path(out)
        self.format = format_for(out, fmt)
        self._writer = _FORMATS[self.format]
        self.manifest: dict[str, str] = _read_manifest(self.path)
        self._units: dict[str, Tables] = self._read_units()
        self._rows_changed = False
        self._manifest_changed = False

    @property
    def files(self) -> tuple[Path, ...]:
        """The data files and the manifest."""
        return output_files(self.path, self.format)

    def add(self, document: Document, digest: str | None = None) -> None:
        """Put ``document`` in place of the earlier record of its source, or append it."""
        tables = self._writer.rows(document.model_dump(mode="json"))
        if self._units.get(document.source) != tables:
            self._units[document.source] = tables
            self._rows_changed = True
        if digest is not None and self.manifest.get(document.source) != digest:
            self.manifest[document.source] = digest
            self._manifest_changed = True

    def save(self) -> bool:
        """Write what changed since the last save, data first, manifest last; True if written.

        A new output is written even when empty, so a run always leaves one.
        """
        if not (self._rows_changed or self._manifest_changed) and self.path.exists():
            return False
        if self._rows_changed or not self.path.exists():
            units = [self._units[source] for source in sorted(self._units, key=source_order)]
            tables = {
                table: [row for unit in units for row in unit[table]]
                for table in self._writer.tables
            }
            self._writer.write(self.path, tables)
        manifest = json.dumps(dict(sorted(self.manifest.items())), ensure_ascii=False, indent=1)
        write_text_atomic(manifest_path(self.path), manifest + "\n")
        self._rows_changed = self._manifest_changed = False
        return True

    def _read_units(self) -> dict[str, Tables]:
        if not self.path.exists():
            return {}
        try:
            tables = self._writer.read(self.path)
        except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
            raise OutputError(f"{self.path}: {error}") from error
        units: dict[str, Tables] = {}
        for table in self._writer.tables:
            for row in tables[table]:
                source = self._writer.source(table, row)
                unit = units.setdefault(source, {name: [] for name in self._writer.tables})
                unit[table].append(row)
        return units


def source_order(source: str) -> tuple[str, int]:
    """The order of records in every output: by source, record ``#n`` by number.

    >>> sorted(["b.txt", "a.jsonl#10", "a.jsonl#9"], key=source_order)
    ['a.jsonl#9', 'a.jsonl#10', 'b.txt']
    """
    base, mark, number = source.rpartition("#")
    if mark and number.isdigit():
        return base, int(number)
    return source, 0


def _read_manifest(out: Path) -> dict[str, str]:
    path = manifest_path(out)
    if not out.exists() or not path.exists():
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return {}
    return (
        {str(key): str(value) for key, value in manifest.items()}
        if isinstance(manifest, dict)
        else {}
    )

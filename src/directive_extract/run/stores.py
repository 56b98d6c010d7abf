"""Where committed batches of records go, one store per output format.

- JSON Lines and CSV: appended to the data files, one ``write`` per batch and file,
  synced before the batch enters the commit log (journal.py).
- JSON (one array): the batches go to a hidden JSON Lines file beside the output,
  and the array is written anew from it, streaming, at the end of a run.
- Parquet: one part file per batch in a folder (``rows.parquet/part-000001.parquet``),
  each written under a hidden name and renamed once complete; pyarrow, pandas,
  polars and DuckDB read the folder as one table.
- SQLite: one transaction per batch, the manifest in the same database.

Records replaced by a later batch (their input changed) are dropped by
:meth:`compact`, which writes new files beside the old ones and swaps them in a
roll-forward order a later run can finish if a kill interrupts it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sqlite3
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

from directive_extract import messages
from directive_extract.errors import OutputError
from directive_extract.run import rows as layouts
from directive_extract.run.journal import CommitLog, atomic_path, write_atomic

Piece = tuple[str, bytes]  # a record's source and its bytes in one data file


def hidden(path: Path, suffix: str) -> Path:
    """A hidden file beside ``path`` (walks of an input folder leave hidden files out)."""
    return path.with_name(f".{path.name}.{suffix}")


# --- appended text files: JSON Lines, CSV ------------------------------------------------


class AppendedFiles:
    """Data files that grow by appending whole batches; the commit log says where each ends."""

    def __init__(self, paths: tuple[Path, ...], log: CommitLog) -> None:
        self.paths, self.log = paths, log

    @property
    def files(self) -> tuple[Path, ...]:
        extra = [hidden(path, "compacting") for path in self.paths]
        return (*self.paths, *extra, self.log.path, hidden(self.log.path, "next"))

    def headers(self) -> list[bytes]:
        return [b"" for _ in self.paths]

    def encode(self, records: list[dict]) -> list[bytes]:
        raise NotImplementedError

    def split(self, index: int, data: bytes) -> Iterable[Piece]:
        raise NotImplementedError

    def create(self) -> None:
        for path, header in zip(self.paths, self.headers(), strict=True):
            write_atomic(path, header)
        self.log.create([len(header) for header in self.headers()])

    def adopt(self, digests: dict[str, str]) -> bool:
        """Take over an output of an older version (one sorted file, a JSON manifest)."""
        headers = self.headers()
        for path, header in zip(self.paths, headers, strict=True):
            if not path.exists() or not path.read_bytes().startswith(header):
                return False
        data = self.paths[0].read_bytes()[len(headers[0]) :]
        found = dict.fromkeys(source for source, _ in self.split(0, data))
        self.log.create([len(header) for header in headers])
        ends = [path.stat().st_size for path in self.paths]
        self.log.append(ends, [(source, digests.get(source)) for source in found])
        return True

    def recover(self) -> None:
        """Finish a compaction a kill interrupted, else drop its leftovers."""
        pending = hidden(self.log.path, "next")
        if pending.exists():
            self._swap_in(pending)
        for path in self.paths:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(hidden(path, "compacting"))

    def cut(self) -> None:
        """Cut off what lies past the last committed batch (a batch a kill interrupted)."""
        for path, end in zip(self.paths, self.log.ends[-1], strict=True):
            size = path.stat().st_size if path.exists() else -1
            if size < end:
                detail = messages.SHORTER_THAN_COMMITTED.format(size=max(size, 0), end=end)
                raise OutputError(messages.OUTPUT_MISMATCH.format(path=path, detail=detail))
            if size > end:
                os.truncate(path, end)

    def append(self, records: list[dict]) -> list[int]:
        ends = []
        for path, data in zip(self.paths, self.encode(records), strict=True):
            with open(path, "ab") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
                ends.append(handle.tell())
        return ends

    def compact(self) -> None:
        """Copy every batch to new files, without the records a later batch replaced."""
        log = self.log
        new_ends = [log.ends[0]]
        targets = [hidden(path, "compacting") for path in self.paths]
        with contextlib.ExitStack() as stack:
            sources = [stack.enter_context(open(path, "rb")) for path in self.paths]
            copies = [stack.enter_context(open(path, "wb")) for path in targets]
            for source, copy, end in zip(sources, copies, log.ends[0], strict=True):
                copy.write(source.read(end))
            for number in range(1, log.batches + 1):
                for index, (source, copy) in enumerate(zip(sources, copies, strict=True)):
                    data = source.read(log.ends[number][index] - log.ends[number - 1][index])
                    if number in log.stale_batches:
                        pieces = self.split(index, data)
                        data = b"".join(b for s, b in pieces if log.keeps(s, number))
                    copy.write(data)
                new_ends.append([copy.tell() for copy in copies])
            for copy in copies:
                copy.flush()
                os.fsync(copy.fileno())
        pending = hidden(log.path, "next")
        write_atomic(pending, log.compacted(new_ends))
        self._swap_in(pending)
        log.load()

    def _swap_in(self, pending: Path) -> None:
        for path in self.paths:
            if hidden(path, "compacting").exists():
                os.replace(hidden(path, "compacting"), path)
        os.replace(pending, self.log.path)

    def finish(self, changed: bool) -> None:
        """Nothing to do once the batches are appended."""

    def remove(self) -> None:
        for path in self.files:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)


class JsonLinesFile(AppendedFiles):
    def encode(self, records: list[dict]) -> list[bytes]:
        return [b"".join(_json_line(record) for record in records)]

    def split(self, index: int, data: bytes) -> Iterable[Piece]:
        for line in data.splitlines(keepends=True):
            yield json.loads(line)["source"], line


def _json_line(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class CsvFiles(AppendedFiles):
    """Directives and figures as two CSV files, with their header rows."""

    tables = ("directives", "figures")

    def headers(self) -> list[bytes]:
        return [_csv_bytes([layouts.FLAT_COLUMNS[table]]) for table in self.tables]

    def encode(self, records: list[dict]) -> list[bytes]:
        rows: dict[str, list] = {table: [] for table in self.tables}
        for record in records:
            for table, flat in layouts.flat_rows(record).items():
                columns = layouts.FLAT_COLUMNS[table]
                rows[table] += [[layouts.csv_cell(row[c]) for c in columns] for row in flat]
        return [_csv_bytes(rows[table]) for table in self.tables]

    def split(self, index: int, data: bytes) -> Iterable[Piece]:
        for row in csv.reader(io.StringIO(data.decode("utf-8"), newline="")):
            yield row[1], _csv_bytes([row])


def _csv_bytes(rows: Iterable[Iterable[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


class JsonArrayFile(JsonLinesFile):
    """The records kept as hidden JSON Lines; the array is written from them at the end."""

    def __init__(self, out: Path, log: CommitLog) -> None:
        super().__init__((hidden(out, "records.jsonl"),), log)
        self.out = out

    @property
    def files(self) -> tuple[Path, ...]:
        return (self.out, *super().files)

    def finish(self, changed: bool) -> None:
        if not changed and self.out.exists():
            return
        with atomic_path(self.out) as temporary, open(temporary, "w", encoding="utf-8") as out:
            out.write("[")
            separator = "\n"
            with open(self.paths[0], encoding="utf-8") as records:
                for line in records:
                    text = json.dumps(json.loads(line), ensure_ascii=False, indent=2)
                    out.write(separator + textwrap.indent(text, "  "))
                    separator = ",\n"
            out.write("\n]\n" if separator == ",\n" else "]\n")
            out.flush()
            os.fsync(out.fileno())


# --- Parquet parts ----------------------------------------------------------------------


class ParquetParts:
    """Two folders of Parquet parts, directives and figures, one part per batch."""

    tables = ("directives", "figures")

    def __init__(self, folders: tuple[Path, Path], log: CommitLog) -> None:
        self.folders, self.log = folders, log

    @property
    def files(self) -> tuple[Path, ...]:
        return (*self.folders, self.log.path)

    def create(self) -> None:
        for folder in self.folders:
            if folder.exists() and not folder.is_dir():
                raise OutputError(messages.OUTPUT_MISMATCH.format(path=folder, detail="a file"))
            folder.mkdir(parents=True, exist_ok=True)
        self.log.create([])

    def recover(self) -> None:
        """Parts are renamed into place whole, and compaction rewrites them one by one."""

    def cut(self) -> None:
        """Remove the parts (and their temporaries) of batches past the last committed one."""
        for folder in self.folders:
            for path in folder.iterdir():
                number = _part_number(path)
                if number is None or number > self.log.batches:
                    path.unlink()

    def append(self, records: list[dict]) -> list[int]:
        number = self.log.batches + 1
        for table, folder in zip(self.tables, self.folders, strict=True):
            flat = [row for record in records for row in layouts.flat_rows(record)[table]]
            self._write(folder / _part_name(number), table, flat)
        return []

    def _write(self, path: Path, table: str, flat: list[dict]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = layouts.FLAT_COLUMNS[table]
        schema = pa.schema([(column, layouts.arrow_type(column)) for column in columns])
        data = pa.Table.from_pylist([{c: row[c] for c in columns} for row in flat], schema)
        with atomic_path(path) as temporary:
            pq.write_table(data, temporary)

    def compact(self) -> None:
        """Rewrite the parts holding replaced records, each whole; a re-run redoes what is left."""
        import pyarrow.parquet as pq

        for number in sorted(self.log.stale_batches):
            for table, folder in zip(self.tables, self.folders, strict=True):
                path = folder / _part_name(number)
                flat = pq.read_table(path).to_pylist()
                kept = [row for row in flat if self.log.keeps(row["source"], number)]
                self._write(path, table, kept)
        write_atomic(self.log.path, self.log.compacted([[]] * (self.log.batches + 1)))
        self.log.settle()

    def finish(self, changed: bool) -> None:
        """Every part is in place once committed."""

    def remove(self) -> None:
        import shutil

        for folder in self.folders:
            if folder.is_dir():
                shutil.rmtree(folder)
            elif folder.exists():
                folder.unlink()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.log.path)


def _part_name(number: int) -> str:
    return f"part-{number:06d}.parquet"


def _part_number(path: Path) -> int | None:
    stem = path.name.removeprefix("part-").removesuffix(".parquet")
    if path.name.startswith("part-") and path.suffix == ".parquet" and stem.isdigit():
        return int(stem)
    return None


# --- SQLite -----------------------------------------------------------------------------


class SqliteDatabase:
    """A database open for the run; a batch replaces its sources' rows in one transaction."""

    tables = ("documents", "directives", "agencies", "figures")

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None
        self.known: dict[str, str] = {}

    @property
    def files(self) -> tuple[Path, ...]:
        return (self.path, Path(f"{self.path}-journal"))

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.connection = sqlite3.connect(self.path)
            with self.connection:
                for table in self.tables:
                    schema = layouts.SQLITE_SCHEMA[table]
                    self.connection.execute(f"CREATE TABLE IF NOT EXISTS {table} ({schema})")
                self.connection.execute(
                    "CREATE TABLE IF NOT EXISTS manifest (source TEXT PRIMARY KEY, digest TEXT)"
                )
                for index in layouts.SQLITE_INDEXES:
                    self.connection.execute(index)
            self.known = dict(self.connection.execute("SELECT source, digest FROM manifest"))
            if not self.known and (old := read_old_manifest(self.path)):
                with self.connection:
                    self.connection.executemany("INSERT INTO manifest VALUES (?, ?)", old.items())
                self.known = old
        except sqlite3.Error as error:
            self.close()
            raise OutputError(f"{self.path}: {error}") from error

    def commit(self, batch: list[tuple[dict, str | None]]) -> None:
        assert self.connection is not None
        with self.connection:
            for record, digest in batch:
                source = record["source"]
                for table in self.tables:
                    self.connection.execute(f"DELETE FROM {table} WHERE source = ?", (source,))
                for table, rows in layouts.sqlite_rows(record).items():
                    if rows:
                        marks = ", ".join("?" * len(rows[0]))
                        self.connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
                self.connection.execute(
                    "INSERT OR REPLACE INTO manifest VALUES (?, ?)", (source, digest)
                )
                if digest is not None:
                    self.known[source] = digest

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def remove(self) -> None:
        for path in self.files:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)


def old_manifest_path(out: Path) -> Path:
    """Where versions before the commit log kept each source's SHA-256."""
    return Path(f"{out}.manifest.json")


def read_old_manifest(out: Path) -> dict[str, str]:
    """The manifest an older version left beside ``out``; empty when none can be read."""
    try:
        with open(old_manifest_path(out), encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in manifest.items()} if isinstance(manifest, dict) else {}


#: The store of each format that goes through a commit log.
LOGGED: dict[str, Callable[[Path, CommitLog], AppendedFiles | ParquetParts]] = {
    "jsonl": lambda out, log: JsonLinesFile((out,), log),
    "json": JsonArrayFile,
    "csv": lambda out, log: CsvFiles((out, layouts_figures(out, "csv")), log),
    "parquet": lambda out, log: ParquetParts((out, layouts_figures(out, "parquet")), log),
}


def layouts_figures(out: Path, fmt: str) -> Path:
    """The second file (or folder) of a CSV or Parquet output, one row per figure."""
    return Path(f"{out.with_suffix('')}.figures.{fmt}")

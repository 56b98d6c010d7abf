"""Writing Documents as JSON Lines, JSON, CSV, Parquet or SQLite, a batch at a time.

An :class:`Output` holds at most one batch of records in memory
(:data:`BATCH_DOCUMENTS`) and commits it to disk: JSON Lines and CSV appended,
Parquet as one more part file, SQLite in one transaction (stores.py).  Memory
of a run stays flat whatever the archive's size.

What "atomic" means here: each batch is committed whole or not at all.  A run
killed at any point keeps every batch committed before the kill; the batch it
was writing (if any: a kill inside a ``write``) is cut off by the next run,
which extracts its inputs again.  The commit log ``OUT.manifest.jsonl``
(journal.py; a ``manifest`` table for SQLite) maps each source to the SHA-256
of its input, so a re-run skips what is already there and ends with every
input exactly once.  An input that changed gets a new record in a later batch;
the stale one is dropped at the end of the run (compaction), or by the next
run if this one is killed first.  ``force`` removes the output and starts anew.

Records are in the order they were extracted: input order on a fresh run;
inputs new or changed since the last run come after the others.

Layouts (rows.py): ``jsonl`` one Document per line; ``json`` one array of
Documents; ``csv`` one row per directive, figures in ``<out>.figures.csv``;
``parquet`` the same rows as part files in the folders ``<out>`` and
``<out>.figures.parquet``; ``sqlite`` normalised tables.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from directive_extract import messages
from directive_extract.errors import OutputError
from directive_extract.models import Document
from directive_extract.run import stores
from directive_extract.run.journal import CommitLog
from directive_extract.run.rows import (  # noqa: F401  (the names notebooks import from here)
    AGENCY_SEPARATOR,
    DIRECTIVE_COLUMNS,
    FIGURE_COLUMNS,
    arrow_type,
    flat_rows,
)

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
#: Documents per committed batch.
BATCH_DOCUMENTS = 64
#: What of a document's full text goes into its record.
TEXT_CHOICES = ("full", "none")


def format_for(path: str | os.PathLike[str] | None, name: str | None = None) -> str:
    """The output format: ``name`` when given, else told by the suffix; JSON Lines on stdout.

    >>> format_for("out.parquet"), format_for("out.db"), format_for(None), format_for("x", "csv")
    ('parquet', 'sqlite', 'jsonl', 'csv')
    """
    if name:
        if name not in FORMATS:
            choices = ", ".join(FORMATS)
            raise OutputError(messages.UNKNOWN_FORMAT.format(name=name, choices=choices))
        return name
    if path is None:
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        choices = ", ".join(_SUFFIX_FORMATS)
        raise OutputError(
            messages.UNKNOWN_SUFFIX.format(path=path, suffix=suffix or "no", choices=choices)
        )
    return _SUFFIX_FORMATS[suffix]


def manifest_path(out: str | os.PathLike[str]) -> Path:
    """The commit log beside an output: each committed batch and its sources' SHA-256."""
    return Path(f"{out}.manifest.jsonl")


def output_files(out: str | os.PathLike[str], fmt: str) -> tuple[Path, ...]:
    """Every file and folder an output at ``out`` consists of, hidden ones included."""
    if fmt == "sqlite":
        return stores.SqliteDatabase(Path(out)).files
    return stores.LOGGED[fmt](Path(out), CommitLog(manifest_path(out), fmt)).files


def document_line(document: Document, text: str = "full") -> str:
    """One Document as a JSON Lines line (no newline), as every writer serialises it."""
    return json.dumps(document_record(document, text), ensure_ascii=False)


def document_record(document: Document, text: str = "full") -> dict:
    """The record of a Document; ``text="none"`` leaves its full text out (an empty string)."""
    record = document.model_dump(mode="json")
    if text == "none":
        record["text"] = ""
    return record


class Output:
    """An output being brought up to date, one batch of Documents at a time.

    >>> import tempfile, pathlib
    >>> from directive_extract.models import Document
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> output = Output(out)
    >>> output.add(Document(doc_id="d1", source="a.txt", text="x"), digest="h1")
    >>> output.close()
    >>> output.committed, Output(out).manifest
    (1, {'a.txt': 'h1'})
    """

    def __init__(
        self,
        out: str | os.PathLike[str],
        fmt: str | None = None,
        *,
        force: bool = False,
        text: str = "full",
        batch_documents: int = BATCH_DOCUMENTS,
    ) -> None:
        self.path = Path(out)
        self.format = format_for(out, fmt)
        if text not in TEXT_CHOICES:
            raise OutputError(messages.UNKNOWN_TEXT.format(name=text))
        self.text, self.batch_documents = text, max(batch_documents, 1)
        #: documents committed by this run
        self.committed = 0
        self._pending: dict[str, tuple[dict, str | None]] = {}
        self._database: stores.SqliteDatabase | None = None
        self._log: CommitLog | None = None
        self._store = None
        try:
            self._open(force)
        except OSError as error:
            reason = error.strerror or str(error)
            raise OutputError(messages.CANNOT_WRITE.format(path=self.path, reason=reason)) from None

    def _open(self, force: bool) -> None:
        if self.path.is_dir() and self.format != "parquet":
            raise OutputError(messages.CANNOT_WRITE.format(path=self.path, reason="a folder"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.format == "sqlite":
            self._database = stores.SqliteDatabase(self.path)
            if force:
                self._database.remove()
            self._database.open()
            return
        self._log = CommitLog(manifest_path(self.path), self.format)
        self._store = stores.LOGGED[self.format](self.path, self._log)
        if force:
            self._store.remove()
        self._store.recover()
        if self._log.exists():
            self._log.load()
            self._store.cut()
            if self._log.stale_batches:
                self._store.compact()
        elif not self._holds_data():
            self._store.create()
        elif not self._adopted():
            raise OutputError(messages.NOT_OUR_OUTPUT.format(path=self.path))

    def _adopted(self) -> bool:
        """True when an older version's JSON Lines or CSV output was taken over."""
        old = stores.read_old_manifest(self.path)
        adopt = getattr(self._store, "adopt", None)
        if not old or adopt is None or self.format == "json" or not adopt(old):
            return False
        stores.old_manifest_path(self.path).unlink()
        return True

    def _holds_data(self) -> bool:
        """True when something is at the output's place that no commit log accounts for."""
        path = self.path
        if path.is_dir():
            return any(path.iterdir())
        return path.exists() and path.stat().st_size > 0

    @property
    def manifest(self) -> dict[str, str]:
        """Source -> SHA-256 of its input, for every committed record."""
        return self._database.known if self._database is not None else self._log.known

    @property
    def files(self) -> tuple[Path, ...]:
        """The data files, folders and sidecars of this output."""
        return output_files(self.path, self.format)

    def add(self, document: Document, digest: str | None = None) -> None:
        """Queue ``document`` (replacing its source's earlier record); commit a full batch."""
        self._pending[document.source] = (document_record(document, self.text), digest)
        if len(self._pending) >= self.batch_documents:
            self.commit()

    def commit(self) -> int:
        """Write the queued documents as one batch; the number written."""
        batch = list(self._pending.values())
        if not batch:
            return 0
        if self._database is not None:
            self._database.commit(batch)
        else:
            ends = self._store.append([record for record, _ in batch])
            self._log.append(ends, [(record["source"], digest) for record, digest in batch])
        self._pending.clear()
        self.committed += len(batch)
        return len(batch)

    def close(self) -> None:
        """Commit what is queued, drop records that later ones replaced, finish the files."""
        try:
            self.commit()
            if self._log is not None and self._log.stale_batches:
                self._store.compact()
            if self._store is not None:
                self._store.finish(self.committed > 0)
        finally:
            if self._database is not None:
                self._database.close()


def source_order(source: str) -> tuple[str, int]:
    """A sort key for sources: by name, record ``#n`` by number.

    >>> sorted(["b.txt", "a.jsonl#10", "a.jsonl#9"], key=source_order)
    ['a.jsonl#9', 'a.jsonl#10', 'b.txt']
    """
    base, mark, number = source.rpartition("#")
    if mark and number.isdigit():
        return base, int(number)
    return source, 0

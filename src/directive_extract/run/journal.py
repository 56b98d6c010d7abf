"""The commit log of an output: which batches of records are complete, and what they hold.

Beside an output ``OUT`` (every format but SQLite, which keeps the same facts in
its own ``manifest`` table), ``OUT.manifest.jsonl`` holds a header line, then one
line per committed batch, appended once the batch's records are on disk::

    {"format": "jsonl", "version": 1, "ends": [0]}
    {"batch": 1, "ends": [48213], "sources": [["a.txt", "<sha256 of a.txt>"], ...]}

``ends`` are the sizes of the data files once the batch is written (Parquet
writes one part per batch and needs none).  What lies past the last committed
``ends`` is a batch that a kill interrupted: the next run cuts it off and
extracts its inputs again.  A source that a later batch holds again (its input
changed) has a stale record in the earlier batch; :attr:`CommitLog.stale_batches`
says which batches a compaction must filter.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from directive_extract import messages
from directive_extract.errors import OutputError

LOG_VERSION = 1


class CommitLog:
    """The committed batches of one output, read back in memory as a few maps.

    Memory grows with the number of sources (a source and a digest each), never
    with the records themselves.
    """

    def __init__(self, path: Path, fmt: str) -> None:
        self.path = path
        self.format = fmt
        #: source -> SHA-256 of its input, as last committed
        self.known: dict[str, str] = {}
        #: source -> number of the last batch holding it
        self.last_batch: dict[str, int] = {}
        #: data file sizes after each batch; index 0 is the empty output (headers only)
        self.ends: list[list[int]] = []
        self.stale_batches: set[int] = set()

    @property
    def batches(self) -> int:
        return len(self.ends) - 1

    def exists(self) -> bool:
        return self.path.exists()

    def create(self, header_ends: list[int]) -> None:
        """A new log holding only its header."""
        header = {"format": self.format, "version": LOG_VERSION, "ends": header_ends}
        write_atomic(self.path, _line(header))
        self.known, self.last_batch, self.ends, self.stale_batches = {}, {}, [header_ends], set()

    def load(self) -> None:
        """Read the committed batches; a torn last line (a kill while appending) is cut off."""
        good = 0
        with open(self.path, "rb") as handle:
            for number, raw in enumerate(handle):
                entry = _parse(raw)
                if entry is None:
                    break
                if number == 0:
                    self._header(entry)
                else:
                    self._remember(entry)
                good += len(raw)
        if not self.ends:
            raise OutputError(messages.BAD_MANIFEST.format(path=self.path))
        if good != self.path.stat().st_size:
            os.truncate(self.path, good)

    def _header(self, entry: dict) -> None:
        if entry.get("version") != LOG_VERSION or entry.get("format") != self.format:
            detail = f"written as {entry.get('format')!r}, not {self.format!r}"
            raise OutputError(messages.OUTPUT_MISMATCH.format(path=self.path, detail=detail))
        self.ends = [list(entry["ends"])]

    def _remember(self, entry: dict) -> None:
        number = entry["batch"]
        self.ends.append(list(entry["ends"]))
        for source, digest in entry["sources"]:
            earlier = self.last_batch.get(source)
            if earlier is not None and earlier != number:
                self.stale_batches.add(earlier)
            self.last_batch[source] = number
            if digest is not None:
                self.known[source] = digest
            else:
                self.known.pop(source, None)

    def append(self, ends: list[int], pairs: list[tuple[str, str | None]]) -> None:
        """Record one batch as committed: call once its data is on disk."""
        number = self.batches + 1
        with open(self.path, "ab") as handle:
            handle.write(_line({"batch": number, "ends": ends, "sources": pairs}))
            handle.flush()
            os.fsync(handle.fileno())
        self._remember({"batch": number, "ends": ends, "sources": pairs})

    def keeps(self, source: str, batch: int) -> bool:
        """True when the record of ``source`` found in ``batch`` is its latest one."""
        return self.last_batch.get(source) == batch

    def entries(self) -> Iterator[dict]:
        """The committed batch lines, read again from disk one at a time."""
        with open(self.path, "rb") as handle:
            next(handle, None)
            for raw in handle:
                entry = _parse(raw)
                if entry is None:
                    return
                yield entry

    def compacted(self, new_ends: list[list[int]]) -> bytes:
        """The log once stale records are dropped: same batches, latest sources, new ``ends``."""
        header = {"format": self.format, "version": LOG_VERSION, "ends": new_ends[0]}
        lines = [_line(header)]
        for entry in self.entries():
            number = entry["batch"]
            sources = [pair for pair in entry["sources"] if self.keeps(pair[0], number)]
            lines.append(_line({"batch": number, "ends": new_ends[number], "sources": sources}))
        return b"".join(lines)

    def settle(self) -> None:
        """Forget the stale batches once a compaction has dropped their stale records."""
        self.stale_batches = set()


def _line(entry: dict) -> bytes:
    return (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")


def _parse(raw: bytes) -> dict | None:
    if not raw.endswith(b"\n"):
        return None
    try:
        entry = json.loads(raw)
    except ValueError:
        return None
    return entry if isinstance(entry, dict) else None


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


def write_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` in one step, synced to disk first."""
    with atomic_path(target) as temporary, open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())

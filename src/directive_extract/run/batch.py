"""Running the pipeline over many inputs: folders, filters, worker processes, dask.

:func:`iter_results` is the engine: it walks the inputs in a fixed order, reads
and hashes each one in the calling process, extracts it in-process, in a pool of
worker processes (``workers > 1``) or on a dask.distributed cluster
(``scheduler="tcp://host:port"`` or ``"local"``), and yields one :class:`Result`
per input *in input order*, whatever the number of workers.  At most a few
inputs per worker are in flight, so memory stays flat on any corpus.  Inputs
travel as bytes, so remote workers need no shared file system.

A failing input never stops the batch: it comes back as a ``failed`` Result with
the reason in words.  :func:`run` adds the output file (``writers.Output``), the
incremental skip of unchanged inputs, and the closing :class:`Summary`;
``command.cli_extract`` is the ``extract`` command around it, ``cluster`` the dask part.
"""

from __future__ import annotations

import ast
import contextlib
import fnmatch
import hashlib
import json
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from directive_extract import messages
from directive_extract.errors import (
    OutputError,
    RunInterrupted,
    WorkerStartError,
)
from directive_extract.models import Document
from directive_extract.read.files import (
    RECORD_SUFFIXES,
    SUFFIXES,
    InputError,
    LoadedText,
    Unsupported,
    iter_records,
    read_bytes,
)
from directive_extract.run import writers
from directive_extract.run.work import (  # noqa: F401  (Result and Status are this module's API)
    IN_FLIGHT_PER_WORKER,
    Result,
    Status,
    _start_worker,
    _Task,
    _TimeLimit,
    _within,
    _work,
)

logger = logging.getLogger("directive_extract")

PathArg = str | os.PathLike[str]
#: Seconds after which the documents extracted so far are committed, even short of a batch.
COMMIT_SECONDS = 30.0
#: Files that sit beside inputs but are no inputs: gold annotations, commit logs, manifests.
#: Walks of a folder leave them out; a file named on its own is read.
NOT_INPUTS = ("*.gold.json", "*.manifest.json", "*.manifest.jsonl")


@dataclass(slots=True)
class Summary:
    """Counts of one run, for the closing line."""

    documents: int = 0
    directives: int = 0
    deadlines: int = 0
    figures: int = 0
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    unreadable_skips: int = 0
    lines: list[str] = field(default_factory=list)

    def count(self, result: Result) -> None:
        if result.status == "ok" and result.document is not None:
            document = result.document
            self.ok += 1
            self.documents += 1
            self.directives += len(document.directives)
            self.deadlines += sum(1 for d in document.directives if d.deadline is not None)
            self.figures += len(document.figures)
        elif result.status == "skipped":
            self.skipped += 1
            self.unreadable_skips += result.reason != messages.UNCHANGED
        else:
            self.failed += 1

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        counts = {
            name: getattr(self, name)
            for name in ("documents", "directives", "deadlines", "figures", "ok", "skipped")
        }
        return messages.SUMMARY.format(
            **counts, failed=self.failed, seconds=self.seconds, rate=self.rate
        )


# --- inputs ------------------------------------------------------------------------


def iter_inputs(
    paths: PathArg | Iterable[PathArg],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    ignore: Iterable[PathArg] = (),
) -> Iterator[Path]:
    """Files under ``paths`` in a fixed order: arguments as given, folders walked sorted.

    A glob in ``include``/``exclude`` matches a file's name or its path relative to
    the folder given (``*`` crosses ``/``).  Hidden files and folders are left out of
    walks, and so are the files of :data:`NOT_INPUTS` (gold files, commit logs); a path
    given that does not exist is still yielded, so reading it reports it.
    ``ignore`` lists files never to yield (an output inside the input folder).
    """
    include, exclude = tuple(include), tuple(exclude)
    seen = {Path(path).resolve() for path in ignore}
    for root in _as_paths(paths):
        walked = root.is_dir()
        candidates = _walk(root) if walked else [(root, root.name)]
        for path, relative in candidates:
            if not _selected(path.name, relative, include, exclude):
                continue
            if walked and not _selected(path.name, relative, (), NOT_INPUTS):
                continue
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield path


def _as_paths(paths: PathArg | Iterable[PathArg]) -> list[Path]:
    if isinstance(paths, str | os.PathLike):
        return [Path(paths)]
    return [Path(path) for path in paths]


def _walk(root: Path) -> list[tuple[Path, str]]:
    found = []
    for folder, folders, names in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            if not name.startswith("."):
                path = Path(folder, name)
                found.append((path, path.relative_to(root).as_posix()))
    return sorted(found, key=lambda item: item[1])


def _selected(name: str, relative: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    """
    >>> _selected("a.txt", "x/a.txt", ("*.txt",), ("x/*",)), _selected("a.txt", "a.txt", (), ())
    (False, True)
    """

    def matches(patterns: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)

    return (not include or matches(include)) and not matches(exclude)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _record_digest(loaded: LoadedText) -> str:
    fields = [loaded.text, loaded.title, loaded.published]
    return _digest(json.dumps(fields, ensure_ascii=False).encode("utf-8"))


def _tasks(
    files: Iterable[Path], text_field: str, known: Mapping[str, str], force: bool
) -> Iterator[_Task | Result]:
    """Each input read and hashed: a task for a worker, or a Result decided already."""
    for path in files:
        source = str(path)
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            reason = messages.UNSUPPORTED_TYPE.format(suffix=suffix or path.name)
            yield Result(source, "skipped", reason=reason)
            continue
        try:
            data = read_bytes(path)
        except InputError as error:
            yield Result(source, "failed", reason=error.reason)
            continue
        if suffix in RECORD_SUFFIXES:
            yield from _record_tasks(data, source, text_field, known, force)
        else:
            yield _unless_known(_Task(source, _digest(data), data=data), known, force)


def _record_tasks(
    data: bytes, name: str, text_field: str, known: Mapping[str, str], force: bool
) -> Iterator[_Task | Result]:
    for source, loaded in iter_records(data, name, text_field):
        if isinstance(loaded, InputError):
            status: Status = "skipped" if isinstance(loaded, Unsupported) else "failed"
            yield Result(source, status, reason=loaded.reason)
        else:
            task = _Task(source, _record_digest(loaded), loaded=loaded)
            yield _unless_known(task, known, force)


def _unless_known(task: _Task, known: Mapping[str, str], force: bool) -> _Task | Result:
    if not force and known.get(task.source) == task.digest:
        return Result(task.source, "skipped", reason=messages.UNCHANGED, digest=task.digest)
    return task


# --- running many inputs -----------------------------------------------------------


def iter_results(
    paths: PathArg | Iterable[PathArg],
    workers: int = 1,
    scheduler: str | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    text_field: str = "text",
    timeout: float | None = None,
    known: Mapping[str, str] | None = None,
    force: bool = False,
    ignore: Iterable[PathArg] = (),
) -> Iterator[Result]:
    """One Result per input, in input order, extracted lazily.

    ``known`` maps sources to the SHA-256 of their input at the last run: an input
    whose hash is unchanged is skipped unless ``force``.
    """
    if scheduler == "local" or workers > 1 or timeout:
        check_main_guard()
    files = iter_inputs(paths, include, exclude, ignore)
    items = _tasks(files, text_field, known or {}, force)
    if scheduler:
        from directive_extract.run.cluster import on_dask

        return on_dask(items, scheduler, max(workers, 1), timeout)
    if workers > 1 or timeout:
        # a time limit stops an extraction half-way: in a worker process that is then
        # replaced, never in the caller's own process
        return _in_pool(items, max(workers, 1), timeout)
    return (item if isinstance(item, Result) else _work(item, timeout) for item in items)


def check_main_guard() -> None:
    """Refuse to start worker processes that would run the calling script again.

    Worker processes are started fresh ("spawn"), and each imports the script that
    runs the batch: without ``if __name__ == "__main__":`` that import calls the
    batch again and every worker dies.  Scripts that have the guard, ``python -m``
    modules with one, notebooks and the console command pass.
    """
    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None)
    if not script:
        return
    try:
        tree = ast.parse(Path(script).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return
    if not any(_is_main_test(node.test) for node in tree.body if isinstance(node, ast.If)):
        raise WorkerStartError(messages.NO_MAIN_GUARD.format(script=script))


def _is_main_test(test: ast.expr) -> bool:
    names = {node.id for node in ast.walk(test) if isinstance(node, ast.Name)}
    texts = {node.value for node in ast.walk(test) if isinstance(node, ast.Constant)}
    return "__name__" in names and "__main__" in texts


def extract_folder(
    path_or_paths: PathArg | Iterable[PathArg],
    workers: int = 1,
    scheduler: str | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    text_field: str = "text",
    timeout: float | None = None,
) -> Iterator[Document]:
    """Documents of every readable input under ``path_or_paths``, lazily, in input order.

    Inputs that are skipped or fail are logged (logger ``directive_extract``) as
    ``source: reason`` and the batch goes on; use :func:`iter_results` to get them.
    """
    for result in iter_results(
        path_or_paths, workers, scheduler, include, exclude, text_field, timeout
    ):
        if result.document is not None:
            yield result.document
        else:
            logger.warning(result.line())


def _in_pool(items: Iterator[_Task | Result], workers: int, timeout: float | None):
    """Results from a pool of worker processes, in order, a few inputs per worker in flight."""
    window = workers * IN_FLIGHT_PER_WORKER
    pool = _new_pool(workers)
    pending: deque[tuple[_Task | Result, Future | None]] = deque()
    try:
        for item in items:
            future = None if isinstance(item, Result) else pool.submit(_work, item, timeout)
            pending.append((item, future))
            while len(pending) >= window:
                results, pool = _settle(pending, pool, workers, timeout)
                yield from results
        while pending:
            results, pool = _settle(pending, pool, workers, timeout)
            yield from results
    except BaseException:  # Ctrl-C, or the consumer stopped early: nothing more to wait for
        _stop_pool(pool)
        raise
    pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    context = get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)


def _settle(pending: deque, pool: ProcessPoolExecutor, workers: int, timeout: float | None):
    """The oldest result, or, when a worker died, the results of every input in flight.

    A dead worker breaks the whole pool, so which input killed it is unknown: the
    inputs in flight are run again one at a time in a new pool, and only the one
    that kills its worker alone fails.  A worker stopped by the time limit may hold
    half-updated state: its pool is replaced and the inputs in flight run again there.
    """
    item, future = pending.popleft()
    if future is None:
        return [item], pool
    try:
        result = future.result()
    except BrokenProcessPool:
        suspects = [item, *(entry for entry, _ in pending)]
        pending.clear()
    else:
        if result.timed_out:
            pool = _replace_pool(pool, pending, workers, timeout)
        return [result], pool
    _stop_pool(pool)
    pool = _new_pool(workers)
    results = []
    for suspect in suspects:
        if isinstance(suspect, Result):
            results.append(suspect)
            continue
        try:
            results.append(pool.submit(_work, suspect, timeout).result())
        except BrokenProcessPool as error:
            reason = messages.WORKER_DIED.format(detail=error)
            results.append(Result(suspect.source, "failed", reason=reason, digest=suspect.digest))
            _stop_pool(pool)
            pool = _new_pool(workers)
    return results, pool


def _replace_pool(pool: ProcessPoolExecutor, pending: deque, workers: int, timeout):
    """A new pool in place of ``pool``, the inputs still pending submitted to it again."""
    _stop_pool(pool)
    pool = _new_pool(workers)
    entries = [entry for entry, _ in pending]
    pending.clear()
    for entry in entries:
        future = None if isinstance(entry, Result) else pool.submit(_work, entry, timeout)
        pending.append((entry, future))
    return pool


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what waits, end the worker processes now (a stuck one would hold the exit).

    The exit must not wait either for the queue's feeder thread, which a killed worker
    can leave blocked on a full pipe with the inputs still queued to it, nor for the
    pool's manager thread, which a worker killed while sending its result leaves
    reading the rest of that message: once this process closes its own copy of the
    results pipe's write end, the dead workers' copies were the last, and the read ends.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        call_queue.cancel_join_thread()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    results_writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if results_writer is not None:
        with contextlib.suppress(Exception):
            results_writer.close()


# --- a run with an output ----------------------------------------------------------


def run(
    paths: PathArg | Iterable[PathArg],
    out: PathArg | None = None,
    fmt: str | None = None,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    text_field: str = "text",
    force: bool = False,
    timeout: float | None = None,
    text: str = "full",
    batch_documents: int = writers.BATCH_DOCUMENTS,
    on_result: Callable[[Result], None] | None = None,
    stream=None,
    commit_seconds: float = COMMIT_SECONDS,
) -> Summary:
    """Extract ``paths`` into ``out`` (or JSON Lines/JSON on ``stream``) and count the results.

    Everything a user can get wrong is checked before the first extraction: the
    output's format and place, the inputs named, the script's main guard.  With
    ``out`` the run is incremental: inputs whose hash is in the output's commit
    log are skipped unless ``force`` (which writes the output anew).  Records are
    committed in batches of ``batch_documents`` (or every ``commit_seconds``), so
    a killed run keeps every batch committed before (writers.py).  Ctrl-C
    commits what is extracted, then raises :class:`RunInterrupted`.
    """
    fmt = writers.format_for(out, fmt)
    if out is None and fmt not in ("jsonl", "json"):
        raise OutputError(messages.OUTPUT_NEEDS_FILE.format(name=fmt))
    check_inputs(paths)
    if scheduler == "local" or workers > 1 or timeout:
        check_main_guard()
    summary = Summary()
    started = time.perf_counter()
    if out is None:
        sink = _Streamer(stream or sys.stdout, fmt, text)
    else:
        sink = writers.Output(out, fmt, force=force, text=text, batch_documents=batch_documents)
    output = sink if isinstance(sink, writers.Output) else None
    results = iter_results(
        paths, workers, scheduler, include, exclude, text_field, timeout,
        known=output.manifest if output else None, force=force,
        ignore=output.files if output else (),
    )  # fmt: skip
    interrupted = False
    try:
        _consume(results, summary, sink, on_result, commit_seconds)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        sink.close()
    if interrupted:
        raise RunInterrupted(sink.committed, str(out) if out is not None else None)
    summary.seconds = time.perf_counter() - started
    return summary


def _consume(results: Iterator[Result], summary: Summary, sink, on_result, commit_seconds) -> None:
    """Count each result, hand each document to the output; commit at least every few seconds."""
    last_commit = time.monotonic()
    for result in results:
        summary.count(result)
        if on_result is not None:
            on_result(result)
        if result.document is not None:
            sink.add(result.document, result.digest)
        if time.monotonic() - last_commit > commit_seconds:
            sink.commit()
            last_commit = time.monotonic()


def check_inputs(paths: PathArg | Iterable[PathArg]) -> None:
    """Every path named must exist: a typo fails at once, with its name."""
    for path in _as_paths(paths):
        if not path.exists():
            raise InputError(path, messages.INPUT_MISSING)


class _Streamer:
    """Documents written to a text stream as they come: JSON Lines, or one JSON array."""

    def __init__(self, stream, fmt: str, text: str = "full") -> None:
        self.stream, self.array, self.text, self.committed = stream, fmt == "json", text, 0

    def add(self, document: Document, digest: str | None = None) -> None:
        line = writers.document_line(document, self.text)
        if self.array:
            line = ("[\n" if self.committed == 0 else ",\n") + line
        else:
            line += "\n"
        self.stream.write(line)
        self.stream.flush()
        self.committed += 1

    def commit(self) -> None:
        """Each document is written as it comes."""

    def close(self) -> None:
        if self.array:
            self.stream.write("\n]\n" if self.committed else "[]\n")
        self.stream.flush()


# --- notebook helpers --------------------------------------------------------------


def records(documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """One flat dict per directive (the CSV columns); a document without any gives one."""
    for document in documents:
        yield from writers.flat_rows(document.model_dump(mode="json"))["directives"]


def to_dataframe(documents: Iterable[Document]):
    """The :func:`records` as a pandas DataFrame when pandas is installed, else a pyarrow Table.

    pandas is not a dependency: without it you get a ``pyarrow.Table``, which
    ``polars.from_arrow`` or a later ``.to_pandas()`` take as it is.
    """
    import pyarrow as pa

    columns = writers.DIRECTIVE_COLUMNS
    schema = pa.schema([(column, writers.arrow_type(column)) for column in columns])
    table = pa.Table.from_pylist(list(records(documents)), schema=schema)
    try:
        import pandas  # noqa: F401
    except ImportError:
        return table
    return table.to_pandas()

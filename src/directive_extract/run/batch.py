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
:func:`cli_extract` is the ``extract`` command around it.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

from directive_extract import messages
from directive_extract.errors import OutputError
from directive_extract.models import Document
from directive_extract.pipeline import extract
from directive_extract.read.files import (
    RECORD_SUFFIXES,
    SUFFIXES,
    InputError,
    LoadedText,
    Unsupported,
    decode,
    iter_records,
    read_bytes,
)
from directive_extract.run import writers

logger = logging.getLogger("directive_extract")

PathArg = str | os.PathLike[str]
Status = Literal["ok", "skipped", "failed"]

#: Inputs in flight per worker: enough to keep workers busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 4
#: Inputs per dask task: fewer round trips through the scheduler.
DASK_CHUNK = 4
#: Seconds between two saves of the output during a long run (a killed run keeps them).
CHECKPOINT_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one input: ``ok`` with its Document, or ``skipped``/``failed`` and why."""

    source: str
    status: Status
    document: Document | None = None
    reason: str | None = None
    digest: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def line(self) -> str:
        """The one line a user reads about an input that was not extracted."""
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class _Task:
    """One input ready for a worker: the bytes of a file, or a record already read."""

    source: str
    digest: str
    data: bytes | None = None
    loaded: LoadedText | None = None


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
    walks; a path given that does not exist is still yielded, so reading it reports it.
    ``ignore`` lists files never to yield (an output inside the input folder).
    """
    include, exclude = tuple(include), tuple(exclude)
    seen = {Path(path).resolve() for path in ignore}
    for root in _as_paths(paths):
        candidates = _walk(root) if root.is_dir() else [(root, root.name)]
        for path, relative in candidates:
            if not _selected(path.name, relative, include, exclude):
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


# --- one input, in whatever process ------------------------------------------------


class _TimeLimit(BaseException):
    """Raised inside an extraction that ran past its time limit."""


def _work(task: _Task, timeout: float | None) -> Result:
    """Decode and extract one input; every failure becomes a Result, never an exception."""

    try:
        loaded = task.loaded or decode(task.data or b"", task.source)
    except Unsupported as error:
        return Result(task.source, "skipped", reason=error.reason, digest=task.digest)
    except InputError as error:
        return Result(task.source, "failed", reason=error.reason, digest=task.digest)
    if not loaded.text.strip():
        return Result(task.source, "skipped", reason=messages.EMPTY_INPUT, digest=task.digest)
    try:
        document = _within(
            timeout,
            lambda: extract(
                loaded.text, source=task.source, published=loaded.published, title=loaded.title
            ),
        )
    except _TimeLimit:
        reason = messages.TIMED_OUT.format(seconds=timeout)
        return Result(task.source, "failed", reason=reason, digest=task.digest)
    except Exception as error:  # a bug on one input must not stop the batch
        detail = f"{type(error).__name__}: {error}"
        reason = messages.EXTRACTION_FAILED.format(detail=detail)
        return Result(task.source, "failed", reason=reason, digest=task.digest)
    if loaded.warnings:
        document.warnings = [*loaded.warnings, *document.warnings]
    return Result(task.source, "ok", document=document, digest=task.digest)


def _within(seconds: float | None, function: Callable[[], Any]) -> Any:
    """``function()``, stopped after ``seconds``.

    In a process's main thread an alarm interrupts it.  Elsewhere (dask's worker
    threads) it runs in a helper thread that is abandoned when time is up: the
    batch goes on, the stray thread finishes on its own.
    """
    if not seconds:
        return function()
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _within_alarm(seconds, function)
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:
            outcome["error"] = error

    helper = threading.Thread(target=target, daemon=True)
    helper.start()
    helper.join(seconds)
    if helper.is_alive():
        raise _TimeLimit
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _within_alarm(seconds: float, function: Callable[[], Any]) -> Any:
    def on_alarm(signum: int, frame: object) -> None:
        raise _TimeLimit

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return function()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _warm_up() -> None:
    """Load the pipeline, its lexicons and models once in a worker process.

    An error here would break the whole pool; the extraction of each input reports it.
    """
    with contextlib.suppress(Exception):
        extract("2024.")


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
    files = iter_inputs(paths, include, exclude, ignore)
    items = _tasks(files, text_field, known or {}, force)
    if scheduler:
        return _on_dask(items, scheduler, max(workers, 1), timeout)
    if workers > 1:
        return _in_pool(items, workers, timeout)
    return (item if isinstance(item, Result) else _work(item, timeout) for item in items)


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
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    context = get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_up)


def _settle(pending: deque, pool: ProcessPoolExecutor, workers: int, timeout: float | None):
    """The oldest result, or, when a worker died, the results of every input in flight.

    A dead worker breaks the whole pool, so which input killed it is unknown: the
    inputs in flight are run again one at a time in a new pool, and only the one
    that kills its worker alone fails.
    """
    item, future = pending.popleft()
    if future is None:
        return [item], pool
    try:
        return [future.result()], pool
    except BrokenProcessPool:
        suspects = [item, *(entry for entry, _ in pending)]
        pending.clear()
    pool.shutdown(wait=False, cancel_futures=True)
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
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _new_pool(workers)
    return results, pool


def _on_dask(items: Iterator[_Task | Result], scheduler: str, workers: int, timeout):
    """Results from a dask.distributed cluster, in order; ``"local"`` starts a LocalCluster.

    Inputs go in chunks of :data:`DASK_CHUNK` to keep the scheduler's cost per input low.
    """
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if scheduler == "local":
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.CRITICAL,  # a worker lost to a bad input is reported per input
            )
            stack.enter_context(cluster)
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(scheduler))
        client.run(_warm_up)
        window = max(len(client.scheduler_info().get("workers", {})), 1) * IN_FLIGHT_PER_WORKER
        pending: deque = deque()
        for chunk in _chunks(items, DASK_CHUNK):
            pending.append(
                chunk if isinstance(chunk, Result) else _dask_submit(client, chunk, timeout)
            )
            while len(pending) >= window:
                yield from _dask_settle(pending.popleft(), client, timeout)
        while pending:
            yield from _dask_settle(pending.popleft(), client, timeout)


def _chunks(items: Iterator[_Task | Result], size: int) -> Iterator[list[_Task] | Result]:
    """Runs of up to ``size`` tasks, in order; a Result decided already comes alone."""
    chunk: list[_Task] = []
    for item in items:
        if isinstance(item, Result) or len(chunk) == size:
            if chunk:
                yield chunk
            chunk = []
        if isinstance(item, Result):
            yield item
        else:
            chunk.append(item)
    if chunk:
        yield chunk


def _work_many(tasks: list[_Task], timeout: float | None) -> list[Result]:
    return [_work(task, timeout) for task in tasks]


def _dask_submit(client, tasks: list[_Task], timeout: float | None):
    return tasks, client.submit(_work_many, tasks, timeout, pure=False)


def _dask_settle(entry, client, timeout: float | None, retry: bool = True) -> list[Result]:
    """The results of one dask future.

    dask blames every input queued on a worker that died, so the inputs of a
    chunk whose workers died are run once more, one by one, before one is taken
    for the cause.
    """
    if isinstance(entry, Result):
        return [entry]
    tasks, future = entry
    try:
        return future.result()
    except Exception as error:  # KilledWorker and the like: the worker died on it
        if retry:
            return [
                result
                for task in tasks
                for result in _dask_settle(
                    _dask_submit(client, [task], timeout), client, timeout, False
                )
            ]
        reason = messages.WORKER_DIED.format(detail=f"{type(error).__name__}: {error}")
        return [Result(task.source, "failed", reason=reason, digest=task.digest) for task in tasks]
    finally:
        future.release()


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
    on_result: Callable[[Result], None] | None = None,
    stream=None,
    checkpoint_seconds: float = CHECKPOINT_SECONDS,
) -> Summary:
    """Extract ``paths`` into ``out`` (or JSON Lines/JSON on ``stream``) and count the results.

    With ``out`` the run is incremental: inputs whose hash is in the output's
    manifest are skipped unless ``force``; records of re-extracted sources are
    replaced, the others kept.  The output is saved atomically every ``checkpoint_seconds``
    and at the end (also on Ctrl-C), so a killed run keeps the previous output or
    the last checkpoint, never half a file.
    """
    fmt = writers.format_for(out, fmt)
    summary = Summary()
    started = time.perf_counter()
    output = writers.Output(out, fmt) if out is not None else None
    if output is None and fmt not in ("jsonl", "json"):
        raise OutputError(messages.OUTPUT_NEEDS_FILE.format(name=fmt))
    results = iter_results(
        paths, workers, scheduler, include, exclude, text_field, timeout,
        known=output.manifest if output else None, force=force,
        ignore=output.files if output else (),
    )  # fmt: skip
    sink = _Streamer(stream or sys.stdout, fmt) if output is None else None
    last_save = time.monotonic()
    try:
        for result in results:
            summary.count(result)
            if on_result is not None:
                on_result(result)
            if result.document is None:
                continue
            if output is not None:
                output.add(result.document, result.digest)
            else:
                sink.write(result.document)
            if output is not None and time.monotonic() - last_save > checkpoint_seconds:
                output.save()
                last_save = time.monotonic()
    finally:
        if output is not None:
            output.save()
        if sink is not None:
            sink.close()
    summary.seconds = time.perf_counter() - started
    return summary


class _Streamer:
    """Documents written to a text stream as they come: JSON Lines, or one JSON array."""

    def __init__(self, stream, fmt: str) -> None:
        self.stream, self.array, self.count = stream, fmt == "json", 0

    def write(self, document: Document) -> None:
        line = writers.document_line(document)
        if self.array:
            line = ("[\n" if self.count == 0 else ",\n") + line
        else:
            line += "\n"
        self.stream.write(line)
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        if self.array:
            self.stream.write("\n]\n" if self.count else "[]\n")
        self.stream.flush()


def cli_extract(
    paths: list[str],
    out: str | None = None,
    fmt: str | None = None,
    strict: bool = False,
    **options,
) -> int:
    """The ``extract`` command: returns the exit status.

    ``options`` are those of :func:`run` (workers, scheduler, include, exclude,
    text_field, force, timeout).  One line ``source: reason`` per input not extracted
    on stderr (inputs unchanged since the last run are only counted), a progress bar
    when stderr is a terminal, a closing summary.  Status 1 when an input failed (with
    ``strict``, also when one was skipped as unreadable or empty), 2 when the output
    cannot be written.
    """
    from rich.console import Console

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    filters = options.get("include", ()), options.get("exclude", ())
    progress = _progress(console, paths, *filters) if console.is_terminal else None

    def report(result: Result) -> None:
        if result.status != "ok" and result.reason != messages.UNCHANGED:
            (progress.console if progress else console).print(result.line(), markup=False)
        if progress is not None:
            progress.advance(progress.task_ids[0])

    try:
        with progress or contextlib.nullcontext():
            summary = run(paths, out, fmt, on_result=report, **options)
    except OutputError as error:
        console.print(str(error), markup=False)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader of stdout went away (| head); before OSError
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:  # an unwritable output, an unreachable scheduler
        console.print(messages.RUN_FAILED.format(detail=error), markup=False)
        return 2
    console.print(summary.line(), markup=False)
    if summary.failed or (strict and summary.unreadable_skips):
        return 1
    return 0


def _progress(console, paths, include, exclude):
    """A progress bar over the input files; open-ended when JSON records make the count unknown."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    inputs = list(iter_inputs(paths, include, exclude))
    has_records = any(path.suffix.lower() in RECORD_SUFFIXES for path in inputs)
    progress = Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True,
    )  # fmt: skip
    progress.add_task("extract", total=None if has_records else len(inputs))
    return progress


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

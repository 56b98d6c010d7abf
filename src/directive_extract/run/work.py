"""One input in whatever process runs it: read, extract, and every failure as a Result.

Shared by the pool of worker processes (batch.py) and dask workers (cluster.py).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from directive_extract import messages
from directive_extract.models import Document
from directive_extract.pipeline import extract, extract_loaded
from directive_extract.read.files import InputError, LoadedText, Unsupported, decode

Status = Literal["ok", "skipped", "failed"]

#: Inputs in flight per worker: enough to keep workers busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one input: ``ok`` with its Document, or ``skipped``/``failed`` and why."""

    source: str
    status: Status
    document: Document | None = None
    reason: str | None = None
    digest: str | None = None
    timed_out: bool = False

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
    except Exception as error:  # a reader's own bug or missing module: this input fails alone
        reason = messages.READ_FAILED.format(reason=_one_line(error))
        return Result(task.source, "failed", reason=reason, digest=task.digest)
    if not loaded.text.strip():
        return Result(task.source, "skipped", reason=messages.EMPTY_INPUT, digest=task.digest)
    try:
        document = _within(
            timeout,
            lambda: extract_loaded(loaded, task.source),
        )
    except _TimeLimit:
        reason = messages.TIMED_OUT.format(seconds=timeout)
        return Result(task.source, "failed", reason=reason, digest=task.digest, timed_out=True)
    except Exception as error:  # a bug on one input must not stop the batch
        reason = messages.EXTRACTION_FAILED.format(detail=_one_line(error))
        return Result(task.source, "failed", reason=reason, digest=task.digest)
    return Result(task.source, "ok", document=document, digest=task.digest)


def _one_line(error: BaseException) -> str:
    """An exception as one line a user reads: its type and its message, newlines folded."""
    return " ".join(f"{type(error).__name__}: {error}".split())


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
    """Load the pipeline, its lexicons and models once, before any time limit runs.

    An error here would break the whole pool; the extraction of each input reports it.
    """
    with contextlib.suppress(Exception):
        extract("Thủ tướng giao Bộ Y tế chủ trì trước ngày 30/9/2024. Tăng 5%.")


def _start_worker() -> None:
    """A worker process: Ctrl-C is the main process's to handle, then the models."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up()

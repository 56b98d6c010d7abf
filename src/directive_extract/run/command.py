"""The ``extract`` command around :func:`batch.run`: progress, one line per input, status."""

from __future__ import annotations

import contextlib
import os
import sys

from directive_extract import messages
from directive_extract.errors import DirectiveExtractError, RunInterrupted
from directive_extract.read.files import RECORD_SUFFIXES
from directive_extract.run.batch import Result, iter_inputs, run

#: The exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells give it.
INTERRUPTED_STATUS = 130


def cli_extract(
    paths: list[str],
    out: str | None = None,
    fmt: str | None = None,
    strict: bool = False,
    **options,
) -> int:
    """The ``extract`` command: returns the exit status.

    ``options`` are those of :func:`run` (workers, scheduler, include, exclude,
    text_field, force, timeout, text, batch_documents).  One line ``source: reason``
    per input not extracted on stderr (inputs unchanged since the last run are only
    counted), a progress bar when stderr is a terminal, a closing summary.  Status 1
    when an input failed (with ``strict``, also when one was skipped as unreadable or
    empty), 2 when the run cannot start (a missing input, an output that cannot be
    written, a script without a main guard), 130 on Ctrl-C, which says what was kept.
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
    except RunInterrupted as stop:
        line = messages.INTERRUPTED if stop.out else messages.INTERRUPTED_STREAM
        console.print(line.format(kept=stop.kept, out=stop.out), markup=False)
        return INTERRUPTED_STATUS
    except KeyboardInterrupt:
        console.print(messages.INTERRUPTED_STREAM.format(kept=0), markup=False)
        return INTERRUPTED_STATUS
    except DirectiveExtractError as error:
        console.print(str(error), markup=False)
        return 2
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

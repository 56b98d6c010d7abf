"""The package's exceptions: one base class, one subclass per kind of user mistake.

Each message names the file (or data row) and the reason in words, so the command
line can print it on one line instead of a traceback.
"""

from __future__ import annotations

import os


class DirectiveExtractError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(DirectiveExtractError):
    """An input that cannot be read, with the reason in words."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class Unsupported(InputError):
    """An input no reader applies to: skipped rather than failed."""


class OutputError(DirectiveExtractError):
    """An output that cannot be read back or written, with the reason in words."""


class EvaluationError(DirectiveExtractError, ValueError):
    """Gold or prediction files that cannot be read; the message says which and why."""


class LexiconError(DirectiveExtractError):
    """A data file row that does not fit its table's schema, named by file and line."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class RunInterrupted(DirectiveExtractError, KeyboardInterrupt):
    """Ctrl-C during a run, once the output is closed: how many documents it kept.

    A KeyboardInterrupt still, so code that stops on Ctrl-C keeps doing so.
    """

    def __init__(self, kept: int, out: str | None) -> None:
        super().__init__(f"interrupted: {kept} document(s) kept")
        self.kept = kept
        self.out = out


class WorkerStartError(DirectiveExtractError):
    """Worker processes cannot start from the calling script as written."""

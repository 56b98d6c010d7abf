"""The ``report`` command: read or extract the Documents, write the report, say where."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from directive_extract import messages
from directive_extract.errors import DirectiveExtractError, OutputError
from directive_extract.models import Document
from directive_extract.report import write_report


class ReportError(DirectiveExtractError):
    """A report that cannot be made: a bad option or an unreadable input."""


def checked_date(value: str | None) -> str | None:
    """``value`` if it is an ISO date (YYYY-MM-DD), else a ReportError saying so.

    >>> checked_date("2024-09-30"), checked_date(None)
    ('2024-09-30', None)
    """
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ReportError(messages.REPORT_BAD_DATE.format(value=value)) from None


def read_documents(paths: Iterable[Path]) -> Iterator[Document]:
    """Documents from JSON Lines files written by ``extract`` (one Document a line)."""
    for path in paths:
        try:
            with open(path, encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    if line.strip():
                        yield _document(path, number, line)
        except OSError as error:
            raise ReportError(f"{path}: {error.strerror or error}") from None


def _document(path: Path, number: int, line: str) -> Document:
    try:
        return Document.model_validate_json(line)
    except ValueError as error:  # pydantic's ValidationError, JSON included
        detail = str(error).splitlines()[0]
        raise ReportError(
            messages.BAD_PREDICTIONS.format(path=f"{path}:{number}", detail=detail)
        ) from None


def _extracted(paths: list[Path], include, exclude) -> Iterator[Document]:
    from directive_extract.run.batch import extract_folder

    return extract_folder([str(path) for path in paths], include=include, exclude=exclude)


def run_report(
    paths: list[Path],
    out: Path,
    as_of: str | None = None,
    split: bool | None = None,
    documents: bool = False,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> str:
    """Write the report; the line telling the user what was written.

    ``documents``: the inputs are JSON Lines of Documents (``extract -o out.jsonl``),
    not texts to extract: the way to report on an archive extracted before.
    """
    logging.basicConfig(format="%(message)s")  # extract_folder logs each input skipped
    as_of = checked_date(as_of)
    found = read_documents(paths) if documents else _extracted(paths, include, exclude)
    kept = list(found)
    try:
        written = write_report(kept, out, as_of=as_of, split=split)
    except OutputError as error:
        raise ReportError(str(error)) from None
    return messages.REPORT_WRITTEN.format(
        path=out,
        documents=len(kept),
        directives=sum(len(document.directives) for document in kept),
        pages=len(written),
    )

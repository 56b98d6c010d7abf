"""The review report: one offline HTML page to look at what was extracted.

``write_report(documents, "report.html", as_of="2024-09-30")`` writes an index of the
documents with their counts, the tasks by lead agency and by due month (split into
past due and still in time on ``as_of``), filters by agency and document kind, and
each document's text with every directive highlighted as one element carrying
``data-directive-id``, its lead, support and deadline beside it.

The pages are made with jinja2 templates (package data under ``templates/``, HTML
escaped by the engine); styles and scripts are inline and nothing is fetched: the
files can be opened from a disk or a mail attachment, with no network.

For an archive (more than :data:`SPLIT_ABOVE` documents, or ``split=True``), the
file is an index only and each document, agency and month gets a page of its own in
a folder beside it (``report_files/``): the index stays light and a page opens fast
whatever the size of the archive.  The index's list of documents is shown a page
of rows at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2

from directive_extract.errors import OutputError
from directive_extract.models import Document
from directive_extract.report.view import DocumentView, Group, ReportView, build

__all__ = ["SPLIT_ABOVE", "build", "write_report"]

#: Above this number of documents the report is an index with a page per document.
SPLIT_ABOVE = 200
#: Rows of the index's document list shown at a time.
ROWS_PER_PAGE = 50


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("directive_extract.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _linker(folder: str | None, inside: bool) -> Callable[..., str]:
    """``link(page, fragment)``: where a page (a section) is, from the page being written.

    In one file every section is a fragment of it; split, each is a file in ``folder``.
    """

    def link(page: str, fragment: str | None = None) -> str:
        if folder is None:
            return f"#{fragment or page}"
        path = f"{page}.html" if inside else f"{folder}/{page}.html"
        return f"{path}#{fragment}" if fragment else path

    return link


def _write(path: Path, html: str) -> None:
    try:
        path.write_text(html, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"{path}: {error.strerror or error}") from error


def _pages(report: ReportView) -> Iterable[tuple[str, DocumentView | None, Group | None]]:
    for view in report.documents:
        yield view.anchor, view, None
    for group in (*report.by_agency, *report.by_month):
        yield group.anchor, None, group


def write_report(
    documents: Iterable[Document],
    out: str | Path,
    as_of: str | None = None,
    split: bool | None = None,
    title: str = "directive_extract",
) -> list[Path]:
    """Write the report of ``documents`` to ``out``; the paths written, index first.

    ``as_of`` (ISO date) splits the tasks into past due and in time.  ``split``:
    one page per document beside an index (default: when there are more than
    :data:`SPLIT_ABOVE` documents).
    """
    report = build(documents, as_of)
    out = Path(out)
    if split is None:
        split = len(report.documents) > SPLIT_ABOVE
    folder = out.with_name(f"{out.stem}_files") if split else None
    environment = _environment()
    context = {"report": report, "title": title, "rows_per_page": ROWS_PER_PAGE}
    index = environment.get_template("index.html.j2").render(
        **context, link=_linker(folder.name if folder else None, False), split=split
    )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if folder is not None:
            folder.mkdir(exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out}: {error.strerror or error}") from error
    _write(out, index)
    written = [out]
    if folder is not None:
        page = environment.get_template("page.html.j2")
        link = _linker(folder.name, True)
        for anchor, view, group in _pages(report):
            html = page.render(**context, link=link, index=f"../{out.name}", view=view, group=group)
            _write(folder / f"{anchor}.html", html)
            written.append(folder / f"{anchor}.html")
    return written

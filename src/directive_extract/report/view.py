"""What the review report shows, as plain data for the templates.

Nothing here writes HTML: the text of each document is cut into pieces (outside a
directive, or one whole directive), each piece into runs (plain, an agency named,
a figure), and the templates turn them into elements.  Every directive becomes
exactly one piece, so the page holds one ``data-directive-id`` element per
directive, even where two directives overlap (the later one then holds only
the part of its text the earlier one does not).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from directive_extract import messages
from directive_extract.models import Directive, Document

#: The leading words of a directive shown in the task lists.
SHORT_TEXT = 160


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text inside a piece: plain (``css`` empty), an agency or a figure."""

    text: str
    css: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True)
class Piece:
    text_runs: tuple[Run, ...]
    directive: Directive | None = None


@dataclass(slots=True)
class Task:
    """One directive in the task lists, with the document it comes from."""

    directive: Directive
    document: DocumentView
    bucket: str
    short_text: str

    @property
    def lead(self) -> str:
        return "; ".join(agency.name for agency in self.directive.lead)

    @property
    def support(self) -> str:
        return "; ".join(agency.name for agency in self.directive.support)

    @property
    def due(self) -> str:
        return self.directive.deadline.due if self.directive.deadline else ""

    @property
    def agencies(self) -> tuple[str, ...]:
        directive = self.directive
        named = (*directive.lead, *directive.support, *directive.report_to)
        return tuple(sorted({agency.name for agency in named}))


@dataclass(slots=True)
class DocumentView:
    document: Document
    number: int
    kind: str
    agencies: tuple[str, ...]
    pieces: tuple[Piece, ...] = ()
    buckets: dict[str, int] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        return f"doc-{self.number}"


@dataclass(slots=True)
class Group:
    """The tasks of one agency or one due month, with their counts by bucket."""

    label: str
    anchor: str
    tasks: list[Task] = field(default_factory=list)

    def count(self, bucket: str) -> int:
        return sum(1 for task in self.tasks if task.bucket == bucket)

    @property
    def agencies(self) -> tuple[str, ...]:
        """The agencies its tasks name (lead, support, report to), for the agency filter."""
        return tuple(sorted({name for task in self.tasks for name in task.agencies}))

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted({task.document.kind for task in self.tasks}))


@dataclass(slots=True)
class ReportView:
    documents: list[DocumentView]
    by_agency: list[Group]
    by_month: list[Group]
    buckets: tuple[str, ...]
    as_of: str | None

    @property
    def agencies(self) -> list[str]:
        return sorted({name for view in self.documents for name in view.agencies})

    @property
    def kinds(self) -> list[str]:
        return sorted({view.kind for view in self.documents})

    @property
    def directive_count(self) -> int:
        return sum(len(view.document.directives) for view in self.documents)


def bucket_of(directive: Directive, as_of: str | None) -> str:
    """Past due or still in time on ``as_of`` (ISO date); without it, due or not."""
    if directive.deadline is None:
        return messages.REPORT_NO_DUE_DATE
    if as_of is None:
        return messages.REPORT_DUE
    return messages.REPORT_PAST_DUE if directive.deadline.due < as_of else messages.REPORT_IN_TIME


def buckets(as_of: str | None) -> tuple[str, ...]:
    if as_of is None:
        return (messages.REPORT_DUE, messages.REPORT_NO_DUE_DATE)
    return (messages.REPORT_PAST_DUE, messages.REPORT_IN_TIME, messages.REPORT_NO_DUE_DATE)


def _agencies_named(document: Document) -> tuple[str, ...]:
    names = {
        agency.name
        for directive in document.directives
        for agency in (*directive.lead, *directive.support, *directive.report_to)
    }
    return tuple(sorted(names))


def _marks(document: Document) -> list[tuple[int, int, str, str]]:
    """Agencies and figures with offsets, sorted, none overlapping (the first one wins)."""
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for directive in document.directives:
        roles = [("issuer", [directive.issuer] if directive.issuer else [])]
        roles += [("lead", directive.lead), ("support", directive.support)]
        roles.append(("report_to", directive.report_to))
        for role, agencies in roles:
            for agency in agencies:
                if agency.start is not None and agency.end is not None:
                    found.setdefault((agency.start, agency.end), (f"agency {role}", agency.name))
    for figure in document.figures:
        title = f"{figure.comparator} {figure.value:g} {figure.unit}".strip("= ")
        found.setdefault((figure.start, figure.end), (f"figure {figure.role}", title))
    marks, cursor = [], 0
    for (start, end), (css, title) in sorted(found.items()):
        if start >= cursor and end > start:
            marks.append((start, end, css, title))
            cursor = end
    return marks


def _runs(text: str, start: int, end: int, marks: Sequence[tuple[int, int, str, str]]):
    """The runs of ``text[start:end]``: marks cut to the piece, plain text between."""
    runs, cursor = [], start
    for mark_start, mark_end, css, title in marks:
        if mark_end <= start or mark_start >= end:
            continue
        left, right = max(mark_start, start), min(mark_end, end)
        if left > cursor:
            runs.append(Run(text[cursor:left]))
        runs.append(Run(text[left:right], css, title))
        cursor = right
    if end > cursor:
        runs.append(Run(text[cursor:end]))
    return tuple(runs)


def pieces(document: Document) -> tuple[Piece, ...]:
    """The text as pieces: one per directive, and the stretches between them."""
    text, marks = document.text, _marks(document)
    found: list[Piece] = []
    cursor = 0
    for directive in sorted(document.directives, key=lambda d: (d.start, d.end)):
        start = max(directive.start, cursor)
        if start > cursor:
            found.append(Piece(_runs(text, cursor, start, _near(marks, cursor, start))))
        end = max(directive.end, start)
        found.append(Piece(_runs(text, start, end, _near(marks, start, end)), directive))
        cursor = end
    if cursor < len(text):
        found.append(Piece(_runs(text, cursor, len(text), _near(marks, cursor, len(text)))))
    return tuple(found)


def _near(marks: Sequence[tuple[int, int, str, str]], start: int, end: int):
    """The marks touching ``[start, end)`` (marks are sorted and do not overlap)."""
    from bisect import bisect_left

    first = max(bisect_left(marks, (start,)) - 1, 0)
    last = bisect_left(marks, (end,), lo=first)
    return marks[first:last]


def _short(text: str) -> str:
    return text if len(text) <= SHORT_TEXT else text[:SHORT_TEXT].rsplit(" ", 1)[0] + " …"


def _groups(tasks: Iterable[Task], keys, order, prefix: str) -> list[Group]:
    """Tasks grouped under each key ``keys(task)`` gives, groups sorted by ``order``."""
    grouped: dict[str, list[Task]] = defaultdict(list)
    for task in tasks:
        for key in keys(task):
            grouped[key].append(task)
    labels = sorted(grouped, key=order)
    return [
        Group(label, f"{prefix}-{number}", grouped[label]) for number, label in enumerate(labels)
    ]


def build(documents: Iterable[Document], as_of: str | None = None) -> ReportView:
    """The report of ``documents``: each document's pieces and the task views."""
    views: list[DocumentView] = []
    tasks: list[Task] = []
    for number, document in enumerate(documents):
        kind = getattr(document, "doc_type", None) or messages.REPORT_NO_KIND
        view = DocumentView(document, number, kind, _agencies_named(document))
        view.pieces = pieces(document)
        for directive in document.directives:
            task = Task(directive, view, bucket_of(directive, as_of), _short(directive.text))
            view.buckets[task.bucket] = view.buckets.get(task.bucket, 0) + 1
            tasks.append(task)
        views.append(view)
    no_lead, no_date = messages.REPORT_NO_LEAD, messages.REPORT_NO_DUE_DATE
    by_agency = _groups(
        tasks,
        lambda task: sorted({a.name for a in task.directive.lead}) or [no_lead],
        lambda label: (label == no_lead, label.casefold()),
        "agency",
    )
    by_month = _groups(
        tasks,
        lambda task: [task.due[:7] or no_date],
        lambda label: (label == no_date, label),
        "month",
    )
    return ReportView(views, by_agency, by_month, buckets(as_of), as_of)

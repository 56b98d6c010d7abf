"""What the reader of a document knows at each clause: the zone it is in (tasks,
targets, results, purpose), the speech frames around it, the paragraph so far and the
clause read before it.  :mod:`.detect` moves it along clause by clause."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from directive_extract.discourse.cards import field_of
from directive_extract.discourse.segment import Clause, Paragraph, Span


class Zone(Enum):
    NEUTRAL = "neutral"
    TASKS = "tasks"
    TARGETS = "targets"  # "Mục tiêu cụ thể": every figure-bearing clause sets a target
    RESULTS = "results"
    PURPOSE = "purpose"  # purpose, principles or legal basis of a document: no directives


@dataclass
class Reading:
    """What the reader knows at a clause: the zone, frames, the paragraph so far."""

    framed_sentences: set[int]
    subheadings: frozenset[int]  # paragraphs that are a story's subheadings
    rules: frozenset[int] = frozenset()  # paragraphs of attachments that set rules (annexes)
    over_items: frozenset[int] = frozenset()  # marked paragraphs right above deeper items
    zone: Zone = Zone.NEUTRAL
    framed_paragraph: int = -1
    paragraph: int = -1
    narrative: bool = False  # the paragraph so far reports and assigns nothing
    period: Span | None = None  # the heading of the targets section the reader is in
    previous: Clause | None = None
    directed: int = -1  # the sentence of the last directive (or firm's plan) read
    goal: bool = False  # the targets zone was opened by a goal, not by a section heading
    own_goal: bool = False  # that goal is a firm's own plan: its figures set no task
    unheard: bool = False  # no authority speaks: a goal by an unknown name is its own plan
    year: int | None = None  # the document's year: a bare period heading up to it heads no goals
    preamble: bool = False  # the paragraph is a line of the legal basis ("Xét Tờ trình ...;")
    spoken: int = -1  # the paragraph of a speaker's lead-in that opened the tasks zone
    inline: int = -1  # the paragraph of a lead-in whose list ran on after its colon
    marks: dict[str, object] = field(default_factory=dict)  # what the clause read sets

    def enter(self, clause: Clause, paragraph: Paragraph, opens_blocked: bool) -> None:
        """Move to the clause's paragraph; a narrative paragraph closes a tasks zone.
        ``opens_blocked``: the paragraph's first clause reports (asked on entering only).

        A list item never counts as narrative: items belong to the list they are in.
        """
        if clause.paragraph == self.paragraph:
            return
        unmarked = paragraph.level is None
        said = self.spoken >= 0 and clause.paragraph > self.spoken + 1 and unmarked
        listed = 0 <= self.inline < clause.paragraph and unmarked
        if self.zone is Zone.TASKS and (self.narrative or said or listed):
            self.enter_zone(Zone.NEUTRAL)
        self.paragraph = clause.paragraph
        self.narrative = opens_blocked and paragraph.level is None
        self.preamble = False

    def enter_zone(self, zone: Zone) -> None:
        """A heading or an assignment opens a zone: what a lead-in before it marked (a
        speaker's paragraph, a list run on after its colon) no longer bounds it."""
        self.zone, self.spoken, self.inline = zone, -1, -1

    def open_tasks(self, clause: Clause, spoken: bool) -> None:
        """A lead-in opens a zone of tasks; one that only says who speaks ("Phó Tổng cục
        trưởng X nhấn mạnh:") opens it for the paragraph after it, what was said, unless
        that goes on as a marked list."""
        self.enter_zone(Zone.TASKS)
        self.spoken = clause.paragraph if spoken else -1

    def runs_on(self, text: str, clause: Clause, commanded: bool) -> None:
        """A lead-in no authority commands whose list runs on after its colon on its line
        ("... bao gồm: tờ khai hải quan; danh mục ...") holds that list there: an
        unmarked paragraph after it ends the zone it opened.  An authority's command
        ("... thực hiện quyết liệt: Đổi mới tư duy, ...") may go on in the paragraphs
        after it."""
        line_end = text.find("\n", clause.end)
        rest = text[clause.end + 1 : line_end if line_end >= 0 else len(text)]
        if not commanded and rest.strip(" *_"):
            self.inline = clause.paragraph

    def frame(self, clause: Clause) -> None:
        """An authority speaks in the clause: its paragraph is framed, results end."""
        self.framed_paragraph = clause.paragraph
        if self.zone is Zone.RESULTS:
            self.zone = Zone.NEUTRAL

    def in_frame(self, clause: Clause) -> bool:
        return clause.sentence_start in self.framed_sentences or (
            clause.paragraph == self.framed_paragraph
        )

    def continues(self, clause: Clause, paragraph: bool = False) -> bool:
        """The clause follows a directive in the same sentence (or ``paragraph``)."""
        previous = self.previous
        if previous is None or not previous.is_directive:
            return False
        if paragraph:
            return previous.paragraph == clause.paragraph
        return previous.sentence_start == clause.sentence_start

    def after_task_paragraph(self, clause: Clause) -> bool:
        """The clause opens the paragraph right after one that ended on a directive."""
        previous = self.previous
        return (
            previous is not None
            and previous.is_directive
            and previous.paragraph == clause.paragraph - 1
            and clause.first_in_sentence
        )

    def record(self, clause: Clause, is_directive: bool) -> Clause:
        """The clause as read: whether it is a directive, and the marks its rules set."""
        marked = clause
        if self.marks or is_directive != clause.is_directive:
            marked = replace(clause, is_directive=is_directive, **self.marks)
        self.marks = {}
        self.narrative = self.narrative and not marked.is_directive
        self.previous = marked
        if marked.is_directive or marked.plans_own:  # a firm's plan sets its sentence too
            self.directed = marked.sentence_start
        return marked


def over_items(text: str, paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """The marked paragraphs right above an item of a deeper level; a labelled line
    under a task ("- Cơ quan chủ trì: Sở Y tế") is one of its fields, not an item."""
    return frozenset(
        above.index
        for above, below in itertools.pairwise(paragraphs)
        if above.level is not None
        and below.level is not None
        and below.level > above.level
        and field_of(text, below) is None
    )

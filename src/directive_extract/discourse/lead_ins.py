"""What a lead-in says of the list after its colon, read from its cues: that it only
announces the list, names the tasks its items spell out, only says who speaks, puts a
duty on a body, or names examples of what the clause itself acts on.  The caller has
seen the colon (``segment.introduces``)."""

from __future__ import annotations

from directive_extract.discourse import reports
from directive_extract.discourse.cues import Cue
from directive_extract.discourse.roles import ClauseRoles


def ends_on_duty(text: str, roles: ClauseRoles, end: int) -> bool:
    """An assignment's lead-in ends on the duty its items spell out ("Giao Sở Công
    Thương chủ trì, phối hợp với ... có trách nhiệm:")."""
    last = roles.cues[-1] if roles.cues else None
    return last is not None and last.is_("modal") and not text[last.end : end].strip(" :")


def _closes_on(roles: ClauseRoles, kind: str) -> bool:
    """The clause's last cue is of ``kind`` (a kind of ``cues.tsv``)."""
    return bool(roles.cues) and roles.cues[-1].is_(kind)


def introduces_list(roles: ClauseRoles) -> bool:
    """The lead-in ends on "sau", "như sau", "gồm": it only announces the list."""
    return _closes_on(roles, "list_intro")


def speaks_only(roles: ClauseRoles) -> bool:
    """A lead-in that only says who speaks: a frame, no command, no list of tasks."""
    return not any(cue.is_("command", "program", "assigned") for cue in roles.cues)


def announces_tasks(text: str, roles: ClauseRoles, verb: Cue | None, end: int) -> bool:
    """A lead-in names tasks ("các nhiệm vụ sau:"), unless it tells what was done with
    them ("... đã hoàn thành 100% nhiệm vụ được giao như:" lists results).  A task word
    in an adverbial phrase that opens the clause sets the scene ("Cũng tại hạng mục cung
    cấp giải pháp ..., MISA ghi danh với hệ thống nền tảng:" lists products)."""
    named = any(
        cue.is_("program") and not _sets_scene(text, roles.cues, cue, end) for cue in roles.cues
    )
    return named and not reports.blocked(text, roles, verb)


def _sets_scene(text: str, cues: list[Cue], word: Cue, end: int) -> bool:
    """``word`` stands in a phrase an opener starts ("tại ...") that a comma closes
    before the clause goes on."""
    before = text.rfind(",", 0, word.start)
    opened = any(c.is_("opener") and before < c.start < word.start for c in cues)
    return opened and "," in text[word.end : end]


def names_examples(roles: ClauseRoles) -> bool:
    """The clause ends on "như:": its list names examples of what it acts on."""
    return _closes_on(roles, "examples")


def names_only(text: str, roles: ClauseRoles, end: int) -> bool:
    """Nothing follows the clause's last lead but the ":" of a heading: the assignment
    names who acts, and the items under it say what to do."""
    last = roles.lead[-1].end
    return last is not None and not text[last:end].strip(" :")

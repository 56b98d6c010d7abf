"""The record contract (shared/RECORDS.md) as pydantic models: the single schema in code.

Field names here are fixed by the contract; fields marked *added* extend it.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

AgencyType = Literal[
    "ministry", "government", "province", "committee", "enterprise", "group", "position", "other"
]
Granularity = Literal["day", "month", "quarter", "half", "year"]
Comparator = Literal[">=", "<=", ">", "<", "~", "="]


def stable_id(*parts: str, length: int = 16) -> str:
    """A short hex digest of ``parts``: the same input always gives the same id.

    >>> stable_id("a", "b") == stable_id("a", "b") != stable_id("ab")
    True
    """
    digest = hashlib.blake2b(digest_size=length // 2)
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Agency(_Record):
    name: str = Field(description="Full canonical name, abbreviations expanded")
    mention: str = Field(description="As written in the text")
    start: int | None = Field(default=None, description="Offset of the mention; null if inherited")
    end: int | None = None
    type: AgencyType = "other"
    successor: str | None = Field(
        default=None, description="(added) the body that took over after a 2025 merger or rename"
    )


class Deadline(_Record):
    text: str
    start: int
    end: int
    due: str = Field(description="ISO date of the last day it is due")
    earliest: str | None = Field(default=None, description="First day of the window")
    granularity: Granularity


class Explanation(_Record):
    """(added) Why a clause became a directive and where its roles came from: the names of
    the rules that decided, given by ``extract(text, explain=True)``; not part of the
    written record."""

    directive: str = Field(description="The detection rule (assignment, tasks_zone, ...)")
    confidence: float
    lead: str = Field(default="", description="The rule that gave the lead")
    support: str = ""
    deadline: str = Field(default="", description="The time rule and its cue")


class Figure(_Record):
    text: str
    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str
    role: Literal["target", "reported"] = "reported"
    comparator: Comparator = "="
    year: int | None = None
    subject: str | None = None
    whole: float | None = Field(
        default=None, description="(added) the whole of a fraction: 1084 in '828/1.084 thủ tục'"
    )


class Directive(_Record):
    id: str
    kind: Literal["task", "target"] = "task"
    text: str
    start: int
    end: int
    issuer: Agency | None = None
    lead: list[Agency] = Field(default_factory=list)
    support: list[Agency] = Field(default_factory=list)
    report_to: list[Agency] = Field(default_factory=list)
    deadline: Deadline | None = None
    targets: list[Figure] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, description="(added) 0..1")
    explanation: Explanation | None = Field(
        default=None, exclude=True, description="(added) why, with extract(explain=True)"
    )


class Document(_Record):
    schema_version: str = SCHEMA_VERSION
    doc_id: str
    source: str
    title: str | None = None
    published: str | None = None
    doc_number: str | None = Field(default=None, description="An official document's number")
    doc_type: str | None = Field(default=None, description="Its kind (Công điện, Quyết định...)")
    issuing_body: str | None = Field(default=None, description="Who issued it")
    signer: str | None = Field(default=None, description="Who signed it")
    text: str
    directives: list[Directive] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def document_id(text: str) -> str:
    """Stable id of a document: a digest of its normalised text."""
    return stable_id(text)


def directive_id(doc_id: str, text: str, start: int) -> str:
    """Stable id of a directive: the document, the clause and where it stands.

    The offset is part of the id so that two identical clauses in one document
    (a repeated slogan, say) still get distinct ids.
    """
    return stable_id(doc_id, text, str(start))

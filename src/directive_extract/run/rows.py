"""The rows of one Document in each output layout: flat CSV/Parquet rows, SQLite tables.

- ``csv``/``parquet``: one row per directive (a document without directives
  gets one row with empty directive columns), the document's fields repeated,
  agencies joined with ``"; "``; figures go to a second file, one row per figure.
- ``sqlite``: normalised tables ``documents``, ``directives``, ``agencies``
  (``role`` issuer/lead/support/report_to) and ``figures``.  Keys include the
  source, since two sources with the same text share a ``doc_id``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any

Row = tuple[Any, ...]
Tables = dict[str, list[Row]]

AGENCY_ROLES = ("issuer", "lead", "support", "report_to")
AGENCY_SEPARATOR = "; "

DIRECTIVE_COLUMNS = (
    "doc_id", "source", "title", "published", "directive_id", "kind", "text", "start", "end",
    "confidence", "issuer", "lead", "support", "report_to", "deadline_text", "deadline_due",
    "deadline_earliest", "deadline_granularity", "targets", "warnings",
)  # fmt: skip
FIGURE_COLUMNS = (
    "doc_id", "source", "position", "directive_id", "text", "start", "end", "value",
    "value_max", "unit", "role", "comparator", "year", "subject", "whole",
)  # fmt: skip
FLAT_COLUMNS = MappingProxyType({"directives": DIRECTIVE_COLUMNS, "figures": FIGURE_COLUMNS})
_INTEGER_COLUMNS = frozenset({"start", "end", "position", "year"})
_FLOAT_COLUMNS = frozenset({"confidence", "value", "value_max", "whole"})


def _names(agencies: Iterable[dict]) -> str | None:
    return AGENCY_SEPARATOR.join(agency["name"] for agency in agencies) or None


def _directive_row(record: dict, directive: dict | None) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(DIRECTIVE_COLUMNS)
    row.update(
        doc_id=record["doc_id"],
        source=record["source"],
        title=record["title"],
        published=record["published"],
        warnings=AGENCY_SEPARATOR.join(record["warnings"]) or None,
    )
    if directive is None:
        return row
    deadline = directive["deadline"] or {}
    issuer = directive["issuer"]
    row.update(
        directive_id=directive["id"],
        kind=directive["kind"],
        text=directive["text"],
        start=directive["start"],
        end=directive["end"],
        confidence=directive["confidence"],
        issuer=issuer["name"] if issuer else None,
        lead=_names(directive["lead"]),
        support=_names(directive["support"]),
        report_to=_names(directive["report_to"]),
        deadline_text=deadline.get("text"),
        deadline_due=deadline.get("due"),
        deadline_earliest=deadline.get("earliest"),
        deadline_granularity=deadline.get("granularity"),
        targets=AGENCY_SEPARATOR.join(target["text"] for target in directive["targets"]) or None,
    )
    return row


def _figures_with_directive(record: dict) -> list[tuple[dict, str | None]]:
    """Every figure of the document with the id of the directive it is a target of."""
    owner = {
        (target["start"], target["end"]): directive["id"]
        for directive in record["directives"]
        for target in directive["targets"]
    }
    figures = [
        (figure, owner.get((figure["start"], figure["end"]))) for figure in record["figures"]
    ]
    listed = {(figure["start"], figure["end"]) for figure in record["figures"]}
    figures += [
        (target, directive["id"])
        for directive in record["directives"]
        for target in directive["targets"]
        if (target["start"], target["end"]) not in listed
    ]
    return figures


def _figure_rows(record: dict) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": record["doc_id"],
            "source": record["source"],
            "position": position,
            "directive_id": directive_id,
            **{column: figure.get(column) for column in FIGURE_COLUMNS[4:]},
        }
        for position, (figure, directive_id) in enumerate(_figures_with_directive(record))
    ]


def flat_rows(record: dict) -> dict[str, list[dict[str, Any]]]:
    """A dumped Document as CSV/Parquet rows: ``{"directives": [...], "figures": [...]}``."""
    directives = record["directives"] or [None]
    return {
        "directives": [_directive_row(record, directive) for directive in directives],
        "figures": _figure_rows(record),
    }


def csv_cell(value: Any) -> str:
    return "" if value is None else str(value)


def arrow_type(column: str):
    import pyarrow as pa

    if column in _INTEGER_COLUMNS:
        return pa.int64()
    if column in _FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


SQLITE_SCHEMA = {
    "documents": (
        "doc_id TEXT NOT NULL, source TEXT NOT NULL, schema_version TEXT, title TEXT, "
        "published TEXT, text TEXT NOT NULL, warnings TEXT, PRIMARY KEY (doc_id, source)"
    ),
    "directives": (
        "id TEXT NOT NULL, doc_id TEXT NOT NULL, source TEXT NOT NULL, position INTEGER, "
        "kind TEXT, text TEXT, start INTEGER, end INTEGER, confidence REAL, deadline_text TEXT, "
        "deadline_start INTEGER, deadline_end INTEGER, deadline_due TEXT, "
        "deadline_earliest TEXT, deadline_granularity TEXT, PRIMARY KEY (id, source), "
        "FOREIGN KEY (doc_id, source) REFERENCES documents (doc_id, source)"
    ),
    "agencies": (
        "doc_id TEXT NOT NULL, source TEXT NOT NULL, directive_id TEXT NOT NULL, "
        "role TEXT NOT NULL, position INTEGER NOT NULL, name TEXT, mention TEXT, start INTEGER, "
        "end INTEGER, type TEXT, successor TEXT, "
        "PRIMARY KEY (directive_id, source, role, position), "
        "FOREIGN KEY (directive_id, source) REFERENCES directives (id, source)"
    ),
    "figures": (
        "doc_id TEXT NOT NULL, source TEXT NOT NULL, position INTEGER NOT NULL, "
        "directive_id TEXT, text TEXT, start INTEGER, end INTEGER, value REAL, value_max REAL, "
        "unit TEXT, role TEXT, comparator TEXT, year INTEGER, subject TEXT, whole REAL, "
        "PRIMARY KEY (doc_id, source, position), "
        "FOREIGN KEY (doc_id, source) REFERENCES documents (doc_id, source)"
    ),
}
SQLITE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS directives_deadline ON directives (deadline_due)",
    "CREATE INDEX IF NOT EXISTS agencies_name ON agencies (name, role)",
    *(f"CREATE INDEX IF NOT EXISTS {table}_source ON {table} (source)" for table in SQLITE_SCHEMA),
)


def sqlite_rows(record: dict) -> Tables:
    """A dumped Document as rows of the four SQLite tables."""
    key = (record["doc_id"], record["source"])
    documents = [
        (
            *key, record["schema_version"], record["title"], record["published"],
            record["text"], json.dumps(record["warnings"], ensure_ascii=False),
        )
    ]  # fmt: skip
    directives, agencies = [], []
    for position, directive in enumerate(record["directives"]):
        deadline = directive["deadline"] or {}
        directives.append(
            (
                directive["id"], *key, position, directive["kind"], directive["text"],
                directive["start"], directive["end"], directive["confidence"],
                *(deadline.get(field) for field in _DEADLINE_FIELDS),
            )
        )  # fmt: skip
        agencies += _agency_rows(key, directive)
    figures = [
        (*key, row["position"], row["directive_id"], *(row[c] for c in FIGURE_COLUMNS[4:]))
        for row in _figure_rows(record)
    ]
    return {"documents": documents, "directives": directives, "agencies": agencies,
            "figures": figures}  # fmt: skip


_DEADLINE_FIELDS = ("text", "start", "end", "due", "earliest", "granularity")


def _agency_rows(key: tuple[str, str], directive: dict) -> list[Row]:
    issuer = [directive["issuer"]] if directive["issuer"] else []
    by_role = {"issuer": issuer, **{role: directive[role] for role in AGENCY_ROLES[1:]}}
    return [
        (
            *key, directive["id"], role, position, agency["name"], agency["mention"],
            agency["start"], agency["end"], agency["type"], agency.get("successor"),
        )
        for role in AGENCY_ROLES
        for position, agency in enumerate(by_role[role])
    ]  # fmt: skip

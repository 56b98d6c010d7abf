"""Writers: layouts of every format, merging by source, atomic and idempotent saves.

The documents are built by hand (no pipeline involved); phrases are real-world
shapes of directives, not taken from the seeds.
"""

from __future__ import annotations

import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest

from directive_extract import errors
from directive_extract.models import Agency, Deadline, Directive, Document, Figure
from directive_extract.run import writers

TEXT = (
    "Thủ tướng giao Bộ Y tế chủ trì, phối hợp với Bộ Tài chính xây dựng đề án, "
    "báo cáo Thủ tướng trước ngày 30/9/2024, bảo đảm 100% trạm y tế có bác sĩ. "
    "Năm 2023 tăng 6,5%."
)


def agency(name: str, type_: str = "ministry") -> Agency:
    start = TEXT.index(name)
    return Agency(name=name, mention=name, start=start, end=start + len(name), type=type_)


def span(text: str) -> dict:
    start = TEXT.index(text)
    return {"text": text, "start": start, "end": start + len(text)}


TARGET = Figure(**span("100%"), value=100.0, unit="%", role="target", comparator="=", year=2024)
REPORTED = Figure(**span("6,5%"), value=6.5, unit="%", year=2023)
DIRECTIVE = Directive(
    id="d1",
    **span("Bộ Y tế chủ trì, phối hợp với Bộ Tài chính xây dựng đề án"),
    issuer=agency("Thủ tướng", "position"),
    lead=[agency("Bộ Y tế")],
    support=[agency("Bộ Tài chính")],
    report_to=[Agency(name="Thủ tướng Chính phủ", mention="Thủ tướng", type="position")],
    deadline=Deadline(**span("trước ngày 30/9/2024"), due="2024-09-30", granularity="day"),
    targets=[TARGET],
)


def document(source: str, text: str = TEXT, directives=(DIRECTIVE,)) -> Document:
    figures = [TARGET, REPORTED] if text == TEXT else []
    return Document(
        doc_id=f"id-{text[:3]}",
        source=source,
        title="Giao Bộ Y tế xây dựng đề án",
        published="2024-07-12",
        text=text,
        directives=list(directives),
        figures=figures,
    )


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def snapshot(paths) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in paths if path.exists()}


# --- layouts -------------------------------------------------------------------------


def test_csv_one_row_per_directive_and_a_figures_file(tmp_path):
    output = writers.Output(tmp_path / "out.csv")
    output.add(document("a.txt"))
    output.add(document("b.txt", text="Tin tức không có chỉ đạo.", directives=()))
    output.save()
    rows = read_csv(tmp_path / "out.csv")
    assert [row["source"] for row in rows] == ["a.txt", "b.txt"]
    assert {k: rows[0][k] for k in ("issuer", "lead", "support", "report_to")} == {
        "issuer": "Thủ tướng",
        "lead": "Bộ Y tế",
        "support": "Bộ Tài chính",
        "report_to": "Thủ tướng Chính phủ",
    }
    assert (rows[0]["deadline_text"], rows[0]["deadline_due"]) == (
        "trước ngày 30/9/2024",
        "2024-09-30",
    )
    assert (rows[0]["targets"], rows[0]["deadline_granularity"]) == ("100%", "day")
    assert rows[1]["directive_id"] == rows[1]["lead"] == ""
    figures = read_csv(tmp_path / "out.figures.csv")
    assert [(f["text"], f["directive_id"], f["role"], f["value"]) for f in figures] == [
        ("100%", "d1", "target", "100.0"),
        ("6,5%", "", "reported", "6.5"),
    ]


def test_parquet_typed_columns(tmp_path):
    output = writers.Output(tmp_path / "out.parquet")
    output.add(document("a.txt"))
    output.save()
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column_names == list(writers.DIRECTIVE_COLUMNS)
    assert str(table.schema.field("start").type) == "int64"
    assert table.to_pylist()[0]["confidence"] == 1.0
    figures = pq.read_table(tmp_path / "out.figures.parquet").to_pylist()
    assert [(f["value"], f["year"], f["directive_id"]) for f in figures] == [
        (100.0, 2024, "d1"),
        (6.5, 2023, None),
    ]


def test_sqlite_normalised_tables_with_agency_roles(tmp_path):
    output = writers.Output(tmp_path / "out.sqlite")
    output.add(document("a.txt"))
    output.add(document("copy-of-a.txt"))  # same text, same ids: the source keeps them apart
    output.save()
    connection = sqlite3.connect(tmp_path / "out.sqlite")
    agencies = connection.execute(
        "SELECT role, name, start IS NULL FROM agencies WHERE source = 'a.txt' ORDER BY rowid"
    ).fetchall()
    assert agencies == [
        ("issuer", "Thủ tướng", 0),
        ("lead", "Bộ Y tế", 0),
        ("support", "Bộ Tài chính", 0),
        ("report_to", "Thủ tướng Chính phủ", 1),
    ]
    assert connection.execute("SELECT count(*) FROM documents").fetchone() == (2,)
    assert connection.execute(
        "SELECT d.deadline_due, f.text FROM directives d JOIN figures f "
        "ON f.directive_id = d.id AND f.source = d.source WHERE d.source = 'a.txt'"
    ).fetchall() == [("2024-09-30", "100%")]
    connection.close()


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_json_outputs_hold_whole_documents(tmp_path, fmt):
    output = writers.Output(tmp_path / f"out.{fmt}")
    output.add(document("a.txt"))
    output.save()
    content = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    records = (
        [json.loads(line) for line in content.splitlines()]
        if fmt == "jsonl"
        else json.loads(content)
    )
    assert [Document.model_validate(record) for record in records] == [document("a.txt")]


# --- merging, idempotence, atomicity ---------------------------------------------------


@pytest.mark.parametrize("fmt", writers.FORMATS)
def test_records_merge_by_source_in_a_fixed_order(tmp_path, fmt):
    first = writers.Output(tmp_path / f"out.{fmt}")
    for source in ("b.txt", "a.jsonl#10"):
        first.add(document(source), digest=f"h-{source}")
    first.save()
    saved = snapshot(first.files)
    again = writers.Output(tmp_path / f"out.{fmt}")
    again.add(document("b.txt"), digest="h-b.txt")
    assert again.save() is False
    assert snapshot(again.files) == saved

    later = writers.Output(tmp_path / f"out.{fmt}")
    later.add(document("a.jsonl#9"), digest="h9")
    later.add(document("b.txt", text="Văn bản mới.", directives=()), digest="h-new")
    assert later.save() is True
    assert later.manifest == {"a.jsonl#10": "h-a.jsonl#10", "a.jsonl#9": "h9", "b.txt": "h-new"}

    fresh = tmp_path / "fresh"
    one_go = writers.Output(fresh / f"out.{fmt}")
    one_go.add(document("b.txt", text="Văn bản mới.", directives=()), digest="h-new")
    one_go.add(document("a.jsonl#10"), digest="h-a.jsonl#10")
    one_go.add(document("a.jsonl#9"), digest="h9")
    one_go.save()
    assert snapshot(later.files) == snapshot(one_go.files)


def test_source_order_reads_record_numbers():
    sources = ["b.txt", "a.jsonl#10", "a.jsonl#2", "a.jsonl"]
    assert sorted(sources, key=writers.source_order) == [
        "a.jsonl",
        "a.jsonl#2",
        "a.jsonl#10",
        "b.txt",
    ]


def test_a_failed_write_leaves_the_previous_output(tmp_path, monkeypatch):
    output = writers.Output(tmp_path / "out.jsonl")
    output.add(document("a.txt"), digest="h1")
    output.save()
    before = snapshot(output.files)

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    later = writers.Output(tmp_path / "out.jsonl")
    later.add(document("b.txt"), digest="h2")
    monkeypatch.setattr(writers.os, "replace", crash)
    with pytest.raises(OSError, match="No space"):
        later.save()
    assert snapshot(output.files) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "out.jsonl",
        "out.jsonl.manifest.json",
    ]


@pytest.mark.parametrize("fmt", writers.FORMATS)
def test_a_run_without_documents_still_leaves_an_output(tmp_path, fmt):
    output = writers.Output(tmp_path / f"out.{fmt}")
    assert output.save() is True
    assert writers.Output(tmp_path / f"out.{fmt}").save() is False
    assert all(path.exists() for path in output.files)


def test_a_manifest_without_its_output_is_ignored(tmp_path):
    writers.manifest_path(tmp_path / "out.jsonl").write_text('{"a.txt": "h"}', encoding="utf-8")
    assert writers.Output(tmp_path / "out.jsonl").manifest == {}


def test_unreadable_existing_output_is_an_output_error(tmp_path):
    (tmp_path / "out.sqlite").write_text("not a database", encoding="utf-8")
    with pytest.raises(errors.OutputError):
        writers.Output(tmp_path / "out.sqlite")


FORMAT_NAMES = [
    ("out.jsonl", None, "jsonl"),
    ("out.ndjson", None, "jsonl"),
    ("out.json", None, "json"),
    ("out.csv", None, "csv"),
    ("out.pq", None, "parquet"),
    ("out.sqlite3", None, "sqlite"),
    ("out.txt", None, "jsonl"),
    ("out.txt", "sqlite", "sqlite"),
]


@pytest.mark.parametrize(("path", "name", "expected"), FORMAT_NAMES)
def test_format_for(path, name, expected):
    assert writers.format_for(path, name) == expected


def test_unknown_format_is_refused():
    with pytest.raises(errors.OutputError, match="use one of jsonl, json, csv, parquet, sqlite"):
        writers.format_for("out.x", "xlsx")

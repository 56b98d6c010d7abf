"""Writers: layouts of every format, batches committed whole, kills repaired, no duplicates.

The documents are built by hand (no pipeline involved); phrases are real-world
shapes of directives, not taken from the seeds.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3

import pyarrow.parquet as pq
import pytest

from directive_extract import errors
from directive_extract.models import Agency, Deadline, Directive, Document, Figure
from directive_extract.run import stores, writers

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


def written(out, fmt: str | None = None, **options) -> writers.Output:
    """An output at ``out`` holding documents a.txt and b.txt (b without directives)."""
    output = writers.Output(out, fmt, **options)
    output.add(document("a.txt"), digest="ha")
    output.add(document("b.txt", text="Tin tức không có chỉ đạo.", directives=()), digest="hb")
    output.close()
    return output


def sources(out, fmt: str) -> list[str]:
    """The source of every document record in an output, in file order."""
    if fmt == "jsonl":
        return [json.loads(line)["source"] for line in out.read_text("utf-8").splitlines()]
    if fmt == "json":
        return [record["source"] for record in json.loads(out.read_text("utf-8"))]
    if fmt == "csv":
        return [row["source"] for row in read_csv(out)]
    if fmt == "parquet":
        return pq.read_table(out).column("source").to_pylist()
    with sqlite3.connect(out) as connection:
        return [row[0] for row in connection.execute("SELECT source FROM documents ORDER BY rowid")]


# --- layouts -------------------------------------------------------------------------


def test_csv_one_row_per_directive_and_a_figures_file(tmp_path):
    written(tmp_path / "out.csv")
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


def test_parquet_typed_columns_in_parts(tmp_path):
    written(tmp_path / "out.parquet", batch_documents=1)
    assert sorted(path.name for path in (tmp_path / "out.parquet").iterdir()) == [
        "part-000001.parquet",
        "part-000002.parquet",
    ]
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
    output.close()
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
    output.close()
    content = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    records = (
        [json.loads(line) for line in content.splitlines()]
        if fmt == "jsonl"
        else json.loads(content)
    )
    assert [Document.model_validate(record) for record in records] == [document("a.txt")]


def test_text_none_leaves_the_full_text_out(tmp_path):
    written(tmp_path / "out.jsonl", text="none")
    records = [
        json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    ]
    assert [record["text"] for record in records] == ["", ""]
    assert records[0]["directives"][0]["lead"][0]["name"] == "Bộ Y tế"


# --- batches, kills, re-runs ------------------------------------------------------------


def test_a_batch_is_on_disk_once_full_and_memory_holds_one_batch_at_most(tmp_path):
    output = writers.Output(tmp_path / "out.jsonl", batch_documents=2)
    for number in range(5):
        output.add(document(f"{number}.txt"), digest=f"h{number}")
        assert len(output._pending) < 2
    assert sources(tmp_path / "out.jsonl", "jsonl") == ["0.txt", "1.txt", "2.txt", "3.txt"]
    # killed here: the fifth document was never committed
    again = writers.Output(tmp_path / "out.jsonl")
    assert again.manifest == {f"{n}.txt": f"h{n}" for n in range(4)}


def test_a_torn_batch_is_cut_off_by_the_next_run(tmp_path):
    out = tmp_path / "out.jsonl"
    written(out)
    committed = out.read_bytes()
    with open(out, "ab") as handle:  # a kill inside the write of the next batch...
        handle.write(b'{"doc_id": "x", "source": "c.txt", "te')
    log = writers.manifest_path(out)
    with open(log, "ab") as handle:  # ...or inside the append to the commit log
        handle.write(b'{"batch": 2, "ends": [9')
    output = writers.Output(out)
    assert output.manifest == {"a.txt": "ha", "b.txt": "hb"}
    assert out.read_bytes() == committed
    assert log.read_bytes().endswith(b"\n")


@pytest.mark.parametrize("fmt", writers.FORMATS)
def test_a_changed_input_replaces_its_record_without_duplicates(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    written(out, fmt)
    later = writers.Output(out, fmt)
    later.add(document("a.txt", text="Văn bản mới.", directives=()), digest="ha2")
    later.add(document("c.txt"), digest="hc")
    later.close()
    found = sources(out, fmt)
    assert sorted(set(found)) == ["a.txt", "b.txt", "c.txt"]
    assert len(found) == len(set(found)) or fmt in ("csv", "parquet")  # rows per directive
    assert sorted(found) == sorted(sources_once(fmt))
    assert writers.Output(out, fmt).manifest == {"a.txt": "ha2", "b.txt": "hb", "c.txt": "hc"}


def sources_once(fmt: str) -> list[str]:
    """The rows expected after the replacement: new a.txt (no directive), b.txt, c.txt."""
    rows_of_c = ["c.txt"]  # one directive
    return ["a.txt", "b.txt", *rows_of_c]


def test_a_run_killed_before_its_compaction_is_compacted_by_the_next(tmp_path):
    out = tmp_path / "out.jsonl"
    written(out)
    killed = writers.Output(out)
    killed.add(document("a.txt", text="Văn bản mới.", directives=()), digest="ha2")
    killed.commit()  # committed, then killed before close(): a.txt is in the file twice
    assert sources(out, "jsonl") == ["a.txt", "b.txt", "a.txt"]
    writers.Output(out).close()
    assert sources(out, "jsonl") == ["b.txt", "a.txt"]


def test_a_compaction_killed_half_way_is_finished_by_the_next_run(tmp_path, monkeypatch):
    out = tmp_path / "out.csv"
    written(out, "csv")
    later = writers.Output(out)
    later.add(document("a.txt", text="Văn bản mới.", directives=()), digest="ha2")
    later.commit()
    replace, calls = os.replace, []

    def killed_after_the_first_swap(source, target):
        calls.append(target)
        if len(calls) == 3:  # the commit log's copy, the directives file, then the kill
            raise KeyboardInterrupt
        replace(source, target)

    monkeypatch.setattr(stores.os, "replace", killed_after_the_first_swap)
    with pytest.raises(KeyboardInterrupt):
        later.close()
    monkeypatch.setattr(stores.os, "replace", replace)
    assert writers.Output(out).manifest == {"a.txt": "ha2", "b.txt": "hb"}
    assert sources(out, "csv") == ["b.txt", "a.txt"]
    assert [row["source"] for row in read_csv(tmp_path / "out.figures.csv")] == []


def test_force_writes_the_output_anew(tmp_path):
    out = tmp_path / "out.jsonl"
    written(out)
    output = writers.Output(out, force=True)
    output.add(document("c.txt"), digest="hc")
    output.close()
    assert sources(out, "jsonl") == ["c.txt"]
    assert writers.Output(out).manifest == {"c.txt": "hc"}


@pytest.mark.parametrize("fmt", writers.FORMATS)
def test_a_run_without_documents_still_leaves_an_output(tmp_path, fmt):
    output = writers.Output(tmp_path / f"out.{fmt}")
    output.close()
    assert (tmp_path / f"out.{fmt}").exists()
    assert writers.Output(tmp_path / f"out.{fmt}").manifest == {}


# --- errors before anything is extracted -------------------------------------------------


def test_a_file_without_commit_log_is_not_overwritten(tmp_path):
    (tmp_path / "out.jsonl").write_text('{"mine": 1}\n', encoding="utf-8")
    with pytest.raises(errors.OutputError, match="--force"):
        writers.Output(tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == '{"mine": 1}\n'


def test_an_output_shorter_than_its_commit_log_is_an_error(tmp_path):
    written(tmp_path / "out.jsonl")
    (tmp_path / "out.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(errors.OutputError, match="does not match its commit log"):
        writers.Output(tmp_path / "out.jsonl")


def test_unreadable_existing_output_is_an_output_error(tmp_path):
    (tmp_path / "out.sqlite").write_text("not a database", encoding="utf-8")
    with pytest.raises(errors.OutputError):
        writers.Output(tmp_path / "out.sqlite")


def test_an_output_that_cannot_be_written_is_an_output_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(errors.OutputError, match="cannot write the output"):
        writers.Output(tmp_path / "file" / "out.jsonl")


FORMAT_NAMES = [
    ("out.jsonl", None, "jsonl"),
    ("out.ndjson", None, "jsonl"),
    ("out.json", None, "json"),
    ("out.csv", None, "csv"),
    ("out.pq", None, "parquet"),
    ("out.sqlite3", None, "sqlite"),
    (None, None, "jsonl"),
    ("out.txt", "sqlite", "sqlite"),
]


@pytest.mark.parametrize(("path", "name", "expected"), FORMAT_NAMES)
def test_format_for(path, name, expected):
    assert writers.format_for(path, name) == expected


@pytest.mark.parametrize("path", ["out.xlsx", "out"])
def test_an_unknown_extension_is_refused(path):
    with pytest.raises(errors.OutputError, match="give --format"):
        writers.format_for(path)


def test_unknown_format_is_refused():
    with pytest.raises(errors.OutputError, match="use one of jsonl, json, csv, parquet, sqlite"):
        writers.format_for("out.x", "xlsx")


def test_source_order_reads_record_numbers():
    sources = ["b.txt", "a.jsonl#10", "a.jsonl#2", "a.jsonl"]
    assert sorted(sources, key=writers.source_order) == [
        "a.jsonl",
        "a.jsonl#2",
        "a.jsonl#10",
        "b.txt",
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_output_of_an_older_version_is_taken_over(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    written(out, fmt)
    writers.manifest_path(out).unlink()  # as an older version left it: no commit log...
    old = {"a.txt": "ha", "b.txt": "hb"}
    (tmp_path / f"out.{fmt}.manifest.json").write_text(json.dumps(old), encoding="utf-8")
    assert writers.Output(out).manifest == old  # ...but its JSON manifest
    assert not (tmp_path / f"out.{fmt}.manifest.json").exists()
    again = writers.Output(out)
    again.add(document("a.txt", text="Văn bản mới.", directives=()), digest="ha2")
    again.close()
    assert sorted(set(sources(out, fmt))) == ["a.txt", "b.txt"]
    assert sources(out, fmt).count("a.txt") == 1

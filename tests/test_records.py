"""The record contract: offsets, stable ids, JSON round trips, and bad input."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directive_extract import Document, extract, extract_file
from directive_extract.messages import EMPTY_INPUT

CORPORA = Path(__file__).parent.parent / "corpora"
TEXTS = sorted(CORPORA.rglob("*.txt"))


def _offset_violations(document: Document) -> list[str]:
    """Every record with offsets must point at its own text in ``document.text``."""
    text, wrong = document.text, []

    def check(what: str, start, end, written: str) -> None:
        if start is not None and text[start:end] != written:
            wrong.append(f"{what}: {written!r} != {text[start:end]!r}")

    for directive in document.directives:
        check("directive", directive.start, directive.end, directive.text)
        agencies = [*directive.lead, *directive.support, *directive.report_to]
        for agency in [*agencies, *([directive.issuer] if directive.issuer else [])]:
            check("agency", agency.start, agency.end, agency.mention)
        if directive.deadline:
            check(
                "deadline",
                directive.deadline.start,
                directive.deadline.end,
                directive.deadline.text,
            )
        for figure in directive.targets:
            check("target", figure.start, figure.end, figure.text)
    for figure in document.figures:
        check("figure", figure.start, figure.end, figure.text)
    return wrong


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_offset_indexes_the_normalised_text(path):
    document = extract_file(path)
    assert document.directives, "every development text holds directives"
    assert _offset_violations(document) == []
    starts = [d.start for d in document.directives]
    assert starts == sorted(starts)
    assert [f.start for f in document.figures] == sorted(f.start for f in document.figures)


@pytest.mark.parametrize("path", TEXTS[:3], ids=lambda p: p.stem)
def test_ids_are_stable_and_records_round_trip_through_json(path):
    first, second = extract_file(path), extract_file(path)
    assert first.doc_id == second.doc_id
    assert [d.id for d in first.directives] == [d.id for d in second.directives]
    assert len({d.id for d in first.directives}) == len(first.directives)
    assert Document.model_validate_json(first.model_dump_json()) == first


def test_the_same_text_gives_the_same_doc_id_and_another_text_another():
    a = extract("Bộ Y tế rà soát quy định.", source="a.txt")
    b = extract("Bộ Y tế rà soát quy định.", source="b.txt")
    c = extract("Bộ Tài chính rà soát quy định.", source="a.txt")
    assert a.doc_id == b.doc_id != c.doc_id
    assert a.schema_version == "1.0"


@pytest.mark.parametrize("text", ["", "   \n\t  \n", "\ufeff"])
def test_empty_input_gives_an_empty_document_with_a_warning(text):
    document = extract(text, source="empty.txt")
    assert (document.text, document.directives, document.figures) == ("", [], [])
    assert document.warnings == [EMPTY_INPUT]


def test_a_binary_file_gives_an_empty_document_naming_the_reason(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 8)
    document = extract_file(path)
    assert document.directives == [] and document.text == ""
    assert len(document.warnings) == 1 and "photo.txt" in document.warnings[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Thủ tướng giao Bộ Y tế",
                " khẩn trương ",
                "hoàn thành",
                " trước ngày 31/11/2024",
                "; ",
                ". ",
                "\n",
                "phối hợp với UBND tỉnh Gia Lai",
                "đạt 45-55%",
                " 1.084 ",
                "Thứ hai,",
                ": ",
                "(",
                ")",
                "đã ban hành",
                "Tin khác\n",
                "Quý II/2025",
            ]
        ),
        max_size=25,
    ).map("".join)
)
def test_any_text_gives_a_valid_document(text):
    document = extract(text)
    assert _offset_violations(document) == []

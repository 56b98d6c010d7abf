"""Readers: every format gives the same text as its plain UTF-8 twin; bad inputs say why.

The article below is written for these tests (not taken from the seeds); the
PDF twin is ASCII because the hand-made PDF uses a standard font without
Vietnamese letters.
"""

from __future__ import annotations

import io as bytes_io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import docx
import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from directive_extract import errors, messages
from directive_extract.read import files
from directive_extract.read.normalise import TONE_MARKS, canonical_form
from directive_extract.read.pdf import join_lines

HEADLINE = "Giao Bộ Y tế hoàn thiện dự án Luật Phòng bệnh"
BODY = [
    "Thủ tướng Chính phủ giao Bộ Y tế chủ trì, phối hợp với Bộ Tài chính hoàn thiện hồ sơ "
    "dự án Luật Phòng bệnh, trình Chính phủ trước ngày 30/9/2024.",
    "Ủy ban nhân dân các tỉnh, thành phố chỉ đạo bảo đảm 100% trạm y tế xã có bác sĩ, "
    "nâng cao sức khỏe nhân dân trong năm 2025.",
    "Các bộ, cơ quan báo cáo kết quả thực hiện về Văn phòng Chính phủ trước ngày 15/12/2024.",
]
TWIN = "\n".join([HEADLINE, *BODY])
TABLE = [
    ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
    ("1", "Xây dựng kế hoạch tiêm chủng mở rộng", "Sở Y tế", "Quý III/2024"),
    ("2", "Bố trí kinh phí thực hiện", "Sở Tài chính", "Tháng 10/2024"),
]
PDF_LINES = [
    "The Prime Minister asks the Ministry of Health to lead",
    "the drafting of the plan, due by 30/9/2024.",
    "The provinces report to the Government Office in December 2024.",
]
PDF_TWIN = (
    "The Prime Minister asks the Ministry of Health to lead the drafting of the plan, "
    "due by 30/9/2024.\nThe provinces report to the Government Office in December 2024."
)


# --- builders -------------------------------------------------------------------


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: tones as combining marks."""
    letters = []
    for char in text:
        marks = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in TONE_MARKS))
        letters.append(base + "".join(m for m in marks if m in TONE_MARKS))
    return "".join(letters).encode("cp1258")


def html_page(body: list[str]) -> str:
    """An article page with navigation, breadcrumbs, related links and a footer around it."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body)
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{HEADLINE} - Báo Điện tử Chính phủ</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="article:published_time" content="2024-07-12T09:30:00+07:00"></head><body>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/cs">Chính sách mới</a></li>
<li><a href="/ts">Thời sự</a></li><li><a href="/kt">Kinh tế</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/ts">Thời sự</a></div>
<main><article><h1>{HEADLINE}</h1><div class="content">{paragraphs}</div></article></main>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/a">Hà Nội thành lập Hội đồng
thẩm định</a></li><li><a href="/b">Xuất khẩu sản phẩm số ước đạt 64,8 tỷ USD</a></li></ul></aside>
<footer><p>Bản quyền thuộc Báo Điện tử Chính phủ.</p></footer></body></html>"""


def make_docx(paragraphs: list[str], table: list[tuple[str, ...]] = (), after: str = "") -> bytes:
    document = docx.Document()
    for line in paragraphs:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    if after:
        document.add_paragraph(after)
    buffer = bytes_io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Helvetica, so ASCII only)."""
    shown = " ".join(f"({line}) Tj T*" for line in lines)
    content = f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return bytes(pdf + trailer.encode())


def encrypted(pdf: bytes, password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(bytes_io.BytesIO(pdf)))
    writer.encrypt(password, "owner-secret")
    buffer = bytes_io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def table_lines(table) -> list[str]:
    return [" | ".join(row) for row in table]


# --- plain text -------------------------------------------------------------------

ENCODINGS = [
    ("utf-8", TWIN.encode("utf-8"), []),
    ("utf-8 with BOM", TWIN.encode("utf-8-sig"), []),
    ("utf-16 with BOM", TWIN.encode("utf-16"), []),
    ("utf-16-le without BOM", TWIN.encode("utf-16-le"), []),
    ("utf-8 decomposed (NFD)", unicodedata.normalize("NFD", TWIN).encode(), []),
    ("windows-1258", to_cp1258(TWIN), [messages.NOT_UTF8.format(encoding="cp1258")]),
]


@pytest.mark.parametrize(("label", "data", "warnings"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_plain_text_in_any_encoding_reads_as_its_twin(label, data, warnings):
    loaded = files.decode(data, "article.txt")
    assert canonical_form(loaded.text) == canonical_form(TWIN)
    assert loaded.warnings == warnings


def test_windows_1258_really_uses_combining_tone_marks():
    data = to_cp1258("Ủy ban")
    assert data == b"U\xd2y ban"
    assert files.decode(data, "a.txt").text == "U\u0309y ban"


BINARY = [
    ("NUL bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "NUL bytes"),
    ("control characters", bytes(range(1, 9)) * 200, "printable"),
]


@pytest.mark.parametrize(("label", "data", "detail"), BINARY, ids=[b[0] for b in BINARY])
def test_binary_data_is_refused(label, data, detail):
    with pytest.raises(errors.InputError) as caught:
        files.decode(data, "image.txt")
    assert caught.value.reason.startswith("the input looks binary")
    assert detail in caught.value.reason


def test_stray_nul_bytes_are_removed_with_a_warning():
    data = TWIN.encode("utf-8").replace(b"\n", b"\x00\n", 3)
    loaded = files.decode(data, "article.txt")
    assert loaded.text == TWIN
    assert loaded.warnings == [messages.NUL_REMOVED.format(count=3)]


MOJIBAKE = [
    ("utf-8 read as windows-1252", TWIN.encode("utf-8").decode("sloppy-windows-1252")),
    ("utf-8 read as latin-1", TWIN.encode("utf-8").decode("latin-1")),
]


@pytest.mark.parametrize(("label", "garbled"), MOJIBAKE, ids=[m[0] for m in MOJIBAKE])
def test_mojibake_is_repaired_with_a_warning(label, garbled):
    assert "Thá»§ tÆ°á»›ng" in garbled or "Thá»§ tÆ°á»\x9bng" in garbled
    loaded = files.decode(garbled.encode("utf-8"), "article.txt")
    assert loaded.text == TWIN
    assert loaded.warnings == [messages.MOJIBAKE_REPAIRED]


def test_good_text_in_every_encoding_is_left_as_it_is():
    for _, data, _ in ENCODINGS:
        assert messages.MOJIBAKE_REPAIRED not in files.decode(data, "a.txt").warnings


def test_unicode_spaces_are_text_not_binary():
    spaced = TWIN.replace(" ", "\xa0").replace("\n", "\u2028\u200b\n")
    loaded = files.decode(spaced.encode("utf-8"), "page.txt")
    assert loaded.text == spaced


def test_empty_text_reads_as_empty():
    assert files.decode(b"", "empty.txt").text == ""


# --- HTML, DOCX, PDF --------------------------------------------------------------


def test_html_keeps_the_article_and_drops_the_chrome():
    loaded = files.decode(html_page(BODY).encode("utf-8"), "page.html")
    assert loaded.text == TWIN
    assert (loaded.title, loaded.published) == (HEADLINE, "2024-07-12")


def test_docx_paragraphs_and_table_rows_in_body_order():
    loaded = files.decode(make_docx([HEADLINE, *BODY[:2]], TABLE, after=BODY[2]), "plan.docx")
    assert loaded.text.splitlines() == [HEADLINE, *BODY[:2], *table_lines(TABLE), BODY[2]]


def test_docx_merged_cells_appear_once():
    data = make_docx([HEADLINE], [("1", "Lập kế hoạch", ""), ("2", "Sở Y tế", "")])
    document = docx.Document(bytes_io.BytesIO(data))
    table = document.tables[0]
    table.cell(0, 1).merge(table.cell(0, 2))
    buffer = bytes_io.BytesIO()
    document.save(buffer)
    assert files.decode(buffer.getvalue(), "t.docx").text.splitlines()[1:] == [
        "1 | Lập kế hoạch",
        "2 | Sở Y tế",
    ]


def test_pdf_text_layer_with_wrapped_lines_joined():
    loaded = files.decode(make_pdf(PDF_LINES), "decision.pdf")
    assert loaded.text == PDF_TWIN


def test_pdf_with_an_empty_user_password_opens():
    assert files.decode(encrypted(make_pdf(PDF_LINES), ""), "open.pdf").text == PDF_TWIN


BROKEN = [
    ("truncated docx", "plan.docx", lambda: make_docx(BODY)[:700], messages.BROKEN_DOCX),
    ("old .doc bytes renamed", "plan.docx", lambda: b"\xd0\xcf\x11\xe0" * 50, messages.BROKEN_DOCX),
    ("encrypted pdf", "a.pdf", lambda: encrypted(make_pdf(PDF_LINES), "secret"), None),
    ("truncated pdf", "a.pdf", lambda: make_pdf(PDF_LINES)[:300], None),
    ("scanned pdf", "a.pdf", lambda: make_pdf([]), messages.NO_TEXT_LAYER),
]


@pytest.mark.parametrize(("label", "name", "build", "reason"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_documents_are_refused_in_words(label, name, build, reason):
    with pytest.raises(errors.InputError) as caught:
        files.decode(build(), name)
    expected = {
        "encrypted pdf": messages.ENCRYPTED_PDF,
        "truncated pdf": "not a readable PDF (",
    }.get(label, reason)
    assert caught.value.reason.startswith(expected)


def test_unknown_type_is_unsupported():
    with pytest.raises(errors.Unsupported) as caught:
        files.decode(b"{\\rtf1 abc}", "letter.rtf")
    assert caught.value.reason == messages.UNSUPPORTED_TYPE.format(suffix=".rtf")


# --- files --------------------------------------------------------------------------


def test_read_file_errors_say_why(tmp_path):
    with pytest.raises(errors.InputError, match="no such file"):
        files.read_file(tmp_path / "missing.txt")
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(errors.InputError, match=messages.NOT_A_FILE):
        files.read_file(tmp_path / "folder.txt")


def test_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(TWIN, encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: simulate the refusal

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(files, "open", refuse, raising=False)
    else:
        path.chmod(0)
    with pytest.raises(errors.InputError) as caught:
        files.read_file(path)
    assert (caught.value.path, caught.value.reason) == (str(path), messages.PERMISSION_DENIED)


# --- JSON records -------------------------------------------------------------------


def test_json_lines_records_with_their_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"text": BODY[0], "title": HEADLINE, "published": "2024-07-12"},
        {"body": "no text field"},
        {"text": BODY[1], "source": "https://example.org/bai-viet-2"},
    ]
    path.write_text("\n".join(map(json.dumps, lines)) + "\n\nnot json\n", encoding="utf-8")
    results = list(files.iter_records(path.read_bytes(), str(path)))
    assert [(source, type(loaded).__name__) for source, loaded in results] == [
        (f"{path}#1", "LoadedText"),
        (f"{path}#2", "Unsupported"),
        ("https://example.org/bai-viet-2", "LoadedText"),
        (f"{path}#4", "InputError"),
    ]
    assert results[0][1] == files.LoadedText(BODY[0], title=HEADLINE, published="2024-07-12")


def test_json_array_with_another_text_field(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([{"content": BODY[0]}, {"content": BODY[1]}]), encoding="utf-8")
    assert [loaded.text for _, loaded in files.read_records(path, text_field="content")] == BODY[:2]


def test_read_file_takes_a_json_file_of_one_record(tmp_path):
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    one.write_text(json.dumps({"text": TWIN}), encoding="utf-8")
    two.write_text(json.dumps([{"text": "a"}, {"text": "b"}]), encoding="utf-8")
    assert files.read_file(one).text == TWIN
    with pytest.raises(errors.InputError, match="holds 2 records"):
        files.read_file(two)


@given(st.text(alphabet="aĐ ồ\n.:", max_size=60))
def test_unwrapping_only_joins_lines(text):
    unwrapped = "\n".join(join_lines(text.split("\n")))
    assert unwrapped.split() == text.split()
    assert unwrapped.count("\n") <= text.count("\n")


# --- the same directives from every format -------------------------------------------


def test_every_format_gives_the_directives_of_its_twin(tmp_path):
    from directive_extract.pipeline import extract

    twins = {
        "utf8.txt": (TWIN.encode("utf-8"), TWIN),
        "utf16.txt": (TWIN.encode("utf-16"), TWIN),
        "cp1258.txt": (to_cp1258(TWIN), TWIN),
        "page.html": (html_page(BODY).encode("utf-8"), TWIN),
        "plan.docx": (make_docx([HEADLINE, *BODY], TABLE), "\n".join([TWIN, *table_lines(TABLE)])),
        "decision.pdf": (make_pdf(PDF_LINES), PDF_TWIN),
    }
    for name, (data, twin) in twins.items():
        (tmp_path / name).write_bytes(data)
        loaded = files.read_file(tmp_path / name)
        from_file = extract(loaded.text, source=name, published="2024-07-12")
        from_twin = extract(twin, source=name, published="2024-07-12")
        assert from_file.text == from_twin.text, name
        assert from_file.directives == from_twin.directives, name


# --- the command on a mixed folder ----------------------------------------------------


def build_mixed_folder(folder: Path) -> dict[str, str]:
    """Good inputs of every kind and bad ones; returns {file name: expected status}."""
    files = {
        "a_utf8.txt": (TWIN.encode("utf-8"), "ok"),
        "b_utf16.txt": (TWIN.encode("utf-16"), "ok"),
        "c_cp1258.txt": (to_cp1258(TWIN), "ok"),
        "d_page.html": (html_page(BODY).encode("utf-8"), "ok"),
        "e_plan.docx": (make_docx([HEADLINE, *BODY], TABLE), "ok"),
        "f_decision.pdf": (make_pdf(PDF_LINES), "ok"),
        "g_empty.txt": (b"", "skipped"),
        "h_image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 30, "failed"),
        "i_truncated.docx": (make_docx(BODY)[:700], "failed"),
        "j_notes.rtf": (b"{\\rtf1 abc}", "skipped"),
    }
    folder.mkdir()
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: status for name, (_, status) in files.items()}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "directive_extract.cli", "extract", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def test_cli_on_a_mixed_folder_reports_bad_files_and_goes_on(tmp_path):
    expected = build_mixed_folder(tmp_path / "in")
    done = run_cli(str(tmp_path / "in"))
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    ok = sorted(name for name, status in expected.items() if status == "ok")
    assert [Path(record["source"]).name for record in records] == ok
    texts = {Path(r["source"]).name: r["text"] for r in records}
    assert texts["a_utf8.txt"] == texts["b_utf16.txt"] == texts["c_cp1258.txt"]
    assert texts["a_utf8.txt"] == texts["d_page.html"]
    reported = dict(line.split(": ", 1) for line in done.stderr.splitlines()[:-1])
    assert {Path(path).name for path in reported} == {
        name for name, status in expected.items() if status != "ok"
    }
    assert reported[str(tmp_path / "in" / "g_empty.txt")] == messages.EMPTY_INPUT
    assert "6 ok, 2 skipped, 2 failed" in done.stderr.splitlines()[-1]


def test_cli_exit_status_is_zero_when_nothing_failed(tmp_path):
    (tmp_path / "a.txt").write_text(TWIN, encoding="utf-8")
    (tmp_path / "b.rtf").write_bytes(b"{\\rtf1 abc}")
    assert run_cli(str(tmp_path)).returncode == 0
    assert run_cli(str(tmp_path), "--strict").returncode == 1


@given(st.text(max_size=80))
def test_printable_share_counts_every_character_as_the_plain_definition_does(text):
    """The share is computed at regex speed by looking closely only at characters
    outside the usual ranges; it must still equal the per-character definition."""
    text_like = sum(
        1
        for char in text
        if char.isprintable() or char.isspace() or unicodedata.category(char) == "Cf"
    )
    expected = text_like / len(text) if text else 1.0
    assert files._printable_share(text) == pytest.approx(expected)


def test_clean_text_of_short_headings_and_items_is_not_taken_for_hard_wrapped():
    """A second read's probe (written apart): lines of one width that each end a sentence
    or an item are a list, not a text broken at a fixed width; it is left as it is."""
    from directive_extract.read.wraps import unwrapped

    items = [
        "Sở Tài chính khẩn trương rà soát các khoản chi thường xuyên năm 2026;",
        "Sở Y tế khẩn trương hoàn thành bệnh án điện tử tại các bệnh viện;",
        "Sở Xây dựng khẩn trương rà soát quy hoạch đô thị toàn tỉnh;",
        "Sở Nội vụ khẩn trương sắp xếp tổ chức bộ máy các đơn vị;",
        "Sở Công Thương khẩn trương kiểm tra thị trường xăng dầu;",
        "Sở Tư pháp khẩn trương thẩm định dự thảo quy định mới;",
        "Sở Giáo dục và Đào tạo khẩn trương rà soát trường lớp.",
    ]
    text = "\n".join(["KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRỌNG TÂM", "Nhiệm vụ đến hết năm 2030", *items])
    assert unwrapped(text) == text

"""Task tables in every input format, and the clean-up of PDF text layers.

Each input is built here: a Word file whose table has a two-row header ("Cơ quan" over
"chủ trì | phối hợp") and group rows; a text file with a tab-separated table; a PDF
(written with fpdf2) whose table cells wrap over lines, with a deadline broken by a
line, a running head and page numbers on every page, and the writer's "(anonymous)"
title.  Every case asserts the exact directives: text, lead, support and deadline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_extract import extract
from directive_extract.pipeline import extract_file
from directive_extract.read import files

TTTT = "Sở Thông tin và Truyền thông"
VP = "Văn phòng Ủy ban nhân dân tỉnh"


def _directives(path: Path) -> list[tuple[str, list[str], list[str], str | None]]:
    document = extract_file(path)
    return [
        (
            directive.text,
            [agency.name for agency in directive.lead],
            [agency.name for agency in directive.support],
            str(directive.deadline.due) if directive.deadline else None,
        )
        for directive in document.directives
    ]


# --- Word: a merged two-row header and group rows ------------------------------------


def _merged_header_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ("KẾ HOẠCH", "Triển khai chuyển đổi số năm 2025", "Phân công nhiệm vụ như sau:"):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=5)
    top, below = table.rows[0].cells, table.rows[1].cells
    for cell, text in zip(top, ("STT", "Nội dung", "Cơ quan", "", "Thời gian"), strict=True):
        cell.text = text
    top[2].merge(top[3])
    below[2].text, below[3].text = "chủ trì", "phối hợp"
    for column in (0, 1, 4):
        table.cell(0, column).merge(table.cell(1, column))

    def group(index: str, title: str) -> None:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = index, title
        cells[1].merge(cells[4])

    def task(*texts: str) -> None:
        for cell, text in zip(table.add_row().cells, texts, strict=True):
            cell.text = text

    group("I", "Nhóm nhiệm vụ về thể chế")
    task("1", "Xây dựng quy chế quản lý dữ liệu dùng chung", TTTT, "Sở Tư pháp", "Quý II/2025")
    task("2", "Rà soát thủ tục hành chính trên môi trường điện tử", VP, "", "Tháng 9/2025")
    group("II", "Nhóm nhiệm vụ về hạ tầng")
    task("3", "Nâng cấp trung tâm dữ liệu tỉnh", "Sở Tài chính", TTTT, "trước ngày 30/11/2025")
    document.save(path)


def test_a_merged_header_names_whole_columns_and_a_group_row_is_a_heading(tmp_path):
    path = tmp_path / "ke_hoach.docx"
    _merged_header_docx(path)
    lines = files.read_file(path).text.splitlines()
    assert lines[3] == "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian"
    assert lines[4] == "I. Nhóm nhiệm vụ về thể chế"
    assert (
        lines[6]
        == f"2 | Rà soát thủ tục hành chính trên môi trường điện tử | {VP} |  | Tháng 9/2025"
    )


def test_a_docx_table_with_merged_header_and_group_rows_gives_one_directive_per_task(tmp_path):
    path = tmp_path / "ke_hoach.docx"
    _merged_header_docx(path)
    assert _directives(path) == [
        ("Xây dựng quy chế quản lý dữ liệu dùng chung", [TTTT], ["Sở Tư pháp"], "2025-06-30"),
        ("Rà soát thủ tục hành chính trên môi trường điện tử", [VP], [], "2025-09-30"),
        ("Nâng cấp trung tâm dữ liệu tỉnh", ["Sở Tài chính"], [TTTT], "2025-11-30"),
    ]


def test_a_docx_table_that_names_no_task_columns_keeps_its_rows(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "ỦY BAN NHÂN DÂN", "CỘNG HÒA"
    document.save(tmp_path / "a.docx")
    assert files.read_file(tmp_path / "a.docx").text == "ỦY BAN NHÂN DÂN | CỘNG HÒA"


# --- text: a tab-separated table -------------------------------------------------------

TAB_TABLE = (
    "KẾ HOẠCH\nThực hiện cải cách hành chính năm 2025\n"
    "Ủy ban nhân dân tỉnh giao nhiệm vụ như sau:\n"
    "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n"
    "I\tNhóm nhiệm vụ về thể chế\n"
    "1\tRà soát, đơn giản hóa thủ tục hành chính\tSở Tư pháp\t" + VP + "\tQuý III/2025\n"
    "2\tTổ chức đối thoại với doanh nghiệp\tSở Kế hoạch và Đầu tư\t\ttrước ngày 30/9/2025\n"
)


def test_a_tab_separated_table_in_text_gives_its_rows_leads_and_deadlines(tmp_path):
    path = tmp_path / "ke_hoach.txt"
    path.write_text(TAB_TABLE, encoding="utf-8")
    assert "I. Nhóm nhiệm vụ về thể chế\n1 | Rà soát" in files.read_file(path).text
    assert _directives(path) == [
        ("Rà soát, đơn giản hóa thủ tục hành chính", ["Sở Tư pháp"], [VP], "2025-09-30"),
        ("Tổ chức đối thoại với doanh nghiệp", ["Sở Kế hoạch và Đầu tư"], [], "2025-09-30"),
    ]


def test_tabs_outside_a_task_table_are_left_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Họ tên\tChức vụ\tĐơn vị\nNguyễn Văn A\tGiám đốc\tSở Y tế\n", encoding="utf-8")
    assert files.read_file(path).text.count("\t") == 4


# --- PDF: wrapped cells, a broken deadline, running heads ------------------------------

_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)
PARAGRAPH = (
    "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư bố trí kinh phí "
    "thực hiện Kế hoạch, hoàn thành trước ngày 30/9/2024."
)
ROWS = (
    ("STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"),
    (
        "1",
        "Xây dựng kho dữ liệu dùng chung của tỉnh, kết nối với cơ sở dữ liệu quốc gia về dân cư",
        TTTT,
        "Quý IV/2024",
    ),
    (
        "2",
        "Rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính trên môi trường điện tử",
        VP,
        "trước ngày 15/10/2024",
    ),
)


def _font() -> str:
    found = next((font for font in _FONTS if Path(font).exists()), None)
    if found is None:
        pytest.skip("no TrueType font with Vietnamese letters on this machine")
    return found


def _pdf(path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    font = _font()

    class Plan(fpdf.FPDF):
        def header(self) -> None:
            self.set_font("body", size=9)
            self.cell(0, 6, f"Kế hoạch chuyển đổi số tỉnh - Trang {self.page_no()}")
            self.ln(8)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("body", size=9)
            self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Plan()
    pdf.set_title("(anonymous)")
    pdf.add_font("body", fname=font)
    pdf.add_font("body", style="B", fname=font)
    pdf.set_font("body", size=11)
    pdf.add_page()
    for line in ("ỦY BAN NHÂN DÂN TỈNH", "KẾ HOẠCH", "Triển khai chuyển đổi số năm 2024"):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(130, 6, PARAGRAPH, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "2. Phân công nhiệm vụ cụ thể như sau:", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(10, 80, 50, 40)) as table:
        for cells in ROWS:
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.add_page()
    pdf.cell(0, 6, "3. Sở Nội vụ chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này.")
    pdf.output(str(path))


def test_the_pdf_built_here_breaks_its_cells_and_deadline_over_lines(tmp_path):
    from pypdf import PdfReader

    path = tmp_path / "ke_hoach.pdf"
    _pdf(path)
    raw = PdfReader(path).pages[0].extract_text()
    assert "trước ngày\n30/9/2024" in raw  # the case the reader must repair
    assert "Truyền\nthông" in raw


def test_a_pdf_table_with_wrapped_cells_keeps_each_rows_lead_and_deadline(tmp_path):
    path = tmp_path / "ke_hoach.pdf"
    _pdf(path)
    assert _directives(path) == [
        (PARAGRAPH, ["Sở Tài chính"], ["Sở Kế hoạch và Đầu tư"], "2024-09-30"),
        (ROWS[1][1], [TTTT], [], "2024-12-31"),
        (ROWS[2][1], [VP], [], "2024-10-15"),
        (
            "3. Sở Nội vụ chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
            ["Sở Nội vụ"],
            [],
            None,
        ),
    ]


def test_pdf_running_heads_page_numbers_and_a_placeholder_title_are_gone(tmp_path):
    path = tmp_path / "ke_hoach.pdf"
    _pdf(path)
    loaded = files.read_file(path)
    assert "Trang" not in loaded.text
    assert loaded.title is None
    assert loaded.text.splitlines()[0] == "ỦY BAN NHÂN DÂN TỈNH"
    assert loaded.text.endswith("đôn đốc việc thực hiện Kế hoạch này.")
    assert extract_file(path).title != "(anonymous)"


def test_a_line_repeated_at_the_top_of_every_page_is_a_running_head():
    from directive_extract.read.pdf import strip_running_heads

    pages = [
        ["CÔNG BÁO/Số 12", "Giao Sở Y tế chủ trì.", "", "Trang cuối 7"],
        ["CÔNG BÁO/Số 13", "Sở Tài chính phối hợp.", "8"],
    ]
    assert strip_running_heads(pages) == [
        ["Giao Sở Y tế chủ trì.", "", "Trang cuối 7"],
        ["Sở Tài chính phối hợp."],
    ]


def test_a_markdown_tables_rule_lines_are_no_rows():
    """Written apart (probe): the rule under a Markdown table's header ("|---|") and one
    with alignment colons are no task; the rows after them keep the header's columns."""
    text = (
        "Thủ tướng yêu cầu:\n| Nội dung | Cơ quan chủ trì | Thời hạn |\n|---|---|---|\n"
        "| Xây dựng đề án | Bộ Tài chính | Quý III/2025 |\n| :--- | --- | --- |\n"
        "| Rà soát quy định | Bộ Tư pháp | Quý IV/2025 |"
    )
    rows = [
        (d.text, [a.name for a in d.lead], d.deadline.due)
        for d in extract(text, published="2025-03-01").directives
    ]
    assert rows == [
        ("Xây dựng đề án", ["Bộ Tài chính"], "2025-09-30"),
        ("Rà soát quy định", ["Bộ Tư pháp"], "2025-12-31"),
    ]


def _rows(text: str) -> list[tuple[str, list[str], str | None]]:
    return [
        (d.text, [a.name for a in d.lead], d.deadline.due if d.deadline else None)
        for d in extract(text, published="2025-03-01").directives
    ]


def test_a_numbered_row_short_of_its_last_cells_is_a_row_of_its_own():
    """Written apart (a second read's probe): a row that opens with its number lacks its
    last cells; it shares nothing with the row above."""
    text = (
        "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn\n"
        "1 | Xây dựng kế hoạch phòng chống dịch | Sở Y tế | Sở Tài chính | Quý II/2025\n"
        "2 | Tổ chức tập huấn cho cán bộ y tế cơ sở | Sở Nội vụ | Sở Y tế\n"
    )
    assert _rows(text) == [
        ("Xây dựng kế hoạch phòng chống dịch", ["Sở Y tế"], "2025-06-30"),
        ("Tổ chức tập huấn cho cán bộ y tế cơ sở", ["Sở Nội vụ"], None),
    ]


def test_no_row_shares_the_task_of_the_row_above():
    """A row of a time cell alone under a content column it would share is no task."""
    text = (
        "STT | Nội dung | Cơ quan chủ trì | Thời hạn\n"
        "1 | Xây dựng kế hoạch phòng chống dịch | Sở Y tế | Quý II/2025\n"
        "Sở Tài chính | Quý III/2025\n"
    )
    assert [row[0] for row in _rows(text)] == ["Xây dựng kế hoạch phòng chống dịch"]


def test_a_cells_lead_in_over_its_items_is_no_task():
    text = (
        "STT | Nội dung | Cơ quan chủ trì | Thời hạn\n"
        "1 | Giai đoạn 1: - Rà soát cơ sở. - Kiểm tra thiết bị. | Sở Y tế | Năm 2025\n"
    )
    assert _rows(text) == [
        ("- Rà soát cơ sở.", ["Sở Y tế"], "2025-12-31"),
        ("- Kiểm tra thiết bị.", ["Sở Y tế"], "2025-12-31"),
    ]


def test_a_table_with_no_partners_column_names_them_in_the_tasks_first_sentence():
    """official/74e2ddc7b11340da.md (dev, tuned on): the conclusion's appendix lists tasks
    under STT | Nhiệm vụ | Văn bản giao nhiệm vụ | Cơ quan chủ trì | Thời hạn; the task
    itself says whom its lead works with; partners of later advice in the cell are not
    the task's."""
    text = (
        "STT | Nhiệm vụ | Văn bản giao nhiệm vụ | Cơ quan chủ trì thực hiện | Thời hạn\n"
        "15. | Chủ trì, phối hợp với Bộ Công an và các cơ quan liên quan tập trung nguồn"
        " lực, hoàn thành 04 CSDL ngành Y tế | Thông báo số 46-TB/TGV | Bộ Y tế | 31/10/2025\n"
        "7. | Chủ trì, phối hợp với Bộ Tài chính xây dựng Đề án. Trong quá trình xây dựng"
        " Đề án, cần phối hợp chặt chẽ với Bộ Giáo dục và Đào tạo. | Thông báo số"
        " 42-TB/TGV | Bộ Khoa học và Công nghệ | 30/09/2025\n"
    )
    supports = [[a.name for a in d.support] for d in extract(text).directives]
    assert supports == [["Bộ Công an", "cơ quan liên quan"], ["Bộ Tài chính"]]
    # a second read's probe: the partners of a later task of the cell are not the first's
    later = text.replace("xây dựng Đề án. Trong", "xây dựng Đề án; phối hợp với Bộ Nội vụ. Trong")
    assert [[a.name for a in d.support] for d in extract(later).directives][1] == ["Bộ Tài chính"]


def test_a_row_of_short_cells_under_a_header_is_a_row_not_a_header():
    """A second read's probe: a row's cells may be short and hold a column's word ("chủ
    trì"); it opens with its number, and it is a row of the table."""
    text = (
        "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn\n"
        "1. | Kiểm tra hoạt động quảng cáo | Sở Công Thương chủ trì | Các sở, ngành | Quý II/2025\n"
        "2. | Rà soát thủ tục hành chính | Sở Tư pháp | Các sở, ngành | Quý III/2025\n"
    )
    assert [d.deadline.due for d in extract(text, published="2025-01-10").directives] == [
        "2025-06-30",
        "2025-09-30",
    ]


def test_a_header_under_a_header_opens_the_next_table_and_is_no_task():
    """official/74e2ddc7b11340da.md (dev, tuned on): an appendix's tables follow one
    another; the next one's header, right under the last row, names its columns."""
    text = (
        "STT | Nhiệm vụ | Cơ quan chủ trì thực hiện | Thời hạn hoàn thành\n"
        "1. | Xây dựng đề án ứng dụng IoT | Bộ Y tế | 30/09/2025\n"
        "STT | Nhiệm vụ | Văn bản giao nhiệm vụ | Cơ quan chủ trì thực hiện | Thời hạn\n"
        "1. | Ban hành Chiến lược dữ liệu | Thông báo số 44-TB/TGV | Bộ Tài chính | 31/10/2025\n"
    )
    assert _rows(text) == [
        ("Xây dựng đề án ứng dụng IoT", ["Bộ Y tế"], "2025-09-30"),
        ("Ban hành Chiến lược dữ liệu", ["Bộ Tài chính"], "2025-10-31"),
    ]


@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("Quý I/2026", "2026-03-31"),
        ("Năm 2026", "2026-12-31"),
        ("2026", "2026-12-31"),
        ("12/2025", "2025-12-31"),
        ("6/2026", "2026-06-30"),
        ("Thường xuyên", None),
    ],
)
def test_a_time_columns_cell_gives_its_rows_deadline_even_without_a_word_for_it(cell, due):
    """Written apart, from ANNOTATION.md ("năm 2026 (table cell)" is 2026-12-31): a plan's
    time column often writes the year or the month alone."""
    text = (
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        f"| 1 | Xây dựng cơ sở dữ liệu về đất đai | Sở Tài chính | {TTTT} | {cell} |\n"
    )
    (directive,) = extract(text, published="2025-11-20").directives
    assert (directive.lead[0].name, directive.deadline and directive.deadline.due) == (
        "Sở Tài chính",
        due,
    )

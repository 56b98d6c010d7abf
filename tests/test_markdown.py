"""Reading scraped Markdown: hard-wrap repair, portal tables, metadata and summaries.

Excerpts are short pieces of ../shared/real pages (named at each case), some shortened;
the others were written for the test.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from directive_extract import extract, extract_file
from directive_extract.discourse.layout import layout
from directive_extract.read.files import decode
from directive_extract.read.markdown import render
from directive_extract.read.page import read_page
from directive_extract.read.wraps import join_wrapped, paragraphs, wrap_width

# official/00e8b0e4daffc2ef.md: a portal page wrapped at 80 columns, a styled article line
ARTICLE = """**Điều 2. **Sở
Công Thương có trách nhiệm chủ trì, phối hợp với các cơ quan, UBND các xã, phường,
đơn vị liên quan thực hiện quản lý hoạt động, xác nhận và hướng dẫn các doanh
nghiệp, thương nhân tổ chức hội chợ, triển lãm thương mại thực hiện theo đúng
quy định.
**Điều 3. **Thủ
trưởng các cơ quan căn cứ Quyết định thi hành./."""


def test_wrapped_lines_of_a_paragraph_join_and_articles_stay_apart():
    lines = render(ARTICLE).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Điều 2. Sở Công Thương có trách nhiệm chủ trì")
    assert lines[0].endswith("theo đúng quy định.")
    assert lines[1] == "Điều 3. Thủ trưởng các cơ quan căn cứ Quyết định thi hành./."


def test_a_semicolon_does_not_end_an_item_that_runs_on():
    """official/fa0dcc139cec05de.md: item 3 breaks after ';' then goes on in capitals."""
    wrapped = [
        "3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan thanh",
        "tra khẩn trương triển khai hiệu quả các nhiệm vụ nêu trên.",
        "4. Giao Bộ Tài chính đôn đốc các Bộ, cơ quan, địa phương.",
    ]
    assert join_wrapped(wrapped, 80) == [
        "3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; Ủy ban nhân dân các tỉnh, thành"
        " phố trực thuộc trung ương và các cơ quan thanh tra khẩn trương triển khai hiệu quả"
        " các nhiệm vụ nêu trên.",
        "4. Giao Bộ Tài chính đôn đốc các Bộ, cơ quan, địa phương.",
    ]


def test_a_bold_heading_ends_before_the_sentence_under_it():
    """official/7f6efa59099bb33b.md (dev): a unit's name in bold over its task.  A bold
    subject whose verb follows in lower case runs on (written apart)."""
    wrapped = [
        "**6. Cục",
        "Thể dục thể thao Việt Nam**",
        "Khẩn trương hoàn thành thực",
        "thi phương án đơn giản hóa thủ tục hành chính.",
    ]
    assert join_wrapped(wrapped, 80) == [
        "**6. Cục Thể dục thể thao Việt Nam**",
        "Khẩn trương hoàn thành thực thi phương án đơn giản hóa thủ tục hành chính.",
    ]
    assert join_wrapped(["**1. Bộ Công an**", "chủ trì, rà soát."], 80) == [
        "**1. Bộ Công an** chủ trì, rà soát."
    ]


def test_footnote_marks_glued_to_words_are_left_out():
    """official/8180ae11188469fd.md: "phối hợp với Bộ Nội vụ[4], Bộ Tài chính"."""
    assert render("phối hợp với Bộ Nội vụ[4], Bộ Tài chính; xem [1] và a[b]") == (
        "phối hợp với Bộ Nội vụ, Bộ Tài chính; xem [1] và a[b]"
    )


def test_a_deadline_broken_over_two_lines_is_read():
    text = render(
        "Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan hoàn thành trước ngày\n"
        "30/9/2024 và báo cáo Ủy ban nhân dân tỉnh.\n"
    )
    [directive] = extract(text, published="2024-07-01").directives
    assert directive.deadline.due == "2024-09-30"


# official/00e8b0e4daffc2ef.md: the portal's one-cell-per-line tables (shortened)
TABLE = """**Số hiệu:**
|
471/QĐ-UBND
|
|
**Loại văn bản:**
|
Quyết định
|
**Người ký:**
|
Phạm Văn Thịnh
|
|
**STT**
|
**Địa điểm**
|
|
**1**
|
Khu vực nhà thi đấu thể
thao tỉnh Bắc Ninh
|
|"""


def test_one_cell_per_line_tables_become_rows():
    assert paragraphs(TABLE) == [
        "**Số hiệu:** | 471/QĐ-UBND",
        "**Loại văn bản:** | Quyết định | **Người ký:** | Phạm Văn Thịnh",
        "**STT** | **Địa điểm**",
        "**1** | Khu vực nhà thi đấu thể thao tỉnh Bắc Ninh",
    ]


def test_the_metadata_table_fills_the_fields_and_the_summary_is_set_aside():
    """official/fa0dcc139cec05de.md, shortened: metadata, the site's summary, the document."""
    lines = [
        "Đang tải văn bản...",
        "Số hiệu: | 230/CĐ-TTg",
        "Loại văn bản: | Công điện | Nơi ban hành: | Thủ tướng Chính phủ",
        "Người ký: | Nguyễn Hòa Bình | Ngày ban hành: | 26/11/2025",
        "Khẩn trương hoàn thành cập nhật, rà soát, phân loại các dự án tồn đọng",
        "- Cơ quan thanh tra khẩn trương hoàn thành việc thanh tra.",
        "THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
        "1. Cơ quan thanh tra khẩn trương hoàn thành việc thanh tra.",
    ]
    body, metadata = read_page(lines)
    assert body == lines[6:]
    assert (metadata.doc_number, metadata.doc_type, metadata.issuing_body) == (
        "230/CĐ-TTg",
        "Công điện",
        "Thủ tướng Chính phủ",
    )
    assert (metadata.signer, metadata.published) == ("Nguyễn Hòa Bình", "2025-11-26")
    assert metadata.warnings == ["left out the site's summary of the document (2 line(s))"]


def test_a_news_page_in_markdown_keeps_its_article():
    """news/an-giang-trien-khai-8-chot-chong-buon-lau-tren-tuyen-bien-gioi.md, shortened:
    a setext headline, the site's teaser, an image and its caption."""
    page = (
        "An Giang: Triển khai 8 chốt chống buôn lậu\n=====\n\n"
        "[:gift:Xem chi tiết ở đây:gift:](https://example.vn/a)Hải quan, Biên phòng …\n-----\n\n"
        '![5116 img](https://example.vn/a.jpg "undefined")\n\n'
        "Hải quan, Biên phòng cửa khẩu phối hợp kiểm soát tại biên giới. Ảnh: T.H\n\n"
        "Theo Ban chỉ đạo 389 An Giang, các lực lượng đã đồng loạt ra quân.\n"
    )
    loaded = decode(page.encode("utf-8"), "tin.md")
    doc = extract(loaded.text)
    assert doc.title == "An Giang: Triển khai 8 chốt chống buôn lậu"
    assert "https" not in doc.text and "![" not in doc.text
    assert doc.directives == []


def _body(page: str) -> tuple[list[str], str]:
    """The paragraphs of a Markdown page that are not chrome, and why the last chrome is."""
    text = decode(page.encode("utf-8"), "page.md").text
    found = layout(text)
    why = found.warnings[-1].rsplit(": ", 1)[-1] if found.warnings else ""
    return [text[p.start : p.end] for p in found.paragraphs], why


def test_a_caption_credited_to_initials_is_chrome():
    """news/hai-quan-tphcm-8-chi-cuc-duoc-giao-chi-tieu-thu-nghin-ty.md (dev, tuned on):
    a photo's caption, credited "Ảnh: T.H", is no goal of the article."""
    page = (
        "Tin\n====\n\n"
        "Hải quan TPHCM phấn đấu thu ngân sách năm 2021 vượt 5% dự toán. Ảnh: T.H\n\n"
        "Chiều 12/1, Cục Hải quan TPHCM tổ chức hội nghị.\n"
    )
    kept, why = _body(page)
    assert (kept[1:], why) == (
        ["Chiều 12/1, Cục Hải quan TPHCM tổ chức hội nghị."],
        "image caption",
    )
    # a second read's probe: a full stop before a lowercase word is no initial's
    told = "Bộ Y tế đã làm. Ảnh: minh họa.các đơn vị cần khẩn trương"
    assert _body(f"Tin\n\n{told}")[0] == ["Tin", told]


def test_a_recipients_heading_read_as_a_bullet_still_ends_the_body():
    """official/5b23fa267ca390f9.md (dev, tuned on): "* *" then "*Nơi nhận:*" renders as
    the list item "* Nơi nhận:"; the recipients after it are given no task."""
    page = (
        "Điều 3. Chánh Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này./.\n\n"
        "* *\n*Nơi nhận:*\n-\nNhư Điều 3;\n- Bộ Xây dựng (để phối hợp);\n"
        "- Văn phòng Bộ (để công khai);\n"
    )
    body = ["Điều 3. Chánh Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này./."]
    assert _body(page) == (body, "list of recipients")
    # a second read's probe: "- *Nơi nhận:*" as a dash's list item
    assert _body(page.replace("* *\n*Nơi nhận:*", "- *Nơi nhận:*"))[0] == body


@given(st.lists(st.text(alphabet="abc xyz.;:|*-\n", max_size=60), max_size=12))
def test_repair_keeps_every_word_in_order(lines):
    """Joining wrapped lines and rows never drops, adds or reorders a word."""
    text = "\n".join(lines)

    def words(written: str) -> list[str]:
        plain = (w.replace("*", "").replace("_", "") for w in written.replace("|", " ").split())
        return [w for w in plain if w.strip("-=#")]

    assert words(" ".join(paragraphs(text))) == words(text)


def test_wrap_width_tells_hard_wrapped_text_from_long_lines():
    assert wrap_width(["x" * 79] * 9 + ["x" * 30]) == 79
    assert wrap_width(["x" * 400, "y" * 20]) is None


# Written for the test in the shape of the portal's task tables (as in the attachments of
# plans: one cell per stretch of lines between "|" lines, a cell of partners as "- " lines,
# a body's cells spanning its several tasks, so their rows hold only their last cells).
TASK_TABLE = """**PHỤ LỤC**
**BẢNG PHÂN CÔNG NHIỆM VỤ**
*(Kèm theo Quyết định số 12/QĐ-TTg ngày 19 tháng 11 năm 2025)*
|
**STT**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Thuộc nhóm nhiệm vụ**
|
**Nội dung nhiệm vụ**
|
**Thời hạn hoàn thành**
|
|
**A.**
|
**BỘ Y TẾ**
|
|
1
|
Bộ Y tế
|
- Bộ Tài chính;
- Bộ Công an.
|
Hoàn thiện thể chế
|
- Xây dựng Nghị định về quản lý trang thiết bị y tế.
|
Quý II năm 2026
|
|
- Rà soát danh mục thuốc thiết yếu.
|
Năm 2027
|
|"""


def test_a_scraped_task_table_gives_a_row_per_task_with_cells_spanning_rows():
    assert paragraphs(TASK_TABLE)[3:] == [
        "**STT** | **Cơ quan chủ trì** | **Cơ quan phối hợp** | **Thuộc nhóm nhiệm vụ** | "
        "**Nội dung nhiệm vụ** | **Thời hạn hoàn thành**",
        "**A.** | **BỘ Y TẾ**",
        "1 | Bộ Y tế | - Bộ Tài chính; - Bộ Công an. | Hoàn thiện thể chế | "
        "- Xây dựng Nghị định về quản lý trang thiết bị y tế. | Quý II năm 2026",
        "- Rà soát danh mục thuốc thiết yếu. | Năm 2027",
    ]
    document = extract(decode(TASK_TABLE.encode(), "plan.md").text, published="2025-11-19")
    found = [
        (d.text, [a.name for a in d.lead], [a.name for a in d.support], d.deadline.due)
        for d in document.directives
    ]
    assert found == [
        (
            "- Xây dựng Nghị định về quản lý trang thiết bị y tế.",
            ["Bộ Y tế"],
            ["Bộ Tài chính", "Bộ Công an"],
            "2026-06-30",
        ),
        (
            "- Rà soát danh mục thuốc thiết yếu.",
            ["Bộ Y tế"],
            ["Bộ Tài chính", "Bộ Công an"],
            "2027-12-31",
        ),
    ]


def test_a_task_cell_listing_tasks_gives_a_directive_per_task():
    table = TASK_TABLE.replace(
        "- Rà soát danh mục thuốc thiết yếu.",
        "- Rà soát danh mục thuốc thiết yếu.\n- Công bố danh mục giai đoạn 2026 - 2027.",
    )
    document = extract(decode(table.encode(), "plan.md").text, published="2025-11-19")
    assert [(d.text, [a.name for a in d.lead], d.deadline.due) for d in document.directives][
        1:
    ] == [
        ("- Rà soát danh mục thuốc thiết yếu.", ["Bộ Y tế"], "2027-12-31"),
        ("- Công bố danh mục giai đoạn 2026 - 2027.", ["Bộ Y tế"], "2027-12-31"),
    ]


def test_a_group_row_of_one_cell_keeps_the_table_going():
    """A group's title alone in its row ("II. NHÓM NHIỆM VỤ ...") heads the rows after it,
    which are still the table's (their cells of several lines stay in their row)."""
    table = TASK_TABLE.replace("**A.**\n|\n**BỘ Y TẾ**\n", "**II. NHÓM NHIỆM VỤ VỀ THỂ CHẾ**\n")
    assert paragraphs(table)[4:6] == [
        "**II. NHÓM NHIỆM VỤ VỀ THỂ CHẾ**",
        "1 | Bộ Y tế | - Bộ Tài chính; - Bộ Công an. | Hoàn thiện thể chế | "
        "- Xây dựng Nghị định về quản lý trang thiết bị y tế. | Quý II năm 2026",
    ]


#: official/74e2ddc7b11340da.md (dev, tuned on), shortened: an appendix lists its tables
#: one after another; the last row of one runs on, with no row break, into the next
#: table's title and header.
TABLES_IN_A_ROW = """**STT**
|
**Nhiệm vụ**
|
**Văn bản giao
nhiệm vụ**
|
**Cơ quan chủ trì
thực hiện**
|
**Thời hạn hoàn
thành**
|
|
9.
|
Xây dựng, triển khai đề án ứng dụng IoT trong một
số ngành, lĩnh vực như sản xuất thương mại, quản lý năng lượng
|
Nghị quyết số 71/NQ-CP
|
Các bộ, ngành, địa phương
|
30/09/2025
|
**2. Các nhiệm vụ về chuyển đổi
số quá hạn chưa hoàn thành**
|
**STT**
|
**Nhiệm vụ**
|
**Văn bản giao
nhiệm vụ**
|
**Cơ quan chủ trì
thực hiện**
|
**Thời hạn hoàn
thành**
|
|
1.
|
Ban hành Chiến lược dữ liệu của bộ, ngành, địa phương mình.
|
Thông báo số 44-TB/TGV
|
Bộ Tài chính
|
30/09/2025
"""


def test_a_table_running_on_into_the_next_tables_title_and_header_keeps_its_row():
    header = (
        "**STT** | **Nhiệm vụ** | **Văn bản giao nhiệm vụ** | **Cơ quan chủ trì thực hiện** |"
        " **Thời hạn hoàn thành**"
    )
    assert paragraphs(TABLES_IN_A_ROW)[:4] == [
        header,
        "9. | Xây dựng, triển khai đề án ứng dụng IoT trong một số ngành, lĩnh vực như sản"
        " xuất thương mại, quản lý năng lượng | Nghị quyết số 71/NQ-CP | Các bộ, ngành, địa"
        " phương | 30/09/2025",
        "**2. Các nhiệm vụ về chuyển đổi số quá hạn chưa hoàn thành**",
        header,
    ]
    document = extract(decode(TABLES_IN_A_ROW.encode(), "plan.md").text)
    found = [(d.text[:20], [a.name for a in d.lead]) for d in document.directives]
    assert found == [
        ("Xây dựng, triển khai", ["bộ, ngành, địa phương"]),
        ("Ban hành Chiến lược ", ["Bộ Tài chính"]),
    ]


_SITE_LEAD = (
    "more(HDDTVN) – Hải quan Quảng Ninh vừa phát động đợt thi đua yêu nước, với chủ đề "
    "“90 ngày đêm nước rút” năm 2020, trong đó đơn vị phấn đấu thu ngân sách đạt và vượt "
    "11.500 tỷ đồng chỉ tiêu điều hành năm 2020.\n"
)


def test_a_site_lead_the_body_does_not_say_gives_its_figures_but_no_task():
    """news/hai-quan-quang-ninh-phan-dau-thu-ngan-sach-dat-11-500-ty-dong.md (dev, tuned
    on), shortened: the lead the site prints after the article says the year's revenue
    goal, which the body does not; its figure is a target of 2020, and a summary's clause
    is no directive."""
    page = (
        "Hải quan Quảng Ninh phấn đấu thu ngân sách\n=====\n\n"
        "Đến hết 15/10, Hải quan Quảng Ninh thu nộp ngân sách đạt 10.037,6 tỷ đồng.\n\n"
        "**Quang Hùng**\n\n" + _SITE_LEAD
    )
    paragraphs, _ = _body(page)
    assert paragraphs[-1].startswith("Hải quan Quảng Ninh vừa phát động")
    doc = extract(decode(page.encode("utf-8"), "page.md").text, published="2020-10-20")
    assert [(f.text, f.role, f.year) for f in doc.figures if f.role == "target"] == [
        ("11.500 tỷ đồng", "target", 2020)
    ]
    assert [d.text for d in doc.directives if "11.500" in d.text] == []


def test_a_site_lead_the_body_repeats_stays_chrome():
    """Written apart: the same lead after a body that says it, a caption run into it as a
    teaser at a page's top runs one (half its runs of eight words said again are enough;
    one run alone may be a long name the body also writes)."""
    said = _SITE_LEAD.split("– ", 1)[1]
    page = "Tin\n====\n\nẢnh: Q.H " + said + "\n" + _SITE_LEAD
    paragraphs, why = _body(page)
    assert len(paragraphs) == 2 and why == "site summary"


REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def test_a_scraped_page_saved_as_text_reads_as_the_page_it_is(tmp_path):
    """official/fa0dcc139cec05de.md, as collected, saved under a .txt name: the Markdown
    is sniffed, so its metadata, chrome and items read as from the .md (a helper's
    probes of 2026-12-08 lost a plan's items when its Markdown came as .txt)."""
    page = REAL / "official" / "fa0dcc139cec05de.md"
    saved = tmp_path / "page.txt"
    saved.write_bytes(page.read_bytes())
    as_markdown, as_text = extract_file(page), extract_file(saved)
    assert as_text.doc_number == as_markdown.doc_number == "230/CĐ-TTg"
    assert [d.text for d in as_text.directives] == [d.text for d in as_markdown.directives]
    assert len(as_text.directives) > 5


def test_a_plain_text_with_dashes_and_numbers_is_no_markdown_page():
    text = "Điều 1. Phê duyệt Kế hoạch.\n- Mục tiêu: 100% xã đạt chuẩn.\n| Ghi chú |"
    assert decode(text.encode(), "a.txt").text == text


def test_a_text_file_with_a_plain_table_stays_plain_text():
    """A second read's probe (2026-12-08): rows between "|" are how plain text writes a
    table too; a .txt with a task table and no other Markdown is read as it is."""
    text = (
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nKẾ HOẠCH\n1. Sở Tài chính bố trí kinh phí.\nPHỤ LỤC\n"
        "| Nội dung | Cơ quan chủ trì | Thời gian |\n"
        "| Rà soát quy trình | Sở Tư pháp | Quý II/2025 |\n"
        "| Số hóa hồ sơ | Sở Nội vụ | Quý III/2025 |"
    )
    assert decode(text.encode(), "a.txt").text == text

"""Which date a directive is due by, when its own clause names none: a sentence that only
states completion and a date, stated after the tasks of the item it closes."""

import pytest

from directive_extract import extract


def _dues(text: str, published: str) -> list[tuple[str, str | None]]:
    return [
        (d.text.split()[0], d.deadline.due if d.deadline else None)
        for d in extract(text, published=published).directives
    ]


def test_a_closing_sentence_of_its_own_paragraph_covers_the_item_above_it():
    """Written after official/7f6efa59099bb33b.md (dev split): the item's heading, its
    task, then "Đảm bảo hoàn thành ..." on a line of its own."""
    dues = _dues(
        "Bộ trưởng giao nhiệm vụ như sau:\n"
        "4. Cục Mỹ thuật, Nhiếp ảnh và Triển lãm\n"
        "Khẩn trương hoàn thiện sửa đổi, bổ sung Nghị định về hoạt động mỹ thuật.\n"
        "Đảm bảo hoàn thành trong quý I/2026.\n"
        "5. Cục Báo chí\n"
        "Khẩn trương rà soát các thủ tục hành chính.",
        "2025-11-20",
    )
    assert dues[0] == ("Khẩn", "2026-03-31")
    assert dues[-1] == ("Khẩn", None)


def test_a_closing_sentence_after_a_condition_covers_every_task_of_the_item():
    """Written apart: an item whose last sentence, cut by the page's wrapping, only says by
    when; the tasks of the next item are not covered."""
    dues = _dues(
        "Bộ trưởng giao nhiệm vụ như sau:\n"
        "1. Vụ Pháp chế\n"
        "Tổng hợp kết quả thực thi các phương án. Trường hợp có đề xuất khác, khẩn trương "
        "báo cáo cấp có thẩm quyền, đảm bảo\n"
        "hoàn thành nhiệm vụ trước ngày 15/12/2025.\n"
        "2. Văn phòng Bộ\n"
        "Theo dõi, đôn đốc các đơn vị.",
        "2025-11-20",
    )
    assert dues[:2] == [("Tổng", "2025-12-15"), ("Trường", "2025-12-15")]
    assert dues[-1] == ("Theo", None)


def test_a_completion_word_then_another_word_before_a_weak_cue_still_closes():
    """Written after official/7f6efa59099bb33b.md (dev split): "hoàn thành thực thi trong
    năm 2026" puts a word between the completion verb and its "trong"."""
    dues = _dues(
        "Giao các đơn vị:\n"
        "- Phối hợp với Bộ Tài chính đưa nội dung thực thi Phương án vào dự thảo Luật. "
        "Đảm bảo hoàn thành thực thi trong năm 2026.\n"
        "- Theo dõi việc thực hiện.",
        "2025-11-20",
    )
    assert dues[0] == ("-", "2026-12-31")
    assert dues[-1] == ("-", None)


def test_another_task_dated_later_in_the_sentence_does_not_date_the_first():
    """Written after news/f0a9e4384b29dedd.md (dev split): the dates belong to the
    submitting steps, the drafting has none."""
    [draft, *_] = extract(
        "Bộ trưởng giao Vụ Tổ chức - Biên chế: khẩn trương hoàn thiện dự thảo Nghị định về "
        "chức năng, nhiệm vụ của các cơ quan chuyên môn; gửi Bộ Tư pháp thẩm định chậm nhất "
        "ngày 20/5/2025; trình Chính phủ chậm nhất ngày 25/5/2025.",
        published="2025-05-17",
    ).directives
    assert draft.text.startswith("khẩn trương") and draft.deadline is None


def test_a_condition_opening_with_a_span_of_time_closes_nothing():
    """Written apart: "trong thời hạn 18 tháng kể từ ..., mà ..." states a condition, not
    when the task before it is due."""
    dues = _dues(
        "Giao Sở Xây dựng hướng dẫn chủ đầu tư lập hồ sơ; trong thời hạn 18 tháng kể từ ngày "
        "có văn bản chấp thuận mà chủ đầu tư chưa gửi hồ sơ thì văn bản hết hiệu lực.",
        "2025-11-20",
    )
    assert dues == [("Giao", None)]


def test_a_time_before_the_first_subject_dates_the_tasks_the_paragraph_goes_on_to_give():
    """news/nam-2018-hoan-thanh-27-du-an-va-khoi-cong-moi-16-du-an-giao-thong.md (dev,
    batch Z, tuned on): "trong năm 2019," before the subject dates the ";"-task after it
    and the next paragraph, which carries on with the same lead."""
    dues = _dues(
        "Cụ thể, trong năm 2019, Bộ Giao thông vận tải sẽ hoàn thành lập, trình Chính phủ"
        " đề nghị sửa đổi Luật Giao thông đường bộ; tổng kết, đánh giá việc thi hành Luật"
        " Hàng không dân dụng.\n\n"
        "Tiếp tục thực hiện hiệu quả Đề án Tái cơ cấu các lĩnh vực vận tải.",
        "2019-01-11",
    )
    assert dues == [("Cụ", "2019-12-31"), ("tổng", "2019-12-31"), ("Tiếp", "2019-12-31")]


def test_a_time_inside_a_task_dates_only_that_task():
    """Written apart: a date after the subject is the task's own, not the paragraph's."""
    dues = _dues(
        "Bộ Tài chính phải hoàn thành dự thảo nghị định trong quý II/2025; khẩn trương rà"
        " soát các thông tư hướng dẫn.",
        "2025-03-01",
    )
    assert dues == [("Bộ", "2025-06-30"), ("khẩn", None)]


def test_a_due_dates_label_and_its_colon_keep_the_date_with_its_task():
    """Written apart (ANNOTATION: "Thời gian hoàn thành" columns and lines): the colon
    after a due date's label opens no clause of its own, so the date is the task's and
    no bare date becomes a task."""
    dues = _dues(
        "Giao Bộ Tài chính hoàn thiện hệ thống cơ sở dữ liệu về thuế, thời gian hoàn thành:"
        " tháng 9/2025. Bộ Công an chủ trì rà soát các quy định, thời hạn: trước ngày"
        " 30/6/2025.",
        "2025-03-01",
    )
    assert dues == [("Giao", "2025-09-30"), ("Bộ", "2025-06-30")]


def test_a_time_before_one_bodys_task_leaves_another_bodys_task_undated():
    """Written apart, after a second read: the opener's time goes on only with its lead."""
    dues = _dues(
        "Thủ tướng Chính phủ yêu cầu:\n\nTrước ngày 15/3/2025, Bộ Tài chính phải báo cáo Thủ"
        " tướng về tình hình giải ngân. Bộ Y tế tiếp tục theo dõi sát tình hình dịch bệnh,"
        " chủ động các phương án ứng phó.",
        "2025-03-01",
    )
    assert dues == [("Trước", "2025-03-15"), ("Bộ", None)]


def test_a_bare_year_opening_a_task_sets_the_year_it_is_for():
    """Written apart (ANNOTATION's table: "năm 2024" is due 2024-12-31): a year set off by
    a comma before the subject dates the task; one in the basis before the subject names
    a plan, and one gone by dates nothing."""
    assert _dues(
        "Năm 2025, Bộ Tài chính phải hoàn thiện hệ thống cơ sở dữ liệu về thuế.", "2025-03-01"
    ) == [("Năm", "2025-12-31")]
    assert _dues(
        "Căn cứ kế hoạch năm 2026, Bộ Tài chính phải hoàn thiện hệ thống cơ sở dữ liệu.",
        "2025-03-01",
    ) == [("Căn", None)]
    assert _dues(
        "Năm 2024, Bộ Tài chính phải hoàn thiện hệ thống cơ sở dữ liệu về thuế.", "2025-03-01"
    ) == [("Năm", None)]


def test_a_period_heading_dates_the_tasks_listed_under_it():
    """Written apart (issue 11: a period heading over rows; ANNOTATION: "giai đoạn
    2026-2030" is due 2030-12-31, "năm 2026" 2026-12-31): with or without its colon, a
    heading that is nothing but a period dates each task under it, until the next."""
    text = (
        "KẾ HOẠCH\nIII. NHIỆM VỤ CỤ THỂ\n1. Năm 2026\n"
        "- Sở Công Thương hoàn thành việc lắp đặt trạm sạc.\n"
        "- Sở Xây dựng rà soát quy hoạch.\n"
        "2. Giai đoạn 2027-2030:\n"
        "- Sở Công Thương mở rộng mạng lưới trạm sạc.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "Sở Tài chính bố trí kinh phí."
    )
    assert _dues(text, "2025-11-20") == [
        ("-", "2026-12-31"),
        ("-", "2026-12-31"),
        ("-", "2030-12-31"),
        ("Sở", None),
    ]


def test_a_dashed_period_heading_dates_the_plus_items_under_it():
    """Written apart by a helper probing deadlines: "+" items sit under a "-" item, so
    "- Giai đoạn 2026-2028:" dates the "+" tasks below it, until the next "-" heading."""
    text = (
        "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện như sau:\n"
        "- Giai đoạn 2026-2028:\n"
        "+ Sở Khoa học và Công nghệ xây dựng nền tảng dữ liệu dùng chung;\n"
        "+ Sở Y tế triển khai bệnh án điện tử tại các bệnh viện.\n"
        "- Năm 2029:\n"
        "+ Sở Tài chính bố trí kinh phí thực hiện."
    )
    assert _dues(text, "2025-11-20") == [
        ("+", "2028-12-31"),
        ("+", "2028-12-31"),
        ("+", "2029-12-31"),
    ]


def test_a_period_heading_gone_by_dates_nothing():
    """A second read's probe (written apart): "1. Năm 2024" in a text of 2025 heads what
    was done or due then, not a deadline of the tasks under it."""
    text = (
        "KẾ HOẠCH\nIII. NHIỆM VỤ CỤ THỂ\n1. Năm 2024\n"
        "- Sở Y tế triển khai tiêm chủng mở rộng.\n- Sở Nội vụ rà soát biên chế."
    )
    assert _dues(text, "2025-11-20") == [("-", None), ("-", None)]


SPAN_HEADINGS = [  # written apart: a helper's deadline probes of 2026-12-08
    ("Quý I/2026:", "2026-03-31"),
    ("**Quý I/2026:**", "2026-03-31"),  # a page's bold marks read as plain text
    ("Tháng 3/2026:", "2026-03-31"),
    ("6 tháng đầu năm 2026:", "2026-06-30"),
    ("a) Quý II/2026:", "2026-06-30"),
]


@pytest.mark.parametrize(("heading", "due"), SPAN_HEADINGS)
def test_a_heading_of_a_quarter_or_month_dates_the_tasks_under_it(heading, due):
    text = (
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nKẾ HOẠCH\nTriển khai đầu tư công năm 2026\n"
        f"{heading}\n- Sở Tài chính trình phê duyệt kế hoạch đầu tư công.\n"
        "- Sở Xây dựng rà soát danh mục dự án.\n"
    )
    assert _dues(text, "2025-12-20") == [("-", due), ("-", due)]


def _limit_nouns() -> list[str]:
    from directive_extract import lexicon

    rows = lexicon.load("time_words")
    return [s for row in rows if row["key"] == "limit_noun" for s in row["variants"].split("|")]


@pytest.mark.parametrize("noun", _limit_nouns())
def test_a_sentence_naming_a_time_limit_dates_the_task_before_it(noun):
    """Written apart (a helper's deadline probes, 2026-12-08): "Thời hạn bàn giao mặt
    bằng chậm nhất ngày ..." after a task is its deadline, and no task of its own."""
    text = (
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nKẾ HOẠCH\n"
        "1. Sở Xây dựng chủ trì giải phóng mặt bằng dự án cao tốc."
        f" {noun.capitalize()} bàn giao mặt bằng chậm nhất ngày 15/3/2026.\n"
        "2. Sở Tài chính bố trí vốn."
    )
    assert _dues(text, "2025-12-20") == [("1.", "2026-03-15"), ("2.", None)]


def test_a_dateline_is_no_heading_over_the_tasks_after_it():
    """A second read's probe (2026-12-08): a day alone in bold is the page's dateline."""
    text = "Cập nhật lúc 18:05\n**22/11/2025**\n- Bộ Y tế phải bảo đảm thuốc men cho người dân."
    assert _dues(text, "2025-11-22") == [("-", None)]

"""Task cards: the labelled lines under a plan's task give its lead, support and deadline.

The first case is shortened from news/a98de0fc5c577519.md (dev, tuned on); the others are
written apart for these tests.
"""

import pytest

from directive_extract import extract

#: news/a98de0fc5c577519.md (dev): a plan's task, then who does it, with whom, by when
_CARD = (
    "Bộ Xây dựng yêu cầu thực hiện các nhiệm vụ sau:\n"
    "(1) Nội dung thực hiện:\n"
    "- Thường xuyên theo dõi diễn biến, tình hình thị trường bất động sản để kịp thời"
    " tham mưu;\n"
    "(2) Tổ chức thực hiện:\n"
    "- Đơn vị thực hiện: Cục Quản lý nhà và thị trường bất động sản\n"
    "- Đơn vị phối hợp: Vụ Pháp chế và các đơn vị liên quan\n"
    "- Thời gian thực hiện: Năm 2025\n"
)


def _records(text):
    return [
        (
            [a.name for a in d.lead],
            [a.name for a in d.support],
            d.deadline.due if d.deadline else None,
        )
        for d in extract(text, published="2025-02-01").directives
    ]


def test_a_card_gives_its_task_lead_support_and_deadline_and_its_lines_are_no_tasks():
    assert _records(_CARD) == [
        (
            ["Cục Quản lý nhà và thị trường bất động sản"],
            ["Vụ Pháp chế", "đơn vị liên quan"],
            "2025-12-31",
        )
    ]


def test_explain_names_the_card_rules():
    (directive,) = extract(_CARD, published="2025-02-01", explain=True).directives
    assert (directive.explanation.lead, directive.explanation.support) == (
        "card:lead_field",
        "card:support_field",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numbered line is an item of the list, not a field of the items above it
        (
            "Ủy ban nhân dân tỉnh yêu cầu:\n"
            "1. Sở Y tế rà soát danh mục thuốc.\n"
            "2. Thời gian thực hiện: năm học 2025-2026.\n",
            [(["Sở Y tế"], [], None)],
        ),
        # a time field that cites a document's date sets no deadline
        (
            "Bộ Tài chính yêu cầu các nội dung sau:\n"
            "- Rà soát quy trình thu ngân sách;\n"
            "- Đơn vị thực hiện: Cục Thuế\n"
            "- Thời gian thực hiện: theo Nghị định số 102/2024/NĐ-CP ngày 30/7/2024\n",
            [(["Cục Thuế"], [], None)],
        ),
        # a task that names its own subject keeps it
        (
            "Bộ Tài chính yêu cầu các nội dung sau:\n"
            "- Kho bạc Nhà nước rà soát quy trình chi ngân sách;\n"
            "- Đơn vị thực hiện: Cục Thuế\n"
            "- Thời hạn hoàn thành: Quý II/2025\n",
            [(["Kho bạc Nhà nước"], [], "2025-06-30")],
        ),
        # a line labelled with a verb and no body is a task of its own, not a field
        (
            "Bộ Tài chính yêu cầu các nội dung sau:\n"
            "- Rà soát quy trình thu ngân sách;\n"
            "- Phối hợp với Sở Tài chính: thẩm định kinh phí mua sắm.\n",
            [([], [], None), ([], ["Sở Tài chính"], None), ([], [], None)],
        ),
        # the second card's tasks stop at the first card's labelled lines
        (
            "Bộ Tài chính yêu cầu các nội dung sau:\n"
            "- Rà soát quy trình thu ngân sách;\n"
            "- Đơn vị chủ trì: Cục Thuế chủ trì, báo cáo Bộ Tài chính trước ngày 30/6/2025\n"
            "- Hoàn thiện hệ thống quản lý hóa đơn điện tử;\n"
            "- Đơn vị thực hiện: Cục Hải quan\n",
            [(["Cục Thuế"], [], None), (["Cục Hải quan"], [], None)],
        ),
    ],
    ids=[
        "numbered-peer-is-no-field",
        "cited-date-is-no-deadline",
        "own-subject-kept",
        "verb-label-is-a-task",
        "cards-do-not-overlap",
    ],
)
def test_what_a_card_does_not_change(text, expected):
    assert _records(text) == expected


def test_one_labelled_line_may_hold_several_fields_parted_by_semicolons():
    """Written apart: a plan that writes who leads, who supports and by when on one line."""
    text = (
        "Bộ Xây dựng yêu cầu thực hiện các nhiệm vụ sau:\n"
        "1. Xây dựng cơ sở dữ liệu về nhà ở.\n"
        "- Đơn vị chủ trì: Cục Quản lý nhà và thị trường bất động sản; đơn vị phối hợp: "
        "Vụ Pháp chế; thời gian hoàn thành: tháng 12/2025.\n"
    )
    assert _records(text) == [
        (["Cục Quản lý nhà và thị trường bất động sản"], ["Vụ Pháp chế"], "2025-12-31")
    ]


def test_a_cards_time_field_leaves_a_task_that_states_its_own_date():
    """Written apart by a helper probing deadlines: a closing "Thời hạn hoàn thành:" line
    dates the items above it, but an item's own date is nearer and wins (issue 11)."""
    text = (
        "Thủ tướng Chính phủ yêu cầu:\n"
        "- Bộ Khoa học và Công nghệ hoàn thiện nền tảng dữ liệu, hoàn thành trước ngày "
        "31/12/2025.\n"
        "- Bộ Công an hoàn thành cơ sở dữ liệu dân cư.\n"
        "Thời hạn hoàn thành: trong quý I/2026."
    )
    assert [due for *_, due in _records(text)] == ["2025-12-31", "2026-03-31"]


def test_a_card_whose_content_is_a_labelled_line_gives_that_task():
    """Written apart by a helper probing cards: "- Nội dung: ..." holds the task itself."""
    text = (
        "Ủy ban nhân dân tỉnh giao các sở thực hiện các nhiệm vụ sau:\n"
        "1. Về thể chế\n"
        "- Nội dung: Rà soát, sửa đổi quy chế phối hợp quản lý cụm công nghiệp.\n"
        "- Cơ quan chủ trì: Sở Công Thương.\n"
        "- Thời gian hoàn thành: tháng 9/2026."
    )
    assert _records(text) == [(["Sở Công Thương"], [], "2026-09-30")]

"""Targets of goal statements and of target lists, through the whole pipeline.

A goal stated with its quantity is a target directive whoever is assigned (ANNOTATION.md,
"Targets"); a report that mentions a goal is none. Rows name the page of ../shared/real
they come from ("dev": the real dev split, tuned on), or say they were written apart.
"""

from __future__ import annotations

import pytest

from directive_extract import extract


def _targets(text: str, published: str) -> list[list[tuple]]:
    """Per directive, its targets as (value, value_max, unit, year)."""
    return [
        [(t.value, t.value_max, t.unit, t.year) for t in directive.targets]
        for directive in extract(text, published=published).directives
    ]


GOALS = [
    (  # dev: news/hai-quan-ha-noi-se-dat-so-thu-ngan-sach-nha-nuoc-theo-chi-tieu-phan-dau-2.md
        "Chỉ tiêu thu ngân sách nhà nước giao cho Hải quan Hà Nội năm 2020 là 23.300 tỷ đồng,"
        " trong đó, số thu riêng trên địa bàn Hà Nội là 14.800 tỷ đồng.",
        "2020-12-04",
        [[(2.33e13, None, "VND", 2020), (1.48e13, None, "VND", 2020)]],
    ),
    (  # dev: news/tphcm-phan-dau-toi-thieu-90-nguoi-dan-va-doanh-nghiep-hai-long-ve-...
        "Trong Chương trình chuyển đổi số vừa được UBND TPHCM phê duyệt, TPHCM đặt ra mục"
        " tiêu đến năm 2025, tối thiểu 90% người dân và doanh nghiệp hài lòng về giải quyết"
        " thủ tục hành chính.",
        "2021-05",
        [[(90.0, None, "%", 2025)]],
    ),
    (  # written apart: a sector's goal, no one assigned
        "Ngành dệt may đặt mục tiêu xuất khẩu 47-48 tỷ USD vào năm 2026.",
        "2025-12-20",
        [[(47e9, 48e9, "USD", 2026)]],
    ),
    (  # written apart: the goal is to keep a quantity under a bound, this year
        "Ngân hàng Nhà nước cho biết mục tiêu là giữ lạm phát dưới 4,5% trong năm nay.",
        "2025-03-02",
        [[(4.5, None, "%", 2025)]],
    ),
]

NO_GOALS = [
    # written apart: what was reached, measured against a goal
    ("Doanh thu năm 2024 của công ty đạt 95% chỉ tiêu kế hoạch.", "2025-01-10"),
    # written apart, in the form of pages outside the splits: a goal compared with
    ("Tuy nhiên, so với chỉ tiêu năm 2020, đơn vị đã vượt 8%, đạt 162 tỷ đồng.", "2020-12-01"),
    # written apart: done between the goal and its figure
    ("Theo chỉ tiêu kế hoạch mới, công ty đã thực hiện 53% kế hoạch doanh thu.", "2020-07-01"),
    # written apart: a goal with no quantity
    ("Tỉnh đặt mục tiêu trở thành trung tâm du lịch của khu vực.", "2024-05-01"),
]


@pytest.mark.parametrize(("text", "published", "expected"), GOALS)
def test_a_goal_stated_with_its_quantity_is_a_target_directive(
    text: str, published: str, expected: list[list[tuple]]
) -> None:
    assert _targets(text, published) == expected


@pytest.mark.parametrize(("text", "published"), NO_GOALS)
def test_a_report_that_mentions_a_goal_is_no_directive(text: str, published: str) -> None:
    assert _targets(text, published) == []


def test_a_goal_statement_opens_no_zone_of_targets_after_it() -> None:
    """dev: news/tphcm-trien-khai-5-nhom-giai-phap-ho-tro-doanh-nghiep.md: its quantity is
    in the clause; the figures of the next paragraph are not targets. Its year is the
    deadline's, "hết tháng 8/2020" (the gold's 2020)."""
    text = (
        "Với các giải pháp trên, TPHCM phấn đấu hết tháng 8/2020 sẽ rà soát, hoàn thành việc"
        " hỗ trợ cho hơn 8.000 doanh nghiệp tạm ngưng hoạt động vì khó khăn.\n\n"
        "Từng bước phục hồi kinh tế TPHCM qua 2 giai đoạn."
    )
    assert _targets(text, "2020-06-20") == [[(8000.0, None, "doanh nghiệp", 2020)]]


TARGET_LISTS = [
    (  # dev: news/tphcm-phan-dau-toi-thieu-90-nguoi-dan-va-doanh-nghiep-... (shortened): the
        # tense after the opening figure is a relative clause's; a clause with no figure
        # between two targets of the sentence leaves the next one a target
        "2. Mục tiêu cụ thể\n"
        "- 60% các hệ thống thông tin có liên quan đến người dân đã đưa vào vận hành được"
        " kết nối, liên thông; thông tin của người dân đã được số hóa không phải cung cấp"
        " lại; 90% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.",
        [60.0, 90.0],
    ),
    (  # written apart, in the form of a plan's situation: a report in a targets section
        "2. Mục tiêu cụ thể\n"
        "- Năm 2021, tỷ lệ hồ sơ trực tuyến của huyện mới đạt 21,6%; khoảng 74% cán bộ"
        " sử dụng thư điện tử.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TARGET_LISTS)
def test_which_figures_of_a_targets_section_are_targets(text: str, expected: list) -> None:
    document = extract(text, published="2021-06-01")
    assert [t.value for d in document.directives for t in d.targets] == expected
    assert [f.value for f in document.figures if f.role == "target"] == expected

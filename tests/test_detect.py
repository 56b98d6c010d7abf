"""Which clauses are directives, on sentences written for these tests (not tuned on
any corpus text): speech frames, zones of official documents, reported facts."""

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_extract import extract
from directive_extract.discourse import cues


def _found(text, published="2024-09-01"):
    return [
        ([a.name for a in d.lead], d.deadline.due if d.deadline else None)
        for d in extract(text, published=published).directives
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thủ tướng nhấn mạnh, các địa phương phải chủ động sơ tán người dân.",
            [(["địa phương"], None)],
        ),
        (
            "Theo Thủ tướng, các bộ, ngành cần tập trung tháo gỡ vướng mắc về đất đai.",
            [(["bộ, ngành"], None)],
        ),
        (
            "Phó Thủ tướng lưu ý, Bộ Y tế cần sớm ban hành hướng dẫn điều trị.",
            [(["Bộ Y tế"], None)],
        ),
        ("Thủ tướng cho biết, năm 2023 Chính phủ đã ban hành 8 nghị định.", []),
        ("Thủ tướng ghi nhận, biểu dương các bộ, ngành đã nỗ lực.", []),
        ("Theo báo cáo của Bộ Tài chính, thu ngân sách tăng 12% so với cùng kỳ.", []),
        ("Thủ tướng chủ trì hội nghị trực tuyến với các địa phương.", []),
        (
            "UBND tỉnh Gia Lai chậm nhất là ngày 15/3/2025 phải báo cáo Thủ tướng Chính phủ.",
            [(["Ủy ban nhân dân tỉnh Gia Lai"], "2025-03-15")],
        ),
        ("Hoàn thành trước ngày 30/6/2025.", [([], "2025-06-30")]),
        (
            '"Bộ Công Thương phải rút kinh nghiệm", Thủ tướng yêu cầu.',
            [(["Bộ Công Thương"], None)],
        ),
        (
            "Chuyển đổi số là xu thế tất yếu, là nhiệm vụ chính trị quan trọng.",
            [],
        ),
    ],
    ids=[
        "speech-frame-then-subject",
        "theo-issuer",
        "luu-y",
        "reported-speech",
        "praise",
        "reported-statistics",
        "chairing-a-meeting",
        "due-date-between-subject-and-verb",
        "bare-imperative-with-due-date",
        "quotation-then-attribution",
        "copular-statement",
    ],
)
def test_directive_or_not(text, expected):
    assert _found(text) == expected


def test_purpose_section_of_a_plan_holds_no_directive_and_tasks_section_does():
    text = (
        "I. MỤC ĐÍCH, YÊU CẦU\n- Các sở, ngành phải quán triệt, triển khai nghiêm túc.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Nội vụ:\n"
        "- Rà soát vị trí việc làm, hoàn thành trong quý I/2025."
    )
    assert _found(text, "2025-01-10") == [(["Sở Nội vụ"], "2025-03-31")]


def test_a_lead_in_that_only_announces_the_list_is_not_a_directive():
    text = (
        "Để ứng phó với bão, Thủ tướng Chính phủ yêu cầu:\n"
        "1. Bộ Quốc phòng chỉ đạo các đơn vị sẵn sàng lực lượng cứu hộ.\n"
        "2. Bộ Công an bảo đảm an ninh trật tự tại khu vực sơ tán."
    )
    assert _found(text) == [(["Bộ Quốc phòng"], None), (["Bộ Công an"], None)]


def test_results_then_tasks_in_a_conclusion():
    text = (
        "Năm 2023, các bộ, ngành đã đạt được nhiều kết quả tích cực.\n"
        "Thứ nhất, hoàn thành đấu giá băng tần 5G.\n"
        "Thời gian tới, Thủ tướng yêu cầu Bộ Thông tin và Truyền thông sớm trình Luật Dữ liệu."
    )
    assert _found(text) == [(["Bộ Thông tin và Truyền thông"], None)]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aăbgiaoỦỷ́ 0,.;:/\n")), max_size=60),
    st.integers(0, 70),
    st.integers(0, 70),
)
def test_cues_read_the_words_of_a_span_as_a_scan_of_it(text: str, first: int, last: int):
    # The words of a text are split once and shared; a span must read as if split alone.
    start, stop = sorted((first, last))
    alone = [
        (m.start(), m.end(), m.group().casefold())
        for m in regex.finditer(r"\w++", text[:stop], pos=start)
    ]
    assert cues._words(text, start, stop) == alone

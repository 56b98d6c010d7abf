"""Speakers named by a title and a person, without a body ("Thứ trưởng Vũ Thị Mai chỉ
đạo ..."): the title is a position that issues what it says, or, told to act, leads
it as written ("Thứ trưởng").  Sentences from the real development pages (tuned cases:
marked "dev" with the page) and written apart from them."""

from __future__ import annotations

import pytest

from directive_extract import extract

POSITION = "position"

MENTIONS = [
    (
        "Thứ trưởng Vũ Thị Mai chỉ đạo Tổng cục Hải quan tiếp tục triển khai.",
        [
            ("Thứ trưởng Vũ Thị Mai", "Thứ trưởng", POSITION),
            ("Tổng cục Hải quan", "Tổng cục Hải quan", "other"),
        ],
    ),  # dev, news/chinh-thuc-trien-khai-he-thong-quan-ly-giam-sat-hai-quan-tu-dong-tai-noi-bai
    (
        "Phó Tổng cục trưởng Lưu Mạnh Tưởng yêu cầu các đơn vị xử lý nợ thuế.",
        [
            ("Phó Tổng cục trưởng Lưu Mạnh Tưởng", "Phó Tổng cục trưởng", POSITION),
            ("các đơn vị", "đơn vị", "group"),
        ],
    ),  # dev, news/xay-dung-ke-hoach-chi-tiet-quyet-tam-hoan-thanh-cac-chi-tieu-thu-ngan-sach-...
    (
        "Phó Thống đốc nhấn mạnh yêu cầu bảo đảm an toàn hệ thống.",
        [("Phó Thống đốc", "Phó Thống đốc", POSITION)],
    ),
    (
        "Cục trưởng Trần Văn Bình cho biết kết quả kiểm tra.",
        [("Cục trưởng Trần Văn Bình", "Cục trưởng", POSITION)],
    ),
    # with its body the title still stands for the body
    (
        "Thứ trưởng Bộ Y tế Nguyễn Văn An phát biểu.",
        [("Thứ trưởng Bộ Y tế Nguyễn Văn An", "Bộ Y tế", "ministry")],
    ),
    # a firm's officers are no positions of the state
    ("Tổng Giám đốc Nguyễn Văn An cho biết doanh thu tăng.", []),
]


@pytest.mark.parametrize("sentence,expected", MENTIONS, ids=[m[0][:50] for m in MENTIONS])
def test_title_and_person_is_a_position(sentence, expected, mentions):
    assert mentions(sentence) == expected


def _roles(text: str, published: str) -> list[tuple[str, list[str], list[str]]]:
    document = extract(text, source="case.txt", published=published)
    return [
        (
            directive.text,
            sorted(agency.name for agency in directive.lead),
            sorted(agency.name for agency in directive.support),
        )
        for directive in document.directives
    ]


ROLES = [
    pytest.param(
        "Chỉ đạo nhiệm vụ trong thời gian tới, Thứ trưởng Vũ Thị Mai chỉ đạo Tổng cục Hải "
        "quan tiếp tục tập trung triển khai tốt hệ thống này.",
        "2020-08-04",
        [("Tổng cục Hải quan tiếp tục tập trung", ["Tổng cục Hải quan"])],
        id="dev-title-and-person-directs",
    ),  # dev, news/chinh-thuc-trien-khai-he-thong-quan-ly-giam-sat-hai-quan-tu-dong-tai-noi-bai
    pytest.param(
        "Theo đó, Bộ trưởng Phạm Thị Thanh Trà yêu cầu các đồng chí Thứ trưởng chỉ đạo các "
        "đơn vị thuộc, trực thuộc Bộ được phân công phụ trách rà soát các nhiệm vụ.",
        "2025-05-20",
        [("chỉ đạo các đơn vị thuộc", ["Thứ trưởng"])],
        id="dev-title-told-to-direct-leads",
    ),  # dev, news/f0a9e4384b29dedd
    pytest.param(
        "Phó Tổng cục trưởng nhấn mạnh, các đơn vị cần tăng cường kiểm tra, kiểm soát "
        "chống thất thu ngân sách.",
        "2021-01-20",
        [("các đơn vị cần tăng cường", ["đơn vị"])],
        id="title-alone-frames-what-it-says",
    ),
    pytest.param(
        "Cục trưởng Trần Văn Bình chỉ đạo các chi cục tăng cường kiểm tra hàng hóa nhập khẩu.",
        "2024-05-02",
        [("tăng cường kiểm tra hàng hóa", ["chi cục"])],
        id="title-and-person-directs",
    ),
    # a participle after an opening quote opens the quotation: its subject after the
    # comma is the clause's, and what it did is told, not asked
    pytest.param(
        '"Xác định đây là nhiệm vụ trọng tâm hàng đầu, Cục Hải quan Hà Nội đã tập trung '
        'nguồn lực, phối hợp chặt chẽ với các đơn vị để triển khai" - Cục trưởng Dương Phú '
        "Đông nhấn mạnh.",
        "2020-08-04",
        [],
        id="dev-quotation-opens-with-a-participle",
    ),  # dev, news/chinh-thuc-trien-khai-he-thong-quan-ly-giam-sat-hai-quan-tu-dong-tai-noi-bai
    pytest.param(
        '"Thực hiện chỉ đạo của Bộ, Sở Y tế đã kiểm tra 20 cơ sở, phối hợp với công an xử '
        'lý vi phạm" - Phó Cục trưởng Nguyễn Văn Nam nhấn mạnh.',
        "2024-05-02",
        [],
        id="quotation-opens-with-a-participle",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), ROLES)
def test_speaker_roles(text: str, published: str, expected: list[tuple]) -> None:
    found = _roles(text, published)
    assert len(found) == len(expected), found
    for (text_found, lead, _), (key, lead_want) in zip(found, expected, strict=True):
        assert (key in text_found, lead) == (True, sorted(lead_want)), text_found


def test_attribution_after_a_quote_keeps_the_frame() -> None:
    """An authority named after a closing quote says who spoke it: the tasks of the
    quotation keep the lead of the task before them."""
    text = (
        '"Yêu cầu Cục Hải quan các tỉnh, thành phố xây dựng kế hoạch chi tiết thu ngân '
        'sách; đồng thời tổ chức các giải pháp chống buôn lậu, gian lận thương mại" - Phó '
        "Tổng cục trưởng Lưu Mạnh Tưởng chỉ đạo."
    )
    found = _roles(text, "2021-01-20")
    assert [lead for _, lead, _ in found] == [
        ["Cục Hải quan các tỉnh, thành phố"],
        ["Cục Hải quan các tỉnh, thành phố"],
    ], found

"""Titles of news pages and official documents."""

import pytest

from directive_extract import extract


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "THỦ TƯỚNG CHÍNH PHỦ\nSố: 108/CĐ-TTg\nHà Nội, ngày 26 tháng 10 năm 2024\nCÔNG ĐIỆN\n"
            "Về việc ứng phó với bão số 6\nTHỦ TƯỚNG CHÍNH PHỦ điện:",
            "CÔNG ĐIỆN Về việc ứng phó với bão số 6",
        ),
        (
            "Trang chủ | Thời sự | Chính sách\nThời sự > Hoạt động của Chính phủ\n"
            "Thủ tướng: Giải ngân chậm là lãng phí lớn nhất\nThứ Năm, 10/08/2017 18:45\n"
            "(Chinhphu.vn) - Thủ tướng yêu cầu các bộ giải ngân hết vốn.",
            "Thủ tướng: Giải ngân chậm là lãng phí lớn nhất",
        ),
        (
            "14:02 26/07/2023\nHội nghị trực tuyến toàn quốc về chuyển đổi số\nChiều 12/7, ...",
            "Hội nghị trực tuyến toàn quốc về chuyển đổi số",
        ),
        ("Đó là khẳng định của Thủ tướng tại phiên họp.\nThủ tướng yêu cầu ...", None),
    ],
    ids=["official-document", "news-with-navigation", "dateline-first", "no-headline"],
)
def test_title(text, title):
    assert extract(text).title == title

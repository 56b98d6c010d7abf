"""One clause holding several tasks: a comma before a word that opens a second task of
the same subject ("..., đồng thời phối hợp ...", "..., sớm công bố ...") parts two
directives (ANNOTATION: one directive per task).  Each task keeps the clause's lead; its
support and deadline are those written in it, or the whole assignment's.  A list item
stays whole, and so does a comma before "tập trung", which as often narrows the task it
follows ("..., tập trung vào ...") as it opens another.  Sentences of the real development pages
(corpora/real/dev, tuned cases: marked "dev" with the page) and sentences written apart
from them; each case gives (text, lead, support, deadline) of every directive, in order."""

from __future__ import annotations

import pytest

from directive_extract import extract
from directive_extract.discourse.segment import Clause, task_pieces


def tasks(text: str, published: str) -> list[tuple[str, list[str], list[str], str | None]]:
    document = extract(text, source="case.txt", published=published)
    return [
        (
            d.text,
            sorted(a.name for a in d.lead),
            sorted(a.name for a in d.support),
            d.deadline.due if d.deadline else None,
        )
        for d in document.directives
    ]


CASES = [
    pytest.param(
        "2025-09-20",
        "Thủ tướng yêu cầu Bộ Tài chính báo cáo Chính phủ trước ngày 15/10/2025 về chính sách "
        "thuế bất động sản, đồng thời phối hợp với các bộ liên quan chuyển đổi số trong giao "
        "dịch, công chứng, thuế và đăng ký đất đai trên môi trường điện tử.",
        [
            (
                "Thủ tướng yêu cầu Bộ Tài chính báo cáo Chính phủ trước ngày 15/10/2025 về chính "
                "sách thuế bất động sản",
                ["Bộ Tài chính"],
                [],
                "2025-10-15",
            ),
            (
                "đồng thời phối hợp với các bộ liên quan chuyển đổi số trong giao dịch, công "
                "chứng, thuế và đăng ký đất đai trên môi trường điện tử.",
                ["Bộ Tài chính"],
                ["bộ liên quan"],  # "liên quan" ends the group
                None,
            ),
        ],
        id="dev-news/ce3ad2b0a9b71e61-dong-thoi-date-and-partners-stay-with-their-task",
    ),
    pytest.param(
        "2020-04-10",
        "Thủ tướng cũng yêu cầu kiểm điểm làm rõ trách nhiệm, xử lý nghiêm minh các tổ chức, cá "
        "nhân liên quan vi phạm quy định cách ly phòng chống dịch bệnh, sớm công bố kết quả với "
        "công luận.",
        [
            (
                "Thủ tướng cũng yêu cầu kiểm điểm làm rõ trách nhiệm, xử lý nghiêm minh các tổ "
                "chức, cá nhân liên quan vi phạm quy định cách ly phòng chống dịch bệnh",
                [],
                [],
                None,
            ),
            ("sớm công bố kết quả với công luận.", [], [], None),
        ],
        id="dev-news/tao-da-cho-phat-trien-kinh-te-voi-3-sang-kien-cua-thu-tuong-som",
    ),
    pytest.param(
        "2017-03-08",
        "Ban Bí thư đề nghị Thường trực Chính phủ, Thanh tra Chính phủ chỉ đạo và chịu trách "
        "nhiệm về Kết luận thanh tra, sớm công bố Kết luận thanh tra theo quy định của pháp luật.",
        [
            (
                "Ban Bí thư đề nghị Thường trực Chính phủ, Thanh tra Chính phủ chỉ đạo và chịu "
                "trách nhiệm về Kết luận thanh tra",
                ["Thanh tra Chính phủ", "Thường trực Chính phủ"],
                [],
                None,
            ),
            (
                "sớm công bố Kết luận thanh tra theo quy định của pháp luật.",
                ["Thanh tra Chính phủ", "Thường trực Chính phủ"],
                [],
                None,
            ),
        ],
        id="dev-news/huy-thuong-vu-mua-avg-4-ngay-sau-khi-co-chi-dao-cua-ban-bi-thu-som",
    ),
    pytest.param(
        "2025-03-03",
        "Bộ trưởng yêu cầu Sở Giao thông vận tải tỉnh Lào Cai rà soát các điểm sạt lở trên quốc "
        "lộ 4E, đồng thời phối hợp với Công an tỉnh phân luồng giao thông trước ngày 15/3/2025.",
        [
            (
                "Bộ trưởng yêu cầu Sở Giao thông vận tải tỉnh Lào Cai rà soát các điểm sạt lở "
                "trên quốc lộ 4E",
                ["Sở Giao thông vận tải tỉnh Lào Cai"],
                [],
                None,
            ),
            (
                "đồng thời phối hợp với Công an tỉnh phân luồng giao thông trước ngày 15/3/2025.",
                ["Sở Giao thông vận tải tỉnh Lào Cai"],
                ["Công an tỉnh Lào Cai"],
                "2025-03-15",
            ),
        ],
        id="apart-dong-thoi-date-in-the-second-task",
    ),
    pytest.param(
        "2025-03-03",
        "Phó Thủ tướng giao Bộ Xây dựng chủ trì, phối hợp với Bộ Tài chính hoàn thiện dự thảo "
        "nghị định, sớm trình Chính phủ ban hành.",
        [
            (
                "Phó Thủ tướng giao Bộ Xây dựng chủ trì, phối hợp với Bộ Tài chính hoàn thiện dự "
                "thảo nghị định",
                ["Bộ Xây dựng"],
                ["Bộ Tài chính"],
            ),
            ("sớm trình Chính phủ ban hành.", ["Bộ Xây dựng"], ["Bộ Tài chính"]),
        ],
        id="apart-chu-tri-phoi-hop-partners-are-every-task-s",
    ),
    # where the rule does not cut
    pytest.param(
        "2025-03-03",
        "Ủy ban nhân dân tỉnh yêu cầu:\ne) Sở Nông nghiệp huy động lực lượng tại chỗ giúp người "
        "dân dọn dẹp nhà cửa sau lũ, sớm ổn định đời sống của nhân dân.",
        [
            (
                "e) Sở Nông nghiệp huy động lực lượng tại chỗ giúp người dân dọn dẹp nhà cửa sau "
                "lũ, sớm ổn định đời sống của nhân dân.",
                ["Sở Nông nghiệp"],
                [],
                None,
            )
        ],
        id="apart-a-list-item-stays-whole",
    ),
    pytest.param(
        "2025-03-03",
        "Thủ tướng yêu cầu Cục Hải quan phân tích rủi ro để xây dựng kế hoạch kiểm tra, tập "
        "trung vào các mặt hàng có rủi ro cao.",
        [
            (
                "Thủ tướng yêu cầu Cục Hải quan phân tích rủi ro để xây dựng kế hoạch kiểm tra, "
                "tập trung vào các mặt hàng có rủi ro cao.",
                ["Cục Hải quan"],
                [],
                None,
            )
        ],
        id="apart-tap-trung-narrows-the-task-it-follows",
    ),
    pytest.param(
        "2025-03-03",
        "Thủ tướng yêu cầu Bộ Công an, Bộ Quốc phòng, sớm có phương án bảo đảm an ninh.",
        [
            (
                "Thủ tướng yêu cầu Bộ Công an, Bộ Quốc phòng, sớm có phương án bảo đảm an ninh.",
                ["Bộ Công an", "Bộ Quốc phòng"],
                [],
                None,
            )
        ],
        id="apart-no-task-before-the-comma",
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), CASES)
def test_a_clause_is_cut_into_its_tasks(published: str, text: str, expected: list[tuple]) -> None:
    found = tasks(text, published)
    assert [row[: len(want)] for row, want in zip(found, expected, strict=True)] == expected


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "Bộ Y tế rà soát danh mục thuốc (gồm thuốc hiếm, sớm cấp phép) trong năm nay",
            ["Bộ Y tế rà soát danh mục thuốc (gồm thuốc hiếm, sớm cấp phép) trong năm nay"],
        ),
        (
            "Bộ Y tế rà soát danh mục thuốc hiếm, sớm cấp phép lưu hành, đồng thời báo cáo kết quả",
            [
                "Bộ Y tế rà soát danh mục thuốc hiếm",
                "sớm cấp phép lưu hành",
                "đồng thời báo cáo kết quả",
            ],
        ),
        ("Bộ Y tế rà soát quy trình sớm, đồng thời", ["Bộ Y tế rà soát quy trình sớm, đồng thời"]),
    ],
    ids=["apart-not-inside-brackets", "apart-three-tasks", "apart-no-task-after-the-comma"],
)
def test_task_pieces(text: str, pieces: list[str]) -> None:
    clause = Clause(0, len(text), 0, len(text), 0, first_in_sentence=True)
    assert [text[s.start : s.end] for s in task_pieces(text, clause, [len("Bộ Y tế")])] == pieces

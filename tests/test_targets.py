"""Targets: the figures a directive clause sets out to reach, with year and comparator.

Sentences are directive clauses as they appear in kế hoạch, nghị quyết, kết luận and
news of them. Each row is one sentence; its clauses are split at ';' (as the pipeline
does). Cases marked "seed" were tuned on corpora/seeds/.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_extract import models
from directive_extract.discourse.targets import mark_targets, target_year, with_roles
from directive_extract.mentions.figures import find_figures
from directive_extract.mentions.times import RefDate


@dataclass
class Clause:
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    is_directive: bool = True
    sets_quantities: bool = False
    period: object = None


def _clauses(sentence: str, directive: bool = True) -> list[Clause]:
    clauses, start = [], 0
    for part in sentence.split(";"):
        clauses.append(Clause(start, start + len(part), 0, len(sentence), directive))
        start += len(part) + 1
    return clauses


def _targets(sentence: str, directive: bool = True, ref: RefDate | None = None) -> list[tuple]:
    found = mark_targets(sentence, _clauses(sentence, directive), find_figures(sentence), ref)
    return [
        (f.text, f.value, f.value_max, f.unit, f.year, f.comparator)
        for targets in found
        for f in targets
    ]


GOLD = (
    "Phấn đấu đến năm 2025, 100% dịch vụ công trực tuyến được thực hiện toàn trình; 50% dân "
    "số trưởng thành sử dụng dịch vụ công trực tuyến; 100% hồ sơ giải quyết thủ tục hành chính "
    "được gắn định danh cá nhân; 90% người dân, doanh nghiệp hài lòng trong giải quyết thủ tục "
    "hành chính; 50% thủ tục, giấy tờ của người dân liên quan đến dữ liệu dân cư được cắt giảm"
)

# sentence -> [(text, value, value_max, unit, year, comparator)]
TARGETS = [
    (
        GOLD,
        [  # seed
            ("100%", 100, None, "%", 2025, "="),
            ("50%", 50, None, "%", 2025, "="),
            ("100%", 100, None, "%", 2025, "="),
            ("90%", 90, None, "%", 2025, "="),
            ("50%", 50, None, "%", 2025, "="),
        ],
    ),
    (
        "Triển khai đồng bộ các giải pháp để chỉ số phát triển Chính phủ điện tử tăng ít nhất "
        "5 bậc và chỉ số an toàn an ninh mạng thuộc nhóm 30 nước dẫn đầu",  # seed
        [("5 bậc", 5, None, "bậc", None, ">="), ("30 nước", 30, None, "nước", None, "=")],
    ),
    (
        "hoàn thành triển khai 12/53 dịch vụ công thiết yếu còn lại theo Quyết định 06/QĐ-TTg "
        "và 20 dịch vụ công ưu tiên theo Quyết định số 206/QĐ-TTg",  # seed
        [
            ("12/53 dịch vụ", 12, None, "dịch vụ", None, "="),
            ("20 dịch vụ", 20, None, "dịch vụ", None, "="),
        ],
    ),
    (
        "Thủ tướng yêu cầu sớm hoàn thành triển khai 30 dịch vụ công thiết yếu còn lại",  # seed
        [("30 dịch vụ", 30, None, "dịch vụ", None, "=")],
    ),
    (
        "Phấn đấu tốc độ tăng trưởng GRDP năm 2025 đạt 8% trở lên",
        [("8%", 8, None, "%", 2025, ">=")],
    ),
    ("Mục tiêu đến năm 2030, tỷ trọng kinh tế số đạt 30% GDP", [("30%", 30, None, "%", 2030, "=")]),
    ("Đến hết năm 2024 đạt tỷ lệ 80% hồ sơ được số hóa", [("80%", 80, None, "%", 2024, "=")]),
    (
        "Phấn đấu giải ngân 100% kế hoạch vốn đầu tư công năm 2024",
        [("100%", 100, None, "%", 2024, "=")],
    ),
    ("Bảo đảm tỷ lệ che phủ rừng đạt 42% vào năm 2025", [("42%", 42, None, "%", 2025, "=")]),
    (
        "giảm ít nhất 30% thời gian giải quyết thủ tục hành chính",
        [("30%", 30, None, "%", None, ">=")],
    ),
    ("cắt giảm tối thiểu 20% chi phí tuân thủ", [("20%", 20, None, "%", None, ">=")]),
    (
        "Bộ Công an cấp ít nhất 40 triệu tài khoản định danh điện tử trong năm 2024",
        [("40 triệu tài khoản", 40e6, None, "tài khoản", 2024, ">=")],
    ),
    (
        "Phấn đấu năm 2025 thu ngân sách nhà nước đạt 1,7 triệu tỷ đồng",
        [("1,7 triệu tỷ đồng", 1.7e15, None, "VND", 2025, "=")],
    ),
    (
        "nâng tỷ lệ dân số trưởng thành có tài khoản thanh toán lên 80% vào năm 2025",
        [("80%", 80, None, "%", 2025, "=")],
    ),
    (
        "Phấn đấu đến năm 2030 có ít nhất 100.000 doanh nghiệp công nghệ số",
        [("100.000 doanh nghiệp", 100000, None, "doanh nghiệp", 2030, ">=")],
    ),
    ("Phấn đấu kim ngạch xuất khẩu năm 2024 tăng 6-8%", [("6-8%", 6, 8, "%", 2024, "=")]),
    ("Phấn đấu tỷ lệ hộ nghèo giảm 1-1,5% mỗi năm", [("1-1,5%", 1, 1.5, "%", None, "=")]),
    (
        "Chủ tịch UBND tỉnh yêu cầu bảo đảm 100% học sinh được đến trường",
        [("100%", 100, None, "%", None, "=")],
    ),
    (
        "đến năm 2025 xây dựng hoàn thành 3.000 km đường bộ cao tốc",
        [("3.000 km", 3000, None, "km", 2025, "=")],
    ),
    ("Phấn đấu chỉ số PCI thuộc nhóm 10 tỉnh dẫn đầu", [("10 tỉnh", 10, None, "tỉnh", None, "=")]),
    (
        "huy động tối thiểu 500 tỷ đồng cho chương trình",
        [("500 tỷ đồng", 5e11, None, "VND", None, ">=")],
    ),
    (
        "giải ngân vốn đầu tư công năm 2025 đạt trên 95% kế hoạch",
        [("95%", 95, None, "%", 2025, ">")],
    ),
    (
        "Phấn đấu đến năm 2025, 80% dân số có danh tính số; "
        "70% doanh nghiệp sử dụng hóa đơn điện tử",
        [("80%", 80, None, "%", 2025, "="), ("70%", 70, None, "%", 2025, "=")],
    ),
    ("tỷ lệ tiêm chủng phải đạt trên 95%", [("95%", 95, None, "%", None, ">")]),
    (
        "hoàn thành 1 triệu căn hộ nhà ở xã hội giai đoạn 2021-2030",
        [("1 triệu căn hộ", 1e6, None, "căn hộ", 2030, "=")],
    ),
    (
        "Phấn đấu thu hút 2 tỷ USD vốn FDI trong năm 2025",
        [("2 tỷ USD", 2e9, None, "USD", 2025, "=")],
    ),
    (
        "Mục tiêu GRDP bình quân đầu người đạt 150 triệu đồng vào năm 2030",
        [("150 triệu đồng", 150e6, None, "VND", 2030, "=")],
    ),
    ("rút ngắn thời gian thông quan xuống còn 24 giờ", [("24 giờ", 24, None, "giờ", None, "=")]),
    (
        "Bảo đảm 100% xã, phường có kết nối internet băng rộng",
        [("100%", 100, None, "%", None, "=")],
    ),
    ("đến năm 2030, tỷ lệ đô thị hóa đạt 50%", [("50%", 50, None, "%", 2030, "=")]),
    ("phủ sóng 5G tới 100% khu công nghiệp", [("100%", 100, None, "%", None, "=")]),
    (
        "Phấn đấu đến năm 2025, giảm 10% biên chế so với năm 2021",
        [("10%", 10, None, "%", 2025, "=")],
    ),
    ("Mục tiêu năm 2024 tăng trưởng tín dụng khoảng 15%", [("15%", 15, None, "%", 2024, "~")]),
    ("giảm tỷ lệ nợ xấu xuống dưới 3% trong năm 2025", [("3%", 3, None, "%", 2025, "<")]),
    ("bội chi ngân sách bảo đảm không quá 4% GDP", [("4%", 4, None, "%", None, "<=")]),
    # not targets: reported figures, addressees, past results
    ("Thủ tướng yêu cầu doanh thu tăng 26% so với cùng kỳ", []),
    (
        "Yêu cầu 12 bộ, ngành và 20 địa phương chưa ban hành Kế hoạch khẩn trương ban hành",
        [],
    ),  # seed
    ("7 địa phương khẩn trương trình HĐND ban hành nghị quyết về miễn, giảm phí", []),  # seed
    ("Thủ tướng biểu dương các bộ đã đạt 42% hồ sơ trực tuyến", []),
    ("Mỗi bộ, ngành, địa phương phải có 1 đề án chuyển đổi số", []),  # seed
    ("Giao 5 bộ xây dựng kế hoạch", []),
    ("Thủ tướng yêu cầu hoàn thành trước ngày 20/7/2024", []),
]


@pytest.mark.parametrize(("sentence", "expected"), TARGETS)
def test_mark_targets(sentence: str, expected: list[tuple]) -> None:
    assert _targets(sentence) == [
        (text, float(value), value_max, unit, year, comparator)
        for text, value, value_max, unit, year, comparator in expected
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "tỷ lệ hồ sơ trực tuyến toàn trình cả nước đạt 42%",  # seed
        "doanh thu 6 tháng ước đạt trên 1,9 triệu tỷ đồng, tăng 26% so với cùng kỳ",  # seed
        "Phấn đấu đến năm 2025, 100% dịch vụ công trực tuyến được thực hiện toàn trình",
    ],
)
def test_reported_clauses_hold_no_targets(sentence: str) -> None:
    assert _targets(sentence, directive=False) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Phấn đấu đến năm 2025, 100% dịch vụ công", 2025),
        ("đến hết năm 2024 đạt tỷ lệ 80%", 2024),
        ("Mục tiêu năm 2030, kinh tế số chiếm 30% GDP", 2030),
        ("trong giai đoạn 2026-2030 hoàn thành 5.000 km", 2030),
        ("Chiến lược phát triển ngành bán dẫn đến năm 2030", None),  # seed: a title
        ("phấn đấu trong năm nay đạt 100%", 2024),
        ("không có năm nào", None),
    ],
)
def test_target_year(text: str, year: int | None) -> None:
    assert target_year(text, 0, len(text), RefDate(2024, 7, 10)) == year


def test_with_roles_marks_document_figures() -> None:
    figures = find_figures(GOLD)
    targets = mark_targets(GOLD, _clauses(GOLD), figures, None)
    marked = with_roles(figures, targets)
    assert [f.role for f in marked] == ["target"] * 5
    assert [f.year for f in marked] == [2025] * 5
    assert [f.role for f in figures] == ["reported"] * 5


def test_non_directive_clauses_give_empty_lists() -> None:
    sentence = "tăng 26% so với cùng kỳ; phấn đấu đạt 30%"
    clauses = _clauses(sentence)
    clauses[0].is_directive = False
    found = mark_targets(sentence, clauses, find_figures(sentence))
    assert [[f.text for f in targets] for targets in found] == [[], ["30%"]]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789%;, phấnđấuđạtnăm2025bậc")), max_size=80))
def test_targets_are_copies_of_clause_figures(text: str) -> None:
    figures = find_figures(text)
    for clause, targets in zip(
        _clauses(text), mark_targets(text, _clauses(text), figures), strict=True
    ):
        for target in targets:
            assert clause.start <= target.start < clause.end
            assert text[target.start : target.end] == target.text
            assert target.role == "target"
            assert isinstance(target, models.Figure)

"""Layout, sentences and clauses on the seed pages and on official-document shapes."""

from pathlib import Path

import pytest

from directive_extract import extract
from directive_extract.discourse.layout import layout
from directive_extract.discourse.segment import Span, clauses, segment, sentences
from directive_extract.read.normalise import canonical_form

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"


def _texts(text, spans):
    return [text[span.start : span.end] for span in spans]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_page_chrome_yields_no_directive_and_no_figure(seed):
    # Tuned on the five seeds: related-article lists, footers and counters.
    document = extract(seed.read_text(encoding="utf-8"), source=seed.name)
    structure = layout(document.text)
    for record in [*document.directives, *document.figures]:
        assert not any(span.start <= record.start < span.end for span in structure.chrome)


def test_related_articles_zone_runs_to_the_end_and_is_reported():
    text = canonical_form(
        "Thủ tướng giao Bộ Y tế rà soát quy định.\nCó thể bạn quan tâm\n"
        "Hà Nội yêu cầu các sở khẩn trương hoàn thành trước ngày 2/9\nTăng 1.000% so với"
    )
    structure = layout(text)
    assert _texts(text, structure.paragraphs) == ["Thủ tướng giao Bộ Y tế rà soát quy định."]
    assert structure.warnings == ("left out 3 line(s) from line 2 on: list of other articles",)
    assert extract(text).figures == []


@pytest.mark.parametrize(
    "heading", ["**Tin liên quan**", "**Xem thêm:**", "*Tin khác*", "### Có thể bạn quan tâm"]
)
def test_a_related_articles_heading_written_in_markdown_is_chrome(heading):
    """Written apart by a helper probing pages with no directive: a page given as its
    Markdown source keeps the marks around its link list's heading."""
    teaser = "- Thủ tướng yêu cầu các ngân hàng giảm lãi suất"
    text = f"Ngân hàng tổ chức đại hội cổ đông.\n{heading}\n{teaser}"
    assert extract(text).directives == []


def test_recipient_list_of_an_official_document_is_chrome():
    text = "1. Bộ Tài chính chủ trì thực hiện.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT, KTTH."
    structure = layout(text)
    assert _texts(text, structure.paragraphs) == ["1. Bộ Tài chính chủ trì thực hiện."]


def test_navigation_lines_and_counters_are_chrome():
    text = "Skip to main content\nTrang chủ\nBộ Y tế rà soát.\nTổng số lượt xem: 1851\nEnglish"
    assert _texts(text, layout(text).paragraphs) == ["Bộ Y tế rà soát."]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Bộ Y tế chủ trì. Bộ Tài chính phối hợp.", ["Bộ Y tế chủ trì.", "Bộ Tài chính phối hợp."]),
        ("UBND TP. Hồ Chí Minh báo cáo. Xong.", ["UBND TP. Hồ Chí Minh báo cáo.", "Xong."]),
        ("Doanh thu đạt 1.084 tỷ đồng. Tăng 5,5%.", ["Doanh thu đạt 1.084 tỷ đồng.", "Tăng 5,5%."]),
        ('"Phải làm ngay." Thủ tướng nói.', ['"Phải làm ngay."', "Thủ tướng nói."]),
        ("Luật Nhà ở... Đã có 56/63 tỉnh.", ["Luật Nhà ở...", "Đã có 56/63 tỉnh."]),
    ],
)
def test_sentences(paragraph, expected):
    assert _texts(paragraph, sentences(paragraph, 0, len(paragraph))) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bộ Công an đẩy mạnh Đề án 06; chủ trì xây dựng Luật Dữ liệu; tiếp tục mở rộng VNeID.",
            [
                "Bộ Công an đẩy mạnh Đề án 06",
                "chủ trì xây dựng Luật Dữ liệu",
                "tiếp tục mở rộng VNeID.",
            ],
        ),
        (
            "Nhiệm vụ thời gian tới: Thứ nhất phải quyết liệt; Thứ hai, tập trung hoàn thiện.",
            [
                "Nhiệm vụ thời gian tới",
                "Thứ nhất phải quyết liệt",
                "Thứ hai, tập trung hoàn thiện.",
            ],
        ),
        (
            "Sớm hoàn thành 30 dịch vụ (nhất là hộ kinh doanh; đăng ký thuế) trong năm 2024.",
            ["Sớm hoàn thành 30 dịch vụ (nhất là hộ kinh doanh; đăng ký thuế) trong năm 2024."],
        ),
        (
            '"Mỗi bộ phải có 1 đề án", Thủ tướng yêu cầu và giao Bộ Công an phổ biến.',
            ['"Mỗi bộ phải có 1 đề án"', "Thủ tướng yêu cầu và giao Bộ Công an phổ biến."],
        ),
    ],
)
def test_clauses(sentence, expected):
    found = clauses(sentence, Span(0, len(sentence)), 0)
    assert [sentence[c.start : c.end] for c in found] == expected
    assert [c.first_in_sentence for c in found] == [True] + [False] * (len(expected) - 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bộ Y tế chủ trì; Bộ Tài chính phối hợp: rà soát, báo cáo.",
        "Nhiệm vụ: THỨ NHẤT, rà soát. Thứ hai,báo cáo; một là, tổng hợp",
        '"Phải làm ngay.", Thủ tướng nói; "Xong", ông nói',
        'Ba là, "kiểm tra" , Bộ Công an; thứ tư , xong',
    ],
)
def test_clause_breaks_tried_per_sentence_are_those_of_the_whole_pattern(sentence):
    # The branches dropped where a sentence holds no enumerator word or quote change no
    # match: every span of the sentence, edges inside words included.
    from directive_extract.discourse.segment import _clause_break, _clause_break_in

    def found(pattern, start, end):
        return [m.span() for m in pattern.finditer(sentence, start, end)]

    for start in range(len(sentence)):
        for end in range(start, len(sentence) + 1, 3):
            whole = found(_clause_break(), start, end)
            assert found(_clause_break_in(sentence, start, end), start, end) == whole


def test_a_task_table_flattened_one_cell_per_line_gives_one_clause_per_row():
    # Written for this test: the layout of tables copied out of PDF plans.
    text = (
        "Các nhiệm vụ cụ thể như sau:\nTT\nNội dung công việc\nĐơn vị chủ trì\n"
        "Đơn vị phối hợp\nThời gian thực hiện\n1\nNâng cấp Cổng thông tin điện tử\nSở Nội vụ\n"
        "Sở Tài chính\nQuý II/2022\n2\nSố hóa hồ sơ một cửa\nVăn phòng UBND tỉnh\nSở Nội vụ\n"
        "Thường xuyên\nIII. TỔ CHỨC THỰC HIỆN"
    )
    rows = [c for c in segment(text, layout(text)) if c.cells]
    assert [text[c.start : c.end] for c in rows] == [
        "Nâng cấp Cổng thông tin điện tử",
        "Số hóa hồ sơ một cửa",
    ]
    assert [text[c.cells["lead"].start : c.cells["lead"].end] for c in rows] == [
        "Sở Nội vụ",
        "Văn phòng UBND tỉnh",
    ]
    document = extract(text, published="2022-03-15")
    assert [(d.lead[0].name, d.deadline and d.deadline.due) for d in document.directives] == [
        ("Sở Nội vụ", "2022-06-30"),
        ("Văn phòng Ủy ban nhân dân tỉnh", None),
    ]


def test_a_table_row_per_line_with_bars_gives_lead_support_and_deadline():
    text = (
        "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
        "1 | Rà soát thủ tục hành chính nội bộ | Sở Tư pháp | Sở Nội vụ; Công an tỉnh | Quý I/2026"
    )
    document = extract(text, published="2025-12-01")
    [directive] = document.directives
    assert directive.text == "Rà soát thủ tục hành chính nội bộ"
    assert [a.name for a in directive.lead] == ["Sở Tư pháp"]
    assert [a.name for a in directive.support] == ["Sở Nội vụ", "Công an tỉnh"]
    assert directive.deadline.due == "2026-03-31"

"""extract(text, explain=True) and `directive-extract explain`: the named rules behind
each directive, its lead, support and deadline.  Sentences written for the test."""

from __future__ import annotations

import os
import subprocess
import sys

from directive_extract import extract


def _explained(text: str, published: str = "2024-07-10"):
    return [d.explanation for d in extract(text, published=published, explain=True).directives]


def test_an_assignment_names_its_rules():
    [why] = _explained(
        "Thủ tướng giao Bộ Y tế chủ trì, phối hợp với Bộ Tài chính hoàn thành đề án "
        "trước ngày 20/7/2024."
    )
    assert (why.directive, why.lead, why.support) == (
        "assignment",
        "after_command:giao",
        "after_support_cue:phối hợp với",
    )
    assert why.deadline == "clause: times.full_date after 'trước'"


def test_items_under_a_heading_inherit_its_lead():
    whys = _explained("Bộ Xây dựng:\n- Rà soát quy hoạch đô thị.\n- Báo cáo kết quả.")
    assert [(w.directive, w.lead) for w in whys] == [
        ("tasks_zone", "inherited:list_heading"),
        ("tasks_zone", "inherited:list_heading"),
    ]


def test_without_explain_there_is_no_explanation_and_the_record_is_unchanged():
    document = extract("Thủ tướng giao Bộ Y tế rà soát quy định.")
    assert document.directives[0].explanation is None
    assert "explanation" not in document.directives[0].model_dump()


def test_the_explain_command_prints_the_rules(tmp_path):
    page = tmp_path / "cong_dien.txt"
    page.write_text("Thủ tướng yêu cầu Bộ Công Thương khẩn trương rà soát.", encoding="utf-8")
    shown = subprocess.run(
        [sys.executable, "-m", "directive_extract.cli", "explain", str(page)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "200"},
    ).stdout
    assert "assignment" in shown and "after_command:yêu cầu" in shown


def test_a_due_date_stated_on_its_own_covers_the_tasks_of_its_item():
    document = extract(
        "Thủ tướng yêu cầu:\n"
        "1. Bộ Tài chính rà soát các dự án tồn đọng; báo cáo kết quả rà soát. "
        "Thời hạn hoàn thành: trước ngày 30/11/2025.\n"
        "2. Bộ Xây dựng hướng dẫn các địa phương.",
        published="2025-11-20",
        explain=True,
    )
    assert [(d.deadline.due if d.deadline else None) for d in document.directives] == [
        "2025-11-30",
        "2025-11-30",
        None,
    ]
    assert document.directives[0].explanation.deadline.startswith("item: ")


def test_an_opener_naming_agencies_does_not_hide_the_subject():
    """Written after official/405a6cabda393030.md (dev split)."""
    [why] = [
        (d.lead[0].name, d.explanation.lead)
        for d in extract(
            "Phó Thủ tướng kết luận như sau:\n2. Trên cơ sở đề nghị của các Bộ, cơ quan liên "
            "quan, Bộ Tài chính khẩn trương rà soát, bố trí kinh phí.",
            explain=True,
        ).directives
    ]
    assert why == ("Bộ Tài chính", "subject")


def test_an_obligation_is_a_directive_on_a_state_body_or_where_an_authority_speaks():
    """Written for the test, after the accounting how-tos of the real pages."""
    assert extract("Doanh nghiệp cần lập hồ sơ xác định giá giao dịch liên kết.").directives == []
    [directive] = extract("Bộ Y tế cần rà soát quy định về khám chữa bệnh.").directives
    assert directive.lead[0].name == "Bộ Y tế"
    spoken = extract(
        "Thủ tướng yêu cầu Bộ Tài chính khẩn trương hoàn thiện đề án. "
        "Doanh nghiệp cần lập hồ sơ đầy đủ."
    )
    assert len(spoken.directives) == 2


def test_a_command_governs_agencies_behind_a_form_of_address():
    """Written after official/fa0dcc139cec05de.md (dev split)."""
    [directive] = extract(
        "Đề nghị các đồng chí Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo quyết liệt.",
        explain=True,
    ).directives
    assert directive.explanation.lead == "after_command:đề nghị"
    assert directive.lead[0].name == "Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh"

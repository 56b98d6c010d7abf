"""Adversarial inputs for the time, number and target parsers and for the patterns of
page chrome and document structure: is the time linear?

For each input family, times ``find_times``, ``infer_published``, ``find_figures``,
``mark_targets``, ``layout`` (page chrome and list markers) and the readers of
``document_structure.tsv`` (section headings, standing clauses, table columns, document
kinds, subject lines) at a base size and at ten times that size, and prints the time per
input size and the ratio of the two. Linear means a ratio near 10; a regular expression
that backtracks shows up as 100 or more.

    python benchmarks/bench_regex_linear.py [base_size]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import SimpleNamespace

from directive_extract.discourse import header, layout, segment, targets
from directive_extract.mentions import figures as numbers
from directive_extract.mentions import times as timex
from directive_extract.read import markers, tables

FAMILIES: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n,
    "digits and dots": lambda n: ("1." * n)[:n],
    "digits and commas": lambda n: ("12," * n)[:n],
    "dates glued": lambda n: ("1/2/" * n)[:n],
    "date-like dashes": lambda n: ("2024-" * n)[:n],
    "separators": lambda n: ("./-:, " * n)[:n],
    "spaces": lambda n: "1" + " " * n + "%",
    "spaces between words": lambda n: ("trước " + " " * n + "ngày 2/9")[: n + 20],
    "scale words": lambda n: ("1 " + "triệu " * n)[:n],
    "time words": lambda n: ("ngày tháng năm quý " * n)[:n],
    "percent runs": lambda n: ("5% " * n)[:n],
    "quotes and numbers": lambda n: ('"5 ' * n)[:n],
    "cue words": lambda n: ("phấn đấu đạt " * n)[:n],
    "newlines": lambda n: ("\n1. " * n)[:n],
    "dates": lambda n: ("trước ngày 1/1/2024 " * n)[:n],
    "targets with years": lambda n: ("đến năm 2025 đạt 5%; " * n)[:n],
    "ranges": lambda n: ("1-2-3,4 - 5 đến " * n)[:n],
    "breadcrumbs": lambda n: ("Trang chủ > Tin " * n)[:n],
    "captions": lambda n: ("Ảnh (Hình từ X " * n)[:n],
    "photo credits": lambda n: ("Tin. Ảnh: X" * n)[:n],
    "running heads": lambda n: ("Kế hoạch - Trang 1/" * n)[:n],
    "chrome labels": lambda n: ("Chủ đề: :gift:Xem chi tiết ở đây " * n)[:n],
    "marker runs": lambda n: ("1.1.1.(i)(1)II.a)" * n)[:n],
    "marker lines": lambda n: ("\nChương II. 1.2 - " * n)[:n],
    "standing clauses": lambda n: ("Bộ trưởng ban hành thông báo để " * n)[:n],
}


def _pipeline(text: str) -> None:
    timex.find_times(text, ref=timex.RefDate(2024, 7, 10), warnings=[])
    timex.infer_published(text)
    figures = numbers.find_figures(text)
    clause = SimpleNamespace(
        start=0,
        end=len(text),
        sentence_start=0,
        sentence_end=len(text),
        is_directive=True,
        sets_quantities=False,
        period=None,
    )
    targets.mark_targets(text, [clause], figures, None)
    _structure(text)


def _structure(text: str) -> None:
    """Page chrome and list markers line by line, and each reader of a document's shapes."""
    layout.layout(text)
    markers.marker_level(text)
    segment.section_zone(text)
    segment.is_standing_clause(text)
    segment.is_document_kind(text)
    tables.names_task_columns([text])
    header.document_kind(text)
    header.subject_line(text)


def _seconds(text: str) -> float:
    began = time.perf_counter()
    _pipeline(text)
    return time.perf_counter() - began


def main(base: int = 10_000) -> None:
    _pipeline("khởi động 1.084 trước ngày 2/9/2024")  # compile the patterns once
    print(f"{'input':<22} {'size':>8} {'seconds':>9} {'size x10':>9} {'seconds':>9} {'ratio':>6}")
    for name, make in FAMILIES.items():
        small, large = make(base), make(10 * base)
        small_time, large_time = _seconds(small), _seconds(large)
        ratio = large_time / small_time if small_time else float("inf")
        print(
            f"{name:<22} {len(small):>8} {small_time:>9.4f} {len(large):>9} "
            f"{large_time:>9.4f} {ratio:>6.1f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)

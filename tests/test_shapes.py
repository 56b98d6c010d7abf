"""The shapes of ``lexicon/shapes.py`` and the two tables that use them: every row of
``document_structure.tsv`` and ``page_chrome.tsv`` is recognised by its stage in a text
of its shape, and every pattern built from them stays linear-time on long adversarial
text.
"""

from __future__ import annotations

import pytest

from directive_extract import lexicon
from directive_extract.discourse.annexes import rule_paragraphs
from directive_extract.discourse.header import document_kind, sets_rules, subject_line
from directive_extract.discourse.layout import layout
from directive_extract.discourse.segment import (
    is_document_kind,
    is_standing_clause,
    section_zone,
)
from directive_extract.lexicon.shapes import SHAPES, SLOT, Shape
from directive_extract.read.chrome import chrome_pattern, resume_pattern
from directive_extract.read.markers import marker_end, marker_level, structure_patterns
from directive_extract.read.tables import names_task_columns

LEXICON = lexicon.default()
STRUCTURE = LEXICON.rows("document_structure")
CHROME = LEXICON.rows("page_chrome")
BODY, AFTER = "Bộ Y tế chủ trì.", "Bộ Tài chính phối hợp."


def example(row) -> str:
    return SHAPES[row.shape].example(row.words)


def _words(kind: str, shape: str) -> list[str]:
    return [row.words for row in STRUCTURE if row.kind == kind and row.shape == shape]


def test_every_shape_is_used_and_its_sample_fits_it():
    used = {row.shape for row in (*STRUCTURE, *CHROME)}
    assert used == set(SHAPES)
    for shape in SHAPES.values():
        assert len(shape.fills) == len(shape.slots), shape.name


@pytest.mark.parametrize(
    "shape", [Shape("x", ("line",), slots=(r"\d++",)), SHAPES["gap"]], ids=["literal", "trims"]
)
def test_a_slot_is_filled_and_the_words_around_it_kept(shape):
    pattern = shape.pattern(["a (b) … c"])
    literal = not shape.trims
    assert pattern == (r"(?:a\ \(b\)\ \d++\ c)" if literal else r"(?:a\ \(b\) [^.;]{0,120}?c)")


# --- document_structure.tsv ---------------------------------------------------------------


def _structure_id(row) -> str:
    return f"{row.kind}/{row.shape}/{row.words}"


def _by_kind(kind: str) -> list:
    return [row for row in STRUCTURE if row.kind == kind]


@pytest.mark.parametrize("row", _by_kind("marker"), ids=_structure_id)
def test_every_marker_gives_its_level(row):
    marker = example(row)
    line = f"{marker} Rà soát văn bản"
    assert marker_level(line) == int(row.value)
    assert marker_end(line, 0, len(line)) == len(marker)
    assert marker_level(f"{marker}x Rà soát") is None  # a marker ends before a space


@pytest.mark.parametrize("row", _by_kind("section"), ids=_structure_id)
def test_every_section_heading_opens_its_zone(row):
    assert section_zone(example(row).upper()) == row.value


def test_a_heading_that_is_more_than_a_whole_row_opens_no_zone():
    assert section_zone("II. Yêu cầu") == "purpose"
    assert section_zone("Các yêu cầu khác") is None


def _standing_clause(row) -> str:
    if row.shape == "issuer":
        return example(row) + _words("standing", "issued")[0] + " hướng dẫn"
    if row.shape == "issued":
        return f"{_words('standing', 'issuer')[0]} Bộ Y tế {row.words} hướng dẫn"
    return f"Văn bản này {example(row)} cho các đơn vị"


@pytest.mark.parametrize("row", _by_kind("standing"), ids=_structure_id)
def test_every_standing_clause_is_found(row):
    assert is_standing_clause(_standing_clause(row))
    assert is_standing_clause(_standing_clause(row).upper())  # found in capitals too


def test_a_standing_clause_is_found_whatever_the_case_of_its_letters():
    # is_standing_clause looks for a row's words in the casefolded clause before its
    # patterns scan it: "İ" (Turkish capital I), which a case-blind pattern matches to
    # "i", casefolds to two characters; the words must still be found
    assert is_standing_clause("Quyết định này có hiệu lực THİ HÀNH từ ngày ký")


def test_standing_clauses_keep_their_frame():
    assert is_standing_clause("Văn phòng Chính phủ thông báo để biết.")
    assert not is_standing_clause("Bộ Y tế chủ trì, phối hợp ban hành Thông tư")  # a comma
    assert not is_standing_clause("Đề nghị Bộ trưởng ban hành Thông tư")  # not its start
    assert not is_standing_clause("Bộ Y tế chủ trì thực hiện")
    # a command between the issuer and the act asks for the act
    assert not is_standing_clause("Thủ tướng yêu cầu Bộ Tài chính ban hành Thông tư hướng dẫn")


def _roles(cell: str) -> list[str]:
    return [value for pattern, value in structure_patterns("column") if pattern.search(cell)]


@pytest.mark.parametrize("row", _by_kind("column"), ids=_structure_id)
def test_every_column_word_names_its_column(row):
    cell = example(row).upper()
    assert _roles(cell)[0] == row.value
    if row.value == "lead":
        assert names_task_columns(["Nội dung", cell])


def test_a_whole_cell_column_is_the_cell_alone():
    assert _roles("STT") == ["index"]
    assert _roles("STT của bảng") == []


@pytest.mark.parametrize("row", _by_kind("doctype"), ids=_structure_id)
def test_every_document_kind_is_read(row):
    assert is_document_kind(row.words)
    assert document_kind(f"{row.words} VỀ VIỆC KHẨN TRƯƠNG") == row.words.capitalize()
    assert not is_document_kind(row.words.capitalize())  # as written: in capitals


@pytest.mark.parametrize("row", _by_kind("subject"), ids=_structure_id)
def test_every_subject_word_opens_a_subject_line(row):
    assert subject_line(example(row))
    assert subject_line(f"{row.words}ệc kê khai") is False


def _rule_lines(lines: list[str]) -> list[str]:
    found = layout("\n".join(lines))
    text = "\n".join(lines)
    inside = rule_paragraphs(text, found.paragraphs)
    return [text[p.start : p.end] for p in found.paragraphs if p.index in inside]


ATTACHED = "(Kèm theo Quyết định số 12/QĐ-UBND ngày 18/11/2025)"
STEP = "Bước 1 | Tiếp nhận hồ sơ | 1 ngày"


@pytest.mark.parametrize("row", _by_kind("attachment"), ids=_structure_id)
def test_every_attachment_title_opens_an_attachment(row):
    title = f"{row.words} II LĨNH VỰC Y TẾ"
    lines = [BODY, title, "THỦ TỤC HÀNH CHÍNH NỘI BỘ", ATTACHED, STEP]
    assert _rule_lines(lines) == lines[1:]
    assert _rule_lines([BODY, title.capitalize(), *lines[2:]]) == lines[2:]  # as written
    assert _rule_lines([BODY, title, "THỦ TỤC HÀNH CHÍNH NỘI BỘ", STEP]) == []  # attached to?


@pytest.mark.parametrize("row", _by_kind("rules"), ids=_structure_id)
def test_every_rules_word_makes_an_attachment_of_rules(row):
    lines = [BODY, "PHỤ LỤC I", f"{example(row).upper()} LĨNH VỰC Y TẾ", ATTACHED, STEP]
    assert _rule_lines(lines) == lines[1:]
    assert _rule_lines([BODY, "PHỤ LỤC I", "DANH MỤC NHIỆM VỤ", ATTACHED, AFTER]) == []
    tasks = f"PHÂN CÔNG THỰC HIỆN {example(row).upper()}"  # a title that names tasks too
    assert _rule_lines([BODY, "PHỤ LỤC I", tasks, ATTACHED, AFTER]) == []


@pytest.mark.parametrize("row", _by_kind("attached"), ids=_structure_id)
def test_every_attached_word_tells_an_attachment(row):
    attached = f"({row.words.capitalize()} Quyết định số 12/QĐ-UBND)"
    lines = [BODY, "PHỤ LỤC", "QUY TRÌNH NỘI BỘ", attached, STEP]
    assert _rule_lines(lines) == lines[1:]


@pytest.mark.parametrize("row", _by_kind("regulation"), ids=_structure_id)
def test_every_regulation_kind_sets_rules(row):
    assert sets_rules(row.words) and sets_rules(row.words.upper())
    assert not sets_rules(f"{row.words} số 12")  # the whole kind, not a citation of one


# --- page_chrome.tsv ----------------------------------------------------------------------


def _chrome_id(row) -> str:
    return f"{row.kind}/{row.shape}/{row.words}"


def _chrome_of(text: str) -> tuple[list[str], str]:
    found = layout(text)
    kept = [text[p.start : p.end] for p in found.paragraphs]
    return kept, " ".join(found.warnings)


@pytest.mark.parametrize("row", [r for r in CHROME if r.kind == "line"], ids=_chrome_id)
def test_every_chrome_line_is_set_aside_for_its_reason(row):
    kept, warnings = _chrome_of(f"{BODY}\n{example(row)}\n{AFTER}")
    assert kept == [BODY, AFTER]
    assert warnings.endswith(f": {row.reason}")


@pytest.mark.parametrize("row", [r for r in CHROME if r.kind == "zone"], ids=_chrome_id)
def test_every_zone_sets_aside_the_rest(row):
    kept, warnings = _chrome_of(f"{BODY}\n{example(row)}:\n{AFTER}")
    assert kept == [BODY]
    assert warnings.endswith(f": {row.reason}")


PROSE = (
    "Thủ tướng Chính phủ giao Bộ Tài chính chủ trì, phối hợp với Ngân hàng Nhà nước Việt Nam"
    " rà soát, báo cáo Thủ tướng trước ngày 15/12/2024."
)


@pytest.mark.parametrize("row", [r for r in CHROME if r.until == "prose"], ids=_chrome_id)
def test_every_list_of_other_articles_ends_where_running_prose_goes_on(row):
    """Written apart (a helper's scraped pages, 2026-12-08): a box of other articles
    set between an article's paragraphs hides none of the article after it; a teaser
    that trails off ("...") or a headline is no prose."""
    teasers = "- Bộ Y tế yêu cầu các tỉnh khẩn trương phòng chống dịch sốt xuất huyết\n"
    trailing = "- Chiều 22/11, Thủ tướng chủ trì hội nghị về giải ngân vốn đầu tư công năm 2025 ..."
    kept, _ = _chrome_of(f"{BODY}\n{row.words}\n{teasers}{trailing}\n{PROSE}\n{AFTER}")
    assert kept == [BODY, PROSE, AFTER]


def test_a_teasers_summary_after_its_headline_stays_in_the_list():
    """Written apart (a second read, 2026-12-08): a teaser may be a headline then a full
    sentence of summary; the summary is the list's, not the article going on."""
    text = (
        f"{BODY}\nTin liên quan\nBộ Y tế yêu cầu bảo đảm cấp cứu người bệnh dịp Tết\n"
        "Bộ Y tế vừa có công văn yêu cầu các sở y tế khẩn trương rà soát, bảo đảm cấp cứu"
        " người bệnh trong dịp Tết Nguyên đán."
    )
    assert _chrome_of(text)[0] == [BODY]


@pytest.mark.parametrize("row", [r for r in CHROME if r.kind == "resume"], ids=_chrome_id)
def test_every_title_resumes_the_body_after_a_zone_until_it(row):
    zone = next(r for r in CHROME if r.until == "resume")
    title = example(row)
    kept, _ = _chrome_of(f"{BODY}\n{zone.words}:\n- Như trên;\n{title}\n{AFTER}")
    assert kept == [BODY, title, AFTER]
    kept, _ = _chrome_of(f"{BODY}\n{zone.words}:\n- Như trên;\n{title.lower()}\n{AFTER}")
    assert kept == [BODY]


@pytest.mark.parametrize(
    "headline",
    [
        "Hạch toán đầy đủ chi phí vào giá điện: Thủ tướng yêu cầu rà soát",
        "Giải đáp kiến nghị cử tri, Thủ tướng giao các bộ xử lý",
        "Biên bản ghi nhớ hợp tác Việt - Lào",
    ],
)
def test_a_news_headline_opening_with_an_accounting_word_is_no_how_to(headline):
    """A second read's probes (written apart): the headline rows name how-tos and forms
    by their whole opening words, not by a first word news may open with too."""
    assert layout(f"{headline}\n{BODY}").reference is None


@pytest.mark.parametrize("row", [r for r in CHROME if r.kind == "headline"], ids=_chrome_id)
def test_every_headline_makes_its_page_a_reference_work_and_only_as_the_headline(row):
    """Dev's how-to and form pages ("Cách ghi mẫu 01B-HSB ...", "Tải về mẫu ...") hold
    no directive; the same words in a later line are no headline."""
    assert layout(f"{example(row)}\n{BODY}").reference == row.reason
    assert layout(f"{BODY}\n{example(row)}").reference is None


# --- linear time ----------------------------------------------------------------------------

SIZE = 50_000
_SEPARATORS = [" ", "1.", "(", ")", " > ", ": ", ", ", ". ", " - ", "a", "\t", SLOT]


def _adversarial() -> list[str]:
    """Long texts made of an example of every shape and of the characters shapes stop at."""
    first = {row.shape: row for row in (*STRUCTURE, *CHROME)}
    pieces = [example(row) for row in first.values()] + _SEPARATORS
    texts = [piece * (SIZE // len(piece) + 1) for piece in pieces]
    texts += [piece[:-1] * (SIZE // max(len(piece) - 1, 1) + 1) for piece in pieces]
    return [text[:SIZE] for text in texts if text]


def _uses():
    """Every compiled pattern of the two tables with the call its stage makes."""
    yield "chrome line", chrome_pattern("line").fullmatch
    yield "chrome zone", chrome_pattern("zone").fullmatch
    yield "resume", resume_pattern().fullmatch
    yield "headline", chrome_pattern("headline").fullmatch
    for kind in ("marker", "doctype", "subject", "attachment"):
        for pattern, value in structure_patterns(kind):
            yield f"{kind} {value}", pattern.match
    for kind in ("section", "standing", "column", "rules", "attached", "regulation"):
        for pattern, value in structure_patterns(kind):
            yield f"{kind} {value}", pattern.search


@pytest.mark.parametrize(("name", "call"), list(_uses()), ids=[name for name, _ in _uses()])
def test_every_pattern_is_linear_on_long_adversarial_text(name, call):
    """A backtracking pattern takes minutes on 50,000 characters; a linear one, milliseconds."""
    for text in _adversarial():
        call(text, timeout=5)

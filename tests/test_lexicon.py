"""The lexicon: every data file validates row by row, a malformed row names its file and
line, every row of the main tables is recognised by its stage, and a test can hand the
stages a lexicon of its own through ``lexicon.using``.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from directive_extract import lexicon
from directive_extract.discourse.cues import find_cues
from directive_extract.errors import DirectiveExtractError, LexiconError
from directive_extract.lexicon import Lexicon
from directive_extract.lexicon.schema import TABLES, CueKind
from directive_extract.mentions.agencies import expand_abbreviations, find_agencies
from directive_extract.mentions.figures import find_figures
from directive_extract.mentions.times import find_times, parse_published

DATA = Path(str(resources.files("directive_extract.lexicon").joinpath("data")))
FILES = sorted(path.stem for path in DATA.glob("*.tsv"))
LEXICON = lexicon.default()
REF = parse_published("2024-07-10")


def rows(name: str) -> list:
    return list(LEXICON.rows(name))


def variants(cell: str) -> list[str]:
    return lexicon.split_variants(cell)


# --- every row validates ----------------------------------------------------------------


def test_every_data_file_has_a_model_and_every_model_a_file():
    assert sorted(TABLES) == FILES


@pytest.mark.parametrize("name", FILES)
def test_every_data_line_is_a_validated_row(name):
    lines = (DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    data = [n for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    table = LEXICON.table(name)
    assert table.lines == tuple(data[1:])  # the first is the header
    assert all(isinstance(row, TABLES[name]) for row in table.rows)
    for row, cells in zip(table.rows, table.cells, strict=True):
        assert TABLES[name].model_validate(dict(cells)) == row
        assert list(cells) == list(TABLES[name].model_fields)


def test_load_serves_the_cells_of_the_active_lexicon():
    first = lexicon.load("time_cues")[0]
    assert first == LEXICON.cells("time_cues")[0]
    assert isinstance(first["strength"], str)  # the cells as written, for the stages
    assert isinstance(LEXICON.rows("time_cues")[0].strength, int)
    assert lexicon.column("cues", "kind")[0] in set(CueKind)


# --- a malformed row names its file and line ----------------------------------------------


def _copy_with(tmp_path: Path, name: str, edit) -> tuple[Path, int]:
    """A copy of the data folder with one line of ``name`` changed by ``edit``; returns the
    folder and the number of the changed line (the first data row unless ``edit`` says)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / f"{name}.tsv"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
    index = edit(lines, header)
    path.write_text("\n".join(lines), encoding="utf-8")
    return folder, index + 1


def _replace_row(text: str, offset: int = 1):
    def edit(lines: list[str], header: int) -> int:
        lines[header + offset] = text
        return header + offset

    return edit


MALFORMED = [
    ("cues", _replace_row("giao\tcomand"), "column 'kind'"),
    ("cues", _replace_row("giao\tcommand\textra"), "3 cells, but the header names 2 columns"),
    ("cues", _replace_row("\tcommand"), "the cell is empty but the column is required"),
    ("time_cues", _replace_row("trước\ttwo\tyes\tbefore"), "expected a whole number"),
    ("time_cues", _replace_row("trước\t3\tyes\tbefore"), "column 'strength'"),
    ("time_cues", _replace_row("trước\t2\tmaybe\tbefore"), "expected 'yes' or 'no'"),
    ("agencies", _replace_row("Chính phủ\tgovernment\t\t\ty"), "expected 'yes' or nothing"),
    ("agencies", _replace_row("Chính phủ\tgovernment\tA||B\t\t"), "an empty spelling"),
    ("agencies", _replace_row("Chính phủ\tgovernment\t\tChính phủ mới\t"), "successor"),
    ("provinces", _replace_row("Hà Nội\tthành phố\t\tAtlantis\tboth"), "successor"),
    ("page_chrome", _replace_row("zone\tregex\tTin (khác\tlist"), "no shape is named 'regex'"),
    ("page_chrome", _replace_row("line\twords\tTin khác\tlist\tresume"), "until is set"),
    ("page_chrome", _replace_row("line\tnumber\tBình luận\tbuttons"), "needs 1 '…'"),
    ("page_chrome", _replace_row("line\tbreadcrumb\tTrang\tbreadcrumb"), "takes no words"),
    ("page_chrome", _replace_row("zone\twords\tTin khác\tlist\tKẾ HOẠCH"), "column 'until'"),
    ("document_structure", _replace_row("marker\troman_dot\t\t7"), "does not fit a marker row"),
    ("document_structure", _replace_row("marker\tarticle\t\t0"), "'article' needs words"),
    ("document_structure", _replace_row("section\troman_dot\t\t0"), "does not serve a section"),
    ("agency_groups", _replace_row("các\tunit\tyes"), "role is not determiner"),
    ("number_words", _replace_row("không\t0\tdigit\tmaybe"), "column 'alone'"),
    ("units", _replace_row("%\t%\tpercentage"), "column 'kind'"),
    ("time_words", _replace_row("dayz\tngày"), "column 'key'"),
    ("time_words", _replace_row("weekday\tthứ hai|thứ ba"), "the seven days, Monday first"),
    ("cues", _replace_row("phrase\tkind\tnote", offset=0), "the header's columns are"),
]


@pytest.mark.parametrize(
    ("name", "edit", "reason"), MALFORMED, ids=[f"{m[0]}:{m[2]}" for m in MALFORMED]
)
def test_a_malformed_row_names_file_line_and_reason(tmp_path, name, edit, reason):
    folder, line = _copy_with(tmp_path, name, edit)
    with pytest.raises(LexiconError) as raised:
        Lexicon.read(folder)
    error = raised.value
    assert isinstance(error, DirectiveExtractError)
    assert (Path(error.path).name, error.line) == (f"{name}.tsv", line)
    assert str(error).startswith(f"{error.path}:{line}: ")
    assert reason in error.reason


def test_a_repeated_row_names_the_first(tmp_path):
    def repeat(lines: list[str], header: int) -> int:
        lines.insert(header + 3, lines[header + 1])
        return header + 3

    folder, line = _copy_with(tmp_path, "agency_stops", repeat)
    with pytest.raises(LexiconError, match=rf"agency_stops.tsv:{line}: repeats line {line - 2}"):
        Lexicon.read(folder)


def test_a_missing_or_unknown_file_is_an_error(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "units.tsv").rename(folder / "unit.tsv")
    with pytest.raises(LexiconError, match=r"unit\.tsv:1: no table is named 'unit'"):
        Lexicon.read(folder)
    (folder / "unit.tsv").unlink()
    with pytest.raises(LexiconError, match=r"units\.tsv:1: the data file of table 'units'"):
        Lexicon.read(folder)


def test_rows_given_in_code_are_checked_like_a_file():
    with pytest.raises(LexiconError, match=r"<time_cues>:2: column 'sense'"):
        LEXICON.replace(
            time_cues=[
                {"cue": "trước", "strength": "2", "in_text": "yes", "sense": "before"},
                {"cue": "sau", "strength": "0", "in_text": "yes", "sense": "after"},
            ]
        )
    with pytest.raises(LexiconError, match=r"<cues>:1: the header's columns"):
        LEXICON.replace(cues=[{"phrase": "giao", "kind": "command", "weight": "1"}])


# --- a test hands the stages a lexicon of its own -----------------------------------------

NEW_CUE = "hạn nộp"  # no cue of time_cues.tsv
NEW_BODY = "Viện Nghiên cứu Thử nghiệm Từ điển"  # no body of the gazetteer


def test_times_read_the_injected_time_cues():
    text = f"Nộp báo cáo {NEW_CUE} ngày 20/7/2024."
    assert [(m.cue, m.strength) for m in find_times(text, ref=REF)] == [(None, 0)]
    extra = {"cue": NEW_CUE, "strength": "2", "in_text": "yes", "sense": "by"}
    small = LEXICON.replace(time_cues=[*map(dict, LEXICON.cells("time_cues")), extra])
    with lexicon.using(small):
        found = find_times(text, ref=REF)
        assert [(m.cue, m.strength, m.text) for m in found] == [
            (NEW_CUE, 2, f"{NEW_CUE} ngày 20/7/2024")
        ]
    assert [(m.cue, m.strength) for m in find_times(text, ref=REF)] == [(None, 0)]


def test_times_without_a_cue_row_lose_it():
    text = "Hoàn thành trước ngày 20/7/2024."
    assert [m.cue for m in find_times(text, ref=REF)] == ["trước"]
    kept = [dict(row) for row in LEXICON.cells("time_cues") if row["cue"] != "trước"]
    with lexicon.using(LEXICON.replace(time_cues=kept)):
        assert [(m.cue, m.strength) for m in find_times(text, ref=REF)] == [(None, 0)]


def test_agencies_read_the_injected_gazetteer():
    text = f"Giao {NEW_BODY} chủ trì thực hiện."
    unseen = [(a.name, a.type) for a in find_agencies(text)]
    assert unseen == [(NEW_BODY, "other")]  # an unseen name after the head "Viện"
    assert find_agencies("Giao VNCTNTĐ chủ trì thực hiện.") == []
    extra = {"name": NEW_BODY, "type": "enterprise", "variants": "VNCTNTĐ"}
    small = LEXICON.replace(agencies=[*map(dict, LEXICON.cells("agencies")), extra])
    with lexicon.using(small):
        found = [(a.mention, a.name, a.type) for a in find_agencies(text)]
        assert found == [(NEW_BODY, NEW_BODY, "enterprise")]
        short = find_agencies("Giao VNCTNTĐ chủ trì thực hiện.")
        assert [(a.mention, a.name) for a in short] == [("VNCTNTĐ", NEW_BODY)]
    assert [(a.name, a.type) for a in find_agencies(text)] == unseen
    assert find_agencies("Giao VNCTNTĐ chủ trì thực hiện.") == []


def test_agencies_read_the_injected_abbreviations():
    text = "Đề nghị BTC khẩn trương thực hiện."
    assert "Bộ Tài chính" not in [agency.name for agency in find_agencies(text)]
    extra = {"abbreviation": "BTC", "expansion": "Bộ Tài chính"}
    rows_ = [*map(dict, LEXICON.cells("agency_abbreviations")), extra]
    with lexicon.using(LEXICON.replace(agency_abbreviations=rows_)):
        assert [agency.name for agency in find_agencies(text)] == ["Bộ Tài chính"]


def test_cues_read_the_injected_cue_table():
    text = "Yêu cầu Bộ Y tế rà soát."
    assert "command" in find_cues(text)[0].kinds
    small = LEXICON.replace(cues=[{"phrase": "rà soát", "kind": "action"}])
    with lexicon.using(small):
        assert [(cue.phrase, set(cue.kinds)) for cue in find_cues(text)] == [
            ("rà soát", {"action"})
        ]


def test_using_restores_the_lexicon_it_replaced():
    small = LEXICON.replace(agency_blocks=[])
    with lexicon.using(small):
        assert lexicon.active() is small
        inner = LEXICON.replace(agency_compounds=[])
        with lexicon.using(inner):
            assert lexicon.active() is inner
        assert lexicon.active() is small
    assert lexicon.active() is LEXICON
    assert lexicon.clear_caches() > 20  # the stages' cached builders are found


# --- every row of the main tables is recognised by its stage ------------------------------

CUES = rows("cues")


@pytest.mark.parametrize("row", CUES, ids=[f"{r.phrase}/{r.kind}" for r in CUES])
def test_every_cue_is_found_with_its_kind(row):
    found = find_cues(f"Nội dung: {row.phrase} xyz")
    assert [(cue.phrase, row.kind in cue.kinds) for cue in found][-1] == (
        row.phrase.casefold(),
        True,
    )


TIME_CUES = rows("time_cues")


@pytest.mark.parametrize("row", TIME_CUES, ids=[r.cue for r in TIME_CUES])
def test_every_time_cue_governs_a_date(row):
    found = find_times(f"{row.cue} ngày 15/3/2025", ref=REF)
    assert [(m.cue.casefold(), m.strength) for m in found] == [(row.cue, row.strength)]
    assert found[0].text.startswith(row.cue) == row.in_text


# A phrase for each role of time_words.tsv, {w} standing for one of its spellings; the
# spelling must come out inside a time expression.
TIME_FORMS = {
    "day": "trước {w} 15/3/2025",
    "month": "trước {w} 3/2025",
    "quarter": "trong {w} 2/2025",
    "year": "trong {w} 2025",
    "week": "trong vòng 2 {w}",
    "working": "trong vòng 5 ngày {w}",
    "period": "{w} 2021-2025",
    "first_half": "trong {w} 2025",
    "second_half": "trong {w} 2025",
    "part_start": "{w} tháng 3/2025",
    "part_mid": "{w} tháng 3/2025",
    "part_end": "{w} tháng 3/2025",
    "part_whole": "đến {w} năm 2025",
    "this": "trong tháng {w}",
    "next": "trong tháng {w}",
    "recurring_year": "trước ngày 15/3 {w}",
    "recurring_month": "ngày 5 {w}",
    "of": "ngày 5 {w} hằng tháng",
    "span_lead": "{w} 10 ngày kể từ ngày 15/3/2025",
    "span_strict": "trong {w} 10 ngày",
    "since": "trong 10 ngày {w} ngày 15/3/2025",
    "from": "{w} năm 2021 đến năm 2025",
    "to": "từ năm 2021 {w} năm 2025",
    "and": "trong quý I {w} quý II/2025",
    "clock_hour": "trước 17 {w} ngày 27/10/2024",
    "clock_minute": "trước 17 giờ 30 {w} ngày 27/10/2024",
}
IN_TEXT = [
    (row.key, spelling)
    for row in rows("time_words")
    if row.key in TIME_FORMS
    for spelling in variants(row.variants)
]


@pytest.mark.parametrize(("key", "spelling"), IN_TEXT, ids=[f"{k}/{s}" for k, s in IN_TEXT])
def test_every_time_word_is_read_inside_a_time_expression(key, spelling):
    text = TIME_FORMS[key].format(w=spelling)
    texts = [match.text.casefold() for match in find_times(text, ref=REF)]
    assert any(spelling.casefold() in found for found in texts), texts


def _spellings(key: str) -> list[str]:
    return [s for row in rows("time_words") if row.key == key for s in variants(row.variants)]


@pytest.mark.parametrize("spelling", _spellings("past"))
def test_every_past_word_makes_a_span_a_reported_one(spelling):
    assert find_times("trong vòng 2 tuần", ref=REF)
    assert not find_times(f"trong vòng 2 tuần {spelling}", ref=REF)


@pytest.mark.parametrize("spelling", _spellings("day_part"))
def test_every_day_part_opens_a_short_date(spelling):
    assert not find_times("họp 15/3", ref=REF)
    assert [match.text for match in find_times(f"{spelling} 15/3", ref=REF)] == ["15/3"]


@pytest.mark.parametrize("spelling", _spellings("title"))
def test_every_title_word_makes_its_year_a_name(spelling):
    assert [m.strength for m in find_times("Triển khai đến năm 2030", ref=REF)] == [1]
    assert [m.strength for m in find_times(f"{spelling} X đến năm 2030", ref=REF)] == [0]


@pytest.mark.parametrize("spelling", _spellings("title_end"))
def test_every_title_end_word_frees_the_year_after_it_from_the_name(spelling):
    """Written apart (helper probe of 2026-12-08): "Nghị quyết đặt mục tiêu đến năm 2045,
    ..." sets a goal; its year names no document."""
    assert [m.strength for m in find_times("Nghị quyết X đến năm 2045", ref=REF)] == [0]
    found = find_times(f"Nghị quyết {spelling} đến năm 2045", ref=REF)
    assert [m.strength for m in found] == [1]


@pytest.mark.parametrize("spelling", _spellings("vision"))
def test_every_vision_word_makes_the_year_before_it_a_name(spelling):
    assert [m.strength for m in find_times("Triển khai đến năm 2030", ref=REF)] == [1]
    found = find_times(f"Triển khai đến năm 2030, {spelling} đến năm 2045", ref=REF)
    assert found[0].strength == 0


UNITS = [(row, spelling) for row in rows("units") for spelling in variants(row.variants)]


@pytest.mark.parametrize(("row", "spelling"), UNITS, ids=[s for _, s in UNITS])
def test_every_unit_spelling_gives_its_unit(row, spelling):
    found = find_figures(f"đạt 25 {spelling} trong năm")
    assert [(figure.value, figure.unit) for figure in found][:1] == [(25, row.unit)]


COMPARATORS = rows("comparators")


@pytest.mark.parametrize("row", COMPARATORS, ids=[r.phrase for r in COMPARATORS])
def test_every_comparator_qualifies_a_figure(row):
    text = f"đạt {row.phrase} 25%" if row.position == "before" else f"đạt 25% {row.phrase}"
    assert [figure.comparator for figure in find_figures(text)] == [row.comparator]


def _number_phrase(row, word: str) -> tuple[str, float]:
    """A figure written with ``word`` and its value, by the word's kind."""
    if row.kind == "scale":
        return f"có 5 {word} đồng", 5 * row.value
    if row.kind in ("tens", "hundred"):
        return f"có ba {word} dịch vụ", 3 * row.value
    if row.alone == "start":
        return f"có {word} trăm dịch vụ", 100 * row.value
    if row.alone == "no":
        return f"có hai mươi {word} dịch vụ", 20 + row.value
    return f"có {word} dịch vụ", row.value


NUMBER_WORDS = [(row, word) for row in rows("number_words") for word in variants(row.word)]


@pytest.mark.parametrize(("row", "word"), NUMBER_WORDS, ids=[w for _, w in NUMBER_WORDS])
def test_every_number_word_gives_its_value(row, word):
    text, value = _number_phrase(row, word)
    assert [figure.value for figure in find_figures(text)] == [value]


ABBREVIATIONS = [
    (row, spelling)
    for row in rows("agency_abbreviations")
    for spelling in variants(row.abbreviation)
]


@pytest.mark.parametrize(("row", "spelling"), ABBREVIATIONS, ids=[s for _, s in ABBREVIATIONS])
def test_every_abbreviation_is_written_out(row, spelling):
    assert expand_abbreviations(f"Đề nghị {spelling} làm") == f"Đề nghị {row.expansion} làm"


TITLES = rows("agency_titles")


@pytest.mark.parametrize("row", TITLES, ids=[r.title for r in TITLES])
def test_every_title_before_a_body_stands_for_it(row):
    found = find_agencies(f"Đề nghị {row.title} Bộ Tài chính khẩn trương thực hiện.")
    assert [agency.name for agency in found] == ["Bộ Tài chính"]
    alone = find_agencies(f"Đề nghị {row.title} khẩn trương thực hiện.")
    assert [agency.name for agency in alone] == ([row.alone] if row.alone else [])


BLOCKS = rows("agency_blocks")


@pytest.mark.parametrize("row", BLOCKS, ids=[r.phrase for r in BLOCKS])
def test_every_blocked_phrase_names_no_agency(row):
    assert find_agencies(f"Xây dựng {row.phrase} hiện đại.") == []

"""Row models of the lexicon tables: one pydantic model per data file.

Each model's fields are the file's columns, in header order.  A column with no default
is required (its cell must not be empty); kinds are enums, so a misspelt kind is an
error instead of a row no rule ever reads.  Cells arrive in the plain form the rules
read (see :mod:`directive_extract.lexicon.loader`); the models hold them typed
(``int``, ``bool``, an enum), while ``lexicon.load(name)`` keeps serving the cells as
written, so the stages that read plain dicts are unchanged.

No table holds a regular expression: where words take a form (a list marker's numeral,
a number or a date in a line), a row names a shape of
:mod:`directive_extract.lexicon.shapes` and the words must fit it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, model_validator

from directive_extract import messages
from directive_extract.lexicon.shapes import SHAPES

# --------------------------------------------------------------------------- cell types


def _required(cell: str) -> str:
    if not cell:
        raise ValueError(messages.LEXICON_EMPTY_CELL)
    return _trimmed(cell)


def _trimmed(cell: str) -> str:
    if cell != cell.strip():
        raise ValueError(messages.LEXICON_SPACE.format(cell=cell))
    return cell


def _variants(cell: str) -> str:
    """A ``|``-separated list of spellings: no empty spelling between two bars."""
    if cell and any(not part.strip() for part in cell.split("|")):
        raise ValueError(messages.LEXICON_EMPTY_SPELLING.format(cell=cell))
    return cell


def _shape(cell: str) -> str:
    if cell not in SHAPES:
        raise ValueError(messages.LEXICON_UNKNOWN_SHAPE.format(cell=cell, names=", ".join(SHAPES)))
    return cell


def _words_fit(kind: str, shape: str, words: str) -> None:
    """The row's shape serves its kind and its words fit the shape."""
    found = SHAPES[shape]
    if kind not in found.kinds:
        raise ValueError(messages.LEXICON_SHAPE_KIND.format(shape=shape, kind=kind))
    misfit = found.misfit(words)
    if misfit:
        raise ValueError(messages.LEXICON_SHAPE_WORDS.format(shape=shape, misfit=misfit))


def _integer(cell: Any) -> Any:
    """A whole number written in digits, as an int."""
    if isinstance(cell, str):
        if not cell.isascii() or not cell.isdigit():
            raise ValueError(messages.LEXICON_NOT_NUMBER.format(cell=cell))
        return int(cell)
    return cell


def _flag(cell: Any) -> Any:
    """``yes`` or empty, as a bool."""
    if isinstance(cell, str):
        if cell not in ("", "yes"):
            raise ValueError(messages.LEXICON_NOT_FLAG.format(cell=cell))
        return cell == "yes"
    return cell


def _yes_no(cell: Any) -> Any:
    """``yes`` or ``no``, as a bool."""
    if isinstance(cell, str):
        if cell not in ("yes", "no"):
            raise ValueError(messages.LEXICON_NOT_YES_NO.format(cell=cell))
        return cell == "yes"
    return cell


Text = Annotated[str, AfterValidator(_required)]
"""A required cell of text."""
Variants = Annotated[str, AfterValidator(_variants)]
"""Optional spellings, ``|``-separated."""
RequiredVariants = Annotated[str, AfterValidator(_required), AfterValidator(_variants)]
"""At least one spelling, ``|``-separated."""
ShapeName = Annotated[str, AfterValidator(_required), AfterValidator(_shape)]
"""The name of a shape of :mod:`directive_extract.lexicon.shapes`."""
Words = Annotated[str, AfterValidator(_trimmed)]
"""Words set in a shape, maybe none; a space inside is literal, so none at either end."""
Flag = Annotated[bool, BeforeValidator(_flag)]
"""``yes`` or an empty cell."""
YesNo = Annotated[bool, BeforeValidator(_yes_no)]
"""``yes`` or ``no``."""
Count = Annotated[int, BeforeValidator(_integer)]
"""A whole number written in digits."""


class Row(BaseModel):
    """A row of a lexicon table.  ``unique`` names the columns that identify a row: two rows
    with the same key are a mistake (a repeated line)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    unique: ClassVar[tuple[str, ...]] = ()


# --------------------------------------------------------------------------- kinds


class AgencyType(StrEnum):
    MINISTRY = "ministry"
    GOVERNMENT = "government"
    PROVINCE = "province"
    COMMITTEE = "committee"
    ENTERPRISE = "enterprise"
    GROUP = "group"
    POSITION = "position"
    OTHER = "other"


class PatternFollow(StrEnum):
    PLACE = "place"
    NAME = "name"
    TOPIC = "topic"
    UNIT = "unit"


class GroupRole(StrEnum):
    DETERMINER = "determiner"
    UNIT = "unit"
    MODIFIER = "modifier"
    PLURAL = "plural"
    SEPARATOR = "separator"
    HEAD = "head"
    FROM = "from"
    TO = "to"
    STOP = "stop"
    WHOLE = "whole"
    LINK = "link"


class CueKind(StrEnum):
    """The kinds of ``cues.tsv``; what each does is documented at the top of the file."""

    COMMAND = "command"
    FRAME = "frame"
    LEAD_AFTER = "lead_after"
    SUPPORT = "support"
    REPORT = "report"
    MODAL = "modal"
    ACTION = "action"
    PAST = "past"
    PASSIVE = "passive"
    REPORTED = "reported"
    MEETING = "meeting"
    CONNECTIVE = "connective"
    ENUMERATOR = "enumerator"
    RESULTS = "results"
    PROGRAM = "program"
    WORD = "word"
    OPENER = "opener"
    ADVERB = "adverb"
    PRAISE = "praise"
    ASSESSMENT = "assessment"
    BASIS = "basis"
    LIST_INTRO = "list_intro"
    EXAMPLES = "examples"
    VERB_ADVERB = "verb_adverb"
    COPULA = "copula"
    THEN = "then"
    CONJUNCTION = "conjunction"
    PLURAL = "plural"
    HONORIFIC = "honorific"
    QUESTION = "question"
    URGE = "urge"
    ASSIGNED = "assigned"
    REFERS_BACK = "refers_back"
    AGENT = "agent"
    MANNER = "manner"
    ASIDE = "aside"
    NEXT_TASK = "next_task"
    CONSEQUENCE = "consequence"
    ISSUES = "issues"
    DOCUMENT = "document"
    RECENT = "recent"
    PURPOSE = "purpose"
    JOINT = "joint"
    NARRATIVE = "narrative"
    TOPIC = "topic"
    DUTY = "duty"
    ADVICE = "advice"
    ROLE = "role"
    RECIPIENT = "recipient"


class StructureKind(StrEnum):
    MARKER = "marker"
    SECTION = "section"
    STANDING = "standing"
    COLUMN = "column"
    DOCTYPE = "doctype"
    SUBJECT = "subject"
    ATTACHMENT = "attachment"
    ATTACHED = "attached"
    RULES = "rules"
    REGULATION = "regulation"


class NumberSubjectKind(StrEnum):
    HEAD = "head"
    LINK = "link"
    STOP = "stop"
    PLACE = "place"
    LIST = "list"  # joins numbers into a list ("5, 10 và 15%"): no decimal comma there


class NumberWordKind(StrEnum):
    DIGIT = "digit"
    TEN = "ten"
    TENS = "tens"
    HUNDRED = "hundred"
    SCALE = "scale"


class ChromeKind(StrEnum):
    LINE = "line"
    ZONE = "zone"
    RESUME = "resume"  # a title where the body starts again after a zone ("until: resume")
    REFERENCE = "reference"  # words anywhere in a page that make it a reference work
    HEADLINE = "headline"  # a headline that makes the page a how-to or a form to fill in


class TargetCueKind(StrEnum):
    SENTENCE = "sentence"
    CLAUSE = "clause"
    REPORTED_AFTER = "reported_after"
    PAST = "past"
    REACH = "reach"  # right before a figure: a quantity to reach ("đạt 85 triệu đồng")
    JOINS = "joins"  # between two quantities listed together ("... và 20 dịch vụ")
    TOPIC = "topic"  # what a task is about: a figure after it describes ("thanh tra về ...")
    DESCRIBES_BEFORE = "describes_before"  # right before a number: it names, not sets
    DESCRIBES_UNIT = "describes_unit"  # a figure of this unit describes ("220 kV")
    THIS_YEAR = "this_year"  # the document's own year ("năm nay", "cả năm")
    GOAL = "goal"  # states a goal whose quantity follows, whoever is assigned ("đặt mục tiêu")
    QUOTA = "quota"  # a goal word for a quantity another sets ("được giao"): never a firm's own
    QUOTA_MEASURE = "quota_measure"  # after a quota word, what it sets ("chỉ tiêu", "là")
    QUOTA_COMPOUND = "quota_compound"  # after a quota word, makes another word ("giao dịch")
    GOAL_GAP_STOP = "goal_gap_stop"  # between a goal word and a figure: whom it is for ("cho")
    SAID = "said"  # a verb of saying: the setter of the goal after it is named after it
    PART_OF = "part_of"  # after a quantity's comma: what it holds ("trong đó"), no next item
    GOAL_SETTER = "goal_setter"  # opens the name of the state or a sector setting a goal
    FROM = "from"  # right before a figure that a reach word after it leaves ("từ 58 giờ xuống")
    ONTO = "onto"  # right after such a figure: it is the starting point, not the quantity
    NOW = "now"  # how things stand now ("hiện nay", "đến nay"): a figure after it reports
    OWNER = "owner"  # right after a goal word, names whose goal it is ("mục tiêu của ...")
    FIRM = "firm"  # a firm named as a goal's owner ("mục tiêu của công ty"): a business plan
    TIME_UNIT = "time_unit"  # a span of time: a time limit with a limit word around it
    LIMIT_BEFORE = "limit_before"  # before a span of time: a time limit ("trong vòng")
    LIMIT_AFTER = "limit_after"  # right after a span of time: a limit or period ("kể từ")
    FIRM_MEASURE = "firm_measure"  # what only a firm's own plan measures ("lợi nhuận")
    PLAN_BASE = "plan_base"  # a comparison's base that is a plan ("so với kế hoạch"): no report
    PER = "per"  # between two figures: the second is what the first counts per ("trên")
    YEAR_CUE = "year_cue"  # before a year written bare ("đến 2030"): it dates the targets
    PLAN_TOLD = "plan_told"  # before a plan's name: its results are told ("kết quả thực hiện")


class TimeWordKey(StrEnum):
    """The roles of ``time_words.tsv``, as the time rules name them."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    WEEK = "week"
    WORKING = "working"
    PERIOD = "period"
    FIRST_HALF = "first_half"
    SECOND_HALF = "second_half"
    PART_START = "part_start"
    PART_MID = "part_mid"
    PART_END = "part_end"
    PART_WHOLE = "part_whole"
    THIS = "this"
    NEXT = "next"
    PAST = "past"
    RECURRING_YEAR = "recurring_year"
    RECURRING_MONTH = "recurring_month"
    RECURRING_WEEK = "recurring_week"
    OF = "of"
    DAY_PART = "day_part"
    WEEKDAY = "weekday"
    SPAN_LEAD = "span_lead"
    SPAN_STRICT = "span_strict"
    SINCE = "since"
    FROM = "from"
    TO = "to"
    AND = "and"  # joins two months or quarters that share a year ("quý I và quý II/2026")
    TITLE = "title"
    VISION = "vision"
    LIMIT_NOUN = "limit_noun"  # opens a clause that names a time limit ("Thời hạn bàn giao ...")
    TITLE_END = "title_end"  # after a title word, the sentence sets a goal: the name has ended
    CLOCK_HOUR = "clock_hour"
    CLOCK_MINUTE = "clock_minute"
    CLOSING = "closing"  # a sentence of these and a date states when its item is due
    CLOSING_ALSO = "closing_also"  # what else such a sentence says ("đảm bảo", "nhiệm vụ")


class UnitKind(StrEnum):
    PERCENT = "percent"
    CURRENCY = "currency"
    MEASURE = "measure"
    DURATION = "duration"
    COUNT = "count"
    RANK = "rank"  # written before its number: "top 10"


# --------------------------------------------------------------------------- agencies


class AgencyRow(Row):
    unique = ("name",)
    name: Text
    type: AgencyType
    variants: Variants = ""
    successor: str = ""
    local: Flag = False


class AgencyAbbreviationRow(Row):
    unique = ("abbreviation",)
    abbreviation: RequiredVariants
    expansion: Text


class AgencyBlockRow(Row):
    unique = ("phrase",)
    phrase: Text


class AgencyCompoundRow(Row):
    unique = ("word",)
    word: Text


class AgencyNumberedRow(Row):
    unique = ("word",)
    word: Text


class AgencyGroupRow(Row):
    unique = ("phrase", "role")
    phrase: Text
    role: GroupRole
    drop: Flag = False
    flag: Literal["", "verb", "inner", "last", "owner"] = ""

    @model_validator(mode="after")
    def _drop_only_determiners(self) -> AgencyGroupRow:
        if self.drop and self.role is not GroupRole.DETERMINER:
            raise ValueError(messages.LEXICON_DROP)
        return self


class AgencyListRow(Row):
    unique = ("phrase",)
    phrase: Text
    items: Text  # a head word ("Bộ"), or "place", "body" or "separator"


class AgencyPatternRow(Row):
    unique = ("head",)
    head: Text
    type: AgencyType
    follow: PatternFollow
    option: Literal["", "bare", "known", "owned"] = ""
    tail: str = ""
    short_for: str = ""


class AgencyStopRow(Row):
    unique = ("word",)
    word: Text


class AgencyStativeRow(Row):
    unique = ("word",)
    word: Text


class AgencyTitleRow(Row):
    unique = ("title",)
    title: Text
    alone: str = ""
    with_person: str = ""


class ProvinceRow(Row):
    unique = ("name",)
    name: Text
    kind: Text  # the unit word before the name: "tỉnh" or "thành phố"
    variants: Variants = ""
    successor: str = ""
    era: Literal["before", "after", "both"]


# --------------------------------------------------------------------------- discourse


class CueRow(Row):
    unique = ("phrase", "kind")
    phrase: Text
    kind: CueKind


class DocumentStructureRow(Row):
    unique = ("kind", "shape", "words")
    kind: StructureKind
    shape: ShapeName
    words: Words = ""
    value: str = ""

    _VALUES: ClassVar[dict[StructureKind, tuple[str, ...]]] = {
        StructureKind.MARKER: ("0", "1", "2", "3", "4", "5"),
        StructureKind.SECTION: ("purpose", "basis", "results", "targets", "tasks"),
        StructureKind.STANDING: ("",),
        StructureKind.COLUMN: (
            "index",
            "content",
            "lead",
            "support",
            "time",
            "product",
            "group",
            "done",
        ),
        StructureKind.DOCTYPE: ("",),
        StructureKind.SUBJECT: ("",),
        StructureKind.ATTACHMENT: ("",),
        StructureKind.ATTACHED: ("",),
        StructureKind.RULES: ("",),
        StructureKind.REGULATION: ("",),
    }

    @model_validator(mode="after")
    def _fits_kind(self) -> DocumentStructureRow:
        _words_fit(self.kind, self.shape, self.words)
        allowed = self._VALUES[self.kind]
        if self.value not in allowed:
            raise ValueError(
                messages.LEXICON_VALUE.format(value=self.value, kind=self.kind, allowed=allowed)
            )
        return self


class PageChromeRow(Row):
    unique = ("kind", "shape", "words")
    kind: ChromeKind
    shape: ShapeName
    words: Words = ""
    reason: Text
    until: Literal["", "resume", "prose"] = ""

    @model_validator(mode="after")
    def _fits_kind(self) -> PageChromeRow:
        _words_fit(self.kind, self.shape, self.words)
        if self.until and self.kind is not ChromeKind.ZONE:
            raise ValueError(messages.LEXICON_UNTIL)
        return self


class SentenceAbbreviationRow(Row):
    unique = ("abbreviation",)
    abbreviation: Text


class TargetCueRow(Row):
    unique = ("word", "kind")
    word: Text
    kind: TargetCueKind


# --------------------------------------------------------------------------- figures


class ComparatorRow(Row):
    unique = ("phrase", "position")
    phrase: Text
    comparator: Literal[">=", ">", "<", "<=", "~"]
    position: Literal["before", "after"]


class NumberIdentifierRow(Row):
    unique = ("word",)
    word: Text


class NumberStopwordRow(Row):
    unique = ("word",)
    word: Text


class NumberSubjectRow(Row):
    unique = ("word", "kind")
    word: Text
    kind: NumberSubjectKind


class NumberWordRow(Row):
    unique = ("word",)
    word: RequiredVariants
    value: Count
    kind: NumberWordKind
    alone: Literal["yes", "no", "start"]


class UnitRow(Row):
    unique = ("variants",)
    variants: RequiredVariants
    unit: Text
    kind: UnitKind


# --------------------------------------------------------------------------- times


class TimeCueRow(Row):
    unique = ("cue",)
    cue: Text
    strength: Annotated[Literal[0, 1, 2], BeforeValidator(_integer)]
    in_text: YesNo
    sense: Literal["before", "by", "from"]


class TimeWordRow(Row):
    unique = ("key",)
    key: TimeWordKey
    variants: RequiredVariants

    @model_validator(mode="after")
    def _seven_days(self) -> TimeWordRow:
        """A weekly date is read by the day's place in the row: Monday first."""
        count = len(self.variants.split("|"))
        if self.key == TimeWordKey.WEEKDAY and count != 7:
            raise ValueError(messages.LEXICON_WEEKDAYS.format(count=count))
        return self


class PageMetadataField(StrEnum):
    DOC_NUMBER = "doc_number"
    DOC_TYPE = "doc_type"
    ISSUING_BODY = "issuing_body"
    SIGNER = "signer"
    PUBLISHED = "published"
    STATUS = "status"


class PageMetadataRow(Row):
    unique = ("label",)
    label: Text
    field: PageMetadataField


class NamePosition(StrEnum):
    START = "start"
    END = "end"


class NameComparisonRow(Row):
    unique = ("phrase", "position")
    phrase: Text
    position: NamePosition
    replacement: str = ""


class DocumentHeaderRow(Row):
    unique = ("phrase",)
    phrase: Text


TABLES: dict[str, type[Row]] = {
    "agencies": AgencyRow,
    "agency_abbreviations": AgencyAbbreviationRow,
    "agency_blocks": AgencyBlockRow,
    "agency_compounds": AgencyCompoundRow,
    "agency_groups": AgencyGroupRow,
    "agency_lists": AgencyListRow,
    "agency_numbered": AgencyNumberedRow,
    "agency_patterns": AgencyPatternRow,
    "agency_statives": AgencyStativeRow,
    "agency_stops": AgencyStopRow,
    "agency_titles": AgencyTitleRow,
    "comparators": ComparatorRow,
    "cues": CueRow,
    "document_header": DocumentHeaderRow,
    "document_structure": DocumentStructureRow,
    "name_comparison": NameComparisonRow,
    "number_identifiers": NumberIdentifierRow,
    "number_stopwords": NumberStopwordRow,
    "number_subject": NumberSubjectRow,
    "number_words": NumberWordRow,
    "page_chrome": PageChromeRow,
    "page_metadata": PageMetadataRow,
    "provinces": ProvinceRow,
    "sentence_abbreviations": SentenceAbbreviationRow,
    "target_cues": TargetCueRow,
    "time_cues": TimeCueRow,
    "time_words": TimeWordRow,
    "units": UnitRow,
}
"""Every table of ``data/``, by file name without ``.tsv``, and the model of its rows."""

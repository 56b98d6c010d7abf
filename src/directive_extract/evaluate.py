"""Scoring predictions against hand-written gold files (shared/ANNOTATION.md).

The rules are those of the hidden scoring:

- a gold directive is found when a predicted directive's text contains its ``key``
  (after folding case and tone marks); each prediction pairs with at most one gold
  entry; recall counts required entries only; a prediction that pairs with no
  entry counts against precision;
- lead and support compare, on paired directives, by canonical name with
  abbreviations expanded and a leading "các" ignored; deadlines compare by ``due``;
- targets compare per document by (value, unit, year); percentages by (value,
  value_max, role).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex

from directive_extract import lexicon, messages
from directive_extract.errors import EvaluationError
from directive_extract.mentions import agencies
from directive_extract.models import Directive, Document
from directive_extract.read.normalise import canonical_form, fold, plain_form


@dataclass
class Score:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


FIELDS = ("directives", "lead", "support", "deadline", "targets", "percentages")


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {name: Score() for name in FIELDS})
    published: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    empty_pages: int = 0  # gold pages that hold no directive at all
    found_on_empty: int = 0  # directives predicted on those pages

    def add(self, other: Report) -> None:
        for name in FIELDS:
            self.scores[name].add(other.scores[name])
        self.published.update(other.published)
        self.misses.extend(other.misses)
        self.empty_pages += other.empty_pages
        self.found_on_empty += other.found_on_empty


def _key(text: str) -> str:
    """How keys and directive texts compare: case, tone marks, spacing, quotes and
    dashes folded."""
    return fold(plain_form(canonical_form(text)))


def bodies(name: str) -> list[str]:
    """The bodies a name lists, each as names compare: a leading "các", form of address
    or title and a trailing "thuộc Trung ương" left out.

    >>> bodies("các Bộ TT&TT") == bodies("Bộ Thông tin và Truyền thông")
    True
    >>> bodies("Bộ trưởng, Thủ trưởng cơ quan ngang Bộ") == bodies("Bộ, cơ quan ngang bộ")
    True
    >>> bodies("các tỉnh, thành phố trực thuộc Trung ương") == bodies("tỉnh, thành phố")
    True
    >>> bodies("Ủy ban nhân dân tỉnh Quảng Ninh") == bodies("tỉnh Quảng Ninh")
    True
    """
    found = []
    for part in _LIST_SEPARATOR.split(fold(agencies.expand_abbreviations(name))):
        body = _without_title(part.strip(" ,.;"))
        for phrase, replacement in _name_rows("end"):
            if body.endswith(" " + phrase):
                body = body[: -len(phrase)].rstrip() + replacement
        if body:
            found.append(body)
    return found


_LIST_SEPARATOR = regex.compile(r"\s*+[,;]\s*+")


def _without_title(body: str) -> str:
    """``body`` without its leading titles and plural or honorific words."""
    rows = _start_phrases()
    while True:
        for phrase, replacement in rows:
            if body == phrase:
                return replacement or body
            if body.startswith(phrase + " "):
                body = body[len(phrase) + 1 :]
                break
        else:
            return body


@cache
def _start_phrases() -> tuple[tuple[str, str], ...]:
    """(phrase, compared as) of what may open a body, folded, longest first: titles and
    plural or honorific words are left out, unless ``name_comparison.tsv`` says else."""
    dropped = {fold(title): "" for title in lexicon.column("agency_titles", "title")}
    dropped |= dict.fromkeys(_leading_words(), "")
    dropped |= dict(_name_rows("start"))
    return tuple(sorted(dropped.items(), key=lambda row: -len(row[0])))


@cache
def _name_rows(position: str) -> tuple[tuple[str, str], ...]:
    """(phrase, replacement) rows of ``name_comparison.tsv`` at ``position``, folded."""
    return tuple(
        (fold(row["phrase"]), fold(row["replacement"]))
        for row in lexicon.load("name_comparison")
        if row["position"] == position
    )


@cache
def _leading_words() -> frozenset[str]:
    """Words before a body that names leave out: plural markers ("các bộ, ngành" is "bộ,
    ngành") and forms of address ("đồng chí")."""
    return frozenset(
        fold(row["phrase"])
        for row in lexicon.load("cues")
        if row["kind"] in ("plural", "honorific")
    )


def _pairs(keys: Sequence[str], texts: Sequence[str]) -> dict[int, int]:
    """A maximum matching of gold keys to predicted texts that contain them."""
    candidates = [[j for j, text in enumerate(texts) if key and key in text] for key in keys]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(keys)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _compare_sets(predicted: Iterable[str], gold: Iterable[str]) -> Score:
    """Lead or support of one directive, compared body by body."""
    pred = Counter(body for name in predicted for body in bodies(name))
    want = Counter(body for name in gold for body in bodies(name))
    common = sum((pred & want).values())
    return Score(common, sum(pred.values()) - common, sum(want.values()) - common)


def _compare_deadline(predicted: Directive, gold: dict) -> Score:
    due = predicted.deadline.due if predicted.deadline else None
    want = gold.get("deadline")
    if due is None and want is None:
        return Score()
    if due == want:
        return Score(tp=1)
    return Score(fp=int(due is not None), fn=int(want is not None))


def _bag_score(predicted: Counter, gold: Counter) -> Score:
    common = sum((predicted & gold).values())
    return Score(common, sum(predicted.values()) - common, sum(gold.values()) - common)


def _value(number: float | None) -> float | None:
    return None if number is None else round(float(number), 4)


def score_document(document: Document, gold: dict) -> Report:
    """The report of one predicted document against its gold file."""
    report = Report()
    entries = gold.get("directives", [])
    texts = [_key(directive.text) for directive in document.directives]
    required = [entry for entry in entries if entry.get("required", True)]
    optional = [entry for entry in entries if not entry.get("required", True)]
    paired = _pairs([_key(entry["key"]) for entry in required], texts)
    free = [j for j in range(len(texts)) if j not in paired.values()]
    optional_pairs = _pairs([_key(entry["key"]) for entry in optional], [texts[j] for j in free])
    unpaired = len(free) - len(optional_pairs)
    directives = report.scores["directives"]
    directives.tp, directives.fp, directives.fn = len(paired), unpaired, len(required) - len(paired)
    for i, entry in enumerate(required):
        if i not in paired:
            report.misses.append(messages.MISSED.format(doc=gold.get("doc"), key=entry["key"]))
            continue
        predicted = document.directives[paired[i]]
        report.scores["lead"].add(
            _compare_sets([a.name for a in predicted.lead], entry.get("lead", []))
        )
        report.scores["support"].add(
            _compare_sets([a.name for a in predicted.support], entry.get("support", []))
        )
        report.scores["deadline"].add(_compare_deadline(predicted, entry))
    predicted_targets = Counter(
        (_value(t.value), fold(t.unit), t.year) for d in document.directives for t in d.targets
    )
    gold_targets = Counter(
        (_value(t["value"]), fold(t["unit"]), t.get("year")) for t in gold.get("targets", [])
    )
    report.scores["targets"] = _bag_score(predicted_targets, gold_targets)
    predicted_percentages = Counter(
        (_value(f.value), _value(f.value_max), f.role) for f in document.figures if f.unit == "%"
    )
    gold_percentages = Counter(
        (_value(p["value"]), _value(p.get("value_max")), p["role"])
        for p in gold.get("percentages", [])
    )
    report.scores["percentages"] = _bag_score(predicted_percentages, gold_percentages)
    report.published["right" if document.published == gold.get("published") else "wrong"] += 1
    if not entries:
        report.empty_pages, report.found_on_empty = 1, len(document.directives)
    return report


def gold_files(folder: Path) -> list[Path]:
    """The gold files under ``folder`` (sub-folders too); an error when there are none."""
    found = sorted(folder.rglob("*.gold.json"))
    if not found:
        raise EvaluationError(messages.NO_GOLD.format(path=folder))
    return found


def load_gold(path: Path) -> dict:
    """One gold file, checked for the fields scoring reads."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        keyless = [n for n, entry in enumerate(gold.get("directives", []), 1) if "key" not in entry]
        if keyless:
            raise KeyError(f"directive {keyless[0]} has no key")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise EvaluationError(messages.BAD_GOLD.format(path=path, detail=error)) from error
    return gold


def load_predictions(path: Path) -> dict[str, Document]:
    """Predicted Documents from a JSON Lines file, by the file name of their source."""
    documents = {}
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    document = Document.model_validate_json(line)
                    documents[Path(document.source).name] = document
    except (OSError, ValueError) as error:
        raise EvaluationError(messages.BAD_PREDICTIONS.format(path=path, detail=error)) from error
    return documents


def evaluate(
    gold_dir: Path, predictions: dict[str, Document] | None = None, texts: Path | None = None
) -> Report:
    """Score every gold file under ``gold_dir``; extract the articles if no predictions.

    A gold file's ``doc`` names its article relative to ``texts`` (default: the gold
    file's own folder, where the team's sets keep their articles beside the gold).
    """
    from directive_extract.pipeline import extract_file

    total = Report()
    for path in gold_files(gold_dir):
        gold = load_gold(path)
        name = gold.get("doc") or path.name.replace(".gold.json", ".txt")
        if predictions is None:
            document = extract_file((texts or path.parent) / name)
        else:
            document = predictions.get(Path(name).name, Document(doc_id="", source=name, text=""))
        total.add(score_document(document, gold))
    return total

"""Check hand-written gold files of the real pages against their texts.

Usage: python3 corpora/real/check_gold.py [GOLD.json ...]   (default: every gold file here)

A key must be a verbatim substring of its page, compared with white space folded (a key
may cross a hard line break), found exactly once, 5 to 15 words long and free of
Markdown markers. Prints one line per problem and exits 1 when there is any.
Standard library only, so annotators can run it before anything is installed.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parents[2] / "shared" / "real"
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
COMPARATORS = {"=", ">=", ">", "<=", "<", "~"}


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _problems_of_directive(entry: dict, page: str) -> list[str]:
    problems = []
    key = folded(entry.get("key", ""))
    count = page.count(key)
    if count != 1:
        problems.append(f"key found {count} times: {key!r}")
    if not 5 <= len(key.split()) <= 15:
        problems.append(f"key has {len(key.split())} words: {key!r}")
    if any(mark in key for mark in ("**", "|", "#", "](")):
        problems.append(f"key holds Markdown markers: {key!r}")
    for name in ("lead", "support"):
        if not isinstance(entry.get(name), list):
            problems.append(f"{name} is not a list in {key!r}")
    due = entry.get("deadline")
    if due is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", due):
        problems.append(f"deadline {due!r} is not YYYY-MM-DD in {key!r}")
    if (due is None) != (entry.get("deadline_text") is None):
        problems.append(f"deadline and deadline_text disagree in {key!r}")
    if not isinstance(entry.get("required"), bool):
        problems.append(f"required is not true/false in {key!r}")
    return problems


def _problems_of_figures(gold: dict, page: str) -> list[str]:
    problems = []
    for target in gold.get("targets", []):
        if folded(target["key"]) not in page:
            problems.append(f"target key not in page: {target['key']!r}")
        if target.get("comparator", "=") not in COMPARATORS:
            problems.append(f"unknown comparator in {target['key']!r}")
    for share in gold.get("percentages", []):
        if folded(share["key"]) not in page:
            problems.append(f"percentage key not in page: {share['key']!r}")
        if share.get("role") not in {"target", "reported"}:
            problems.append(f"role must be target or reported in {share['key']!r}")
    return problems


def problems_of(gold_path: Path) -> list[str]:
    """Every problem of one gold file, as lines naming the file."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = TEXTS / gold["doc"]
    if not text_path.is_file():
        return [f"{gold_path}: its text {text_path} does not exist"]
    page = folded(text_path.read_text(encoding="utf-8"))
    published = gold.get("published")
    problems = [] if published is None or DATE.fullmatch(published) else ["bad published"]
    for entry in gold.get("directives", []):
        problems.extend(_problems_of_directive(entry, page))
    problems.extend(_problems_of_figures(gold, page))
    return [f"{gold_path.name}: {problem}" for problem in problems]


def main(paths: list[str]) -> int:
    files = [Path(p) for p in paths] or sorted(HERE.rglob("*.gold.json"))
    problems = [line for path in files for line in problems_of(path)]
    print("\n".join(problems) or f"{len(files)} gold file(s), no problem")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

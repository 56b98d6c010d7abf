"""The review report: what a reader sees, in the HTML and in a real (headless) browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from directive_extract import extract, extract_folder, messages
from directive_extract.cli import app
from directive_extract.report import view, write_report

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: Attributes through which a page could fetch or send something.
ADDRESS_ATTRIBUTES = {"src", "href", "action", "srcset", "poster", "data", "formaction"}


class Page(HTMLParser):
    """The elements of a page a test looks at: directive ids, addresses, options, styles."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.directive_ids: list[str] = []
        self.addresses: list[str] = []
        self.tags: set[str] = set()
        self.options: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.add(tag)
        if "data-directive-id" in attributes:
            self.directive_ids.append(attributes["data-directive-id"])
        self.addresses += [value for name, value in attrs if name in ADDRESS_ATTRIBUTES and value]
        self.styles += [value for name, value in attrs if name == "style" and value]
        self._in = tag

    def handle_data(self, data):
        if self._in == "option":
            self.options.append(data)
        elif self._in == "style":
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._in = None


@pytest.fixture(scope="module")
def seeds():
    return list(extract_folder(SEEDS, exclude=["*.gold.json"]))


def assert_offline(page: Page) -> None:
    """Nothing the page holds points outside it: fragments and relative files only."""
    assert page.addresses
    for address in page.addresses:
        assert "://" not in address and not address.startswith("//"), address
    assert not {"link", "img", "iframe", "object", "embed"} & page.tags
    assert all("url(" not in style and "@import" not in style for style in page.styles)


def test_one_highlighted_element_per_directive_and_no_network_address(tmp_path, seeds):
    out = write_report(seeds, tmp_path / "report.html", as_of="2024-07-15")
    assert out == [tmp_path / "report.html"]
    page = Page(out[0].read_text(encoding="utf-8"))
    expected = [d.id for document in seeds for d in document.directives]
    assert len(expected) > 50
    assert sorted(page.directive_ids) == sorted(expected)
    assert_offline(page)


def test_as_of_splits_the_tasks_into_past_due_and_in_time(seeds):
    report = view.build(seeds, as_of="2024-07-15")
    assert report.buckets == (messages.REPORT_PAST_DUE, messages.REPORT_IN_TIME, "no due date")
    dated = [d for document in seeds for d in document.directives if d.deadline]
    past = sum(1 for d in dated if d.deadline.due < "2024-07-15")
    assert 0 < past < len(dated)
    by_month = {group.label: group for group in report.by_month}
    assert sum(group.count(messages.REPORT_PAST_DUE) for group in report.by_month) == past
    assert (
        sum(group.count(messages.REPORT_IN_TIME) for group in report.by_month) == len(dated) - past
    )
    for label, group in by_month.items():
        assert all(task.due.startswith(label) for task in group.tasks) or label == "no due date"
    undated = by_month[messages.REPORT_NO_DUE_DATE].tasks
    assert len(undated) == report.directive_count - len(dated)
    without = view.build(seeds)
    assert without.buckets == (messages.REPORT_DUE, messages.REPORT_NO_DUE_DATE)


def test_tasks_by_agency_follow_the_lead(seeds):
    report = view.build(seeds)
    groups = {group.label: group for group in report.by_agency}
    leads = [a.name for document in seeds for d in document.directives for a in d.lead]
    assert "Bộ Công an" in groups
    assert len(groups["Bộ Công an"].tasks) == leads.count("Bộ Công an")
    assert report.by_agency[-1].label == messages.REPORT_NO_LEAD  # the unnamed come last


def test_filters_offer_every_agency_and_kind(tmp_path, seeds):
    html = write_report(seeds, tmp_path / "r.html")[0].read_text(encoding="utf-8")
    page = Page(html)
    agencies = {a.name for document in seeds for d in document.directives for a in d.lead}
    assert agencies <= set(page.options)
    assert messages.REPORT_NO_KIND in page.options
    assert 'data-agencies="' in html and 'data-kinds="' in html


def test_the_text_is_escaped_and_the_figures_and_agencies_marked(tmp_path):
    text = "<script>alert(1)</script>\nThủ tướng giao Bộ Y tế đạt 95% trước ngày 20/7/2024."
    document = extract(text)
    html = write_report([document], tmp_path / "r.html")[0].read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert '<span class="agency lead" title="Bộ Y tế">Bộ Y tế</span>' in html
    assert 'class="figure' in html
    assert '<time datetime="2024-07-20">' in html


def test_split_writes_a_page_per_document_whose_links_resolve(tmp_path, seeds):
    written = write_report(seeds, tmp_path / "index.html", split=True)
    folder = tmp_path / "index_files"
    assert {path.name for path in written[1:]} >= {f"doc-{n}.html" for n in range(len(seeds))}
    index = Page(written[0].read_text(encoding="utf-8"))
    assert index.directive_ids == []  # the index stays light: texts are in the pages
    for address in index.addresses:
        assert address.startswith("#") or (tmp_path / address.split("#")[0]).is_file(), address
    for number, document in enumerate(seeds):
        page = Page((folder / f"doc-{number}.html").read_text(encoding="utf-8"))
        assert page.directive_ids == [d.id for d in sorted(document.directives, key=_start)]
        assert "../index.html" in page.addresses
        assert_offline(page)


def _start(directive):
    return (directive.start, directive.end)


def test_the_command_writes_the_report_and_refuses_a_bad_date(tmp_path):
    runner = CliRunner()
    out = tmp_path / "report.html"
    done = runner.invoke(app, ["report", str(SEEDS), "-o", str(out), "--as-of", "2024-07-15"])
    assert done.exit_code == 0, done.output
    assert "5 document(s)" in done.output and out.is_file()
    bad = runner.invoke(app, ["report", str(SEEDS), "-o", str(out), "--as-of", "15/07/2024"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output


def test_the_command_reads_the_documents_extract_wrote(tmp_path, seeds):
    jsonl = tmp_path / "seeds.jsonl"
    jsonl.write_text("".join(d.model_dump_json() + "\n" for d in seeds), encoding="utf-8")
    out = tmp_path / "report.html"
    done = CliRunner().invoke(app, ["report", str(jsonl), "--documents", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert len(Page(out.read_text(encoding="utf-8")).directive_ids) == sum(
        len(d.directives) for d in seeds
    )


def _chromium(*arguments: str, profile: Path) -> subprocess.CompletedProcess:
    """Headless Chromium as Debian ships it, offline: every host name resolves to nothing."""
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install -y chromium); "
    "the report is not checked in a browser",
)
def test_the_report_of_the_seeds_in_headless_chromium(tmp_path):
    """As a reader sees it: the page as Chromium builds it, and a screenshot of it."""
    runner = CliRunner()
    jsonl, out = tmp_path / "seeds.jsonl", tmp_path / "report.html"
    extracted = runner.invoke(app, ["extract", str(SEEDS), "--exclude", "*.gold.json"])
    assert extracted.exit_code == 0
    jsonl.write_text(extracted.stdout, encoding="utf-8")
    records = [json.loads(line) for line in extracted.stdout.splitlines() if line.strip()]
    expected = sorted(d["id"] for record in records for d in record["directives"])
    made = runner.invoke(app, ["report", str(jsonl), "--documents", "-o", str(out)])
    assert made.exit_code == 0, made.output

    dumped = _chromium("--dump-dom", out.as_uri(), profile=tmp_path / "profile-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    page = Page(dumped.stdout)
    assert sorted(page.directive_ids) == expected
    assert f"{len(records)} document(s) shown" in dumped.stdout  # the page's script ran
    assert_offline(page)

    screenshot = tmp_path / "report.png"
    shot = _chromium(
        "--window-size=1280,900",
        f"--screenshot={screenshot}",
        out.as_uri() + "#doc-2",
        profile=tmp_path / "profile-shot",
    )
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # a page with text, not a blank one

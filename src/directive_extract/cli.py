"""The ``directive-extract`` command line."""

from __future__ import annotations

import json
import multiprocessing.util
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from directive_extract import messages
from directive_extract.models import Document

app = typer.Typer(
    help="Structured records of the directives in Vietnamese government news and documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)
TimeoutOption = Annotated[
    float | None,
    typer.Option("--timeout", min=0.1, help="Seconds of extraction per document (in a worker)."),
]
TextOption = Annotated[
    str, typer.Option("--text", help="full: records hold the document's text; none: left out.")
]
BatchOption = Annotated[
    int, typer.Option("--batch-size", min=1, help="Documents per batch committed to OUT.")
]


#: Options shared by the commands that walk input folders.
IncludeOption = Annotated[
    list[str] | None, typer.Option("--include", help="Only files matching this glob.")
]
ExcludeOption = Annotated[
    list[str] | None, typer.Option("--exclude", help="Leave out files matching this glob.")
]


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read.")],
    out: Annotated[
        Path | None,
        typer.Option("-o", "--out", help="Output file (default: JSON Lines on stdout)."),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="jsonl, json, csv, parquet or sqlite (default: told by OUT's suffix, else jsonl).",
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="dask.distributed scheduler tcp://HOST:PORT, or 'local'."),
    ] = None,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    text_field: Annotated[
        str, typer.Option("--text-field", help="Field holding the text in .json/.jsonl records.")
    ] = "text",
    force: Annotated[
        bool, typer.Option("--force", help="Write OUT anew from every input.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 also when an input was skipped as unreadable.")
    ] = False,
    timeout: TimeoutOption = None,
    text: TextOption = "full",
    batch_size: BatchOption = 64,
) -> None:
    """Extract directives from files and folders (one Document per file or record).

    Records are committed to OUT in batches: a run stopped at any point keeps what
    it committed, and re-running the same command only extracts inputs that are new
    or changed.  Inputs that cannot be read are listed on stderr; the exit status is
    1 when one failed, 2 when the run cannot start.
    """
    from directive_extract.run.command import cli_extract

    status = cli_extract(
        [str(path) for path in paths], out=str(out) if out else None, fmt=format,
        workers=workers, scheduler=scheduler, include=include or (), exclude=exclude or (),
        text_field=text_field, force=force, strict=strict, timeout=timeout, text=text,
        batch_documents=batch_size,
    )  # fmt: skip
    raise typer.Exit(status)


@app.command("build-model")
def build_model(
    out: Annotated[
        Path | None,
        typer.Option("-o", "--out", help="Folder (default: models/vi_directive_extract)."),
    ] = None,
) -> None:
    """Save the spaCy pipeline (tokenizer and components) under models/."""
    from directive_extract import spacy_adapter

    typer.echo(str(spacy_adapter.build(out or spacy_adapter.DEFAULT_MODEL)))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Document record."""
    typer.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


def _agencies(agencies) -> str:
    return "; ".join(agency.name for agency in agencies)


def _read_or_exit(file: Path, explain: bool = False) -> Document:
    """The document of ``file``; a file that cannot be read ends the command with its reason."""
    from directive_extract.pipeline import extract_file

    document = extract_file(file, explain=explain)
    if not document.text:
        for warning in document.warnings or [messages.NOTHING_READ.format(path=file)]:
            stderr.print(warning, markup=False)
        raise typer.Exit(1)
    return document


@app.command()
def show(
    file: Annotated[Path, typer.Argument(help="A .txt/.md/.html/.docx/.pdf file.")],
) -> None:
    """Show the directives of one file as a table."""
    document = _read_or_exit(file)
    console = Console()
    console.print(
        f"[bold]{document.title or document.source}[/bold]  published: {document.published}"
    )
    table = Table(show_lines=True)
    for column in ("#", "directive", "lead", "support", "deadline", "targets"):
        table.add_column(column, overflow="fold")
    for number, directive in enumerate(document.directives, 1):
        targets = ", ".join(
            f"{target.comparator}{target.value:g} {target.unit}"
            + (f" ({target.year})" if target.year else "")
            for target in directive.targets
        )
        table.add_row(
            str(number),
            directive.text,
            _agencies(directive.lead),
            _agencies(directive.support),
            directive.deadline.due if directive.deadline else "",
            targets,
        )
    console.print(table)
    for warning in document.warnings:
        stderr.print(messages.WARNING.format(text=warning), markup=False)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="A .txt/.md/.html/.docx/.pdf file.")],
) -> None:
    """Say for each directive of one file which rules made it a directive and gave it its
    lead, support and deadline."""
    document = _read_or_exit(file, explain=True)
    table = Table(show_lines=True)
    for column in ("#", "directive", "why a directive", "lead", "support", "deadline"):
        table.add_column(column, overflow="fold")
    for number, directive in enumerate(document.directives, 1):
        why = directive.explanation
        if why is None:
            continue
        table.add_row(
            str(number),
            directive.text,
            f"{why.directive} ({why.confidence:.2f})",
            f"{_agencies(directive.lead)}\n[dim]{why.lead}[/dim]",
            f"{_agencies(directive.support)}\n[dim]{why.support}[/dim]",
            f"{directive.deadline.due}\n[dim]{why.deadline}[/dim]" if directive.deadline else "",
        )
    Console().print(table)


@app.command()
def evaluate(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of *.gold.json files beside the articles.")
    ],
    pred: Annotated[
        Path | None, typer.Argument(help="Predictions as JSON Lines (default: extract now).")
    ] = None,
    misses: Annotated[
        bool, typer.Option("--misses", help="List the gold directives missed.")
    ] = False,
    texts: Annotated[
        Path | None,
        typer.Option("--texts", help="Folder the gold files' 'doc' paths are relative to."),
    ] = None,
) -> None:
    """Precision, recall and F1 of directives, lead, support, deadline, targets, percentages."""
    from directive_extract.errors import EvaluationError
    from directive_extract.evaluate import FIELDS, load_predictions
    from directive_extract.evaluate import evaluate as run_evaluation

    if not gold_dir.is_dir():
        raise typer.BadParameter(messages.NOT_A_FOLDER.format(path=gold_dir), param_hint="GOLD_DIR")
    try:
        predictions = load_predictions(pred) if pred else None
        report = run_evaluation(gold_dir, predictions, texts)
    except EvaluationError as error:
        stderr.print(str(error), markup=False)
        raise typer.Exit(1) from None
    table = Table(title=f"{gold_dir}")
    for column in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right" if column != "field" else "left")
    for name in FIELDS:
        score = report.scores[name]
        table.add_row(
            name,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.tp),
            str(score.fp),
            str(score.fn),
        )
    console = Console()
    console.print(table)
    right, total = report.published["right"], report.published.total()
    console.print(messages.PUBLISHED_RIGHT.format(right=right, total=total))
    if report.empty_pages:
        console.print(
            messages.FOUND_ON_EMPTY.format(
                found=report.found_on_empty,
                pages=report.empty_pages,
                rate=report.found_on_empty / report.empty_pages,
            )
        )
    if misses:
        for line in report.misses:
            console.print(line)


@app.command()
def report(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to extract and show.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="YYYY-MM-DD: split the tasks into past due and in time."),
    ] = None,
    split: Annotated[
        bool | None,
        typer.Option(
            "--split/--one-file",
            help="One page per document beside an index (default: above 200 documents).",
        ),
    ] = None,
    documents: Annotated[
        bool,
        typer.Option("--documents", help="PATHS are JSON Lines of Documents written by extract."),
    ] = False,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
) -> None:
    """Write an offline HTML report to review the directives found (see docs/report.md)."""
    from directive_extract.report.command import ReportError, run_report

    try:
        line = run_report(paths, out, as_of, split, documents, include or (), exclude or ())
    except ReportError as error:
        stderr.print(str(error), markup=False)
        raise typer.Exit(1) from None
    typer.echo(line, err=True)


def main() -> None:  # pragma: no cover - entry point
    """The command line.  A run stopped by Ctrl-C has committed and reported what it
    kept; it then exits at once, not waiting at exit for the worker pool's threads,
    which a worker killed mid-message can leave waiting for ever."""
    from directive_extract.run.command import INTERRUPTED_STATUS

    try:
        app()
    except SystemExit as stop:
        if stop.code != INTERRUPTED_STATUS:
            raise
        multiprocessing.util._run_finalizers()  # what a normal exit releases, bar the wait
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(INTERRUPTED_STATUS)


if __name__ == "__main__":  # pragma: no cover
    main()

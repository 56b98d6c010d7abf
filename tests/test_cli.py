"""The command line, run as users run it: in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "directive_extract.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("extract", "schema", "show", "evaluate"):
        assert command in result.stdout
    for command in ("extract", "schema", "show", "evaluate"):
        assert run(command, "--help").returncode == 0


def test_schema_is_the_document_json_schema():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Document"
    assert {"doc_id", "source", "published", "text", "directives", "figures", "warnings"} <= set(
        schema["properties"]
    )
    assert {"Directive", "Agency", "Deadline", "Figure"} <= set(schema["$defs"])


def test_show_prints_a_table_of_directives():
    result = run("show", str(SEEDS / "002_a18aad05f724dc5f.txt"))
    assert result.returncode == 0, result.stderr
    assert "Bộ Tài chính" in result.stdout
    assert "2024-05-30" in result.stdout


def test_evaluate_prints_scores_for_every_field():
    result = run("evaluate", str(SEEDS))
    assert result.returncode == 0, result.stderr
    for field in ("directives", "lead", "support", "deadline", "targets", "percentages"):
        assert field in result.stdout


def test_evaluate_reads_saved_predictions(tmp_path):
    predictions = tmp_path / "pred.jsonl"
    extracted = run("extract", str(SEEDS), "-o", str(predictions))
    assert extracted.returncode == 0, extracted.stderr
    assert len(predictions.read_text(encoding="utf-8").splitlines()) == 5
    from_file = run("evaluate", str(SEEDS), str(predictions))
    fresh = run("evaluate", str(SEEDS))
    assert from_file.stdout.splitlines()[1:] == fresh.stdout.splitlines()[1:]


def test_evaluate_on_a_missing_folder_is_a_clear_error(tmp_path):
    result = run("evaluate", str(tmp_path / "nowhere"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "is not a folder" in result.stderr


def documented_runs(path: Path) -> list[tuple[str, str]]:
    """Each ``$ directive-extract ...`` line of a text block followed by its printed line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (line[2:], lines[number + 1])
        for number, line in enumerate(lines[:-1])
        if line.startswith("$ directive-extract")
        and lines[number + 1].strip()
        and not lines[number + 1].startswith(("$", "`"))
    ]


def test_the_usage_examples_print_what_they_say(tmp_path):
    import fnmatch
    import shlex

    runs = documented_runs(Path(__file__).parent.parent / "docs" / "usage.md")
    assert len(runs) >= 2
    for command, printed in runs:
        args = shlex.split(command.split("#")[0])[1:]
        args = [str(SEEDS) if arg == "corpora/seeds" else arg for arg in args]
        result = run(*args, cwd=tmp_path)
        assert fnmatch.fnmatch(result.stderr.strip(), printed.replace("...", "*")), command

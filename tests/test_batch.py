"""Batch runs: input order, filters, workers and dask give the same records, incremental
runs, a run killed half-way, time limits, errors before extraction, the command's exit
status and summary.

The corpus is corpora/seeds (the five articles, replicated where a test needs more).
"""

from __future__ import annotations

import errno
import io as text_io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from directive_extract import errors, messages
from directive_extract.run import batch, work, writers

SEEDS = Path(__file__).resolve().parents[1] / "corpora" / "seeds"


def seed_folder(folder: Path, copies: int = 1) -> list[Path]:
    """``copies`` copies of each seed article under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for copy in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            target = folder / f"copy{copy:03d}_{seed.name}"
            shutil.copyfile(seed, target)
            made.append(target)
    return made


def dumped(results) -> list[dict]:
    return [
        {"source": r.source, "status": r.status, "reason": r.reason, "digest": r.digest}
        | ({"document": r.document.model_dump(mode="json")} if r.document else {})
        for r in results
    ]


def run_cli(*args: str, **options) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "directive_extract.cli", "extract", *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, **options
    )


def snapshot(paths) -> dict[str, tuple[bytes, int]]:
    return {
        path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in paths if path.is_file()
    }


# --- inputs ------------------------------------------------------------------------


def test_inputs_in_a_fixed_order_with_filters(tmp_path):
    for name in ("b.txt", "a.html", "sub/c.txt", "sub/drafts/d.txt", ".hidden.txt", ".git/e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    relative = [p.relative_to(tmp_path).as_posix() for p in batch.iter_inputs(tmp_path)]
    assert relative == ["a.html", "b.txt", "sub/c.txt", "sub/drafts/d.txt"]
    filtered = batch.iter_inputs(tmp_path, include=["*.txt"], exclude=["sub/drafts/*"])
    assert [p.name for p in filtered] == ["b.txt", "c.txt"]
    given = [tmp_path / "b.txt", tmp_path, tmp_path / "missing.txt"]
    names = [p.name for p in batch.iter_inputs(given, ignore=[tmp_path / "a.html"])]
    assert names == ["b.txt", "c.txt", "d.txt", "missing.txt"]


def test_gold_files_and_commit_logs_are_no_inputs_unless_named(tmp_path):
    for name in ("a.txt", "a.gold.json", "out.jsonl.manifest.jsonl", "old.jsonl.manifest.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in batch.iter_inputs(tmp_path)] == ["a.txt"]
    named = batch.iter_inputs([tmp_path / "a.gold.json"])
    assert [p.name for p in named] == ["a.gold.json"]


def test_results_say_what_became_of_each_input(tmp_path):
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "c.jsonl").write_text(
        '{"text": "  "}\n{"title": "x"}\nnot json\n', encoding="utf-8"
    )
    results = list(batch.iter_results([tmp_path, tmp_path / "missing.txt"]))
    assert [(Path(r.source).name, r.status, r.reason) for r in results] == [
        ("a.txt", "skipped", messages.EMPTY_INPUT),
        ("b.doc", "skipped", messages.UNSUPPORTED_TYPE.format(suffix=".doc")),
        ("c.jsonl#1", "skipped", messages.EMPTY_INPUT),
        ("c.jsonl#2", "skipped", messages.NO_TEXT_FIELD.format(field="text")),
        ("c.jsonl#3", "failed", results[4].reason),
        ("missing.txt", "failed", messages.NOT_FOUND),
    ]
    assert results[4].reason.startswith("not valid JSON")


def test_known_unchanged_inputs_are_skipped_unless_forced(tmp_path):
    seed_folder(tmp_path)
    first = list(batch.iter_results(tmp_path))
    known = {r.source: r.digest for r in first}
    assert {r.reason for r in batch.iter_results(tmp_path, known=known)} == {messages.UNCHANGED}
    assert dumped(batch.iter_results(tmp_path, known=known, force=True)) == dumped(first)


# --- time limits -----------------------------------------------------------------------


def test_time_limit_in_the_main_thread_and_in_worker_threads():
    with pytest.raises(batch._TimeLimit):
        batch._within(0.05, lambda: time.sleep(5))
    caught = []

    def in_thread():
        try:
            batch._within(0.05, lambda: time.sleep(5))
        except batch._TimeLimit:
            caught.append(True)

    thread = threading.Thread(target=in_thread)
    thread.start()
    thread.join()
    assert caught == [True]
    assert batch._within(5, lambda: 42) == 42


# --- workers and dask give the records of one process ------------------------------------


def test_worker_processes_keep_input_order_and_records(tmp_path):
    seed_folder(tmp_path, copies=2)
    alone = dumped(batch.iter_results(tmp_path))
    assert dumped(batch.iter_results(tmp_path, workers=2)) == alone
    assert [d.source for d in batch.extract_folder(tmp_path, workers=2)] == [
        r["source"] for r in alone
    ]


def test_dask_local_cluster_gives_the_records_of_one_process():
    alone = dumped(batch.iter_results(SEEDS, include=["*.txt"]))
    on_dask = dumped(batch.iter_results(SEEDS, workers=2, scheduler="local", include=["*.txt"]))
    assert len(alone) == 5
    assert on_dask == alone


# --- runs with an output ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["sqlite", "jsonl"])
def test_a_second_run_changes_no_byte(tmp_path, fmt):
    seed_folder(tmp_path / "in")
    out = tmp_path / f"out.{fmt}"
    first = batch.run([tmp_path / "in"], out)
    files = writers.output_files(out, fmt)
    saved = snapshot(files)
    second = batch.run([tmp_path / "in"], out)
    assert (first.ok, second.ok, second.skipped) == (5, 0, 5)
    assert snapshot(files) == saved
    batch.run([tmp_path / "in"], out, force=True)
    assert {name: data for name, (data, _) in snapshot(files).items()} == {
        name: data for name, (data, _) in saved.items()
    }


def test_output_inside_the_input_folder_is_not_read_back(tmp_path):
    seed_folder(tmp_path)
    batch.run([tmp_path], tmp_path / "out.jsonl")
    assert batch.run([tmp_path], tmp_path / "out.jsonl").skipped == 5


def test_streams_a_json_array(tmp_path):
    seed_folder(tmp_path)
    stream = text_io.StringIO()
    summary = batch.run([tmp_path], fmt="json", stream=stream)
    records = json.loads(stream.getvalue())
    assert [Path(r["source"]).name for r in records] == sorted(p.name for p in tmp_path.iterdir())
    assert summary.documents == 5
    assert summary.directives == sum(len(r["directives"]) for r in records)


def test_a_table_format_needs_an_output_file():
    with pytest.raises(errors.OutputError, match="needs an output file"):
        batch.run([SEEDS], fmt="csv")


def test_notebook_helpers(tmp_path):
    seed_folder(tmp_path)
    documents = list(batch.extract_folder(tmp_path))
    rows = list(batch.records(documents))
    assert len(rows) == sum(max(len(d.directives), 1) for d in documents)
    table = batch.to_dataframe(documents)
    assert len(table) == len(rows)
    columns = getattr(table, "column_names", None) or list(table.columns)  # pyarrow or pandas
    assert columns == list(writers.DIRECTIVE_COLUMNS)


# --- the command ----------------------------------------------------------------------------


def wait_for_reader(fifo: Path, process: subprocess.Popen) -> int:
    """Open ``fifo`` for writing once ``process`` is blocked reading it; the write end's fd."""
    while process.poll() is None:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:  # ENXIO: nobody reads it yet
                raise
            time.sleep(0.05)
    raise AssertionError(f"the run ended before reading {fifo}")


def test_a_killed_run_keeps_its_batches_and_the_rerun_completes_it(tmp_path):
    inputs = tmp_path / "in"
    made = seed_folder(inputs, copies=20)
    reference = tmp_path / "reference" / "out.jsonl"
    assert run_cli(str(inputs), "-o", str(reference)).returncode == 0

    # Part-way: the run extracts 62 inputs, then blocks reading a FIFO, and is killed.
    out = tmp_path / "out.jsonl"
    stall = made[62]
    content = stall.read_bytes()
    stall.unlink()
    os.mkfifo(stall)
    command = [sys.executable, "-m", "directive_extract.cli", "extract", str(inputs)]
    command += ["-o", str(out), "--batch-size", "10"]
    killed = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    write_end = wait_for_reader(stall, killed)
    killed.send_signal(signal.SIGKILL)
    assert killed.wait(timeout=60) == -signal.SIGKILL
    os.close(write_end)
    kept = [json.loads(line)["source"] for line in out.read_text("utf-8").splitlines()]
    assert kept == [str(path) for path in made[:60]]  # six whole batches of ten
    with open(out, "ab") as handle:  # as if the kill had come inside the next write
        handle.write(b'{"doc_id": "torn')

    stall.unlink()
    stall.write_bytes(content)
    rerun = run_cli(str(inputs), "-o", str(out))
    assert rerun.returncode == 0, rerun.stderr
    assert "40 ok, 60 skipped, 0 failed" in rerun.stderr
    assert out.read_bytes() == reference.read_bytes()

    completed = snapshot(writers.output_files(out, "jsonl"))
    again = run_cli(str(inputs), "-o", str(out))
    assert "0 ok, 100 skipped, 0 failed" in again.stderr
    assert snapshot(writers.output_files(out, "jsonl")) == completed


def test_cli_formats_and_summary(tmp_path):
    seed_folder(tmp_path / "in")
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4\nbroken")
    done = run_cli(str(tmp_path / "in"), "-o", str(tmp_path / "out.csv"), "--workers", "2")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'in' / 'broken.pdf'}: not a readable PDF")
    assert "5 ok, 0 skipped, 1 failed" in lines[-1]
    assert (tmp_path / "out.figures.csv").exists()


# --- errors a user makes are found before extraction, on one line -----------------------


def test_a_missing_input_fails_at_once_with_its_name(tmp_path):
    done = run_cli(str(SEEDS), str(tmp_path / "nowhere"), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2
    assert done.stderr.strip() == f"{tmp_path / 'nowhere'}: {messages.INPUT_MISSING}"
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("out", ["out.xlsx", "file/out.jsonl"])
def test_an_unknown_or_unwritable_output_fails_before_extraction(tmp_path, out):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    done = run_cli(str(SEEDS), "-o", str(tmp_path / out))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "document(s)" not in done.stderr and "Traceback" not in done.stderr


def test_a_reader_that_breaks_fails_its_own_files_only(tmp_path, monkeypatch):
    seed_folder(tmp_path)
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")

    def missing_module(data, name):
        raise ImportError("lxml.html.clean module is now a separate project\nlxml_html_clean")

    monkeypatch.setattr(work, "decode", missing_module)
    results = list(batch.iter_results(tmp_path, include=["*.html"]))
    assert [(r.status, "\n" in r.reason) for r in results] == [("failed", False)]
    assert results[0].reason.startswith("could not be read: ImportError: lxml.html.clean")


# --- time limits, Ctrl-C, worker processes from a script ---------------------------------


def test_time_limit_counts_extraction_only_and_replaces_a_stopped_worker(tmp_path):
    seed_folder(tmp_path / "in")
    lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.open(encoding="utf-8")]
    # far longer than the limit, which is far above a seed's time even on a loaded machine
    numbered = [f"{line.strip()} ({copy})" for copy in range(40) for line in lines if line.strip()]
    (tmp_path / "in" / "aaa_long.txt").write_text("\n".join(numbered), encoding="utf-8")
    results = list(batch.iter_results(tmp_path / "in", timeout=3.0))
    assert [(Path(r.source).name, r.status) for r in results][:1] == [("aaa_long.txt", "failed")]
    assert results[0].reason == messages.TIMED_OUT.format(seconds=3.0)
    assert [r.status for r in results[1:]] == ["ok"] * 5


def _as_terminal_job() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_ctrl_c_says_what_was_kept_without_a_traceback(tmp_path):
    made = seed_folder(tmp_path / "in", copies=4)
    made[12].unlink()
    os.mkfifo(made[12])
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "directive_extract.cli", "extract", str(tmp_path / "in")]
    command += ["-o", str(out), "--batch-size", "5", "--workers", "2"]
    running = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # as a terminal's job, whatever an earlier test left in this process: a child
        # that inherits an ignored or blocked SIGINT never sees Ctrl-C
        preexec_fn=_as_terminal_job,
    )
    write_end = wait_for_reader(made[12], running)
    # the reader's open() has returned; a signal that came before its read() began would
    # wait for the read to end (never, on a FIFO nobody writes): let it block there first
    time.sleep(0.5)
    running.send_signal(signal.SIGINT)
    _, stderr = running.communicate(timeout=120)
    os.close(write_end)
    assert running.returncode == 130
    assert "Traceback" not in stderr.decode()
    kept = len(out.read_text(encoding="utf-8").splitlines())
    assert kept >= 5  # at least one batch; results still in the workers are not kept
    assert stderr.decode().strip() == messages.INTERRUPTED.format(kept=kept, out=out)


SCRIPT = """
from directive_extract import extract_folder
print(len(list(extract_folder({folder!r}, workers=2))))
"""


def test_workers_from_a_script_without_main_guard_is_a_clear_error(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(SCRIPT.format(folder=str(SEEDS)), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode != 0
    assert "if __name__ == " in done.stderr
    assert "WorkerStartError" in done.stderr  # the library raises; the script shows it
    guarded = "if __name__ == '__main__':\n" + "".join(
        f"    {line}\n" for line in SCRIPT.format(folder=str(SEEDS)).strip().splitlines()
    )
    script.write_text(guarded, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.stdout.strip() == "5", done.stderr

"""Peak memory of a whole run against the number of documents: flat means streaming works.

    python benchmarks/bench_memory.py [--documents 200 800] [--workers 1]

For each size, corpora/seeds/*.txt is replicated to that many documents and one
``batch.run`` writes them to a JSON Lines output, in a Python process of its own,
so the peak resident set printed is that run's alone (with ``--workers 2`` the
busiest process's, the main one or a worker).  Exits 1 when the largest run's peak
exceeds the smallest's by more than ``--slack`` MiB.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "corpora" / "seeds"


def replicate(folder: Path, documents: int) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    for number in range(documents):
        seed = seeds[number % len(seeds)]
        shutil.copyfile(seed, folder / f"{number:06d}_{seed.name}")


def measure(folder: Path, out: Path, workers: int) -> dict:
    """One run in this process: documents, seconds, peak MiB of this process and its children."""
    from directive_extract.run import batch

    started = time.perf_counter()
    summary = batch.run([folder], out, workers=workers)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"documents": summary.ok, "seconds": seconds, "peak_mib": max(own, children) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[200, 800])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--slack", type=float, default=60.0)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one is not None:
        figures = measure(options.one, options.one.parent / "out.jsonl", options.workers)
        print(json.dumps(figures))
        return 0
    peaks = []
    print(f"{'documents':>10} {'seconds':>8} {'docs/s':>7} {'peak MiB':>9}")
    for documents in options.documents:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary) / "in"
            folder.mkdir()
            replicate(folder, documents)
            command = [sys.executable, __file__, "--one", str(folder)]
            command += ["--workers", str(options.workers)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            figures = json.loads(done.stdout.strip().splitlines()[-1])
        peaks.append(figures["peak_mib"])
        seconds, peak = figures["seconds"], figures["peak_mib"]
        rate = figures["documents"] / seconds
        print(f"{documents:>10} {seconds:>8.1f} {rate:>7.1f} {peak:>9.0f}")
    growth = peaks[-1] - peaks[0]
    print(f"growth from {options.documents[0]} to {options.documents[-1]}: {growth:+.0f} MiB")
    return 1 if growth > options.slack else 0


if __name__ == "__main__":
    sys.exit(main())

"""Batch throughput: documents per second in-process, with 2 worker processes, on dask.

    python benchmarks/bench_batch.py [--copies N] [--workers 2]

corpora/seeds/*.txt is replicated to at least 500 documents in a temporary
folder.  Each configuration runs in its own Python process, so start-up (pool
or cluster, model loading) is counted and peak memory is that configuration's
own: the largest resident set of any process doing the extraction.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "corpora" / "seeds"
MODES = ("1 worker", "{n} workers", "LocalCluster {n} workers")


def replicate(folder: Path, minimum: int) -> int:
    seeds = sorted(SEEDS.glob("*.txt"))
    copies = math.ceil(minimum / len(seeds))
    for copy in range(copies):
        for seed in seeds:
            shutil.copyfile(seed, folder / f"{copy:04d}_{seed.name}")
    return copies * len(seeds)


def measure(folder: Path, mode: int, workers: int) -> dict:
    """One configuration, in this process: seconds, documents, peak memory per worker."""
    started = time.perf_counter()
    if mode == 2:
        documents, peak = _on_local_cluster(folder, workers)
    else:
        documents = _count_ok(folder, workers=workers if mode else 1)
        usage = resource.RUSAGE_CHILDREN if mode else resource.RUSAGE_SELF
        peak = resource.getrusage(usage).ru_maxrss
    seconds = time.perf_counter() - started
    return {"documents": documents, "seconds": seconds, "peak_mib": peak / 1024}


def _count_ok(folder: Path, **options) -> int:
    from directive_extract.run import batch

    return sum(1 for result in batch.iter_results(folder, **options) if result.ok)


def _on_local_cluster(folder: Path, workers: int) -> tuple[int, float]:
    """Documents extracted on a LocalCluster, and the peak memory of its busiest worker."""
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, Client(cluster) as client:
        documents = _count_ok(folder, workers=workers, scheduler=cluster.scheduler_address)
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return documents, max(peaks.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one is not None:
        print(json.dumps(measure(options.folder, options.one, options.workers)))
        return
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        total = replicate(folder, options.documents)
        print(f"{total} documents ({len(list(SEEDS.glob('*.txt')))} seeds replicated)")
        rates = []
        for mode, label in enumerate(MODES):
            command = [sys.executable, __file__, "--one", str(mode), "--folder", str(folder)]
            command += ["--workers", str(options.workers)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            rate = figures["documents"] / figures["seconds"]
            rates.append(rate)
            speed_up = rate / rates[0]
            print(
                f"{label.format(n=options.workers):>24}: {figures['documents']} docs in "
                f"{figures['seconds']:.1f} s = {rate:.1f} docs/s, speed-up x{speed_up:.2f}, "
                f"peak memory per worker {figures['peak_mib']:.0f} MiB"
            )


if __name__ == "__main__":
    main()

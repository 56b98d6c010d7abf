"""End-to-end extraction speed as a ratio to underthesea's word segmentation, and memory.

Both run in this process on the same texts: the real pages (every .md under
../shared/real, read as the CLI reads them), else every .txt under corpora/ when the
pages are absent.  Files are read before timing; extraction is timed from the loaded
text (with the title, date and metadata the reader found) and ``word_tokenize`` on the
same text, the two in turn text by text, in CPU time of this process (a shared
machine's other work then slows neither).  Each runs once on a sentence of its own
first (so models are loaded but nothing of the measured texts is cached), and the best
of ``--repeat`` rounds is kept.  A ratio above 1 means the whole pipeline is faster
than segmenting the words of every text alone.

    python benchmarks/bench_pipeline.py [--repeat N] [--texts DIR]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
CORPORA = ROOT / "corpora"


def _best(first, second, inputs: list[tuple], repeat: int) -> tuple[float, float]:
    """The best total time of ``first`` and of ``second`` over ``repeat`` rounds, the two
    timed in turn on each input."""
    rounds = []
    for _ in range(repeat):
        totals = [0.0, 0.0]
        for one, other in inputs:
            began = time.process_time()
            first(one)
            middle = time.process_time()
            second(other)
            totals[0] += middle - began
            totals[1] += time.process_time() - middle
        rounds.append(totals)
    return min(r[0] for r in rounds), min(r[1] for r in rounds)


def _paths(texts: Path | None) -> tuple[Path, list[Path]]:
    """Where the pages come from and their files: the real pages, else corpora/'s texts."""
    if texts is not None:
        return texts, sorted(path for path in texts.rglob("*") if path.suffix in (".md", ".txt"))
    if REAL.is_dir():
        return REAL, sorted(REAL.rglob("*.md"))
    return CORPORA, sorted(CORPORA.rglob("*.txt"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="rounds (one takes minutes)")
    parser.add_argument("--texts", type=Path, help="a folder of .md/.txt pages of your own")
    args = parser.parse_args()

    from underthesea import word_tokenize

    from directive_extract import extract
    from directive_extract.pipeline import extract_loaded
    from directive_extract.read.files import read_file

    source, paths = _paths(args.texts)
    loaded = [read_file(path) for path in paths]
    texts = [page.text for page in loaded]
    characters = sum(map(len, texts))
    warm_up = "Thủ tướng giao Bộ Y tế khẩn trương hoàn thành đề án trước ngày 20/7/2024."
    word_tokenize(warm_up)
    extract(warm_up)
    reference, ours = _best(
        word_tokenize,
        lambda page: extract_loaded(page, "<bench>"),
        list(zip(texts, loaded, strict=True)),
        args.repeat,
    )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(texts)} from {source}, characters: {characters:,}")
    print(f"underthesea word_tokenize: {reference:.3f} s CPU ({characters / reference:,.0f} c/s)")
    print(f"directive_extract.extract: {ours:.3f} s CPU ({characters / ours:,.0f} c/s)")
    print(f"speed ratio (word_tokenize time / extract time): {reference / ours:.2f}")
    print(f"peak resident memory of this process: {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""End-to-end extraction speed as a ratio to underthesea's word segmentation, and memory.

Both run in this process on the same texts (every .txt under corpora/), after a
warm-up call each on a sentence of their own (so models are loaded but nothing of the
measured texts is cached), and the best of ``--repeat`` rounds is kept.  A ratio above
1 means the whole pipeline is faster than segmenting the words of every text alone.

    python benchmarks/bench_pipeline.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def _best(function, texts: list[str], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        for text in texts:
            function(text)
        timings.append(time.perf_counter() - began)
    return min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from underthesea import word_tokenize

    from directive_extract import extract

    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPORA.rglob("*.txt"))]
    characters = sum(map(len, texts))
    warm_up = "Thủ tướng giao Bộ Y tế khẩn trương hoàn thành đề án trước ngày 20/7/2024."
    word_tokenize(warm_up)
    extract(warm_up)
    reference = _best(word_tokenize, texts, args.repeat)
    ours = _best(extract, texts, args.repeat)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(texts)}, characters: {characters:,}")
    print(f"underthesea word_tokenize: {reference:.3f} s ({characters / reference:,.0f} chars/s)")
    print(f"directive_extract.extract: {ours:.3f} s ({characters / ours:,.0f} chars/s)")
    print(f"speed ratio (word_tokenize time / extract time): {reference / ours:.2f}")
    print(f"peak resident memory of this process: {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

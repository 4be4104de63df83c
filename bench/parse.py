"""Parse throughput per format on ../shared/corpus: Markdown (the Rust book), reST (the PEPs), and the
same files read as plain text, with the ratio of each format's parse time to plain text's.

Only ``lint.formats.parse`` is timed (files are read and decoded beforehand; no rule runs). Each figure
is the best of N runs, since the machine is shared; a format's runs and plain text's alternate, so that
both see the same load and the ratio stays fair when other work comes and goes. Usage:

    python bench/parse.py [--corpus DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpus import CORPUS, corpus_files

from lint.model import Source

SUFFIX_FORMAT = {".md": "markdown", ".rst": "rst"}


def timed(sources: list[Source], fmt: str, repeat: int) -> tuple[float, float]:
    """The best of ``repeat`` runs parsing ``sources`` as ``fmt`` and as plain text, runs alternating."""
    from lint.formats import parse

    best = {fmt: float("inf"), "text": float("inf")}
    for _ in range(repeat):
        for name in best:
            start = time.perf_counter()
            for src in sources:
                parse(src, name)
            best[name] = min(best[name], time.perf_counter() - start)
    return best[fmt], best["text"]


def main() -> None:
    from lint.formats import parse

    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    if not args.corpus.is_dir():
        ap.error(f"no corpus at {args.corpus}: put ../shared beside the checkout, set COPYLINT_SHARED or give --corpus")
    groups: dict[str, list[Source]] = {fmt: [] for fmt in SUFFIX_FORMAT.values()}
    for path in corpus_files(args.corpus):
        fmt = SUFFIX_FORMAT.get(path.suffix)
        if fmt:
            groups[fmt].append(Source(str(path), path.read_text(encoding="utf-8")))
    for fmt, sources in groups.items():  # warm up: imports, compiled patterns, parser construction
        for src in sources[:3]:
            parse(src, fmt)
            parse(src, "text")

    print(f"corpus: {args.corpus}  (best of {args.repeat} runs, parse only, one core)")
    print(f"{'format':<10} {'files':>6} {'MB':>6} {'format s':>9} {'MB/s':>7} {'text s':>8} {'MB/s':>7} {'ratio':>6}")
    total_fmt = total_text = total_mb = 0.0
    for fmt, sources in groups.items():
        if not sources:
            continue
        mb = sum(len(s.text.encode("utf-8")) for s in sources) / 1e6
        t_fmt, t_text = timed(sources, fmt, args.repeat)
        total_fmt, total_text, total_mb = total_fmt + t_fmt, total_text + t_text, total_mb + mb
        print(f"{fmt:<10} {len(sources):>6} {mb:>6.1f} {t_fmt:>9.3f} {mb / t_fmt:>7.1f} {t_text:>8.3f} "
              f"{mb / t_text:>7.1f} {t_fmt / t_text:>5.2f}x")
    n = sum(len(s) for s in groups.values())
    print(f"{'all':<10} {n:>6} {total_mb:>6.1f} {total_fmt:>9.3f} {total_mb / total_fmt:>7.1f} {total_text:>8.3f} "
          f"{total_mb / total_text:>7.1f} {total_fmt / total_text:>5.2f}x")


if __name__ == "__main__":
    main()

"""Speed of the sentence segmenter (lint.sentences, pysbd) on the prose of ../shared/corpus.

    python bench/sentences.py [--limit-mb 1]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lint.formats import format_for, parse
from lint.model import Source
from lint.sentences import sentence_spans

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit-mb", type=float, default=0.5)
    args = ap.parse_args()
    texts: list[str] = []
    size = 0
    for p in sorted(CORPUS.rglob("*.md")):
        doc = parse(Source(str(p), p.read_text(encoding="utf-8")), format_for(str(p)) or "text")
        for seg in doc.segments:
            texts.append(seg.text)
            size += len(seg.text)
        if size > args.limit_mb * 1e6:
            break
    sentence_spans.cache_clear()
    start = time.perf_counter()
    count = sum(len(sentence_spans(t)) for t in texts)
    took = time.perf_counter() - start
    print(f"pysbd: {size / 1e6:.2f} MB of prose, {len(texts)} segments, {count} sentences in {took:.2f} s: "
          f"{size / 1e6 / took:.3f} MB/s")


if __name__ == "__main__":
    main()

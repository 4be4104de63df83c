"""Hostile documents at scale: N generated documents per format (default 10,000) through reading,
checking and fixing, with the invariants of tests/hostile_documents.py (no exception, offsets inside
the text, findings on the characters they claim, fixes that keep the structure, change only prose
through the edits they report, and are idempotent).

    python bench/hostile.py                 # 10,000 per format, one process per core
    python bench/hostile.py -n 500 --jobs 1 --formats po,markdown

Prints one line per format (documents, refused by the reader with a ParseError, findings, documents a
fix changed, exceptions, invariant failures, differences as the format's own parser reads the structure
(tests/structure.py: counted, not failed), CPU seconds) and the first failures with the document
that caused each (repr). Exit status 1 when any exception or invariant failure was seen.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_documents import KINDS, Tally, check, documents  # noqa: E402

CHUNK = 250


def run_chunk(fmt: str, seed: int, count: int) -> tuple[Tally, float]:
    from lint.engine import Linter

    linter = Linter()
    tally = Tally()
    started = time.process_time()
    for text in documents(fmt, seed, count):
        check(linter, fmt, text, tally)
    return tally, time.process_time() - started


def merged(parts: list[tuple[Tally, float]]) -> tuple[Tally, float]:
    total = Tally()
    cpu = 0.0
    for tally, seconds in parts:
        cpu += seconds
        for name in ("documents", "refused", "findings", "fixed", "exceptions", "invariant_failures",
                     "own_parser_differences"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
        total.examples.extend(tally.examples[: max(0, 20 - len(total.examples))])
        total.own_parser_examples.extend(tally.own_parser_examples[: max(0, 3 - len(total.own_parser_examples))])
    return total, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="documents per format (default 10,000)")
    parser.add_argument("--formats", default=",".join(KINDS), help="comma-separated (default: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    chosen = [f for f in args.formats.split(",") if f]
    failed = False
    started = time.perf_counter()
    print(f"{'format':10} {'docs':>7} {'refused':>7} {'findings':>9} {'fixed':>7} {'exceptions':>10} "
          f"{'invariant':>9} {'own-parser':>10} {'CPU s':>7}")
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for fmt in chosen:
            # Chunks of one seed each: the same documents whatever --jobs is.
            futures = [pool.submit(run_chunk, fmt, args.seed * 1_000_003 + k, min(CHUNK, args.n - k * CHUNK))
                       for k in range((args.n + CHUNK - 1) // CHUNK)]
            tally, cpu = merged([f.result() for f in futures])
            print(f"{fmt:10} {tally.documents:>7} {tally.refused:>7} {tally.findings:>9} {tally.fixed:>7} "
                  f"{tally.exceptions:>10} {tally.invariant_failures:>9} {tally.own_parser_differences:>10} "
                  f"{cpu:>7.1f}", flush=True)
            for check_, message, doc in tally.examples[:5]:
                print(f"    {check_}: {message[:300]}\n      in {doc[:300]!r}")
            for doc in tally.own_parser_examples[:2]:
                print(f"    own parser reads another structure after the fix: {doc[:200]!r}")
            failed = failed or bool(tally.exceptions or tally.invariant_failures)
    print(f"wall {time.perf_counter() - started:.0f} s, {args.jobs} processes")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

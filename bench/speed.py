"""Throughput of `copylint check` on ../shared/corpus (real English prose, Markdown and reST).

Prints MB/s and files/s end to end (the real CLI in a subprocess, one core), then per rule family
in-process (parse + check), and the wall time of one small file (bytecode and kept patterns written
and read, as a user's install does: PYTHONDONTWRITEBYTECODE is dropped for the CLI runs). Usage:

    python bench/speed.py [--corpus DIR] [--select W,E] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from corpus import CORPUS, SHARED, corpus_files

# The CLI runs as a user's install does: writing and reading bytecode and the kept patterns
# (lint/__pycache__), which PYTHONDONTWRITEBYTECODE, set in many containers, would have every run compile again.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cli_run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lint", "check", "--exit-zero", "--quiet", "--isolated", "--no-cache", *args],
                   check=True, stdout=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def in_process(files: list[Path], select: list[str] | None, as_text: bool) -> tuple[float, float]:
    """(wall, CPU) seconds of parse and check over the files, read beforehand. On a shared machine
    the CPU time is the steadier of the two: it leaves out the time spent waiting for a core."""
    from lint.config import Config
    from lint.engine import Linter, Selection
    from lint.model import Source

    linter = Linter(Selection(select=tuple(select) if select is not None else None))
    config = Config()
    sources = [Source(str(p.with_suffix(".txt")) if as_text else str(p), p.read_text(encoding="utf-8"))
               for p in files]
    start = time.perf_counter()
    cpu = time.process_time()
    for src in sources:
        linter.findings(src, config)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--select", default=None, help="comma-separated selectors for the end-to-end run")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    size = sum(p.stat().st_size for p in files) / 1e6
    print(f"corpus: {args.corpus} ({len(files)} files, {size:.1f} MB)")

    sel = ["--select", args.select] if args.select else []
    best = min(cli_run([*sel, str(args.corpus)]) for _ in range(args.repeat))
    print(f"end to end (CLI, {args.select or 'default rules'}): {best:.2f} s  "
          f"{size / best:.2f} MB/s  {len(files) / best:.0f} files/s")

    for label, select, as_text in (
        ("parse only, formats", [], False),
        ("parse only, as plain text", [], True),
        ("W+E, as plain text", ["W", "E"], True),
        ("W+E+S+T+P, as plain text", ["W", "E", "S", "T", "P"], True),
        ("W+E+S+T+P, formats", ["W", "E", "S", "T", "P"], False),
        ("default rules (L and language identification too), formats", None, False),
    ):
        runs = [in_process(files, select, as_text) for _ in range(args.repeat)]
        t, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"in process, {label}: {t:.2f} s  {size / t:.2f} MB/s  (CPU {cpu:.2f} s, {size / cpu:.2f} MB/s)")

    small = SHARED / "seed" / "article.txt"
    cli_run([str(small)])  # (a run that finds stale bytecode or kept patterns writes them: not timed)
    best_small = min(cli_run([str(small)]) for _ in range(10))
    print(f"one small file (seed article), CLI wall, best of 10: {best_small * 1000:.0f} ms")


if __name__ == "__main__":
    main()

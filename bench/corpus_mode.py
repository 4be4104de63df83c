"""Corpus mode on a JSONL built from ../shared/corpora (bench/corpus_jsonl.py): MB/s with --jobs N (default
2) and the peak memory (largest process) for the input once and --copies times (default 10): it must stay
flat as the input grows.

    python bench/corpus_mode.py [--jobs 2] [--copies 10] [--select W,E,S,T,P] [--shard-size 100]

CPU seconds are the children's user + system time; on a shared machine they are the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import ROOT


def run(inp: Path, out: Path, jobs: int, select: str, shard_size: int) -> tuple[float, float, float]:
    stats = Path(tempfile.mktemp(prefix="copylint-time-"))
    cmd = ["/usr/bin/time", "-f", "%M", "-o", str(stats), sys.executable, "-m", "lint", "corpus", str(inp), str(out),
           "--id-field", "id", "--jobs", str(jobs), "--select", select, "--shard-size", str(shard_size)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = int(stats.read_text().split()[-1]) / 1024
    stats.unlink()
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--select", default="W,E,S,T,P")
    # Shards small enough that the input once already keeps every worker busy with several: memory is
    # compared in the steady state (bounded caches full), not against a run that never reached it.
    ap.add_argument("--shard-size", type=int, default=100)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="copylint-corpus-bench-"))
    try:
        for copies in (1, args.copies):
            inp = tmp / f"corpora-x{copies}.jsonl"
            subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_jsonl.py"), str(inp), "--copies", str(copies)],
                           check=True, stdout=subprocess.DEVNULL)
            mb = inp.stat().st_size / 1e6
            wall, cpu, peak = run(inp, tmp / f"out-{copies}", args.jobs, args.select, args.shard_size)
            print(f"x{copies}: {mb:.1f} MB, --jobs {args.jobs}: {wall:.1f} s wall ({mb / wall:.2f} MB/s), "
                  f"{cpu:.1f} s CPU ({mb / cpu:.2f} MB/s per core), peak {peak:.0f} MiB", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

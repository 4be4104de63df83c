"""Corpus-mode throughput against the number of workers (1, 2, 4, 8, 16 by default), local processes
(`copylint corpus --jobs N`) and, when dask and distributed are installed, a local Dask cluster
(`--dask local:N`). One self-contained command: it builds its own JSONL input from text in this
repository (every rule's flag and allow examples, docs/ and README.md, shuffled into records with a
fixed seed) unless an input is given.

    python bench/scale.py [--quick] [--mb 24] [--workers 1,2,4,8,16] [--backends jobs,dask] [--input FILE.jsonl]

For each run it prints wall seconds, MB/s, the speed-up over one worker, the parallel efficiency, the
CPU seconds of all the run's processes, how busy the workers were (CPU seconds per wall second per
worker), the start-up (the wall seconds of the same run on a four-record input) and the peak memory
of the run's largest process; then where the scaling stops (efficiency under 70 %) and which reason
the figures point to. It leaves out worker counts beyond the machine's
cores. ``--quick`` (3 MB, 1 and 2 workers) checks that it runs, in about a minute; on 16 cores the
default run takes about 2-4 minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> tuple[list[str], list[str]]:
    """(paragraphs of prose from README.md and docs/, texts with defects from the rules' examples)."""
    sys.path.insert(0, str(ROOT))
    from lint import registry

    examples: list[str] = []
    for rule in registry.builtin_rules():
        for example in (*rule.flag, *rule.allow):
            if example.text.strip() and example.path.endswith(".txt"):
                examples.append(example.text if example.text.endswith("\n") else example.text + "\n")
    prose: list[str] = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        if doc.exists():
            prose.extend(p.strip() + "\n" for p in doc.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return prose, examples


def build_input(path: Path, megabytes: float, seed: int = 18) -> int:
    prose, examples = _texts()
    rng = random.Random(seed)
    size = n = 0
    with path.open("w", encoding="utf-8") as handle:
        while size < megabytes * 1e6:
            # Mostly prose, one piece in ten a rule's example (a defect or a near miss).
            text = "\n".join(rng.choice(examples if rng.random() < 0.1 else prose)
                              for _ in range(rng.randint(8, 40)))
            line = json.dumps({"id": f"r{n}", "text": text}, ensure_ascii=False) + "\n"
            handle.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


_WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
            "r = resource.getrusage(resource.RUSAGE_CHILDREN); print(r.ru_maxrss, r.ru_utime + r.ru_stime)")


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of every process of the run (parent and workers)
    peak: float  # MiB, the run's largest process


def one_run(inp: Path, backend: str, workers: int, shard_size: int) -> Run:
    """One corpus run into a fresh folder, through a small wrapper process, so that the peak memory and
    the CPU time are this run's alone."""
    out = Path(tempfile.mkdtemp(prefix="copylint-scale-"))
    try:
        option = ["--jobs", str(workers)] if backend == "jobs" else ["--dask", f"local:{workers}"]
        cmd = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "lint", "corpus", str(inp), str(out / "o"),
               "--id-field", "id", "--shard-size", str(shard_size), *option]
        start = time.perf_counter()
        proc = subprocess.run(cmd, check=False, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[3:])} exited {proc.returncode}:\n{proc.stderr[-4000:]}")
        peak, cpu = proc.stdout.split()[-2:]
        return Run(wall, float(cpu), int(peak) / 1024)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def verdict(rows: list[tuple[int, Run, float]]) -> str:
    """Where the runs stop scaling (parallel efficiency under 70 %) and which of the usual reasons the
    figures point to: a fixed cost (the start-up of that many workers, measured on a tiny input) that
    the input is too small to hide, workers that wait (CPU per second of wall under the worker count: a
    serial parent, too few shards) or work that costs more per MB with more workers (shared memory
    bandwidth and caches, slower clocks with every core busy)."""
    w0, base, fixed0 = rows[0]
    for workers, run, fixed in rows[1:]:
        efficiency = base.wall / run.wall / workers * w0
        if efficiency < 0.7:
            past = (base.wall - fixed0) / max(run.wall - fixed, 1e-9) / workers * w0
            busy = run.cpu / run.wall / workers
            cost = run.cpu / base.cpu
            if past >= 0.7:
                why = (f"the start-up of {workers} workers ({fixed:.1f} s) is the difference: past it the "
                       f"efficiency is {past:.0%} (a bigger --mb hides it)")
            elif busy < 0.8:
                why = f"the workers were busy {busy:.0%} of the time (waiting on the parent, for shards, or for a core other programs hold)"
            else:
                why = f"each MB cost {cost:.2f}x the CPU time of {w0} worker(s) (the cores slow each other)"
            return f"stops scaling at {workers} workers ({efficiency:.0%} efficiency): {why}"
    return f"scales to {rows[-1][0]} workers (efficiency >= 70 % throughout)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true",
                    help="a small input (3 MB) and at most 2 workers: a check that the benchmark runs, in a minute")
    ap.add_argument("--mb", type=float, default=None, help="size of the generated input (default 24, --quick 3)")
    ap.add_argument("--input", type=Path, help="a JSONL corpus with fields id and text (instead of generating)")
    ap.add_argument("--workers", default=None, help="comma-separated (default 1,2,4,8,16; --quick 1,2)")
    ap.add_argument("--backends", default="jobs,dask")
    ap.add_argument("--shard-size", type=int, default=None,
                    help="records per shard (default: eight shards per worker at the most workers)")
    args = ap.parse_args()
    args.mb = args.mb or (3.0 if args.quick else 24.0)
    args.workers = args.workers or ("1,2" if args.quick else "1,2,4,8,16")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = [w for w in (int(x) for x in args.workers.split(",")) if w <= cores]
    skipped = [w for w in (int(x) for x in args.workers.split(",")) if w > cores]
    backends = args.backends.split(",")
    if "dask" in backends:
        try:
            import dask.bag  # noqa: F401
            import distributed  # noqa: F401
        except ImportError:
            print("dask/distributed not installed: local processes only (pip install 'copylint[corpus]')")
            backends = [b for b in backends if b != "dask"]
    tmp = Path(tempfile.mkdtemp(prefix="copylint-scale-in-"))
    try:
        inp = args.input or tmp / "corpus.jsonl"
        if args.input is None:
            records = build_input(inp, args.mb)
            print(f"input: {records} generated records")
        mb = inp.stat().st_size / 1e6
        if args.shard_size is None:
            # Too few shards leave workers idle in the last wave: 19 shards on 16 workers is two waves, the
            # second one three shards long.
            with inp.open("rb") as handle:
                total = sum(1 for line in handle if line.strip())
            args.shard_size = max(1, total // (8 * max(workers)))
            print(f"shard size: {args.shard_size} records ({total} records)")
        print(f"input: {inp} {mb:.1f} MB; cores: {cores}; workers: {workers}"
              + (f" (not {skipped}: more than the cores)" if skipped else "") + f"; python {sys.version.split()[0]}")
        tiny = tmp / "tiny.jsonl"  # the fixed cost of a run: start-up, workers, the summary
        with inp.open("rb") as source, tiny.open("wb") as out:
            for _ in range(4):
                out.write(source.readline())
        for backend in backends:
            rows: list[tuple[int, Run, float]] = []
            print(f"\nbackend {backend}:")
            print(f"{'workers':>8} {'wall s':>8} {'MB/s':>8} {'speed-up':>9} {'efficiency':>10} {'CPU s':>8} "
                  f"{'busy':>6} {'start-up s':>10} {'peak MiB':>9}")
            for w in workers:
                run = one_run(inp, backend, w, args.shard_size)
                fixed = one_run(tiny, backend, w, 1).wall
                rows.append((w, run, fixed))
                base = rows[0][1].wall * rows[0][0]
                speedup = base / run.wall
                print(f"{w:>8} {run.wall:>8.2f} {mb / run.wall:>8.2f} {speedup:>9.2f} {speedup / w:>10.0%} "
                      f"{run.cpu:>8.1f} {run.cpu / run.wall / w:>6.0%} {fixed:>10.1f} {run.peak:>9.0f}", flush=True)
            if len(rows) > 1:
                print(verdict(rows))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

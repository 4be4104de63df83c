"""Corpus-mode throughput against the number of workers (1, 2, 4, 8, 16 by default), local processes
(`copylint corpus --jobs N`) and, when dask and distributed are installed, a local Dask cluster
(`--dask local:N`). One self-contained command: it builds its own JSONL input from text in this
repository (every rule's flag and allow examples, docs/ and README.md, shuffled into records with a
fixed seed) unless an input is given.

    python bench/scale.py [--mb 24] [--workers 1,2,4,8,16] [--backends jobs,dask] [--input FILE.jsonl]

For each run it prints wall seconds, MB/s, the speed-up over one worker and the parallel efficiency,
and the peak memory of the whole process tree. It stops adding workers beyond the machine's cores.
On 16 cores the default run takes about 2-4 minutes.
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
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def one_run(inp: Path, backend: str, workers: int, shard_size: int) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB of the run's largest process) of one corpus run into a fresh folder.
    The run goes through a small wrapper process, so that the peak is this run's alone."""
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
        return wall, int(proc.stdout.split()[-1]) / 1024
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=24.0, help="size of the generated input")
    ap.add_argument("--input", type=Path, help="a JSONL corpus with fields id and text (instead of generating)")
    ap.add_argument("--workers", default="1,2,4,8,16")
    ap.add_argument("--backends", default="jobs,dask")
    ap.add_argument("--shard-size", type=int, default=None,
                    help="records per shard (default: eight shards per worker at the most workers)")
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = [w for w in (int(x) for x in args.workers.split(",")) if w <= cores]
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
        print(f"input: {inp} {mb:.1f} MB; cores: {cores}; workers: {workers}; python {sys.version.split()[0]}")
        for backend in backends:
            base = None
            print(f"\nbackend {backend}:")
            print(f"{'workers':>8} {'wall s':>8} {'MB/s':>8} {'speed-up':>9} {'efficiency':>10} {'peak MiB':>9}")
            for w in workers:
                wall, peak = one_run(inp, backend, w, args.shard_size)
                base = base or wall
                speedup = base / wall
                print(f"{w:>8} {wall:>8.2f} {mb / wall:>8.2f} {speedup:>9.2f} {speedup / w:>10.0%} {peak:>9.0f}",
                      flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

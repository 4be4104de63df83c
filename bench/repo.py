"""Repository-scale figures for `copylint check` on ../shared/corpus copied N times (default 10):

- cold runs (--no-cache) with --jobs 1 and --jobs 2: wall and CPU seconds, MB/s, the speed-up;
- peak memory (largest process) on the corpus once and N times: flat in the number of files;
- a cold run with an empty cache, then warm re-runs of the unchanged files: the ratio.

    python bench/repo.py [--copies 10] [--repeat 2] [--work DIR] [--parts jobs,memory,cache]

The machine this runs on may be shared: the CPU seconds (children's user + system) are the steadier
figure; wall seconds are best of --repeat.
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

from corpus import CORPUS, ROOT

# Bytecode (and the compiled patterns kept beside it, ``lint.patterns``) written and read as a user's install
# does: without them every worker compiles each pattern it uses again.
_USERS_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MiB of the largest process) of one `copylint check` run."""
    out = Path(tempfile.mktemp(prefix="copylint-time-"))
    cmd = ["/usr/bin/time", "-f", "%M", "-o", str(out), sys.executable, "-m", "lint", "check", "--exit-zero",
           "--quiet", "--isolated", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                   env={**_USERS_ENV, "PYTHONPATH": str(ROOT), **(env or {})})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = int(out.read_text().split()[-1]) / 1024
    out.unlink()
    return wall, cpu, peak


def best(args: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    runs = [timed(args, env) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--work", type=Path, default=None, help="where to put the copies (default: a temp folder)")
    ap.add_argument("--parts", default="jobs,memory,cache",
                    help="which figures: jobs (cold --jobs 1 and 2), memory (x1 against xN), cache (cold, then warm)")
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="copylint-repo-"))
    many = work / f"corpus-x{args.copies}"
    if not many.exists():
        for i in range(args.copies):
            shutil.copytree(CORPUS, many / f"c{i}")
    # Files written long ago, as in a checkout (files written in the last seconds are cached by content).
    old = time.time() - 3600
    for p in many.rglob("*"):
        os.utime(p, (old, old))
    size = sum(p.stat().st_size for p in many.rglob("*") if p.is_file()) / 1e6
    files = sum(1 for p in many.rglob("*") if p.is_file())
    one = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file()) / 1e6
    print(f"corpus x{args.copies}: {many} ({files} files, {size:.1f} MB); machine: {os.cpu_count()} cores, shared")

    if "jobs" in parts:
        results = {}
        for jobs in (1, 2):
            wall, cpu, peak = best(["--no-cache", "--jobs", str(jobs), str(many)], args.repeat)
            results[jobs] = wall
            print(f"cold --jobs {jobs}: {wall:.1f} s wall ({size / wall:.2f} MB/s), {cpu:.1f} s CPU, peak {peak:.0f} MiB")
        print(f"--jobs 2 speed-up: {results[1] / results[2]:.2f}x")

    if "memory" in parts:
        wall, cpu, peak_one = best(["--no-cache", "--jobs", "2", str(CORPUS)], 1)
        print(f"corpus x1 --jobs 2: {wall:.1f} s, peak {peak_one:.0f} MiB ({one:.1f} MB)")

    cache = Path(tempfile.mkdtemp(prefix="copylint-cache-"))
    if "cache" in parts:
        env = {"COPYLINT_CACHE_DIR": str(cache)}
        cold_wall, cold_cpu, _ = timed([str(many)], env)
        warm = [timed([str(many)], env) for _ in range(max(2, args.repeat))]
        warm_wall, warm_cpu = min(w[0] for w in warm), min(w[1] for w in warm)
        print(f"cache: cold {cold_wall:.1f} s wall / {cold_cpu:.1f} s CPU, warm {warm_wall:.2f} s wall / "
              f"{warm_cpu:.2f} s CPU: {cold_wall / warm_wall:.0f}x wall, {cold_cpu / warm_cpu:.0f}x CPU")
    shutil.rmtree(cache, ignore_errors=True)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

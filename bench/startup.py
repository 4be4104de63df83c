"""CPU time of `copylint check` on one small file: start-up (imports, rule loading, compiling the
patterns a run needs) plus one short check, as pre-commit and editors pay it on every call.

Runs the real CLI in a subprocess --repeat times and prints the best CPU seconds (user + system of
the child, from getrusage, in milliseconds: steadier than wall time on a shared machine) and the
median. Pin it to one core for comparable figures: `taskset -c 0 python bench/startup.py`.

    python bench/startup.py [--repeat 15] [FILE]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SAMPLE = "A short paragraph of English prose, as a commit touches it.\n\nAnd a second one, just as plain.\n"


def cpu_of_one_run(path: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--isolated", "--quiet", "--exit-zero",
                    str(path)], check=False, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            path = Path(tmp) / "small.txt"
            path.write_text(SAMPLE, encoding="utf-8")
        cpu_of_one_run(path)  # the first run writes the bytecode caches a pip install would have
        runs = sorted(cpu_of_one_run(path) for _ in range(args.repeat))
    bytecode = "off (PYTHONDONTWRITEBYTECODE)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"
    print(f"one small file ({path.name}): best {runs[0] * 1000:.0f} ms CPU, median "
          f"{statistics.median(runs) * 1000:.0f} ms over {args.repeat} runs (bytecode cache {bytecode})")


if __name__ == "__main__":
    main()

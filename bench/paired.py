"""Two installs of copylint timed side by side (a base commit's virtual environment and this tree's), runs
alternated so that both see the same load, one core each (``check --no-cache --jobs 1``): best CPU (user +
system of the child) and best wall of --repeat runs per input, and the load average before and after.

    python bench/paired.py BASE_VENV THIS_VENV [--repeat 7] [--inputs small,rust-book,corpus,peps-text]
    python bench/paired.py BASE_VENV THIS_VENV --instructions [--inputs small,rust-book]

Inputs: ../shared/corpus, the PEPs read as plain text (a config that maps ``*.rst`` to the text format, so
no copy of the files is made), the Rust book, one small file (the seed article: start-up). Bytecode is
written and read as a user's install does (PYTHONDONTWRITEBYTECODE is dropped for the children).
``--instructions`` counts one run's instructions with valgrind (cachegrind, no cache simulation): a figure
that a loaded machine does not move, some 50 times slower to get.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from corpus import CORPUS, SHARED, corpus_files

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
NEUTRAL = tempfile.gettempdir()


def _inputs(as_text: Path) -> dict[str, tuple[list[str], int]]:
    small = SHARED / "seed" / "article.txt"
    return {
        "small": (["--isolated", str(small)], small.stat().st_size),
        "rust-book": (["--isolated", str(CORPUS / "rust-book")],
                      sum(p.stat().st_size for p in corpus_files(CORPUS / "rust-book"))),
        "corpus": (["--isolated", str(CORPUS)], sum(p.stat().st_size for p in corpus_files(CORPUS))),
        "peps-text": (["--config", str(as_text), str(CORPUS / "peps")],
                      sum(p.stat().st_size for p in corpus_files(CORPUS / "peps"))),
    }


def _command(venv: Path, args: list[str]) -> list[str]:
    # The console script, run from a neutral folder: `python -m lint` from a checkout imports that
    # checkout's engine whatever the environment (bench/README.md).
    return [str(venv / "bin" / "copylint"), "check", "--no-cache", "--jobs", "1", "--exit-zero", "--quiet", *args]


def timed(venv: Path, args: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(_command(venv, args), env=ENV, check=True, stdout=subprocess.DEVNULL, cwd=NEUTRAL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(venv: Path, args: list[str]) -> int:
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          *_command(venv, args)], env=ENV, capture_output=True, text=True, check=True,
                         cwd=NEUTRAL)
    line = next(s for s in run.stderr.splitlines() if "I" in s and "refs:" in s)
    return int(line.rsplit(":", 1)[1].replace(",", "").strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("base", type=Path, help="the base commit's virtual environment")
    ap.add_argument("this", type=Path, help="this tree's virtual environment")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--inputs", default="small,rust-book,corpus,peps-text")
    ap.add_argument("--instructions", action="store_true")
    args = ap.parse_args()
    venvs = {"base": args.base, "this": args.this}
    with tempfile.TemporaryDirectory() as tmp:
        as_text = Path(tmp) / "as-text.yaml"
        as_text.write_text('formats:\n  "*.rst": text\n', encoding="utf-8")
        inputs = _inputs(as_text)
        print(f"load average {os.getloadavg()[0]:.1f}")
        for name in args.inputs.split(","):
            cli_args, size = inputs[name]
            mb = size / 1e6
            timed(args.base, cli_args)  # bytecode and kept patterns written, as a user's second run finds them
            timed(args.this, cli_args)
            if args.instructions:
                counts = {k: instructions(v, cli_args) for k, v in venvs.items()}
                print(f"{name}: instructions base {counts['base'] / 1e6:,.0f}M, this {counts['this'] / 1e6:,.0f}M "
                      f"({counts['this'] / counts['base']:.3f}x)", flush=True)
                continue
            runs: dict[str, list[tuple[float, float]]] = {k: [] for k in venvs}
            for i in range(args.repeat):
                for k in (list(venvs) if i % 2 == 0 else list(reversed(venvs))):
                    runs[k].append(timed(venvs[k], cli_args))
            cpu = {k: min(r[1] for r in v) for k, v in runs.items()}
            wall = {k: min(r[0] for r in v) for k, v in runs.items()}
            print(f"{name} ({mb:.2f} MB), best of {args.repeat}: CPU base {cpu['base']:.3f} s, this {cpu['this']:.3f} s "
                  f"({cpu['base'] / cpu['this']:.2f}x; {mb / cpu['base']:.2f} -> {mb / cpu['this']:.2f} MB/s); "
                  f"wall {wall['base']:.3f} -> {wall['this']:.3f} s", flush=True)
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

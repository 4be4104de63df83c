"""Does compiling copylint's hot modules with mypyc pay? The same tree twice, as the wheel lays it out
(``lint/``, ``rules/`` as ``lint/rules``, ``docs/`` as ``lint/manual``): once as it is and once with
MODULES compiled by mypyc in place, then the CLI on each, alternated, pinned to one core.

    python bench/compiled.py build DIR [--modules lint/engine.py ...]   # DIR/pure, DIR/compiled (minutes)
    taskset -c 1 python bench/compiled.py time DIR [--repeat 3] [--instructions]

``time`` prints per tree and input the best CPU time (user + system of the child) of --repeat runs and
the speed-up, for the PEPs as plain text (copied with `.txt` names), the Rust book, the
whole ../shared/corpus and one small file (start-up); ``--instructions`` adds valgrind's instruction
count of one run on the Rust book, a figure that a loaded machine does not move.

mypyc needs a C compiler and the mypy of the test extra. The default MODULES are the hot modules of a
profile of the PEPs run (parse, the engine's scan, the costliest rules) that compile and run unchanged;
a module mypyc cannot compile makes ``build`` fail with mypyc's message (nested classes, such as a
rule's ``Options``; an attribute narrowed in a subclass, such as a rule's ``opts``).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import CORPUS, ROOT, peps_as_text

HOT = (
    "lint/check.py", "lint/engine.py", "lint/scan.py", "lint/words.py", "lint/language.py", "lint/source.py",
    "lint/lowered.py", "lint/lines.py", "lint/sentences.py", "lint/suppress.py",
    "lint/formats/text.py", "lint/formats/builder.py",
    "lint/rules/translation/repeated_phrase.py", "lint/rules/translation/repeated_word.py",
    "lint/rules/scrape/_furniture.py", "lint/rules/scrape/duplicated_text.py",
    "lint/rules/punctuation/orphaned_quote.py", "lint/rules/punctuation/unbalanced_brackets.py",
)
SMALL = "A short paragraph of English prose, as a commit touches it.\n\nAnd a second one, just as plain.\n"


def staged(dest: Path) -> None:
    """The tree as the wheel installs it, without caches."""
    ignore = shutil.ignore_patterns("__pycache__", "*.so")
    shutil.copytree(ROOT / "lint", dest / "lint", ignore=ignore)
    shutil.copytree(ROOT / "rules", dest / "lint" / "rules", ignore=ignore)
    shutil.copytree(ROOT / "docs", dest / "lint" / "manual", ignore=ignore)


def build(out: Path, modules: list[str]) -> None:
    for name in ("pure", "compiled"):
        shutil.rmtree(out / name, ignore_errors=True)
        staged(out / name)
    # Run from the staged tree, so that mypyc names the modules as they are installed (lint.rules.*).
    run = subprocess.run([sys.executable, "-m", "mypyc", "--config-file", str(ROOT / "setup.cfg"), *modules],
                         cwd=out / "compiled", capture_output=True, text=True)
    if run.returncode != 0:
        errors = [line for line in run.stdout.splitlines() + run.stderr.splitlines() if "error" in line]
        sys.exit("mypyc failed:\n" + "\n".join(errors[-30:]))
    built = sorted(str(p.relative_to(out / "compiled")) for p in (out / "compiled" / "lint").rglob("*.so"))
    print(f"compiled {len(built)} modules into {out / 'compiled'}")


def cpu_of_one_run(tree: Path, args: list[str], cwd: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--isolated", "--quiet", "--exit-zero",
                    "--jobs", "1", *args], check=True, stdout=subprocess.DEVNULL, cwd=cwd, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(tree: Path, args: list[str], cwd: Path) -> int | None:
    if shutil.which("valgrind") is None:
        return None
    env = {**os.environ, "PYTHONPATH": str(tree)}
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-m",
                          "lint", "check", "--no-cache", "--isolated", "--quiet", "--exit-zero", "--jobs", "1",
                          *args], capture_output=True, text=True, cwd=cwd, env=env)
    counted = [line.split()[-1] for line in run.stderr.splitlines() if "Collected :" in line]
    return int(counted[0]) if counted else None


def megabytes(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def time_trees(out: Path, repeat: int, count: bool) -> None:
    trees = {"pure": out / "pure", "compiled": out / "compiled"}
    with tempfile.TemporaryDirectory() as name:
        cwd = Path(name)
        small = cwd / "small.txt"
        small.write_text(SMALL, encoding="utf-8")
        peps_txt = cwd / "peps-txt"
        peps_txt.mkdir()
        peps_as_text(peps_txt)
        inputs = {"peps-txt": peps_txt, "rust-book": CORPUS / "rust-book", "shared/corpus": CORPUS, "small file": small}
        for label, path in inputs.items():
            if not path.exists():
                print(f"{label}: {path} not found, skipped")
                continue
            for tree in trees.values():  # a first run each writes the bytecode and pattern caches
                cpu_of_one_run(tree, [str(path)], cwd)
            best = {name: float("inf") for name in trees}
            for _ in range(repeat):  # alternated, so that both see the same neighbours
                for tree_name, tree in trees.items():
                    best[tree_name] = min(best[tree_name], cpu_of_one_run(tree, [str(path)], cwd))
            size = megabytes(path)
            shown = ", ".join(f"{n} {t:.3f} s ({size / t:.2f} MB/s)" if label != "small file" else f"{n} {t * 1000:.0f} ms"
                              for n, t in best.items())
            print(f"{label} ({size:.2f} MB): best of {repeat} CPU: {shown}; "
                  f"pure/compiled {best['pure'] / best['compiled']:.3f}x", flush=True)
        if count:
            book = [str(CORPUS / "rust-book")]
            counts = {n: instructions(t, book, cwd) for n, t in trees.items()}
            if None in counts.values():
                print("instructions: valgrind not found or not counted")
            else:
                print("rust-book instructions: " + ", ".join(f"{n} {c / 1e9:.2f} G" for n, c in counts.items() if c)
                      + f"; pure/compiled {counts['pure'] / counts['compiled']:.3f}x")  # type: ignore[operator]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("out", type=Path)
    b.add_argument("--modules", nargs="+", default=list(HOT), help="paths in the staged tree (lint/rules/...)")
    t = sub.add_parser("time")
    t.add_argument("out", type=Path)
    t.add_argument("--repeat", type=int, default=3)
    t.add_argument("--instructions", action="store_true")
    args = ap.parse_args()
    if args.command == "build":
        build(args.out.resolve(), args.modules)
    else:
        time_trees(args.out.resolve(), args.repeat, args.instructions)


if __name__ == "__main__":
    main()

"""CPU time of `copylint check` on one small file: start-up (imports, rule loading, compiling the
patterns a run needs) plus one short check, as pre-commit and editors pay it on every call.

Runs the real `copylint` console script in a subprocess --repeat times and prints the best CPU time
(user + system of the child, from getrusage, in milliseconds: steadier than wall time on a shared
machine) and the median, for each install asked for:

- ``editable``: this environment's install (``pip install -e .``, what a contributor has): its
  import finder is a hook in every start-up of the environment's interpreter;
- ``regular``: a wheel of this tree installed into a new virtual environment, as ``pip install
  copylint`` and pre-commit install it. Its dependencies are this environment's (a ``.pth`` file adds
  its site-packages), so the two differ only in how copylint itself is installed.

The children run with bytecode caching on (as a user's Python does, whatever PYTHONDONTWRITEBYTECODE
says here); a first run, not counted, writes the caches a pip install would have.
Pin it to one core for comparable figures: `taskset -c 1 python bench/startup.py`.

    python bench/startup.py [--repeat 15] [--install editable|regular|both] [--instructions] [FILE]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "A short paragraph of English prose, as a commit touches it.\n\nAnd a second one, just as plain.\n"
# What a wheel is built from: the tree less what is not the package's (environments, caches, tests).
_NOT_BUILT = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*cache",
                                    "tests", "bench", ".benchmarks")


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cpu_of_one_run(command: list[str], path: Path, cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([*command, "check", "--no-cache", "--isolated", "--quiet", "--exit-zero", str(path)],
                   check=True, stdout=subprocess.DEVNULL, cwd=cwd, env=child_env())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def editable_command() -> list[str]:
    """This environment's console script (the `python -m lint` module where there is none)."""
    script = Path(sys.executable).parent / "copylint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "lint"]


def regular_install(tmp: Path) -> list[str]:
    """A new virtual environment with a wheel of this tree installed by pip; its console script."""
    source, wheels, venv = tmp / "src", tmp / "wheels", tmp / "venv"
    shutil.copytree(ROOT, source, ignore=_NOT_BUILT)
    quiet = {"stdout": subprocess.DEVNULL, "check": True, "env": child_env()}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(wheels), str(source)], **quiet)  # type: ignore[call-overload]
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], **quiet)  # type: ignore[call-overload]
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    # The dependencies: this environment's site-packages as plain path entries (its own .pth files, the
    # editable finder among them, are not run from there).
    (Path(site) / "_copylint_bench_deps.pth").write_text("".join(f"{p}\n" for p in sorted(ours)), encoding="utf-8")
    wheel = next(wheels.glob("copylint-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], **quiet)  # type: ignore[call-overload]
    return [str(venv / "bin" / "copylint")]


def instructions_of_one_run(command: list[str], path: Path, cwd: Path) -> str:
    """The instructions one run executes, counted by valgrind's callgrind: a figure a loaded machine
    does not move (CPU time there grows with the other processes' use of the caches)."""
    if shutil.which("valgrind") is None:
        return "instructions: valgrind not found"
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command, "check",
                          "--no-cache", "--isolated", "--quiet", "--exit-zero", str(path)],
                         capture_output=True, text=True, cwd=cwd, env=child_env())
    counted = [line.split()[-1] for line in run.stderr.splitlines() if "Collected :" in line]
    return f"{int(counted[0]) / 1e6:.0f} M instructions" if counted else "instructions: not counted"


def measured(name: str, command: list[str], path: Path, cwd: Path, repeat: int, instructions: bool) -> str:
    cpu_of_one_run(command, path, cwd)  # the first run writes the bytecode caches a pip install would have
    runs = sorted(cpu_of_one_run(command, path, cwd) for _ in range(repeat))
    counted = f"; {instructions_of_one_run(command, path, cwd)}" if instructions else ""
    return (f"{name:>8} install: one small file ({path.name}): best {runs[0] * 1000:.0f} ms CPU, median "
            f"{statistics.median(runs) * 1000:.0f} ms over {repeat} runs{counted}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--install", choices=("editable", "regular", "both"), default="both")
    ap.add_argument("--instructions", action="store_true",
                    help="Also count the instructions of one run (valgrind's callgrind, some 10 s a run).")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        path = args.file.resolve() if args.file is not None else tmp / "small.txt"
        if args.file is None:
            path.write_text(SAMPLE, encoding="utf-8")
        if args.install in ("editable", "both"):
            print(measured("editable", editable_command(), path, tmp, args.repeat, args.instructions), flush=True)
        if args.install in ("regular", "both"):
            print(measured("regular", regular_install(tmp), path, tmp, args.repeat, args.instructions), flush=True)


if __name__ == "__main__":
    main()

"""A big file against its parts: the same plain-text files checked as they are and concatenated into
one file, end to end (the real CLI, one core when `taskset` is there, --jobs 1, no cache), CPU
seconds and peak RSS of each, best of --repeat. Acceptance: the one file within 1.2x the CPU time of
the files, peak memory at most 100 MiB.

    python bench/big_file.py [--dir DIR] [--repeat 3] [--ends lf,crlf,cr] [--fix]
    python bench/big_file.py --fixes [--paragraphs 5000] [--repeat 3]

The parts are DIR's *.txt (by default the PEPs of ../shared/corpus copied with `.txt` names); the one file is their concatenation in name order (`cat DIR/*.txt`), in a
temporary folder with a config that lifts max-file-size above its size. --ends makes the one file with its
lines ended by LF, CRLF or CR alone (an old Mac export), each in turn; --fix times `check --fix` on a fresh
copy of the one file instead of a check (the parts are checked as before).

With --fixes, a file where every paragraph has two safe fixes (an HTML entity, a double space) is fixed
(`check --fix`) at --paragraphs and at four times as many: the fix path's cost per fix must stay flat as
a file grows. Linear work gives about 4x the CPU time; work per fix that grows with the file (a guard
or an edit that rescans what came before) gives up to 16x. Target: at most 5x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import peps_as_text

# Bytecode (and the compiled patterns kept beside it, ``lint.patterns``) written and read as a user's install
# does: without them each run compiles every pattern it uses again, a constant that flatters the ratio.
_USERS_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measured(args: list[str], cwd: Path) -> tuple[float, float]:
    """(user + system CPU seconds, peak RSS in MiB) of one run of `copylint` in a child process."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    script = ("import resource, subprocess, sys\n"
              "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
              # (--exit-zero: any other status is a run that failed, whose time would flatter the ratio)
              "sys.exit((done.stdout + done.stderr).decode()[-2000:]) if done.returncode else None\n"
              "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
              "print(r.ru_utime + r.ru_stime, r.ru_maxrss / 1024)\n")
    out = subprocess.run([*pin, sys.executable, "-c", script, sys.executable, "-m", "lint", "check", "--no-cache",
                          "--exit-zero", "--quiet", "--jobs", "1", *args],
                         cwd=cwd, capture_output=True, text=True,
                         env={**_USERS_ENV, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    if out.returncode:
        sys.exit(f"copylint failed on {args}:\n{out.stderr}")
    cpu, rss = out.stdout.split()
    return float(cpu), float(rss)


def best(args: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    runs = [measured(args, cwd) for _ in range(repeat)]
    return min(cpu for cpu, _ in runs), min(rss for _, rss in runs)


def fixes(paragraphs: int, repeat: int) -> None:
    """CPU time of `check --fix` on a file with two fixes a paragraph, at ``paragraphs`` and 4x as many."""
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (paragraphs, 4 * paragraphs):
            text = "".join(f"Paragraph {i}: we don&#8217;t know  why it failed.\n\n" for i in range(n))
            folder = Path(tmp) / str(n)
            folder.mkdir()
            config = Path(tmp) / "big.yaml"
            config.write_text(f"max-file-size: {len(text) + 1}\n")
            runs = []
            for _ in range(repeat):
                (folder / "fixes.txt").write_text(text, encoding="utf-8")  # afresh: a fixed file has nothing left
                runs.append(measured(["--config", str(config), "--fix", str(folder)], folder))
            fixed = (folder / "fixes.txt").read_text(encoding="utf-8")
            assert "&#8217;" not in fixed and "  " not in fixed, "the fixes were not applied"
            cpu, rss = min(r[0] for r in runs), min(r[1] for r in runs)
            times.append(cpu)
            print(f"{n} paragraphs, {2 * n} fixes, {len(text) / 1e6:.1f} MB: {cpu:.2f} s CPU  {rss:.0f} MiB")
    print(f"4x the paragraphs: {times[1] / times[0]:.2f}x the time (linear 4x, target <= 5x)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path, help="a folder of .txt files (default: the PEPs as text)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--fixes", action="store_true", help="time --fix on a file with two fixes a paragraph instead")
    ap.add_argument("--paragraphs", type=int, default=5000)
    ap.add_argument("--ends", default="lf", help="the one file's line ends, comma-separated: lf, crlf, cr")
    ap.add_argument("--fix", action="store_true", help="time check --fix on the one file")
    args = ap.parse_args()
    if args.fixes:
        fixes(args.paragraphs, args.repeat)
        return
    with tempfile.TemporaryDirectory() as tmp:
        if args.dir is None:
            args.dir = Path(tmp) / "parts"
            args.dir.mkdir()
            peps_as_text(args.dir)
        parts = sorted(args.dir.glob("*.txt"))
        joined = b"".join(part.read_bytes() for part in parts).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        config = Path(tmp) / "big.yaml"
        config.write_text(f"max-file-size: {2 * len(joined) + 1}\n")
        many_cpu, many_rss = best(["--config", str(config), str(args.dir)], args.dir, args.repeat)
        print(f"{len(parts)} files, {len(joined) / 1e6:.1f} MB (best of {args.repeat}, CPU and peak RSS of the "
              "copylint process)")
        print(f"as {len(parts)} files: {many_cpu:.2f} s CPU  {many_rss:.0f} MiB")
        for ends in args.ends.split(","):
            data = joined.replace(b"\n", {"lf": b"\n", "crlf": b"\r\n", "cr": b"\r"}[ends])
            folder = Path(tmp) / ends
            folder.mkdir()
            runs = []
            for _ in range(args.repeat):
                (folder / "all.txt").write_bytes(data)  # afresh: a fixed file has nothing left to fix
                runs.append(measured(["--config", str(config), *(["--fix"] if args.fix else []), str(folder)],
                                     folder))
            one_cpu, one_rss = min(r[0] for r in runs), min(r[1] for r in runs)
            print(f"as one file, {ends} ends{', --fix' if args.fix else ''}: {one_cpu:.2f} s CPU  {one_rss:.0f} MiB;"
                  f" {one_cpu / many_cpu:.2f}x the files' time (target <= 1.2x), peak target <= 100 MiB")


if __name__ == "__main__":
    main()

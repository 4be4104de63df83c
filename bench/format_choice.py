"""What choosing a format costs: ``lint.formats.format_for`` per path (every file of a folder walk asks it),
the index of the declarations read from the modules' text, and the CPU time of a one-file
`copylint check` from a fresh process (start-up included), against a reference checkout if given.

Best of N, CPU time (the machine is shared). Usage:

    python bench/format_choice.py [--repeat 5] [--paths 20000] [--reference DIR]

``--reference DIR`` (a plain copy of another commit's tree, e.g. ``git archive REV | tar -x -C DIR``) runs
the same measures with that tree's ``lint`` first on the path, alternating with this one.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_IN_PROCESS = """
import sys, time
sys.path.insert(0, sys.argv[1])
t = time.process_time()
from lint import formats
if hasattr(formats, "index"):
    formats.index()
index_ms = (time.process_time() - t) * 1000
exts = ["py", "md", "txt", "json", "java", "xml", "properties", "rst"]
paths = [f"src/pkg{i % 50}/module_{i}.{exts[i % 8]}" for i in range(int(sys.argv[2]))]
paths += ["app/src/main/res/values-fr/strings.xml", "i18n/messages_fr.properties"]
best = 9.0
for _ in range(int(sys.argv[3])):
    t = time.process_time()
    for p in paths:
        formats.format_for(p)
    best = min(best, time.process_time() - t)
print(f"{best * 1e6 / len(paths):.2f} {index_ms:.1f}")
"""


def in_process(tree: Path, n: int, repeat: int) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", _IN_PROCESS, str(tree), str(n), str(repeat)],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def one_file_cpu(tree: Path, path: Path) -> float:
    """CPU seconds (user + system) of `copylint check` on one small file, in a fresh process."""
    code = ("import resource, subprocess, sys\n"
            "subprocess.run([sys.executable, '-m', 'lint', 'check', '--isolated', '--no-cache', '--exit-zero',"
            " sys.argv[1]], stdout=subprocess.DEVNULL, env={'PYTHONPATH': sys.argv[2]})\n"
            "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(r.ru_utime + r.ru_stime)\n")
    out = subprocess.run([sys.executable, "-c", code, str(path), str(tree)], capture_output=True, text=True,
                         check=True).stdout
    return float(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--paths", type=int, default=20000)
    ap.add_argument("--reference", type=Path, default=None)
    args = ap.parse_args()
    trees = [("this", ROOT)] + ([("reference", args.reference)] if args.reference else [])
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "a.txt"
        small.write_text("Hello  world.\n", encoding="utf-8")
        best: dict[str, list[float]] = {name: [9.0, 9.0, 9.0] for name, _ in trees}
        for _ in range(args.repeat):
            for name, tree in trees:  # alternated, so that both see the same load
                per_path, index_ms = in_process(tree, args.paths, 3)
                cpu = one_file_cpu(tree, small)
                b = best[name]
                best[name] = [min(b[0], per_path), min(b[1], index_ms), min(b[2], cpu)]
    print(f"{'tree':<10} {'format_for us/path':>18} {'import+index ms':>16} {'one-file check CPU s':>21}")
    for name, (per_path, index_ms, cpu) in best.items():
        print(f"{name:<10} {per_path:>18.2f} {index_ms:>16.1f} {cpu:>21.2f}")


if __name__ == "__main__":
    main()

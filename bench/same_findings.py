"""Check that a speed change changed no result: dump the JSON findings (and the --diff of the fixes) on
../shared/corpus, ../shared/corpora, ../shared/seed and the PEPs read as plain text, then compare a
dump with a reference dump.

    python bench/same_findings.py dump /tmp/before            # before the change
    python bench/same_findings.py dump /tmp/after [-- --jobs 2]  # after it (extra CLI arguments after --)
    python bench/same_findings.py diff /tmp/before /tmp/after  # exit 1 and name the first difference

The PEPs as plain text go through the CLI from a temporary copy with `.txt` names (paths in the dump
are made relative so that both runs compare).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import CORPUS, ROOT, SHARED, peps_as_text

TREES = {
    "corpus": CORPUS,
    "corpora": SHARED / "corpora",
    "seed": SHARED / "seed",
}
# The fixes' diff is compared where a fix loop is affordable on a loaded machine.
DIFF_TREES = ("seed", "rust-book")


def _cli(args: list[str], cwd: Path | None = None) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "--exit-zero", *args],
        capture_output=True, text=True, cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if proc.returncode not in (0, 1, 2):
        sys.exit(f"copylint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc.stdout


def _normal(json_text: str, base: str) -> str:
    data = json.loads(json_text)
    for f in data.get("findings", []):
        f["path"] = os.path.relpath(f["path"], base) if os.path.isabs(f["path"]) else f["path"]
    return json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False)


def dump(out: Path, extra: list[str]) -> None:
    missing = [str(tree) for tree in TREES.values() if not tree.is_dir()]
    if missing:
        # A checkout whose ../shared is elsewhere would dump "0 findings" everywhere, and every diff
        # against it would pass: say so instead (a worktree needs a `shared` link beside it).
        sys.exit(f"no such folder: {', '.join(missing)} (../shared beside this checkout, or COPYLINT_SHARED)")
    out.mkdir(parents=True, exist_ok=True)
    for name, tree in TREES.items():
        text = _cli(["--format", "json", *extra, str(tree)])
        (out / f"{name}.json").write_text(_normal(text, str(tree)), encoding="utf-8")
        print(f"{name}: {len(json.loads(text)['findings'])} findings")
    with tempfile.TemporaryDirectory() as tmp:
        peps_as_text(Path(tmp))
        text = _cli(["--format", "json", *extra, "."], cwd=Path(tmp))
        (out / "peps-txt.json").write_text(_normal(text, tmp), encoding="utf-8")
        print(f"peps as text: {len(json.loads(text)['findings'])} findings")
    for name in DIFF_TREES:
        tree = TREES.get(name) or CORPUS / name
        text = _cli(["--diff", *extra, str(tree)]).replace(str(tree), name)  # paths as from another checkout
        (out / f"{name}.diff").write_text(text, encoding="utf-8")


def diff(a: Path, b: Path) -> int:
    bad = 0
    for left in sorted(a.iterdir()):
        right = b / left.name
        if not right.exists():
            print(f"{left.name}: missing in {b}")
            bad += 1
            continue
        x, y = left.read_text(encoding="utf-8"), right.read_text(encoding="utf-8")
        if x != y:
            bad += 1
            xl, yl = x.splitlines(), y.splitlines()
            first = next((i for i, (p, q) in enumerate(zip(xl, yl, strict=False)) if p != q), min(len(xl), len(yl)))
            print(f"{left.name}: differs at line {first + 1}:\n  - {xl[first:first + 1]}\n  + {yl[first:first + 1]}")
        else:
            print(f"{left.name}: same")
    return 1 if bad else 0


def main() -> None:
    argv = sys.argv[1:]
    extra: list[str] = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["dump", "diff"])
    ap.add_argument("dirs", nargs="+", type=Path)
    args = ap.parse_args(argv)
    if args.action == "dump":
        dump(args.dirs[0], extra)
    else:
        sys.exit(diff(args.dirs[0], args.dirs[1]))


if __name__ == "__main__":
    main()

"""Fix invariants at scale: `--fix` and `--fix --unsafe-fixes` over generated documents of every format (and,
with --real, every file of ../shared), checking each format's structure with its own parser, that every
pass applies only reported edits, and that a second run changes nothing (tests/structure.py).

    python bench/invariants.py                    # 10,000 generated documents per format
    python bench/invariants.py --per-format 500 --formats markdown,html
    python bench/invariants.py --real             # the real files of ../shared/corpus and ../shared/corpora ($COPYLINT_SHARED)

Prints, per format: documents, documents a fix changed, fixes applied, invariant checks run, failures (the
first few shown with the document that broke). Exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.structure import JSON_AS_CATALOGUE, Tally, check_fixes, real_files, rst_is_valid  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from corpus import SHARED  # noqa: E402


def generated(fmt: str, count: int, seed: int) -> tuple[str, Tally, float]:
    """Draw ``count`` documents of a format from its strategy (tests/documents.py) and check each."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed

    from lint.engine import Linter
    from tests.documents import DOCUMENTS

    path, documents = DOCUMENTS[fmt]
    linter = Linter()
    tally = Tally()
    start = time.process_time()

    @hypothesis_seed(seed)
    @settings(max_examples=count, deadline=None, database=None, phases=["generate"],
              suppress_health_check=list(HealthCheck))
    @given(text=documents)
    def run(text: str) -> None:
        if fmt == "rst" and not rst_is_valid(text):
            tally.malformed += 1
            return
        result = check_fixes(path, text, JSON_AS_CATALOGUE, linter)
        if result.failures:
            result.failures = [f"{failure}\n      document: {text!r}" for failure in result.failures]
        tally.add(result)

    run()
    return fmt, tally, time.process_time() - start


def real(root: Path) -> tuple[str, Tally, float]:
    from lint.engine import Linter

    linter = Linter()
    tally = Tally()
    start = time.process_time()
    for path, text in real_files(root):
        tally.add(check_fixes(path, text, JSON_AS_CATALOGUE, linter))
    return str(root.relative_to(SHARED.parent)), tally, time.process_time() - start


def main() -> int:
    from tests.documents import DOCUMENTS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-format", type=int, default=10_000)
    parser.add_argument("--formats", default=",".join(sorted(DOCUMENTS)))
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--real", action="store_true", help="the real files of ../shared instead")
    args = parser.parse_args()
    with ProcessPoolExecutor(args.jobs) as pool:
        if args.real:
            roots = [p for base in ("corpus", "corpora") for p in sorted((SHARED / base).iterdir()) if p.is_dir()]
            futures = [pool.submit(real, r) for r in roots]
        else:
            futures = [pool.submit(generated, f, args.per_format, args.seed) for f in args.formats.split(",")]
        total = Tally()
        print(f"{'source':<28} {'docs':>7} {'malformed':>9} {'changed':>8} {'fixes':>8} {'checks':>8} {'failures':>8} {'cpu s':>7}")
        for future in futures:
            name, tally, cpu = future.result()
            total.add(tally)
            print(f"{name:<28} {tally.files + tally.malformed:>7} {tally.malformed:>9} {tally.changed:>8} {tally.fixes:>8} {tally.checks:>8} "
                  f"{len(tally.failures):>8} {cpu:>7.1f}", flush=True)
            for failure in tally.failures[:3]:
                print("   ", failure[:600])
    print(f"{'all':<28} {total.files + total.malformed:>7} {total.malformed:>9} {total.changed:>8} {total.fixes:>8} "
          f"{total.checks:>8} {len(total.failures):>8}")
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Where the CPU of a check goes, stage by stage and rule by rule: the default rules over an input of
``paired.py``'s (the PEPs read as plain text, ../shared/corpus, the Rust book), in this process, each file
read beforehand.

    python bench/rule_costs.py [--inputs peps-text,corpus] [--repeat 3] [--top 25]

Each file is parsed and checked as ``bench/speed.py``'s in-process runs do (``Linter.findings``); the
readers (``lint.formats.parse``), the language step (``lint.language.resolve``), the checker
(``Checker.check``) and each rule's own methods (``check_document``, ``check_segment``, ``check_findings``,
``segments_to_read``) are timed. What the checker spends outside the rules is its trigger scans (the
segments each triggered rule reads); the rest of a run is the engine's (filters, the guard on fixes).
The timers add their own cost (a call each), so the stages are shown against the run's CPU with them,
and the untimed run's CPU beside it (the best of ``--repeat`` runs). Each run is a fork of a process that
has imported the rules and checked one small file, so that no run finds what an earlier one kept by text
(languages identified, sentences split), as a CLI run over the files finds nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus import CORPUS, corpus_files

ROOT = Path(__file__).resolve().parent.parent


def _sources(name: str) -> list[Any]:
    from lint.model import Source

    files = {"peps-text": CORPUS / "peps", "corpus": CORPUS, "rust-book": CORPUS / "rust-book"}[name]
    # The PEPs as plain text: their paths given a .txt suffix, as a config mapping *.rst to text reads them.
    return [Source(str(p.with_suffix(".txt")) if name == "peps-text" else str(p), p.read_text(encoding="utf-8"))
            for p in corpus_files(files)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inputs", default="peps-text,corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--top", type=int, default=25, help="rules shown, costliest first")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    import lint.check
    import lint.formats
    import lint.language
    from lint.config import Config
    from lint.engine import Linter, Selection
    from lint.model import Source

    spent: dict[str, float] = defaultdict(float)

    def timed(owner: object, name: str, key: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        def wrapper(*a: Any, **kw: Any) -> Any:
            start = time.process_time()
            try:
                result = original(*a, **kw)
                # A rule's check_* is a generator (its work is done while it is consumed), and so may be
                # the segments it asks to read.
                if name.startswith("check_") or (name == "segments_to_read" and result is not None):
                    result = list(result)
                return result
            finally:
                spent[key] += time.process_time() - start
        setattr(owner, name, wrapper)

    linter, config = Linter(Selection()), Config()
    linter.findings(Source("warm-up.txt", "A warm-up paragraph.\n"), config)

    def run(sources: list[Any]) -> float:
        start = time.process_time()
        for src in sources:
            linter.findings(src, config)
        return time.process_time() - start

    inputs = {name: _sources(name) for name in args.inputs.split(",")}
    untimed = {name: min(_forked(lambda s=sources: {"cpu": run(s)})["cpu"] for _ in range(args.repeat))
               for name, sources in inputs.items()}

    # The timers, set once: each rule's methods on the instances a checker is made with.
    made = lint.check.Checker.__init__

    def checker_init(self: Any, rules: Any, idle: Any = ()) -> None:
        for rule in rules:
            if getattr(rule, "_bench_timed", False):
                continue
            rule._bench_timed = True
            for name in ("check_document", "check_segment", "check_findings", "segments_to_read"):
                if any(name in k.__dict__ for k in type(rule).__mro__ if k is not lint.check.Rule and k is not object):
                    timed(rule, name, f"rule {rule.code}")
        made(self, rules, idle)

    # (Checker's own test for a rule that names the segments it reads compares the class's method with
    # Rule's: the timers are set on the instances, which leaves the classes as they are.)
    lint.check.Checker.__init__ = checker_init  # type: ignore[method-assign]
    timed(lint.formats, "parse", "reading")
    timed(lint.language, "resolve", "language")
    timed(lint.check.Checker, "check", "checker")

    def timed_run(sources: list[Any]) -> dict[str, float]:
        # (A new linter: its checkers, made after the timers were set, time their rules.)
        nonlocal linter
        linter = Linter(Selection())
        linter.findings(Source("warm-up.txt", "A warm-up paragraph.\n"), config)
        spent.clear()
        return {"whole": run(sources), **spent}

    for name, sources in inputs.items():
        size = sum(len(s.text.encode("utf-8")) for s in sources) / 1e6
        spent = defaultdict(float, _forked(lambda s=sources: timed_run(s)))
        whole = spent.pop("whole")
        rules = {k[5:]: v for k, v in spent.items() if k.startswith("rule ")}
        in_rules = sum(rules.values())
        print(f"{name}: {len(sources)} files, {size:.2f} MB; in process, untimed: best of {args.repeat} "
              f"{untimed[name]:.2f} s CPU ({size / untimed[name]:.2f} MB/s); timed run {whole:.2f} s")
        stages = {"reading": spent["reading"], "language": spent["language"],
                  "trigger scans (checker less the rules)": spent["checker"] - in_rules, "rules": in_rules,
                  "engine (the rest)": whole - spent["reading"] - spent["language"] - spent["checker"]}
        for stage, cpu in stages.items():
            print(f"  {stage:40} {cpu:6.3f} s  {100 * cpu / whole:5.1f} %")
        for code, cpu in sorted(rules.items(), key=lambda kv: -kv[1])[:args.top]:
            print(f"    {code:8} {cpu:6.3f} s  {100 * cpu / whole:5.1f} %")


def _forked(work: Callable[[], dict[str, float]]) -> dict[str, float]:
    """``work()`` in a forked child, its result sent back as JSON."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        with os.fdopen(write, "w") as out:
            json.dump(work(), out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as got:
        result: dict[str, float] = json.load(got)
    os.waitpid(pid, 0)
    return result


if __name__ == "__main__":
    main()

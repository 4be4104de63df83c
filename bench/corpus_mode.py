"""Corpus mode on a JSONL built from ../shared/corpora (bench/corpus_jsonl.py): MB/s with --jobs N (default
2) and the peak memory (largest process) for the input once and --copies times (default 10): it must stay
flat as the input grows.

    python bench/corpus_mode.py [--jobs 2] [--copies 10] [--select W,E,S,T,P] [--shard-size 100] [--repeat N]
    python bench/corpus_mode.py --breakdown [--copies 10] [--select W,E,S,T,P]
    python bench/corpus_mode.py --instructions [--copies N] [--base BASE_VENV] [--against-check]

CPU seconds are the children's user + system time; on a shared machine they are the steadier figure.
Bytecode and kept patterns are written and read as a user's install does (PYTHONDONTWRITEBYTECODE is
dropped for the children: with it, every run compiles every module and pattern afresh).

``--instructions`` counts the instructions of one ``--jobs 1`` run on the input ``--copies`` times with
valgrind (cachegrind, no cache simulation), a figure load does not move: of this tree's install, and with
``--base`` of another tree's virtual environment too (its console script, run from a neutral folder, so
that it loads its own tree), after one untimed run of each (bytecode and patterns written).

``--against-check`` (with ``--instructions``) also counts ``copylint check --no-cache --jobs 1`` with the
same ``--select`` on the same texts written as files, one per record: what corpus mode adds to a check of
its texts (reading and writing JSONL, the decision, S112's pre-pass over the records), apart from what
the texts and the selection cost.

``--breakdown`` says where a worker's CPU goes instead: it lints the records of the input ``--copies``
times in this process, as a worker does (``lint.corpus.lint_shard``, after the parent's steps before a
fork, each timed), and prints the CPU of each stage (parsing, language, the check loop itself, each rule,
filtering, the record's own output), the first copy (a worker's warm-up: patterns compiled on first use,
caches empty) against the others, and the MB/s of one core in the steady state, which is what bounds
``--jobs N`` at N cores. The copies are the same texts, so the steady state flatters distinct records:
the first copy's MB/s is the other bound.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import ROOT

# The environment of the runs: bytecode and kept patterns written and read, as a user's install does.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _command(inp: Path, out: Path, jobs: int, select: str, shard_size: int,
             venv: Path | None = None) -> list[str]:
    head = [str(venv / "bin" / "copylint")] if venv is not None else [sys.executable, "-m", "lint"]
    return [*head, "corpus", str(inp), str(out), "--id-field", "id", "--jobs", str(jobs), "--select", select,
            "--shard-size", str(shard_size)]


def instructions(inp: Path, out: Path, select: str, shard_size: int, venv: Path | None = None) -> int:
    """Instructions of one ``--jobs 1`` run (valgrind), after an untimed one."""
    shutil.rmtree(out, ignore_errors=True)
    return _counted(_command(inp, out, 1, select, shard_size, venv), venv, lambda: shutil.rmtree(out, ignore_errors=True))


def check_instructions(inp: Path, folder: Path, select: str) -> int:
    """Instructions of ``copylint check --no-cache --jobs 1`` with the same selection on the input's texts
    written as files (``folder``, one file per record, as corpus mode lints it: ``record.txt``'s format),
    after an untimed run."""
    folder.mkdir()
    with inp.open(encoding="utf-8", errors="surrogateescape") as handle:
        for n, line in enumerate(handle):
            text = json.loads(line)["text"]
            (folder / f"r{n:06d}.txt").write_text(text, encoding="utf-8", errors="surrogateescape", newline="")
    command = [sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "1", "--exit-zero", "--quiet",
               "--isolated", "--select", select, str(folder)]
    return _counted(command, None, lambda: None)


def _counted(command: list[str], venv: Path | None, between: Callable[[], None]) -> int:
    """Valgrind's instruction count of ``command``, after one untimed run (bytecode and patterns written),
    ``between`` the two (a console script of ``venv`` run from a neutral folder; else this tree's)."""
    cwd = tempfile.gettempdir() if venv is not None else None
    env = ENV if venv is not None else {**ENV, "PYTHONPATH": str(ROOT)}
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, cwd=cwd)
    between()
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           *command], check=True, capture_output=True, text=True, env=env, cwd=cwd)
    line = next(s for s in done.stderr.splitlines() if "I" in s and "refs:" in s)
    return int(line.rsplit(":", 1)[1].replace(",", "").strip())


def run(inp: Path, out: Path, jobs: int, select: str, shard_size: int) -> tuple[float, float, float]:
    stats = Path(tempfile.mktemp(prefix="copylint-time-"))
    cmd = ["/usr/bin/time", "-f", "%M", "-o", str(stats), *_command(inp, out, jobs, select, shard_size)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**ENV, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = int(stats.read_text().split()[-1]) / 1024
    stats.unlink()
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), peak


def breakdown(inp: Path, copies: int, select: str) -> None:
    """Per-stage and per-rule CPU of linting the input's records in this process (see the module's doc)."""
    from collections import defaultdict

    sys.path.insert(0, str(ROOT))
    import lint.check
    import lint.engine
    import lint.formats
    import lint.language
    from lint import corpus
    from lint.parallel import prepared_for_fork

    # What the parent does before it forks the workers, each step timed: the rules imported, S112's
    # pre-pass (the records' line hashes, kept for the check: ``corpus.tree_settings``) and the rules
    # prepared (T109's word list). The workers inherit all of it.
    start = time.process_time()
    settings = corpus.Settings(select=tuple(select.split(",")), id_field="id")
    checker = corpus._linter(settings).checker(corpus._config())
    imported = time.process_time()
    settings = corpus.tree_settings(inp, settings)
    hashed = time.process_time()
    prepared_for_fork(checker)
    prepared = time.process_time()
    print(f"before the fork: rules imported {imported - start:.2f} s, S112 pre-pass {hashed - imported:.2f} s "
          f"(on the workers with --jobs N > 1), rules prepared {prepared - hashed:.2f} s")
    lines = inp.read_bytes().split(b"\n")[:-1]
    per_copy = len(lines) // copies

    def lint_copy(c: int) -> float:
        start = time.process_time()
        # As a worker does: each record decoded, then the piece linted, written and tallied (``lint_shard``).
        records = [(n, json.loads(line), None) for n, line in enumerate(lines[c * per_copy:(c + 1) * per_copy],
                                                                         c * per_copy)]
        corpus.lint_shard((c, records), settings)
        return time.process_time() - start

    passes = [lint_copy(c) for c in range(copies)]
    total = sum(passes)
    mb = inp.stat().st_size / 1e6
    print(f"{mb:.1f} MB, {len(lines)} records: {total:.2f} s CPU ({mb / total:.2f} MB/s on one core)")
    if copies > 1:
        steady = sum(passes[1:]) / (copies - 1)
        # The copies are the same texts: the caches a worker keeps by text (language, sentences) and by word
        # (word frequencies) answer them all after the first, so the steady state flatters a corpus of
        # distinct records, which costs between the two.
        print(f"first copy {passes[0]:.2f} s, each other copy {steady:.2f} s: warm-up {passes[0] - steady:.2f} s, "
              f"steady state {mb / copies / steady:.2f} MB/s on one core (first copy: "
              f"{mb / copies / passes[0]:.2f} MB/s)")

    # Where a copy's CPU goes, in the steady state: one more copy with a timer around each stage and rule
    # (the timers add their own cost, shown as the copy's time against the untimed ones').
    spent: dict[str, float] = defaultdict(float)

    def timed(owner: object, name: str, key: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                result = original(*args, **kwargs)
                # A rule's check_* is a generator: its work is done while it is consumed.
                return list(result) if key.startswith("rule ") else result
            finally:
                spent[key] += time.process_time() - start
        setattr(owner, name, wrapper)

    timed(lint.formats, "parse", "parse")
    timed(lint.language, "resolve", "language")
    timed(lint.check.Checker, "check", "check")
    timed(lint.engine.Linter, "filter", "filter")
    timed(lint.engine, "_guarded", "guard")
    for rule in checker.rules:
        for name in ("check_document", "check_segment", "check_findings"):
            if name in type(rule).__dict__:
                timed(rule, name, f"rule {rule.code}")
    settings = corpus.tree_settings(inp, settings)  # the pre-pass's lines again (each is taken once)
    whole = lint_copy(copies - 1)
    rules = {k: v for k, v in spent.items() if k.startswith("rule ")}
    in_rules = sum(rules.values())
    print(f"one copy again, timed: {whole:.2f} s")
    stages = {"parse": spent["parse"], "language": spent["language"],
              "check loop (less the rules)": spent["check"] - in_rules, "rules": in_rules,
              "filter and guard": spent["filter"] + spent["guard"],
              "record (JSON, engine, decision)": whole - sum(spent[k] for k in ("parse", "language", "check",
                                                                                  "filter", "guard"))}
    for name, cpu in stages.items():
        print(f"  {name:32} {cpu:6.3f} s  {100 * cpu / whole:4.1f} %")
    for key, cpu in sorted(rules.items(), key=lambda kv: -kv[1]):
        if cpu >= 0.01 * in_rules:
            print(f"    {key[5:]:30} {cpu:6.3f} s  {100 * cpu / whole:4.1f} %")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--copies", type=int, help="the input's copies (default 10; 1 with --instructions)")
    ap.add_argument("--select", default="W,E,S,T,P")
    # Shards small enough that the input once already keeps every worker busy with several: memory is
    # compared in the steady state (bounded caches full), not against a run that never reached it.
    ap.add_argument("--shard-size", type=int, default=100)
    ap.add_argument("--breakdown", action="store_true", help="where one worker's CPU goes, in this process")
    # On a shared machine one run's wall time says more about the neighbours than about copylint: the
    # best of a few runs (each figure's best on its own; the peak is the largest).
    ap.add_argument("--repeat", type=int, default=1, help="runs per input size; the best figures are shown")
    ap.add_argument("--instructions", action="store_true", help="valgrind's count of one --jobs 1 run")
    ap.add_argument("--base", type=Path, help="with --instructions: another tree's virtual environment too")
    ap.add_argument("--against-check", action="store_true",
                    help="with --instructions: `check` of the same texts as files too")
    args = ap.parse_args()
    args.copies = args.copies or (1 if args.instructions else 10)
    tmp = Path(tempfile.mkdtemp(prefix="copylint-corpus-bench-"))
    try:
        if args.breakdown:
            inp = tmp / f"corpora-x{args.copies}.jsonl"
            subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_jsonl.py"), str(inp), "--copies",
                            str(args.copies)], check=True, stdout=subprocess.DEVNULL)
            breakdown(inp, args.copies, args.select)
            return
        if args.instructions:
            inp = tmp / f"corpora-x{args.copies}.jsonl"
            subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_jsonl.py"), str(inp), "--copies",
                            str(args.copies)], check=True, stdout=subprocess.DEVNULL)
            mb = inp.stat().st_size / 1e6
            this = instructions(inp, tmp / "out", args.select, args.shard_size)
            line = f"x{args.copies}: {mb:.1f} MB, --jobs 1: instructions this {this / 1e6:,.0f}M"
            if args.base is not None:
                base = instructions(inp, tmp / "out", args.select, args.shard_size, args.base)
                line += f", base {base / 1e6:,.0f}M ({this / base:.3f}x)"
            if args.against_check:
                check = check_instructions(inp, tmp / "texts", args.select)
                line += f"; check of the texts as files {check / 1e6:,.0f}M (corpus/check {this / check:.3f}x)"
            print(line)
            return
        for copies in (1, args.copies):
            inp = tmp / f"corpora-x{copies}.jsonl"
            subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_jsonl.py"), str(inp), "--copies", str(copies)],
                           check=True, stdout=subprocess.DEVNULL)
            mb = inp.stat().st_size / 1e6
            runs = []
            for _ in range(max(1, args.repeat)):
                out = tmp / f"out-{copies}"
                shutil.rmtree(out, ignore_errors=True)
                runs.append(run(inp, out, args.jobs, args.select, args.shard_size))
            wall, cpu, peak = min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)
            best = f"best of {len(runs)}: " if len(runs) > 1 else ""
            print(f"x{copies}: {mb:.1f} MB, --jobs {args.jobs}: {best}{wall:.1f} s wall ({mb / wall:.2f} MB/s), "
                  f"{cpu:.1f} s CPU ({mb / cpu:.2f} MB/s per core), peak {peak:.0f} MiB", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

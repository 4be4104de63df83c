"""Issue 18's regex audit: every compiled pattern the package holds, timed on hostile input of growing size,
and the ones whose time grows faster than the input (catastrophic or quadratic backtracking).

    python bench/pattern_audit.py [--only SUBSTRING] [--all] [--limit SECONDS] [--json FILE]

It imports every module under lint/ (rules/ is lint.rules) and collects the patterns they hold: module
attributes and class attributes that are compiled patterns (``re`` or ``regex``), patterns made on first use
(``lint.patterns.compiled_on_use``, read without compiling them), patterns inside a module's or a class's
dicts, lists and tuples, and each rule's ``trigger`` (the engine runs it over the whole document). Patterns
with the same source and flags are timed once, under all their names.

Each pattern is timed in a worker process (a runaway search holds the interpreter in C, where no signal
reaches it: the worker is killed when one read takes over ``--limit`` seconds, and the pattern reported as
over the limit, with the input it was reading). The
inputs are made from the pattern's own parse: runs of each character it names (its literals, the ends of its
ranges, one member of each class such as `\\w`, `\\s`, `\\d`, and a character outside a negated class), runs
of each pair of them, each literal string repeated, each literal repeated after the literals that lead to it
(`<!DOCTYPE` `[` then `<!--` many times), a literal then a run of one character, and brackets nested deep.
Each input is searched to its end (``finditer``, as ``search`` and ``finditer`` read it) at 1,000 and 2,000
characters; the inputs whose time more than doubles are read again at doubling sizes until one read takes
half a second. The report is the ratio per doubling over the last two doublings (2: linear; 4: quadratic), the input, the
largest size read and its time, and the same ratio for a match anchored at the start (``match``, which is
what a caller that only matches from one place pays: a pattern that is super-linear only when searched is
not a runaway for such a caller). Listed: the patterns over the limit and those whose ratio is 3 or more up
to a read of half a second (``--all``: every pattern).

It is a benchmark, run by hand (the times are wall-clock on whatever machine it runs), not a test: a
pattern it lists is a lead to follow to the code that calls it, which may never feed it such input.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import pkgutil
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCREEN = 1000  # characters of the first read; the second doubles it
FLOOR_S = 0.0005  # a read this fast at 2,000 characters says nothing about growth
CONFIRM_S = 0.5  # the confirming reads double until one takes this long
LARGEST = 1 << 17  # ... or the input reaches this many characters
SUPER = 3.0  # a ratio per doubling at or above it is reported as faster than linear
CANDIDATES = 4  # the inputs with the steepest first ratios that are read again

# What a pattern's classes stand for: a member of each category, for runs of it.
_CATEGORY_MEMBERS = {
    "CATEGORY_DIGIT": "1", "CATEGORY_NOT_DIGIT": "a", "CATEGORY_SPACE": " ", "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_WORD": "a", "CATEGORY_NOT_WORD": ".", "CATEGORY_LINEBREAK": "\n", "CATEGORY_NOT_LINEBREAK": "a",
    "CATEGORY_LOC_WORD": "a", "CATEGORY_LOC_NOT_WORD": ".", "CATEGORY_UNI_DIGIT": "1",
    "CATEGORY_UNI_NOT_DIGIT": "a", "CATEGORY_UNI_SPACE": " ", "CATEGORY_UNI_NOT_SPACE": "a",
    "CATEGORY_UNI_WORD": "a", "CATEGORY_UNI_NOT_WORD": ".", "CATEGORY_UNI_LINEBREAK": "\n",
    "CATEGORY_UNI_NOT_LINEBREAK": "a",
}
# Always among the characters: a letter, a non-ASCII letter, a digit, blanks, a full stop, an underscore.
_USUAL = "aé1 \n._"
_MOST_CHARS = 16  # characters whose pairs are tried (the pattern's own first)
_MOST_LITERALS = 12
_BRACKETS = ["()", "[]", "{}", "<>", "``", '""', "''", "**"]


# ---- collecting the patterns (the parent process) ----

def _modules() -> Iterator[tuple[str, Any]]:
    import lint.rules  # rules/, installed as lint.rules: a folder of its own, which lint's walk does not reach

    seen: set[str] = set()
    infos = [*pkgutil.walk_packages(lint.__path__, "lint."), *pkgutil.walk_packages(lint.rules.__path__, "lint.rules.")]
    for info in infos:
        if info.name in seen or info.name.endswith("__main__"):  # (__main__ runs the command line)
            continue
        seen.add(info.name)
        try:
            yield info.name, importlib.import_module(info.name)
        except Exception as exc:  # an optional dependency missing: say so, go on
            print(f"# not imported: {info.name}: {type(exc).__name__}: {exc}", file=sys.stderr)


def _pattern_of(value: Any) -> tuple[str, int, str] | None:
    """(source, flags, engine) of a compiled pattern or one made on first use; None for anything else."""
    if isinstance(value, re.Pattern):
        return (value.pattern, value.flags, "re") if isinstance(value.pattern, str) else None
    source = getattr(type(value), "__name__", "") == "_OnUse" and value.__dict__.get("_source")
    if source:
        return source[0], int(source[1]), "re"
    if type(value).__name__ == "Pattern" and type(value).__module__.startswith("regex"):
        return (value.pattern, value.flags, "regex") if isinstance(value.pattern, str) else None
    return None


def _patterns_in(owner: str, namespace: dict[str, Any]) -> Iterator[tuple[str, tuple[str, int, str]]]:
    for name, value in list(namespace.items()):
        found = _pattern_of(value)
        if found is not None:
            yield f"{owner}.{name}", found
        elif isinstance(value, dict):
            for key, item in list(value.items())[:200]:
                if (found := _pattern_of(item)) is not None:
                    yield f"{owner}.{name}[{key!r}]", found
        elif isinstance(value, (list, tuple, frozenset, set)):
            for n, item in enumerate(list(value)[:200]):
                if (found := _pattern_of(item)) is not None:
                    yield f"{owner}.{name}[{n}]", found


def collect() -> dict[tuple[str, int, str], list[str]]:
    """Every distinct pattern, with the names that hold it."""
    found: dict[tuple[str, int, str], list[str]] = {}
    for module_name, module in _modules():
        short = module_name.removeprefix("lint.")
        namespace = vars(module)
        for name, key in _patterns_in(short, namespace):
            found.setdefault(key, []).append(name)
        for cls_name, cls in list(namespace.items()):
            if not isinstance(cls, type) or cls.__module__ != module_name:
                continue
            for name, key in _patterns_in(f"{short}.{cls_name}", dict(vars(cls))):
                found.setdefault(key, []).append(name)
            trigger = vars(cls).get("trigger")
            if isinstance(trigger, str) and trigger:
                flags = int(getattr(cls, "trigger_flags", 0) or 0)
                found.setdefault((trigger, flags, "re"), []).append(f"{short}.{cls_name}.trigger")
    return found


# ---- the hostile inputs (the worker) ----

def _parse(source: str, flags: int) -> Any:
    try:
        parser = importlib.import_module("re._parser")
    except ImportError:  # 3.10
        parser = importlib.import_module("sre_parse")
    return parser.parse(source, flags & ~re.DEBUG)


class _Pieces:
    """The characters and literal strings of a pattern, each literal with the literals that lead to it."""

    def __init__(self) -> None:
        self.chars: dict[str, None] = {}
        self.literals: dict[tuple[str, str], None] = {}  # (what leads to it, the literal)

    def walk(self, items: Any, lead: str) -> None:
        run: list[str] = []
        for op, av in items:
            name = str(op)
            if name == "LITERAL":
                run.append(chr(av))
                self.chars[chr(av)] = None
                continue
            if run:
                self._literal(lead, "".join(run))
                lead += "".join(run)
                run = []
            self._item(name, av, lead)
        if run:
            self._literal(lead, "".join(run))

    def _literal(self, lead: str, literal: str) -> None:
        self.literals[(lead[-40:], literal)] = None

    def _item(self, name: str, av: Any, lead: str) -> None:
        if name == "NOT_LITERAL":
            self.chars[chr(av)] = None
        elif name == "IN":
            self._class(av)
        elif name == "BRANCH":
            for sub in av[1]:
                self.walk(sub, lead)
        elif name == "SUBPATTERN":
            self.walk(av[-1], lead)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            self.walk(av[2], lead)
        elif name == "ATOMIC_GROUP":
            self.walk(av, lead)
        elif name in ("ASSERT", "ASSERT_NOT"):
            self.walk(av[1], lead)
        elif name == "GROUPREF_EXISTS":
            for sub in av[1:]:
                if sub is not None:
                    self.walk(sub, lead)

    def _class(self, members: Any) -> None:
        negated = False
        for op, av in members:
            name = str(op)
            if name == "NEGATE":
                negated = True
            elif name == "LITERAL":
                self.chars[chr(av)] = None
            elif name == "RANGE":
                self.chars[chr(av[0])] = None
                self.chars[chr(av[1])] = None
            elif name == "CATEGORY":
                self.chars[_CATEGORY_MEMBERS.get(str(av), "a")] = None
        if negated:
            self.chars["a"] = None  # (most negated classes leave letters in)


def pieces_of(source: str, flags: int) -> tuple[list[str], list[tuple[str, str]]]:
    pieces = _Pieces()
    try:
        pieces.walk(_parse(source, flags), "")
    except Exception:  # a `regex` pattern re cannot parse: its characters, read plainly
        for c in source:
            if not c.isspace() or c == " ":
                pieces.chars[c] = None
    chars = list(pieces.chars)[:_MOST_CHARS] + [c for c in _USUAL if c not in pieces.chars]
    literals = [item for item in pieces.literals if len(item[1]) > 1 or item[0]][:_MOST_LITERALS]
    return chars, literals


def inputs_of(source: str, flags: int) -> Iterator[tuple[str, Callable[[int], str]]]:
    """(what it is, the input of about n characters) for each hostile input of the pattern."""
    chars, literals = pieces_of(source, flags)

    def runs(unit: str, lead: str = "", tail: str = "") -> Callable[[int], str]:
        return lambda n: lead + unit * max(1, (n - len(lead) - len(tail)) // len(unit)) + tail

    for c in chars:
        yield f"run {c!r}", runs(c)
    for i, c in enumerate(chars):
        for d in chars[i + 1:]:
            yield f"run {c + d!r}", runs(c + d)
    for lead, literal in literals:
        yield f"run {literal!r}", runs(literal)
        if lead:
            yield f"{lead!r} then run {literal!r}", runs(literal, lead)
        for c in chars[:8]:
            yield f"{lead + literal!r} then run {c!r}", runs(c, lead + literal)
    for pair in _BRACKETS:
        if pair[0] in chars or pair[1] in chars:
            yield f"nested {pair}", lambda n, pair=pair: pair[0] * (n // 2) + pair[1] * (n // 2)
            yield f"nested {pair} with text", lambda n, pair=pair: (pair[0] + "a") * (n // 4) + (pair[1] + "a") * (n // 4)


# ---- timing (the worker) ----

def _read_all(pattern: Any, text: str) -> float:
    start = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - start


def _match_once(pattern: Any, text: str) -> float:
    start = time.perf_counter()
    pattern.match(text)
    return time.perf_counter() - start


def _best(read: Callable[[Any, str], float], pattern: Any, text: str) -> float:
    first = read(pattern, text)
    return first if first > 0.02 else min(first, read(pattern, text), read(pattern, text))


def _grow(pattern: Any, make: Callable[[int], str], read: Callable[[Any, str], float],
          say: Callable[[int], None]) -> tuple[float, int, float]:
    """Read at doubling sizes from 2,000 characters until one read takes CONFIRM_S: the ratio per doubling
    over the last two, the last size and its time."""
    n, times = 2 * SCREEN, [_best(read, pattern, make(2 * SCREEN))]
    while times[-1] < CONFIRM_S and n < LARGEST:
        n *= 2
        say(n)
        times.append(_best(read, pattern, make(n)))
    # Over the last two doublings (one alone is noisy where the input outgrows a cache).
    before = times[-3] if len(times) >= 3 else times[0]
    steps = min(2, len(times) - 1)
    ratio = (times[-1] / before) ** (1 / steps) if steps and before > 0 else 0.0
    return ratio, len(make(n)), times[-1]


def audit(source: str, flags: int, engine: str, say: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """The steepest growth found: ``screen`` (the largest first ratio, at 1,000 then 2,000 characters,
    among the reads slow enough to judge) and, where it was steep enough to read again, ``ratio`` (per
    doubling, at the largest size), ``size``, ``seconds``, and the anchored ``match``'s ratio and seconds."""
    module = importlib.import_module(engine)
    pattern = module.compile(source, flags)
    screened: list[tuple[float, str, Callable[[int], str]]] = []
    for label, make in inputs_of(source, flags):
        say({"trying": label})
        small, large = _best(_read_all, pattern, make(SCREEN)), _best(_read_all, pattern, make(2 * SCREEN))
        if large >= FLOOR_S:
            screened.append((large / small if small > 0 else 0.0, label, make))
    screened.sort(key=lambda item: -item[0])
    worst: dict[str, Any] = {"screen": screened[0][0] if screened else 0.0, "input": "", "ratio": 0.0}
    if screened:
        worst["input"] = screened[0][1]
    for first, label, make in screened[:CANDIDATES]:
        if first < SUPER * 0.9:
            break
        def at(n: int, label: str = label) -> None:
            say({"trying": f"{label} at {n}"})

        ratio, size, seconds = _grow(pattern, make, _read_all, at)
        if ratio > worst["ratio"]:
            anchored, _, anchored_s = _grow(pattern, make, _match_once, at)
            worst.update(ratio=ratio, input=label, size=size, seconds=seconds, anchored=anchored,
                         anchored_s=anchored_s)
    return worst


def worker() -> None:
    for line in sys.stdin:
        job = json.loads(line)

        def say(message: dict[str, Any]) -> None:
            print(json.dumps(message), flush=True)

        try:
            result = audit(job["source"], job["flags"], job["engine"], say)
        except Exception as exc:
            result = {"error": f"{type(exc).__name__}: {exc}"}
        say({"done": result})


# ---- running the workers (the parent) ----

class _Worker:
    """A worker process and a thread that hands its lines on (a pipe's buffered reader and ``select`` do not
    mix: a line already read into the buffer does not wake ``select``)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, __file__, "--worker"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put('{"done": {"error": "the worker ended"}}')

    def run(self, key: tuple[str, int, str], limit: float) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"source": key[0], "flags": key[1], "engine": key[2]}) + "\n")
        self.process.stdin.flush()
        trying = ""
        while True:  # the limit is on one read (the time between two messages), not on the pattern's audit
            try:
                message = json.loads(self.lines.get(timeout=limit))
            except queue.Empty:
                break
            if "done" in message:
                return dict(message["done"])
            trying = message["trying"]
        self.process.kill()
        self.process.wait()
        return {"over": True, "input": trying, "seconds": limit}

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="audit only the patterns one of whose names holds this")
    parser.add_argument("--all", action="store_true", help="list every pattern, not only the super-linear")
    parser.add_argument("--limit", type=float, default=10.0, help="seconds one read may take")
    parser.add_argument("--json", help="write every pattern's result to this file")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker()
    sys.path.insert(0, str(ROOT))
    patterns = {key: names for key, names in collect().items() if any(args.only in name for name in names)}
    print(f"{len(patterns)} distinct patterns", file=sys.stderr)
    results: list[dict[str, Any]] = []
    worker_ = _Worker()
    started = time.monotonic()
    for n, (key, names) in enumerate(sorted(patterns.items(), key=lambda item: sorted(item[1])[0])):
        result = worker_.run(key, args.limit)
        if result.get("over"):
            worker_ = _Worker()
        results.append({"names": sorted(names), "source": key[0], "flags": key[1], "engine": key[2], **result})
        if n % 50 == 49:
            print(f"# {n + 1} patterns, {time.monotonic() - started:.0f} s", file=sys.stderr)
    worker_.close()
    _report(results, args.all)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))


def _grown(r: dict[str, Any]) -> float:
    return math.inf if r.get("over") else float(r.get("ratio") or 0.0)


def _runaway(r: dict[str, Any]) -> bool:
    """Over the limit, or faster than linear up to a read of CONFIRM_S (a steep ratio where the reads stayed
    short up to the largest size is a loaded machine's noise, or growth too slow to matter)."""
    return bool(r.get("over")) or (_grown(r) >= SUPER and r.get("seconds", 0.0) >= CONFIRM_S)


def _report(results: list[dict[str, Any]], everything: bool) -> None:
    shown = [r for r in results if everything or _runaway(r) or "error" in r]
    shown.sort(key=lambda r: (-_grown(r), -(r.get("screen") or 0.0)))
    print("| pattern | ratio per doubling | input | size | s | anchored: ratio, s |\n|---|---|---|---|---|---|")
    for r in shown:
        names = ", ".join(r["names"])
        if "error" in r:
            print(f"| {names} | error: {r['error']} | | | | |")
        elif r.get("over"):
            print(f"| {names} | one read over {r['seconds']:.0f} s | {r['input']} | | | |")
        elif r.get("ratio"):
            anchored = f"{r['anchored']:.1f}, {r['anchored_s']:.3f}" if r["anchored_s"] >= FLOOR_S else "fast"
            print(f"| {names} | {r['ratio']:.1f} | {r['input']} | {r['size']} | {r['seconds']:.3f} | {anchored} |")
        else:
            print(f"| {names} | {r['screen']:.1f} (1,000 to 2,000 chars) | {r['input']} | | | |")
    print(f"\n{len(shown)} of {len(results)} patterns shown; ratio 2: linear, 4: quadratic (a pattern whose reads "
          f"stayed under {FLOOR_S * 1000:g} ms at 2,000 characters shows 0.0); anchored: the same input matched "
          "from its start only")


if __name__ == "__main__":
    main()

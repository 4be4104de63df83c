"""copylint on real translation catalogues: findings per 10k translated words, beside pofilter and
sphinx-lint, and an injected-breakage benchmark.

Each catalogue set is a folder of PO files (a Sphinx documentation translation, an application's
``po/``). Files are split into a development half and a test half by a hash of their path relative to
the folder (``half_of``), so rules tuned on one half are measured on the other. ``measure --glob`` takes
another format's catalogues instead (an Android app's `values-*/strings.xml`, `*_*.properties`), each
paired with its source catalogue as copylint pairs it (the source catalogue itself left out); its words are
those of the paired strings, and pofilter reads Android's through translate-toolkit's Android reader.

    python bench/catalogues.py measure ROOT [--half dev|test|all] [--select B,...] [--peers]
                                            [--sample 50] [--seed 1] [--glob 'values-*/strings.xml']
    python bench/catalogues.py inject ROOT [--half test] [--per-kind 200] [--seed 1[,2,...]] [--kinds K,...]
                                           [--fix-dir DIR]

``measure`` runs ``copylint check`` (default rules, JSON output) on the half's files and prints the
findings per rule and per 10k translated words (words of the msgstr of translated entries, fuzzy and
obsolete ones left out, as polib counts them). ``--peers`` runs pofilter (translate-toolkit, its
default checks) and sphinx-lint (its default checkers) on the same files, and says of each sphinx-lint
checker how many of its errors lie in an entry copylint reports too. ``--sample N`` prints N
findings drawn at random, each with its entry, for judging by hand.

``inject`` takes real translated entries from the half, whatever copylint reports on them (so the
sample does not move when the rules change), and breaks each in one of the ways translators do (see
``KINDS``). It writes each broken entry's catalogue to its own copy in a temporary folder (so a project
with few files gives as many cases as it has entries to break), and each source catalogue once,
unbroken, as a control; it runs copylint on them and prints, per kind and seed, the share of broken
entries with a finding (code and message) that the same entry lacks in the control (recall). Several
seeds (``--seed 1,2,3``) print the spread. With ``--fix-dir`` it also runs ``copylint check --fix`` on
a copy and checks that every fixed file still loads with polib and that its msgids are byte-identical
to the broken file's.

A benchmark, not a test: it needs the data (fetched outside the repo) and takes minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polib

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
COPYLINT = [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "--exit-zero", "--format", "json"]


def half_of(rel: str) -> str:
    """`dev` or `test`, by the first byte of the path's SHA-1: stable across machines and runs."""
    return "dev" if hashlib.sha1(rel.encode()).digest()[0] % 2 == 0 else "test"


def catalogue_files(root: Path, half: str, glob: str = "*.po") -> list[Path]:
    """The half's catalogues under ``root``: PO files, or those ``glob`` names (`values-*/strings.xml`,
    `*.properties`); of a monolingual format, only those paired with a source (the source catalogue left out)."""
    files = sorted(p for p in root.rglob(glob) if p.is_file())
    chosen = [p for p in files if half == "all" or half_of(str(p.relative_to(root))) == half]
    return chosen if glob == "*.po" else [p for p in chosen if translated_words(p)]


def _paired_segments(path: Path) -> list:
    """The segments of a catalogue of another format than PO that copylint pairs with a source (the
    translated strings), as its reader reads them."""
    from lint.formats import FORMATS, format_for
    from lint.model import Source

    fmt = format_for(str(path))
    if fmt is None:
        return []
    doc = FORMATS[fmt].read(Source(str(path), path.read_text(encoding="utf-8")))
    return [seg for seg in doc.segments if seg.source_text is not None and seg.text.strip()]


def translated_words(path: Path) -> int:
    if path.suffix != ".po":  # a monolingual catalogue (Android, .properties, i18n JSON): its paired strings' words
        return sum(len(_WORD.findall(seg.text)) for seg in _paired_segments(path))
    po = polib.pofile(str(path))
    total = 0
    for e in po.translated_entries():
        if e.obsolete:
            continue
        texts = [e.msgstr] if not e.msgid_plural else list(e.msgstr_plural.values())[:1]
        total += sum(len(_WORD.findall(t)) for t in texts)
    return total


def copylint_findings(files: list[Path], extra: list[str] | None = None) -> list[dict]:
    out: list[dict] = []
    for i in range(0, len(files), 200):
        proc = subprocess.run([*COPYLINT, *(extra or []), *map(str, files[i : i + 200])], capture_output=True,
                              text=True, check=False)
        data = json.loads(proc.stdout)
        if data.get("errors"):
            print("errors:", data["errors"][:5], file=sys.stderr)
        out.extend(data["findings"])
    return out


def _linked_tree(files: list[Path], root: Path, into: Path) -> None:
    for f in files:
        dest = into / f.relative_to(root)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.symlink_to(f.resolve())


def pofilter_counts(files: list[Path], root: Path) -> Counter[str]:
    """pofilter's failures by test (its default set), on the same files."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in")
        _linked_tree(files, root, src)
        return _pofilter_failures(src, Path(tmp, "out"))


def _pofilter_failures(src: Path, out: Path) -> Counter[str]:
    """pofilter's failures by test over the PO files under ``src`` (its output written under ``out``)."""
    counts: Counter[str] = Counter()
    subprocess.run(["pofilter", "--progress=none", "--errorlevel=none", "-i", str(src), "-o", str(out)],
                   capture_output=True, check=False)
    for f in out.rglob("*.po"):
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r"#\s*\(pofilter\)\s*([\w-]+):", line)
            if m:
                counts[m.group(1)] += 1
    return counts


# Android string resources as a bilingual PO for pofilter, read by translate-toolkit's own Android reader
# (android2po stops at a string whose decoding leaves a lone surrogate; such a string is left out here).
_ANDROID_TO_PO = """
import sys
from translate.storage import aresource, po
template, translated, out = sys.argv[1:4]
units = {u.getid(): u for u in aresource.AndroidResourceFile.parsefile(translated).units}
store = po.pofile()
for u in aresource.AndroidResourceFile.parsefile(template).units:
    t = units.get(u.getid())
    if t is None or not t.target:
        continue
    try:
        (str(u.source) + str(t.target)).encode("utf-8")
    except (UnicodeEncodeError, TypeError):
        continue
    unit = store.addsourceunit(str(u.source))
    unit.target = str(t.target)
    unit.setcontext(u.getid())
open(out, "wb").write(bytes(store))
"""


def pofilter_android_counts(files: list[Path]) -> Counter[str]:
    """pofilter's failures by test on Android string resources, which it does not read: each
    `values-xx/strings.xml` paired with `values/strings.xml` by translate-toolkit's Android reader (the
    Python beside `pofilter`), then checked as PO."""
    found = shutil.which("pofilter")
    if found is None:
        return Counter()
    python = str(Path(found).parent / "python")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in")
        src.mkdir()
        for f in files:
            template = f.parent.parent / "values" / f.name
            subprocess.run([python, "-c", _ANDROID_TO_PO, str(template), str(f), str(src / f"{f.parent.name}.po")],
                           capture_output=True, check=False)
        return _pofilter_failures(src, Path(tmp, "out"))


def sphinx_lint_errors(files: list[Path], root: Path) -> list[tuple[Path, int, str]]:
    """sphinx-lint's errors (its default checkers) on the same files: the file (under ``root``), the line
    and the checker of each."""
    errors: list[tuple[Path, int, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in")
        _linked_tree(files, root, src)
        proc = subprocess.run(["sphinx-lint", str(src)], capture_output=True, text=True, check=False)
        for line in proc.stdout.splitlines() + proc.stderr.splitlines():
            m = re.match(r"(?P<path>.+?):(?P<line>\d+): .*\((?P<checker>[\w-]+)\)\s*$", line)
            if m:
                errors.append((root / Path(m["path"]).relative_to(src), int(m["line"]), m["checker"]))
    return errors


def _entry_span(lines: list[str], line: int) -> tuple[int, int]:
    """The 1-based first and last lines of the PO entry (up to its blank lines) that holds ``line``."""
    a = b = min(max(line, 1), len(lines))
    while a > 1 and lines[a - 2].strip():
        a -= 1
    while b < len(lines) and lines[b].strip():
        b += 1
    return a, b


def sphinx_lint_overlap(errors: list[tuple[Path, int, str]], found: list[dict]) -> Counter[tuple[str, bool]]:
    """Per sphinx-lint checker, how many of its errors lie in an entry where copylint reports something
    too (True) and how many copylint leaves alone (False)."""
    by_path: dict[str, set[int]] = {}
    for f in found:
        by_path.setdefault(str(Path(f["path"]).resolve()), set()).add(f["start"]["line"])
    out: Counter[tuple[str, bool]] = Counter()
    texts: dict[Path, list[str]] = {}
    for path, line, checker in errors:
        lines = texts.setdefault(path, path.read_text(encoding="utf-8").splitlines())
        a, b = _entry_span(lines, line)
        ours = by_path.get(str(path.resolve()), set())
        out[(checker, any(a <= n <= b for n in ours))] += 1
    return out


def entry_text(path: str, line: int) -> str:
    """The PO entry around a 1-based line, as written (at most 12 lines); in another format, the line and the
    source string its segment is paired with."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if not path.endswith(".po"):
        at = sum(len(x) + 1 for x in lines[: line - 1])  # the line's first offset (\n line ends)
        seg = next((seg for seg in _paired_segments(Path(path))
                    if seg.to_source(0) <= at + len(lines[line - 1]) and seg.to_source(len(seg.text)) >= at), None)
        source = f"\n  source: {seg.source_text!r}" if seg is not None else ""
        return f"  {lines[line - 1].strip()[:600]}{source[:600]}"
    a = line - 1
    while a > 0 and lines[a - 1].strip():
        a -= 1
    b = line - 1
    while b + 1 < len(lines) and lines[b + 1].strip():
        b += 1
    block = [x for x in lines[a : b + 1] if not x.startswith("#:")]
    return "\n".join(block[:12])


def measure(args: argparse.Namespace) -> None:
    root = Path(args.root)
    files = catalogue_files(root, args.half, args.glob)
    words = sum(translated_words(f) for f in files)
    extra = ["--select", args.select] if args.select else []
    found = copylint_findings(files, extra)
    by_rule = Counter(f["code"] for f in found)
    per10k = 1e4 / max(words, 1)
    print(f"{root} half={args.half}: {len(files)} files, {words} translated words")
    print(f"copylint: {len(found)} findings, {len(found) * per10k:.2f} per 10k words")
    for code, n in sorted(by_rule.items()):
        print(f"  {code} {n:6d} {n * per10k:7.2f}")
    if args.peers:
        pf = pofilter_counts(files, root) if args.glob == "*.po" else pofilter_android_counts(files)
        print(f"pofilter: {sum(pf.values())} failures, {sum(pf.values()) * per10k:.2f} per 10k words")
        # Its `untranslated` test reports the entries with no translation, which the words counted here leave out.
        translated = sum(pf.values()) - pf["untranslated"]
        print(f"pofilter on translated entries (untranslated left out): {translated} failures, "
              f"{translated * per10k:.2f} per 10k words")
        for name, n in pf.most_common():
            print(f"  {name:28s} {n:6d} {n * per10k:7.2f}")
        if args.glob != "*.po":
            return _sample(args, root, found)
        errors = sphinx_lint_errors(files, root)
        sl = Counter(checker for _, _, checker in errors)
        both = sphinx_lint_overlap(errors, found)
        print(f"sphinx-lint: {len(errors)} errors, {len(errors) * per10k:.2f} per 10k words "
              "(and how many lie in an entry copylint reports too)")
        for name, n in sl.most_common():
            print(f"  {name:40s} {n:6d} {n * per10k:7.2f}   copylint too: {both[(name, True)]}/{n}")
    _sample(args, root, found)


def _sample(args: argparse.Namespace, root: Path, found: list[dict]) -> None:
    if args.sample:
        rng = random.Random(args.seed)
        # In file and line order first: the CLI's order depends on its workers, the sample must not.
        found.sort(key=lambda f: (f["path"], f["start"]["line"], f["start"]["column"], f["code"]))
        picked = rng.sample(found, min(args.sample, len(found)))
        for i, f in enumerate(picked, 1):
            rel = Path(f["path"]).relative_to(root)
            print(f"\n--- {i}. {rel}:{f['start']['line']} {f['code']} {f['message']}")
            print(entry_text(f["path"], f["start"]["line"]))


# --------------------------------------------------------------------------- injected breakage

_LITERAL = re.compile(r"``[^`]+``")
_ROLE = re.compile(r"(?<![\w`]):[\w:+.-]+:`(?P<body>[^`<]+?)`")
_EMBEDDED = re.compile(r"<(?P<target>[^<>`\s]+)>`_{1,2}")
_MD_LINK = re.compile(r"\]\((?P<target>[^()\s]+)\)")
_PLACEHOLDER = re.compile(r"%(?:\d+\$)?[sdif]|%\([\w.]+\)[sdif]|\{\d+\}|\{[a-zA-Z_]\w*\}")
_NUMBER = re.compile(r"(?<![\w.,%{$])\d{2,}(?![\w])")
_BACKQUOTE = re.compile(r"`")


def _drop_backquote(s: str, rng: random.Random) -> str | None:
    spots = [m.start() for m in _BACKQUOTE.finditer(s)]
    if not spots:
        return None
    at = rng.choice(spots)
    return s[:at] + s[at + 1 :]


def _drop_role_backquotes(s: str, rng: random.Random) -> str | None:
    ms = list(_ROLE.finditer(s))
    if not ms:
        return None
    m = rng.choice(ms)
    whole = m.group()
    return s[: m.start()] + whole.replace("`", "") + s[m.end() :]


def _change_link_target(s: str, rng: random.Random) -> str | None:
    ms = list(_EMBEDDED.finditer(s)) + list(_MD_LINK.finditer(s))
    if not ms:
        return None
    m = rng.choice(ms)
    a, b = m.span("target")
    target = s[a:b]
    changed = target[:-1] + ("x" if target[-1] != "x" else "y")
    return s[:a] + changed + s[b:]


def _drop_placeholder(s: str, rng: random.Random) -> str | None:
    ms = list(_PLACEHOLDER.finditer(s))
    if not ms:
        return None
    m = rng.choice(ms)
    return s[: m.start()] + s[m.end() :]


def _change_number(s: str, rng: random.Random, source: str = "") -> str | None:
    # A number the source writes too: one with no counterpart (a translator's credits, `10 進数` for
    # `Decimal`) has nothing to be compared with.
    ms = [m for m in _NUMBER.finditer(s) if re.search(rf"(?<![\d.,]){m.group()}(?![\d]|[.,]\d)", source)]
    if not ms:
        return None
    m = rng.choice(ms)
    n = m.group()
    return s[: m.start()] + str(int(n) + 1) + s[m.end() :]


def _translate_literal(s: str, rng: random.Random, source: str = "") -> str | None:
    # A literal of the source, kept in the translation: the code a translation must not touch.
    ms = [m for m in _LITERAL.finditer(s) if re.search(r"[A-Za-z]{2}", m.group()) and m.group() in source]
    if not ms:
        return None
    m = rng.choice(ms)
    inner = m.group()[2:-2]
    # What an MT engine does to code it reads as words: an accented letter, a word changed.
    translated = re.sub(r"[A-Za-z]{2,}", lambda w: w.group()[::-1] if w.group() != w.group()[::-1] else w.group() + "é",
                        inner, count=1)
    return s[: m.start()] + "``" + translated + "``" + s[m.end() :]


@dataclass(frozen=True)
class Kind:
    name: str
    breaks: Callable[[str, random.Random], str | None]


KINDS = (
    Kind("drop-backquote", _drop_backquote),
    Kind("drop-role-backquotes", _drop_role_backquotes),
    Kind("change-link-target", _change_link_target),
    Kind("drop-placeholder", _drop_placeholder),
    Kind("change-number", _change_number),
    Kind("translate-literal", _translate_literal),
)


def _break(kind: Kind, entry: polib.POEntry, rng: random.Random) -> str | None:
    if kind.breaks in (_translate_literal, _change_number):
        return kind.breaks(entry.msgstr, rng, entry.msgid)  # type: ignore[call-arg]
    return kind.breaks(entry.msgstr, rng)


EntryKey = tuple[str | None, str]


def _entry_key(e: polib.POEntry) -> EntryKey:
    return (e.msgctxt, e.msgid)


def _entry_spans(path: Path) -> list[tuple[int, int, EntryKey]]:
    """Each active entry's first and last line (1-based: its comments up to its blank line) and key."""
    lines = path.read_text(encoding="utf-8").splitlines()
    spans = []
    for e in polib.pofile(str(path)):
        if e.obsolete:
            continue
        end = e.linenum
        while end < len(lines) and lines[end].strip():
            end += 1
        spans.append((e.linenum, end, _entry_key(e)))
    return spans


def _findings_by_entry(found: list[dict]) -> dict[Path, dict[EntryKey, Counter[tuple[str, str]]]]:
    """Each file's findings, as (code, message) counts per entry."""
    lines_of: dict[Path, list[tuple[int, str, str]]] = {}
    for f in found:
        lines_of.setdefault(Path(f["path"]), []).append((f["start"]["line"], f["code"], f["message"]))
    out: dict[Path, dict[EntryKey, Counter[tuple[str, str]]]] = {}
    for path, hits in lines_of.items():
        spans = _entry_spans(path)
        per: dict[EntryKey, Counter[tuple[str, str]]] = {}
        for line, code, message in hits:
            for a, b, key in spans:
                if a <= line <= b:
                    per.setdefault(key, Counter())[(code, message)] += 1
                    break
        out[path] = per
    return out


@dataclass(frozen=True)
class Case:
    """One injected defect: the catalogue it came from, the entry (by key) and its broken msgstr."""

    kind: str
    source: Path
    key: EntryKey
    broken: str


def _pool(files: list[Path]) -> dict[str, list[tuple[Path, EntryKey]]]:
    """Per kind, every translated entry (neither obsolete nor plural) it can break, whatever copylint
    reports on it today: the pool, and so each seed's sample, does not move when the rules change."""
    pool: dict[str, list[tuple[Path, EntryKey]]] = {k.name: [] for k in KINDS}
    for path in files:
        for e in polib.pofile(str(path)).translated_entries():
            if e.obsolete or e.msgid_plural:
                continue
            for kind in KINDS:
                if _break(kind, e, random.Random(0)) is not None:
                    pool[kind.name].append((path, _entry_key(e)))
    return pool


def _cases(pool: dict[str, list[tuple[Path, EntryKey]]], kinds: list[Kind], seed: int, per_kind: int) -> list[Case]:
    """Each kind's sample for one seed: its own generator (seed and kind), so one kind's sample does
    not depend on which other kinds run."""
    cases = []
    entries: dict[Path, dict[EntryKey, polib.POEntry]] = {}
    for kind in kinds:
        rng = random.Random(f"{seed}:{kind.name}")
        picked = sorted(pool[kind.name], key=lambda c: (str(c[0]), c[1][0] or "", c[1][1]))
        rng.shuffle(picked)
        for path, key in picked[:per_kind]:
            entry = entries.setdefault(path, {_entry_key(e): e for e in polib.pofile(str(path))})[key]
            broken = _break(kind, entry, rng)
            if broken is None or broken == entry.msgstr or not broken.strip():
                continue  # an emptied msgstr is untranslated, which gettext falls back from: nothing breaks
            cases.append(Case(kind.name, path, key, broken))
    return cases


def _changed(copy: Path, case: Case) -> str:
    """What the break changed in the msgstr: the text around the first difference, before and after."""
    was = next(e.msgstr for e in polib.pofile(str(case.source)) if _entry_key(e) == case.key and not e.obsolete)
    a = 0
    while a < min(len(was), len(case.broken)) and was[a] == case.broken[a]:
        a += 1
    b = 0
    while b < min(len(was), len(case.broken)) - a and was[-1 - b] == case.broken[-1 - b]:
        b += 1
    lo = max(0, a - 20)
    return f"{was[lo : len(was) - b + 20]!r} -> {case.broken[lo : len(case.broken) - b + 20]!r}"


def inject(args: argparse.Namespace) -> None:
    """Recall per kind and seed. A case is found when its broken entry has a finding (code and message)
    that the same entry lacks in the unbroken catalogue, saved by polib the same way (the control)."""
    root = Path(args.root)
    files = catalogue_files(root, args.half)
    kinds = [k for k in KINDS if not args.kinds or k.name in args.kinds.split(",")]
    seeds = [int(s) for s in str(args.seed).split(",")]
    pool = _pool(files)
    print(f"{root} half={args.half}: {len(files)} files; pool per kind: "
          + ", ".join(f"{k.name} {len(pool[k.name])}" for k in kinds))
    by_seed = {seed: _cases(pool, kinds, seed, args.per_kind) for seed in seeds}
    unique = sorted({c for cases in by_seed.values() for c in cases}, key=lambda c: (c.kind, str(c.source), c.key[0] or "", c.key[1], c.broken))
    with tempfile.TemporaryDirectory() as tmp:
        # Each broken entry in its own copy of its file: every file of the injected set has exactly one
        # defect, and a catalogue with few files (an application's po/) still gives as many cases as it
        # has entries to break. Controls: each source catalogue once, saved by polib, unbroken.
        controls: dict[Path, Path] = {}
        for path in sorted({c.source for c in unique}):
            dest = Path(tmp, "control", path.relative_to(root))
            dest.parent.mkdir(parents=True, exist_ok=True)
            polib.pofile(str(path)).save(str(dest))
            controls[path] = dest
        copies: dict[Case, Path] = {}
        for n, case in enumerate(unique):
            po = polib.pofile(str(case.source))
            entry = next(e for e in po if _entry_key(e) == case.key and not e.obsolete)
            entry.msgstr = case.broken
            dest = Path(tmp, case.kind, f"{n:05d}", case.source.relative_to(root))
            dest.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(dest))
            copies[case] = dest
        found = _findings_by_entry(copylint_findings([*controls.values(), *copies.values()]))
        hit: dict[Case, bool] = {}
        for case, dest in copies.items():
            before = found.get(controls[case.source], {}).get(case.key, Counter())
            after = found.get(dest, {}).get(case.key, Counter())
            hit[case] = bool(after - before)
        shown: Counter[str] = Counter()
        for case in unique:
            if not hit[case] and shown[case.kind] < args.show_misses:
                shown[case.kind] += 1
                dest = copies[case]
                line = next(a for a, _, key in _entry_spans(dest) if key == case.key)
                print(f"  missed {case.kind}: {case.source.relative_to(root)}:{line}: {_changed(dest, case)}\n"
                      + entry_text(str(dest), line))
        print(f"{'kind':24s} " + " ".join(f"{'seed ' + str(s):>15s}" for s in seeds)
              + ("   min / mean / max" if len(seeds) > 1 else ""))
        for kind in kinds:
            rates = []
            cells = []
            for seed in seeds:
                mine = [c for c in by_seed[seed] if c.kind == kind.name]
                n_hit = sum(hit[c] for c in mine)
                if mine:
                    rates.append(n_hit / len(mine))
                cells.append(f"{n_hit}/{len(mine)} = {rates[-1]:.3f}" if mine else "no cases")
            spread = (f"   {min(rates):.3f} / {sum(rates) / len(rates):.3f} / {max(rates):.3f}"
                      if len(seeds) > 1 and rates else "")
            print(f"{kind.name:24s} " + " ".join(f"{c:>15s}" for c in cells) + spread)
        if args.fix_dir:
            _check_fix(Path(tmp), Path(args.fix_dir), list(copies.values()))


_KEPT = re.compile(r"``[^`]+``|:[\w:+.-]+:`[^`]+`|<[^<>\s]+>`_{1,2}|\]\([^()\s]+\)")


def _check_fix(broken_root: Path, fix_root: Path, broken: list[Path]) -> None:
    """Run --fix on a copy of the injected set: every fixed file must load with polib, with the same
    msgids (msgctxt, msgid, msgid_plural, byte for byte) and the same literals, roles and link targets in
    its msgstrs as the broken file."""
    if fix_root.exists():
        shutil.rmtree(fix_root)
    shutil.copytree(broken_root, fix_root)
    fixed = [fix_root / p.relative_to(broken_root) for p in broken]
    for i in range(0, len(fixed), 200):
        subprocess.run([sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "--exit-zero", "--quiet",
                        "--fix", *map(str, fixed[i : i + 200])], capture_output=True, check=False)
    changed = loads = same_ids = same_markup = 0
    for before, after in zip(broken, fixed, strict=True):
        changed += before.read_bytes() != after.read_bytes()
        try:
            a, b = polib.pofile(str(before)), polib.pofile(str(after))
        except (OSError, ValueError):
            continue
        loads += 1
        same_ids += [(e.msgctxt, e.msgid, e.msgid_plural) for e in a] == [(e.msgctxt, e.msgid, e.msgid_plural) for e in b]
        same_markup += [sorted(_KEPT.findall(e.msgstr)) for e in a] == [sorted(_KEPT.findall(e.msgstr)) for e in b]
    n = len(fixed)
    print(f"--fix on the injected set: {n} files, {changed} changed by fixes; load with polib {loads}/{n}, "
          f"msgids identical {same_ids}/{n}, literals/roles/link targets identical {same_markup}/{n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("measure")
    m.add_argument("root")
    m.add_argument("--half", default="dev", choices=("dev", "test", "all"))
    m.add_argument("--glob", default="*.po", help="the catalogues under ROOT: `*.po` (the default), or another "
                   "format's (`values-*/strings.xml`, `*_*.properties`), paired with their source by copylint")
    m.add_argument("--select", default="")
    m.add_argument("--peers", action="store_true")
    m.add_argument("--sample", type=int, default=0)
    m.add_argument("--seed", type=int, default=1)
    m.set_defaults(func=measure)
    i = sub.add_parser("inject")
    i.add_argument("root")
    i.add_argument("--half", default="test", choices=("dev", "test", "all"))
    i.add_argument("--per-kind", type=int, default=200)
    i.add_argument("--seed", default="1", help="a seed, or several separated by commas (1,2,3): recall per seed, "
                   "and its spread")
    i.add_argument("--kinds", default="", help="the kinds to inject, separated by commas (all by default)")
    i.add_argument("--fix-dir", default="")
    i.add_argument("--show-misses", type=int, default=0, help="print N missed entries per kind (dev half only)")
    i.set_defaults(func=inject)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()

"""copylint beside peer prose linters on the same corpus: wall time, MB/s, peak RSS.

Runs, on ../shared/corpus (the .md, .rst and .txt files: PEPs in reST, the Rust book in Markdown),
each tool that is installed, best of --repeat runs, each on one core (`taskset -c 0` when there is
one), and prints a Markdown table:

- copylint (this repo): `python -m lint check --isolated --no-cache --exit-zero --quiet CORPUS`,
  default rules, and again with `--select W,E`;
- Vale (v3.20.0 built with `go install`): a style of about 20 regex rules generated in a temporary
  folder, the same kind of checks as copylint's S, T, P and E rules (doubled punctuation, a space
  before punctuation, a repeated word, HTML entities and tags, page boilerplate, full-width
  punctuation, placeholders, a capital mid-sentence...): a comparable rule set, not an identical one.
  reST goes through Docutils' rst2html as Vale requires; a second row lints the PEPs renamed .txt
  (plain text) to show what that conversion costs; without rst2html only that row is run;
- proselint: the whole corpus in one invocation, once (it is slow; --proselint-mb measures a sample
  instead and extrapolates);
- typos and codespell: spelling-error finders, for scale only.

A peer that is missing is skipped with a line saying how to install it (see bench/README.md). Tools
are looked up on PATH, in the peers virtualenv (--peers-venv, default ~/.cache/copylint-peers) and in
Go's bin folder. Wall time is the best run's; CPU is user+sys of that run; peak RSS is the largest
max RSS of the process and its children (os.wait4) over the runs. Usage:

    python bench/peers.py [--corpus DIR] [--repeat 3] [--only copylint,vale,...] [--proselint-mb 0]

A benchmark, not a test: it needs the peers installed and takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus import CORPUS, ROOT, corpus_files

TOOLS = ("copylint", "vale", "proselint", "typos", "codespell")

INSTALL = {
    "vale": "go install github.com/vale-cli/vale/v3/cmd/vale@v3.20.0  (reST also needs docutils' rst2html)",
    "proselint": "python -m venv ~/.cache/copylint-peers && ~/.cache/copylint-peers/bin/pip install proselint",
    "typos": "~/.cache/copylint-peers/bin/pip install typos",
    "codespell": "~/.cache/copylint-peers/bin/pip install codespell",
    "rst2html": "~/.cache/copylint-peers/bin/pip install docutils",
}


# --------------------------------------------------------------------------- measuring


@dataclass
class Run:
    wall: float
    cpu: float
    rss_kb: int
    lines: int


def run_once(cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
             ok: tuple[int, ...] = (0, 1)) -> Run:
    """Run cmd with its output in a temporary file; time it and read its rusage (os.wait4 reports the
    child's and its waited-for descendants' peak RSS together). ok: the exit codes that mean success
    (findings or none)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = sum(1 for _ in out)
        if proc.returncode not in ok:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            raise RuntimeError(f"{cmd[0]} exited {proc.returncode}: " + " | ".join(tail))
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, lines)


def best_of(cmd: list[str], repeat: int, *, cwd: Path | None = None, env: dict[str, str] | None = None,
            ok: tuple[int, ...] = (0, 1)) -> tuple[Run, int]:
    runs = [run_once(cmd, cwd=cwd, env=env, ok=ok) for _ in range(repeat)]
    return min(runs, key=lambda r: r.wall), max(r.rss_kb for r in runs)


def one_core(cmd: list[str]) -> list[str]:
    taskset = shutil.which("taskset")
    return [taskset, "-c", "0", *cmd] if taskset else cmd


# --------------------------------------------------------------------------- finding tools


def search_path(venv: Path) -> str:
    """PATH with the peers' virtualenv and Go's bin folder in front."""
    dirs = [str(venv / "bin")]
    go = shutil.which("go")
    gobin = ""
    if go:
        try:
            gobin = subprocess.run([go, "env", "GOBIN"], capture_output=True, text=True, check=False).stdout.strip()
            gopath = subprocess.run([go, "env", "GOPATH"], capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            gopath = ""
        dirs += [d for d in (gobin, gopath and str(Path(gopath.split(os.pathsep)[0]) / "bin")) if d]
    dirs.append(str(Path.home() / "go" / "bin"))
    return os.pathsep.join([*dirs, os.environ.get("PATH", "")])


def first_line(cmd: list[str], env: dict[str, str] | None = None) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text and done.returncode == 0 else ""


def script_python(script: str) -> str | None:
    """The interpreter a console script's shebang names (to ask its package a question), or None."""
    try:
        with open(script, "rb") as fh:
            line = fh.readline().decode("utf-8", "replace").strip()
    except OSError:
        return None
    if not line.startswith("#!"):
        return None
    python = line[2:].split()[-1] if line[2:].split() else ""
    return python if re.fullmatch(r"\S*python[0-9.]*", python) else None


def ask_python(script: str, code: str) -> str:
    python = script_python(script)
    return first_line([python, "-c", code]) if python else ""


# --------------------------------------------------------------------------- corpus


def megabytes(files: list[Path]) -> float:
    return sum(p.stat().st_size for p in files) / 1e6


def sample(files: list[Path], mb: float) -> list[Path]:
    """Every k-th file until mb megabytes: both halves of the corpus (Markdown book, reST PEPs) in their
    proportions."""
    total = megabytes(files)
    if mb <= 0 or mb >= total:
        return files
    step = max(1, round(total / mb))
    out: list[Path] = []
    taken = 0  # the bytes of ``out``, kept as it grows
    for offset in range(step):
        for p in files[offset::step]:
            if taken / 1e6 >= mb:
                return sorted(out)
            out.append(p)
            taken += p.stat().st_size
    return sorted(out)


# --------------------------------------------------------------------------- Vale's style

# (name, copylint rule it stands for, YAML body). `nonword: true` keeps Vale from wrapping the tokens in
# \b...\b. Characters that are hard to write in a regex (invisible ones) are written as YAML escapes in
# double quotes, which YAML turns into the characters themselves.
VALE_RULES: tuple[tuple[str, str, str], ...] = (
    ("DoubledComma", "P104", "nonword: true\ntokens:\n  - ',,'"),
    ("StackedPunctuation", "P104", "nonword: true\ntokens:\n  - ';;'\n  - ',\\.'\n  - '\\.,'\n  - ':;'\n  - ';:'\n  - '[!?]{3,}'"),
    ("SpaceBeforePunctuation", "S107", "nonword: true\ntokens:\n  - '\\w [,;:.!?](?:\\s|$)'"),
    ("HTMLEntity", "S104", "nonword: true\ntokens:\n  - '&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5});'"),
    ("HTMLTag", "S105", "nonword: true\ntokens:\n"
     "  - '</?(?:br|p|div|span|b|i|u|em|strong|a|img|li|ul|ol|h[1-6])(?:\\s[^>]*)?/?>'"),
    ("Boilerplate", "S102", "ignorecase: true\ntokens:\n  - Advertisement\n  - Share this article\n"
     "  - Share on Facebook\n  - Sign up for our newsletter\n  - Subscribe to our newsletter\n"
     "  - Click here to subscribe\n  - Skip to main content"),
    ("BylineLabel", "S101", "nonword: true\ntokens:\n"
     "  - '(?:Published|Updated|Posted)(?: on)?:? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[0-9])'"),
    ("Truncation", "S103", "nonword: true\ntokens:\n  - '\\w(?:\\.\\.\\.|…) ?[A-Z][a-z]'"),
    ("GluedSentences", "S106", "nonword: true\ntokens:\n  - '[a-z]{3}[.!?][A-Z][a-z]{2}'"),
    ("Breadcrumb", "S109", "nonword: true\ntokens:\n  - '[>›»] \\w+ [>›»] \\w'"),
    ("RepeatedWord", "T102", "alpha: true\ntokens:\n  - '[^\\s]+'"),
    ("MidSentenceCapital", "T101", "nonword: true\ntokens:\n"
     "  - '[a-z,] (?:The|On|It|In|Of|And|For|With|To|From) [a-z]'"),
    ("FullWidthPunctuation", "T103", "nonword: true\ntokens:\n  - '[，。；：！？、（）「」【】]'"),
    ("ForeignQuotes", "T103", "nonword: true\ntokens:\n  - '[«»„‹›]'"),
    ("MixedScriptWord", "T104", "nonword: true\ntokens:\n  - '[A-Za-z][Ѐ-ӿͰ-Ͽ]|[Ѐ-ӿͰ-Ͽ][A-Za-z]'"),
    ("Placeholder", "T106", "nonword: true\ntokens:\n"
     "  - '\\{[0-9]+\\}|%[sd]\\b|%\\([a-z_]+\\)[sd]|\\{\\{ ?[a-z_]+ ?\\}\\}|\\$\\{[a-z_]+\\}'"),
    ("Mojibake", "E101", "nonword: true\ntokens:\n  - 'Ã[©¨¢¡ª«³´¶¼½¤§]|â€|Â[©®°·]'"),
    ("InvisibleCharacter", "E102", 'nonword: true\ntokens:\n  - "[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]"'),
    ("ControlCharacter", "E103", 'nonword: true\ntokens:\n  - "[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F]"'),
    ("ReplacementCharacter", "E104", 'nonword: true\ntokens:\n  - "\\uFFFD"'),
    ("SpaceRun", "W105", "nonword: true\ntokens:\n  - '[a-z,] {2,}[a-z]'"),
)


def write_vale_style(folder: Path) -> Path:
    """A .vale.ini and the CopyLike style in folder; returns the ini's path."""
    style = folder / "styles" / "CopyLike"
    style.mkdir(parents=True)
    for name, code, body in VALE_RULES:
        kind = "repetition" if name == "RepeatedWord" else "existence"
        message = "'%s' repeated" if kind == "repetition" else f"'%s' ({name}, like copylint {code})"
        (style / f"{name}.yml").write_text(
            f"extends: {kind}\nmessage: \"{message}\"\nlevel: warning\n{body}\n", encoding="utf-8")
    ini = folder / ".vale.ini"
    ini.write_text("StylesPath = styles\nMinAlertLevel = suggestion\n\n"
                   "[*.{md,rst,txt}]\nBasedOnStyles = CopyLike\n", encoding="utf-8")
    return ini


# --------------------------------------------------------------------------- tools


@dataclass
class Row:
    tool: str
    version: str
    checks: str
    mb: float
    run: Run | None = None
    rss_kb: int = 0
    note: str = ""
    findings: str = ""
    extrapolated_from: float = 0.0  # MB actually linted, when the time is extrapolated


def copylint_rows(corpus: Path, mb: float, repeat: int) -> list[Row]:
    sys.path.insert(0, str(ROOT))
    from lint.config import Config
    from lint.engine import Selection, selected_rule_classes

    version = first_line([sys.executable, "-m", "lint", "--version"]).replace("copylint, version ", "")
    head = first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    version = f"{version} ({head})" if head else version
    rows = []
    for select in (None, "W,E"):
        rules = selected_rule_classes(Config(), Selection(select=tuple(select.split(",")) if select else None))
        mono = [r for r in rules if not r.code.startswith("B")]
        what = (f"{len(rules)} rules, default ({len(mono)} apply to monolingual prose)" if select is None
                else f"{len(rules)} rules: --select {select}")
        sel = ["--select", select] if select else []
        base = [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "--exit-zero", *sel]
        run, rss = best_of(one_core([*base, "--quiet", str(corpus)]), repeat)
        # Findings from one more, untimed run: --quiet prints none.
        stats = subprocess.run([*base, "--statistics", str(corpus)], capture_output=True, text=True, check=False)
        found = re.search(r"Found (\d+) finding", stats.stdout)
        rows.append(Row("copylint" + (f" --select {select}" if select else ""), version, what, mb, run, rss,
                        findings=found.group(1) if found else "?"))
    return rows


def vale_rows(corpus: Path, files: list[Path], repeat: int, env: dict[str, str]) -> list[Row] | str:
    vale = shutil.which("vale", path=env["PATH"])
    if not vale:
        return "vale"
    version = first_line([vale, "--version"], env).replace("vale version ", "")
    go = shutil.which("go")
    if go:  # a `go install` build says "master": the module version is in the binary's build info
        info = subprocess.run([go, "version", "-m", vale], capture_output=True, text=True, check=False).stdout
        mod = re.search(r"^\s+mod\s+\S*vale\S*\s+(v\S+)", info, re.M)
        if mod:
            version = mod.group(1)
    checks = f"{len(VALE_RULES)} regex rules, comparable (not identical) to copylint's E/S/T/P/W"
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="peers-vale-") as tmp:
        ini = write_vale_style(Path(tmp))
        cmd = [vale, f"--config={ini}", "--output=line", "--minAlertLevel=suggestion", "--no-exit",
               "--glob=*.{md,rst,txt}"]
        # The names Vale looks rst2html up under.
        rst2html = next(filter(None, (shutil.which(n, path=env["PATH"]) for n in
                                      ("rst2html", "rst2html.py", "rst2html-3", "rst2html-3.py"))), None)
        if rst2html:
            run, rss = best_of(one_core([*cmd, str(corpus)]), repeat, env=env, cwd=Path(tmp))
            rows.append(Row("vale (reST via rst2html)", version, checks, megabytes(files), run, rss,
                            findings=str(run.lines)))
        # The same corpus with reST read as plain text: a copy with the PEPs renamed .txt.
        copy = Path(tmp) / "corpus"
        for p in files:
            dest = copy / p.relative_to(corpus)
            if dest.suffix == ".rst":
                dest = dest.with_suffix(".txt")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, dest)
        run, rss = best_of(one_core([*cmd, str(copy)]), repeat, env=env, cwd=Path(tmp))
        row = Row("vale (reST as .txt)", version, checks, megabytes(files), run, rss, findings=str(run.lines))
        if not rst2html:
            row.note = "rst2html not found: reST linted as plain text only (" + INSTALL["rst2html"] + ")"
        rows.append(row)
    return rows


def proselint_row(files: list[Path], repeat: int, env: dict[str, str], sample_mb: float) -> Row | str:
    exe = shutil.which("proselint", path=env["PATH"])
    if not exe:
        return "proselint"
    version = first_line([exe, "version"], env) or first_line([exe, "--version"], env)
    version = version.replace("Proselint ", "").replace("proselint, version ", "")
    count = ask_python(exe, "from proselint.checks import __register__ as r; from proselint.registry import "
                            "CheckRegistry as C; c = C(); c.register_many(r); print(len(c.get_all_enabled()))")
    checks = f"{count} checks, default config" if count else "default checks"
    part = sample(files, sample_mb)
    # Explicit file list: given a folder, proselint reads only .md/.txt/.html/.tex/.rtf/.markdown.
    cmd = [exe, "check", "--output-format", "compact", *map(str, part)]
    run, rss = best_of(one_core(cmd), repeat, env=env)
    row = Row("proselint", version, checks, megabytes(files), run, rss, findings=str(run.lines))
    if part != files:
        row.extrapolated_from = megabytes(part)
        row.findings = f"{run.lines} in sample"
    return row


def speller_row(name: str, files: list[Path], repeat: int, env: dict[str, str]) -> Row | str:
    exe = shutil.which(name, path=env["PATH"])
    if not exe:
        return name
    version = first_line([exe, "--version"], env).replace("typos-cli ", "")
    if name == "typos":
        checks = "known misspellings (built-in list), for scale"
        cmd = [exe, "--format", "brief", *map(str, files)]
        ok = (0, 2)  # 2: typos found
    else:
        size = ask_python(exe, "import codespell_lib, pathlib; print(sum(1 for _ in open(pathlib.Path("
                               "codespell_lib.__file__).parent / 'data' / 'dictionary.txt', encoding='utf-8')))")
        checks = (f"{int(size):,} known misspellings, for scale" if size.isdigit()
                  else "known misspellings, for scale")
        cmd = [exe, *map(str, files)]
        ok = (0, 65)  # 65: misspellings found
    run, rss = best_of(one_core(cmd), repeat, env=env, ok=ok)
    return Row(name, version, checks, megabytes(files), run, rss, findings=str(run.lines))


# --------------------------------------------------------------------------- report


def table(rows: list[Row]) -> str:
    ref = next((r.run.wall for r in rows if r.tool == "copylint" and r.run), None)
    lines = ["| tool | version | what it checks | wall s | CPU s | MB/s | peak RSS MB | findings "
             "| copylint s / tool s |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        assert r.run is not None
        wall = r.run.wall
        if r.extrapolated_from:
            wall = wall * r.mb / r.extrapolated_from
        mark = "~" if r.extrapolated_from else ""
        cpu = r.run.cpu * (r.mb / r.extrapolated_from if r.extrapolated_from else 1)
        ratio = f"{ref / wall:.2f}" if ref else "-"
        lines.append(f"| {r.tool} | {r.version} | {r.checks} | {mark}{wall:.2f} | {mark}{cpu:.2f} | "
                     f"{r.mb / wall:.2f} | {r.rss_kb / 1024:.0f} | {r.findings} | {ratio} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3, help="runs per tool; the best is kept (default 3)")
    ap.add_argument("--only", default=",".join(TOOLS), help="comma-separated tools (default: all)")
    ap.add_argument("--peers-venv", type=Path, default=Path.home() / ".cache" / "copylint-peers",
                    help="virtualenv holding proselint, typos, codespell, docutils")
    ap.add_argument("--proselint-mb", type=float, default=0.0,
                    help="lint only a sample of this many MB with proselint and extrapolate (default 0: all)")
    ap.add_argument("--proselint-repeat", type=int, default=1,
                    help="proselint runs (default 1: it is slow)")
    args = ap.parse_args()
    only = [t.strip() for t in args.only.split(",") if t.strip()]
    unknown = set(only) - set(TOOLS)
    if unknown:
        ap.error(f"unknown tools: {', '.join(sorted(unknown))} (known: {', '.join(TOOLS)})")

    files = corpus_files(args.corpus)
    mb = megabytes(files)
    env = {**os.environ, "PATH": search_path(args.peers_venv)}
    print(f"corpus: {args.corpus} ({len(files)} files .md/.rst/.txt, {mb:.1f} MB); best of {args.repeat}; "
          f"{'one core (taskset -c 0)' if shutil.which('taskset') else 'all cores (no taskset)'}; "
          f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}", flush=True)

    rows: list[Row] = []
    missing: list[str] = []
    steps: dict[str, Callable[[], list[Row] | Row | str]] = {
        "copylint": lambda: copylint_rows(args.corpus, mb, args.repeat),
        "vale": lambda: vale_rows(args.corpus, files, args.repeat, env),
        "proselint": lambda: proselint_row(files, args.proselint_repeat, env, args.proselint_mb),
        "typos": lambda: speller_row("typos", files, args.repeat, env),
        "codespell": lambda: speller_row("codespell", files, args.repeat, env),
    }
    for tool in only:
        start = time.perf_counter()
        try:
            got = steps[tool]()
        except RuntimeError as exc:
            print(f"  {tool}: failed: {exc}", flush=True)
            continue
        if isinstance(got, str):
            missing.append(got)
            continue
        new = got if isinstance(got, list) else [got]
        rows.extend(new)
        print(f"  {tool}: done in {time.perf_counter() - start:.0f} s", flush=True)

    print()
    print(table(rows) if rows else "(no tool ran)")
    print()
    print("copylint s / tool s: above 1, the tool is faster than copylint (default rules); below 1, slower. "
          "Wall s and CPU s are the best run's; peak RSS MB is the largest over the runs (process and children).")
    for r in rows:
        if r.extrapolated_from:
            print(f"- {r.tool}: ~ times extrapolated from a sample of {r.extrapolated_from:.2f} MB "
                  f"({r.run.wall if r.run else 0:.1f} s), every k-th file of the corpus.")
        elif r.tool == "proselint":
            print(f"- proselint: the whole corpus in one invocation, {args.proselint_repeat} run(s).")
        if r.note:
            print(f"- {r.tool}: {r.note}")
    if any(r.tool.startswith("vale") for r in rows):
        print(f"- vale: a generated style of {len(VALE_RULES)} existence/repetition rules standing for copylint "
              "rules (comparable, not identical: Vale lints the rendered text, code excluded, and reST "
              "goes through rst2html); --output=line --minAlertLevel=suggestion.")
    if any(r.tool in ("typos", "codespell") for r in rows):
        print("- typos, codespell: spelling-error finders, not prose linters: for scale only.")
    for name in missing:
        print(f"- not installed: {name}: {INSTALL[name]}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

"""Every repro of issue 20 (hostile, huge and odd input), run as a user would, each with a 60 s limit:
prints a table of input, wall time, peak memory (the whole process tree, from /usr/bin/time), exit code
and the first line of the message, and whether the outcome is the expected one.

    python bench/hostile_repros.py [--keep DIR] [--only SUBSTRING]

Needs /usr/bin/time, git and msgfmt. Some repros need root (a file owned by `nobody`, a 64 KiB tmpfs for
a full disk, running as `nobody` to make a file unreadable); without root they say "skipped". The big
inputs (up to 200 MB) are written under a temporary folder and removed afterwards. Each command runs
with an address-space limit of 4 GiB so that a regression cannot take the machine down.
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
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
C = [PY, "-m", "lint", "check", "--isolated", "--no-cache"]
LIMIT_S = 60
AS_LIMIT = 4 << 30
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@dataclass
class Repro:
    name: str
    setup: Callable[[Path], None]
    command: list[str] | Callable[[Path], list[str]]
    expect: Callable[[subprocess.CompletedProcess[bytes], Path], bool]
    stdin: str | None = None  # a file in the folder fed as stdin
    needs_root: bool = False
    shell: bool = False
    env: dict[str, str] = field(default_factory=dict)


def write(name: str, data: str | bytes) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return setup


def both(*setups: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        for s in setups:
            s(d)
    return setup


def big(name: str, unit: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        with open(d / name, "wb") as f:
            f.write(head)
            block = unit * max(1, (1 << 20) // len(unit))
            written = 0
            while written < size:
                f.write(block)
                written += len(block)
            f.write(tail)
    return setup


def out(r: subprocess.CompletedProcess[bytes]) -> str:
    return (r.stdout + r.stderr).decode("utf-8", "replace")


def no_traceback(r: subprocess.CompletedProcess[bytes]) -> bool:
    return "Traceback" not in out(r) and r.returncode in (0, 1, 2)


def ok_if_no_traceback(r: subprocess.CompletedProcess[bytes], d: Path) -> bool:
    return no_traceback(r)


def _finished(r: subprocess.CompletedProcess[bytes], d: Path) -> bool:
    """Checked to the end: findings or none, no traceback, not stopped by the file timeout."""
    return r.returncode in (0, 1) and no_traceback(r) and "took more than" not in out(r)


def py(code: str) -> list[str]:
    return [PY, "-c", textwrap.dedent(code)]


# A 1 MB msgstr of runs of spaces of every width, 2 to 1,411, each a word apart, on lines of their own.
RUNS_OF_EVERY_WIDTH = ('msgid "Save  the file"\nmsgstr ""\n' + "".join(f'"mot{" " * w}"\n' for w in range(2, 1412))
                       + '"fin"\n')


def sentences_ending_in_a_letter(size: int) -> str:
    words = "the report said markets rose again in the new study".split()
    parts, n, i = [], 0, 0
    while n < size:
        s = " ".join(words[(i + k) % len(words)] for k in range(8)).capitalize() + " Xq"
        parts.append(s)
        n += len(s) + 1
        i += 1
    return " ".join(parts) + "\n"


def paragraphs(size: int) -> str:
    """Prose in paragraphs of a few sentences, one of every 40 with a doubled space (a finding, a fix)."""
    words = "the report said markets rose again in the new study".split()
    out, n, i = [], 0, 0
    while n < size:
        sentence = " ".join(words[(i + k) % len(words)] for k in range(9)).capitalize() + "."
        if i % 40 == 0:
            sentence = sentence.replace(" ", "  ", 1)
        out.append(sentence + ("\n\n" if i % 5 == 4 else " "))
        n += len(sentence) + 1
        i += 1
    return "".join(out)


def as_root(d: Path) -> None:
    (d / "own.txt").write_text("Two  spaces.\n")
    os.chown(d / "own.txt", 65534, 65534)


def for_nobody(d: Path) -> None:
    d.chmod(0o777)
    (d / "secret.txt").write_text("Two  spaces.\n")
    (d / "secret.txt").chmod(0)
    (d / "good.txt").write_text("Two  spaces.\n")
    (d / "good.txt").chmod(0o644)
    (d / "locked").mkdir()
    (d / "locked" / "a.txt").write_text("x  y\n")
    (d / "locked").chmod(0)
    (d / "ro").mkdir()
    (d / "ro" / "a.txt").write_text("Two  spaces.\n")
    (d / "ro" / "a.txt").chmod(0o666)
    (d / "ro").chmod(0o555)


def full_disk(d: Path) -> None:
    (d / "disk").mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(d / "disk")], check=True)
    (d / "disk" / "a.txt").write_text("Two  spaces. " * 1500 + "\n")  # 19.5 KB
    fd = os.open(d / "disk" / "filler", os.O_WRONLY | os.O_CREAT)  # the rest of the 64 KiB
    try:
        while os.write(fd, b"x" * 1024):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


PO_LS = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Hello"\nmsgstr "Bon\u2028jour \u0085 x \f y  z"\n'
BOMB = "\n".join(['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
                 + [f"{x}: &{x} [" + ",".join([f"*{y}"] * 9) + "]" for x, y in zip("bcdefghi", "abcdefgh", strict=True)])
LSP_CLIENT = """
import sys, time, pathlib
sys.path.insert(0, {root!r})
from tests.raw_lsp import RawClient
d = pathlib.Path.cwd()
c = RawClient(sys.executable, "-m", "lint", "lsp")
c.start(d)
uri = (d / {name!r}).as_uri()
{body}
c.close()
"""


def lsp(name: str, body: str) -> list[str]:
    return py(LSP_CLIENT.format(root=str(ROOT), name=name, body=textwrap.dedent(body)))


REPROS: list[Repro] = [
    # -- fixes that damage files
    Repro("E103 PO msgid with DEL, --fix", write("a.po", 'msgid "Hello\x7f world"\nmsgstr "Bonjour\x7f monde."\n'),
          [*C, "--fix", "a.po"], lambda r, d: 'msgid "Hello\x7f world"' in (d / "a.po").read_text()),
    Repro("E101 mojibake href, --fix", write("a.html", '<p><a href="/caf\u00c3\u00a9/menu">Caf\u00c3\u00a9 menu</a></p>\n'),
          [*C, "--fix", "a.html"], lambda r, d: 'href="/caf\u00c3\u00a9/menu"' in (d / "a.html").read_text()),
    Repro("Hugo: 20,000 comment shortcodes on one line", write("a.md", "word {{< comment >}}x{{< /comment >}} " * 20_000 + "\n"),
          [*C, "a.md"], ok_if_no_traceback),
    Repro("W101 leading indented code block, --fix", write("a.md", "    code block line\n\nProse here.\n"),
          [*C, "--fix", "a.md"], lambda r, d: (d / "a.md").read_text().startswith("    code block line")),
    Repro("--fix alias.txt (symlink)", both(write("t.txt", "Two  spaces.\n"), lambda d: (d / "alias.txt").symlink_to("t.txt")),
          [*C, "--fix", "alias.txt"], lambda r, d: (d / "alias.txt").is_symlink() and (d / "t.txt").read_text() == "Two spaces.\n"),
    Repro("--fix a file with 2 hard links", both(write("h.txt", "Two  spaces.\n"), lambda d: os.link(d / "h.txt", d / "h2.txt")),
          [*C, "--fix", "h.txt"], lambda r, d: r.returncode == 2 and os.stat(d / "h.txt").st_nlink == 2),
    Repro("--fix a file owned by nobody (as root)", as_root, [*C, "--fix", "own.txt"],
          lambda r, d: os.stat(d / "own.txt").st_uid == 65534 and (d / "own.txt").read_text() == "Two spaces.\n",
          needs_root=True),
    Repro("--fix a read-only file", both(write("ro.txt", "Two  spaces.\n"), lambda d: (d / "ro.txt").chmod(0o444)),
          [*C, "--fix", "ro.txt"], lambda r, d: r.returncode == 2 and (d / "ro.txt").read_text() == "Two  spaces.\n"),
    Repro("head -c 3000 /bin/ls | --fix - > out", lambda d: shutil.copyfile("/bin/ls", d / "ls"),
          "head -c 3000 ls | {C} --fix - --stdin-filename x.txt > out; cmp -n 3000 ls out",
          lambda r, d: r.returncode == 0 and (d / "out").stat().st_size == 3000, shell=True),
    Repro("UTF-16 stdin --fix", write("u16.txt", "Two  spaces.\n".encode("utf-16")),
          "{C} --fix - --stdin-filename x.txt < u16.txt > out",
          lambda r, d: (d / "out").read_bytes() == "Two spaces.\n".encode("utf-16"), shell=True),
    Repro("temporaries of a killed --fix", both(write("a.txt", "Two  spaces.\n"), write(".a.txt.k2j4_9xq.copylint", "half"),
                                                 lambda d: os.utime(d / ".a.txt.k2j4_9xq.copylint", (0, 0))),
          [*C, "--fix", "--verbose", "a.txt"], lambda r, d: not (d / ".a.txt.k2j4_9xq.copylint").exists()),
    Repro("refused write not counted as fixed", both(write("ro.txt", "Two  spaces.\n"), lambda d: (d / "ro.txt").chmod(0o444)),
          [*C, "--fix", "ro.txt"], lambda r, d: "Fixed" not in out(r)),
    # -- tracebacks
    Repro("Markdown '` `[' (issue's panic)", both(write("p.md", "` `[\n"), write("good.md", "Two  spaces.\n")),
          [*C, "p.md", "good.md"], lambda r, d: no_traceback(r) and "good.md:1:4" in out(r), env={"RUST_BACKTRACE": "1"}),
    Repro("Markdown '[`x' (panics markdown-it-pyrs 0.4)", both(write("p.md", "[`x  y\n"), write("good.md", "Two  spaces.\n")),
          [*C, "p.md", "good.md"], lambda r, d: no_traceback(r) and "p.md:1:4: W105" in out(r) and "panicked" not in out(r),
          env={"RUST_BACKTRACE": "1"}),
    Repro("PO msgstr 'Voir www.[x' (B104)", write("a.po", 'msgid "See www.x"\nmsgstr "Voir www.[x"\n'),
          [*C, "a.po"], lambda r, d: no_traceback(r)),
    Repro("PO 'www.example.org\uff1f' (B104 NFKC)", write("a.po", 'msgid "See www.example.org?"\nmsgstr "Voir www.example.org\uff1f"\n'),
          [*C, "a.po"], lambda r, d: r.returncode == 0),
    Repro("i18n YAML with two BOMs", both(write("a.yaml", b'\xef\xbb\xbf\xef\xbb\xbfa: "b  c"\n'),
                                           write(".copylint.yaml", 'formats: {"*.yaml": i18n-yaml}\n')),
          [PY, "-m", "lint", "check", "--no-cache", "a.yaml"], lambda r, d: r.returncode == 2 and no_traceback(r)),
    Repro("i18n YAML bare \\x escape", both(write("a.yaml", 'a: "x \\x"\n'), write(".copylint.yaml", 'formats: {"*.yaml": i18n-yaml}\n')),
          [PY, "-m", "lint", "check", "--no-cache", "a.yaml"], lambda r, d: r.returncode == 2 and no_traceback(r)),
    Repro("symlink loop (ln -s self.txt self.txt)", lambda d: (d / "self.txt").symlink_to("self.txt"),
          [*C, "self.txt"], lambda r, d: r.returncode == 2 and no_traceback(r)),
    Repro("--fix in a read-only folder (as nobody)", for_nobody, [*NOBODY, *C, "--fix", "ro/a.txt"],
          lambda r, d: r.returncode == 2 and no_traceback(r), needs_root=True),
    Repro("full disk (64 KiB tmpfs)", full_disk, [*C, "--fix", "disk/a.txt"],
          lambda r, d: r.returncode == 2 and no_traceback(r) and "No space left" in out(r), needs_root=True),
    *[Repro(f"--format {f} with a non-UTF-8 file name", write("caf\udce9.txt", "Two  spaces.\n"), [*C, "--format", f, "."],
            (lambda r, d: no_traceback(r) and r.returncode == 1) if f == "text" else
            (lambda r, d: no_traceback(r) and bool(r.stdout.decode("utf-8"))))
      for f in ("sarif", "json", "github", "rdjson", "gitlab", "text")],
    Repro("--config /dev/zero", write("a.txt", "Text.\n"), [PY, "-m", "lint", "check", "--no-cache", "--config", "/dev/zero", "a.txt"],
          lambda r, d: r.returncode == 2 and no_traceback(r)),
    Repro("--config FIFO", both(write("a.txt", "Text.\n"), lambda d: os.mkfifo(d / "fifo")),
          [PY, "-m", "lint", "check", "--no-cache", "--config", "fifo", "a.txt"], lambda r, d: r.returncode == 2),
    Repro("tampered cache entry (start: 'x')", write("a.txt", "Two  spaces.\n"),
          "{P} -m lint check a.txt >/dev/null; for f in .copylint_cache/*/*/*.json; do sed -i 's/\"start\": [0-9]*/\"start\": \"x\"/' $f; done; "
          "{P} -m lint check a.txt", lambda r, d: r.returncode == 1 and no_traceback(r), shell=True),
    Repro("lint.check_text('a \\ud800 b')", lambda d: None,
          py("import lint\ntry:\n    lint.check_text('a \\ud800 b')\nexcept ValueError as e:\n    print('ValueError:', e)"),
          lambda r, d: b"ValueError: text holds a lone surrogate" in r.stdout),
    # -- hangs and memory
    Repro("200 KB of sentences ending in a letter (pysbd)", write("a.txt", sentences_ending_in_a_letter(200_000)),
          [*C, "a.txt"], ok_if_no_traceback),
    Repro("2 MB msgstr with double spaces (W105)", lambda d: (d / "a.po").write_text(
          'msgid "x"\nmsgstr "' + "a  b " * 400_000 + '"\n'), [*C, "a.po"], ok_if_no_traceback),
    # Its source holds runs too, so each of the translation's 6,000 runs is compared with the source's:
    # 72 s before the comparisons were worked out once per string (W105 alone), 0.6 s after.
    Repro("246 KB msgstr of 6,000 runs, its msgid with runs (W105)", lambda d: (d / "a.po").write_text(
          'msgid "' + "Save  the file, " * 6_000 + '"\nmsgstr "' + "Enregistrer le  fichier, " * 6_000 + '"\n'),
          [*C, "a.po"], ok_if_no_traceback),
    # Its runs are of every width, 2 to 1,411, each a word apart, on lines of their own: W105 asked a
    # table's columns and heads by splitting the whole string once per width, 24 to 42 s; 0.4 to 0.8 s since each
    # string's runs are read in one pass.
    Repro("1 MB msgstr of runs of every width, its msgid with runs (W105)", write("a.po", RUNS_OF_EVERY_WIDTH),
          [*C, "--select", "W105", "a.po"], ok_if_no_traceback),
    # The same string: B107's and B108's searches for what it ends with (`\s*$`, and a mark then
    # `(?:quotes|brackets|tags|\s|…)*$`) tried every space of it and read its run to the end from each,
    # 5 s and 46 s; 1.7 s since both read the string's end from its end (issue 17; most of it the PO reader, W105
    # alone 1.6 s on the same loaded machine).
    Repro("1 MB msgstr of runs of every width, its msgid with runs (B107, B108)", write("a.po", RUNS_OF_EVERY_WIDTH),
          [*C, "--select", "B107,B108", "a.po"], ok_if_no_traceback),
    # B108's test for an abbreviation's point (`e.g.`: short words in a row, each with its point, to the end)
    # was tried from every space of `a. a. … 1.` and read the words to the end from each (6.7 s at 20 KB, four
    # times as long at twice the size), and its search for the last word (`(\S+?)[…]*\s*$`) from every
    # character of a long word (13 s at 20 KB, 55 s at 40 KB): hours at 1 MB; 2.0 s (loaded machine) since both
    # are read from the string's end.
    Repro("B108: 1 MB of abbreviations in a row after a number, 1 MB word before the last (B108)", write(
          "a.po", 'msgid "Read the notes."\nmsgstr ""\n' + f'"{"a. " * 1000}"\n' * 333 + '"1."\n\nmsgid "X"\nmsgstr ""\n'
          + f'"{"a" * 100_000}"\n' * 10 + '" x."\n'), [*C, "--select", "B108", "a.po"], ok_if_no_traceback),
    # A reST catalogue (Sphinx's): B109 asked whether a link lacked its opening backquote with a search that
    # read each line to its end from each word (`\b[^`<>\n]*<…`), and found roles' starts by reading the
    # names and colons in a row to their end from each colon: 2.7 s on 20 KB of words, 13.5 s on 20 KB of
    # `:a`, four times as long at twice the size (hours at 1 MB); 1.5 s (loaded machine) since both are read from the end.
    Repro("reST catalogue: 1 MB msgstr of words, 1 MB of `:a` (B109)", write(
          "a.po", '#: library/x.rst:1\nmsgid "Read `the notes`_."\nmsgstr ""\n' + f'"{"mot " * 25_000}"\n' * 10
          + '\n#: library/x.rst:2\nmsgid "See :func:`f`."\nmsgstr ""\n' + f'"{":a" * 50_000}"\n' * 10),
          [*C, "--select", "B109", "a.po"], ok_if_no_traceback),
    # W102's pattern for blanks before a line end was tried from every blank of a run inside a line and read
    # the run to its end from each (4.8 s on a run of 20,000 spaces, four times as long at twice the size:
    # hours at 1 MB); 0.25 s since a run is tried from its first blank only (issue 17).
    Repro("W102: a line with a run of 999,000 spaces inside it, a trailing space after (W102)",
          write("a.txt", "x" + " " * 999_000 + "x \n"), [*C, "--select", "W102", "a.txt"], ok_if_no_traceback),
    # The same with tabs among the spaces: a lookbehind that kept out spaces alone (`(?<! )`) would try the
    # run from each blank after a tab, as slow as before; the run's first blank is the only start.
    Repro("W102: a line with a run of 999,000 tabs and spaces inside it, a trailing tab after (W102)",
          write("a.txt", "x" + " \t" * 499_500 + "x\t\n"), [*C, "--select", "W102", "a.txt"], ok_if_no_traceback),
    # Every run of the translation follows a distinct code (`m17`): W105 asked whether the source wrote
    # each code before a run as wide, a search of the source per code (38 s here), then for a while one
    # test per source run of that width (30 s at 10,000 runs); 0.5 s since each width's words before
    # its runs are kept sorted, reversed, for a bisect.
    Repro("W105: 40,000 runs each after a distinct code, its msgid the same (W105)", lambda d: (d / "a.po").write_text(
          'msgid "' + "  ".join(f"w{i}" for i in range(40_000)) + '"\nmsgstr "'
          + "  ".join(f"m{i}" for i in range(40_000)) + '"\n'),
          [*C, "--select", "W105", "a.po"], ok_if_no_traceback),
    Repro("20,000 fixes (--fix)", write("a.txt", "a  b\n" * 20_000), [*C, "--fix", "a.txt"], ok_if_no_traceback),
    Repro('1 MB of "', big("q.txt", b'"' * 1_000_000, 1), [*C, "q.txt"], ok_if_no_traceback),
    Repro('50 MB of "', big("q.txt", b'"', 50 << 20), [*C, "q.txt"], lambda r, d: r.returncode == 2 and "max-file-size" in out(r)),
    Repro("200 MB single line", big("l.txt", b"word ", 200 << 20), [*C, "l.txt"],
          lambda r, d: r.returncode == 2 and "max-file-size" in out(r)),
    Repro("100 MB msgstr", big("m.po", b"mot ", 100 << 20, b'msgid "x"\nmsgstr "', b'"\n'), [*C, "m.po"],
          lambda r, d: r.returncode == 2 and "max-file-size" in out(r)),
    Repro("5 MB single line (under the size bound)", big("l.txt", b"word ", 5 << 20), [*C, "l.txt"],
          lambda r, d: r.returncode == 2 and "max-line-length" in out(r)),
    Repro("YAML alias bomb in .copylint.yaml", both(write(".copylint.yaml", BOMB + "\nignore: *i\n"), write("a.txt", "Text.\n")),
          [PY, "-m", "lint", "check", "--no-cache", "a.txt"], lambda r, d: r.returncode == 2 and "aliases" in out(r)),
    Repro("YAML alias bomb in a pack", both(write("pack.yaml", BOMB + "\nrules: *i\n"), write(".copylint.yaml", "packs: [./pack.yaml]\n"),
                                            write("a.txt", "Text.\n")),
          [PY, "-m", "lint", "check", "--no-cache", "a.txt"], lambda r, d: r.returncode == 2 and "aliases" in out(r)),
    Repro("custom rule '((((a{100}){100}){100}){100})'", both(write(".copylint.yaml",
          "custom-rules:\n  - code: X.a1\n    kind: existence\n    message: m\n    patterns: ['((((a{100}){100}){100}){100})']\n"),
          write("a.txt", "aaaa\n")), [PY, "-m", "lint", "check", "--no-cache", "a.txt"],
          lambda r, d: r.returncode == 2 and "unrolls" in out(r)),
    Repro("LSP: open a 10 MB document", write("big.txt", paragraphs(10_000_000)),
          lsp("big.txt", """
              text = (d / "big.txt").read_text()
              t = time.monotonic(); c.open(uri, text)
              diags = c.diagnostics_for(uri, timeout=55)
              print("diagnostics", None if diags is None else len(diags), "after %.1f s" % (time.monotonic() - t))
              """), lambda r, d: b"diagnostics None" not in r.stdout and no_traceback(r)),
    Repro("LSP: fix all on a 10 MB document", write("big.txt", paragraphs(10_000_000)),
          lsp("big.txt", """
              text = (d / "big.txt").read_text()
              c.open(uri, text); c.diagnostics_for(uri, timeout=30)
              t = time.monotonic()
              c.send({"id": 9, "method": "codeAction/resolve", "params": {"title": "Fix all", "kind": "source.fixAll.copylint",
                      "data": {"uri": uri, "version": 1}}})
              reply = c.reply_to(9, timeout=50)
              print("fix all:", "no reply" if reply is None else ("error" if "error" in reply else "edits"),
                    "after %.1f s" % (time.monotonic() - t))
              """), lambda r, d: b"no reply" not in r.stdout and no_traceback(r)),
    Repro("LSP: codeAction with a negative position", write("a.txt", "Two  spaces.\n"),
          lsp("a.txt", """
              c.open(uri, "Two  spaces.\\n"); c.diagnostics_for(uri)
              c.code_action(5, uri, (-1, -5), (0, 3))
              reply = c.reply_to(5, timeout=10)
              print("reply:", reply and reply.get("error"))
              c.code_action(6, uri, (0, 0), (0, 8))
              print("next request answered:", c.reply_to(6, timeout=10) is not None)
              """), lambda r, d: b"-32602" in r.stdout and b"answered: True" in r.stdout),
    # -- also wrong
    Repro("valid PO with U+2028/U+0085/form feed", write("a.po", PO_LS),
          "msgfmt -c -o /dev/null a.po && {C} a.po", lambda r, d: r.returncode == 1 and "W105" in out(r), shell=True),
    Repro("--diff of that PO | git apply", write("a.po", PO_LS),
          "git init -q && {C} --diff a.po > fix.diff; git apply fix.diff && {C} a.po",
          lambda r, d: "W105" not in out(r) and "error" not in out(r), shell=True),
    Repro("packs: [/etc/shadow]", both(write(".copylint.yaml", "packs: [/etc/shadow]\n"), write("a.txt", "Text.\n")),
          [PY, "-m", "lint", "check", "--no-cache", "a.txt"], lambda r, d: r.returncode == 2 and "root:" not in out(r)),
    Repro("chmod 000 secret.txt; secret.txt good.txt (as nobody)", for_nobody, [*NOBODY, *C, "secret.txt", "good.txt"],
          lambda r, d: r.returncode == 2 and "good.txt:1:4" in out(r), needs_root=True),
    Repro("unreadable folder, --verbose (as nobody)", for_nobody, [*NOBODY, *C, "--verbose", "."],
          lambda r, d: "locked: skipped" in out(r), needs_root=True),
    Repro("S102: 200,000 lines ending with ')' (captions' credits), 20 s limit",
          write("p.txt", "See the function call foo(x)\n" * 200_000),
          "timeout -s KILL 20 {C} --select S102 p.txt", lambda r, d: r.returncode in (0, 1), shell=True),
    Repro(".copylint_cache outside git", both(write(".copylint.yaml", 'formats: {"*.json": i18n-json}\n'),
                                              write("a.json", '{"a": "Two  spaces."}\n')),
          "{P} -m lint check --format json . >/dev/null; {P} -m lint check --format json .",
          lambda r, d: json.loads(r.stdout)["summary"]["files"] == 1, shell=True),
    # L101 looked for a changelog's numbers at a line's end from every `#` on it: past the limit, 0.28 s since
    Repro("L101: 40,000 '#1, ' on a line of a Chinese page not ending in a number",
          both(write("a.md", "这是中文的说明文字，用来测试。\n\nFix the bug in the parser and the lexer " + "#1, " * 40_000 + "x\n"),
               write(".copylint.yaml", "language: zh\n")),
          [PY, "-m", "lint", "check", "--no-cache", "--select", "L101", "a.md"],
          lambda r, d: r.returncode == 1 and "L101" in out(r)),
    # B102's two-option branch was nested lazy runs, cubic where a copied msgid breaks its line: > 40 s at 28 KB
    Repro("B102: a copied msgid 'set -a and -a and … done\\nThe end' of 28 KB, 20 s limit",
          write("c.po", 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n' + 'msgid "{0}"\nmsgstr "{0}"\n'.format(
              "set " + "-a and " * 4000 + "done\\nThe end of it all here.")),
          "timeout -s KILL 20 {C} --select B102 c.po", lambda r, d: r.returncode == 1 and "B102" in out(r), shell=True),
    # S110's line pattern was tried at every character of a blank line: 5.9 s for 20,000 spaces (review h125)
    Repro("S110: separators around a line of 200,000 spaces, 20 s limit",
          write("s.txt", "The council met on Monday and voted to delay the budget until the members had read it.\n\n"
                + "|\nA headline\n|\n" + " " * 200_000 + "\n|\nAnother\n|\nThird\n"),
          "timeout -s KILL 20 {C} --select S110 s.txt", lambda r, d: r.returncode in (0, 1), shell=True),
    # W105 asked every translation of the catalogue whether it held each run, and compiled a regex per
    # token: 83.5 s at 9bbb69d, 4.8 s since (review h115 item 8)
    Repro("W105: 20,000 PO entries, every source and translation with runs of spaces, 20 s limit",
          write("a.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
                + "".join(f'msgid "Entry {i} =  the  value"\nmsgstr "Entrée {i}  =  la valeur  ici"\n\n'
                          for i in range(20_000))),
          "timeout -s KILL 20 {C} --select W105 a.po", lambda r, d: r.returncode == 1 and "W105" in out(r), shell=True),
    # --- issue 18, h167: searches that read a run from each of its offsets (figures: this machine, 2 cores
    # shared, before at main 93a2d9f / after) ---
    # builder._URL's e-mail branch, run on every file's words that hold an `@`: 26.4 s / 0.49 s
    Repro("URL masking: a .txt word of 40,000 'a.' then '@x', 20 s limit",
          write("a.txt", "a." * 40_000 + "@x\n"),
          "timeout -s KILL 20 {C} a.txt", lambda r, d: r.returncode in (0, 1) and no_traceback(r), shell=True),
    # bilingual._EMAIL, on every entry a B rule compares: over 40 s (killed) / 0.64 s
    Repro("B rules' e-mail masking: a PO entry of 80 KB of 'a.' in source and translation, 20 s limit",
          write("a.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
                + 'msgid "{0}"\nmsgstr "{0}"\n'.format("a." * 40_000)),
          "timeout -s KILL 20 {C} a.po", lambda r, d: r.returncode in (0, 1) and no_traceback(r), shell=True),
    # po._MSGID_MARKUP, asked of every PO file that names no markup: 18.1 s / 0.46 s
    Repro("PO: 100,000 blank lines between the header and an entry, 20 s limit",
          write("a.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "\n" * 100_000
                + 'msgid "x"\nmsgstr "y"\n'),
          "timeout -s KILL 20 {C} a.po", lambda r, d: r.returncode in (0, 1) and no_traceback(r), shell=True),
    # markup._MD_HINT, asked of each string of a catalogue whose references name .md files: 37.7 s / 2.4 s
    # with B108 left out; with every rule, over 60 s before, 0.19 s since B108 reads a string's end linearly (h155)
    Repro("Markdown hint: a PO msgid from a.md of 20,000 '\\n' then x, 20 s limit",
          write("a.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
                + '#: a.md:1\nmsgid "' + "\\n" * 20_000 + 'x"\nmsgstr "y"\n'),
          "timeout -s KILL 20 {C} a.po", lambda r, d: r.returncode in (0, 1) and no_traceback(r),
          shell=True),
    # lint/custom/text._END, the sentences of a metric or occurrence rule: 22.5 s / 0.50 s
    Repro("custom metric rule: a line of 20,000 dots, 20 s limit",
          both(write(".copylint.yaml", "custom-rules:\n  - {code: X.a.read, kind: metric, "
                     "formula: flesch-kincaid-grade, max: 12, min-words: 1}\n"),
               write("dots.txt", "word " + "." * 20_000 + "x\n")),
          "timeout -s KILL 20 {P} -m lint check --no-cache dots.txt",
          lambda r, d: r.returncode in (0, 1) and no_traceback(r), shell=True),
    # rst._INLINE's role, tried at every ':' of a paragraph: 15.1 s / 0.17 s
    Repro("rst: a paragraph of 50,000 ':a' then a role, 20 s limit",
          write("a.rst", "Title\n=====\n\nx " + ":a" * 50_000 + " :b:`y`\n"),
          "timeout -s KILL 20 {C} a.rst", lambda r, d: r.returncode in (0, 1) and no_traceback(r), shell=True),
    # --- issue 18, h170 (bench/pattern_audit.py's leads followed to the CLI; figures: this machine, 2 cores
    # shared by 7, CPU s before at c87f6c4 / after) ---
    # rst._REFNAME, searched across a run of name characters from each word edge in it: 13.3 s / 0.30 s
    Repro("rst: a paragraph of ' ._.' then 20,000 'a.', 20 s limit",
          write("a.rst", "Title\n=====\n\nSee ._." + "a." * 20_000 + " here.\n"),
          "timeout -s KILL 20 {C} a.rst", lambda r, d: r.returncode in (0, 1) and no_traceback(r), shell=True),
    # the link text of rst._INLINE_REST and markup's role title, a run of spaces read from each: 28.9 s / 0.40 s
    Repro("PO with reST roles: a role of 40,000 spaces, 20 s limit",
          write("a.po", 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                + "".join(f'\n#: library/x.rst:{i}\nmsgid "See :func:`f{i}` now."\nmsgstr "Voir :func:`f{i}` ici."\n'
                          for i in range(5))
                + '\n#: library/x.rst:9\nmsgid "See :term:`g` now."\nmsgstr "Voir :term:`x' + " " * 40_000 + 'y` ici."\n'),
          "timeout -s KILL 20 {C} a.po", lambda r, d: r.returncode in (0, 1) and no_traceback(r), shell=True),
    # xliff._TOKEN's doctype, exponential in the comments before a quote in a processing instruction:
    # killed at 60 s / 0.16 s, for 400 bytes
    Repro("XLIFF: a doctype of 22 comments then <?pi it's?>, 20 s limit",
          write("a.xlf", '<?xml version="1.0"?>\n<!DOCTYPE xliff [' + "<!-- c -->" * 22 + "<?pi it's?>]>\n"
                '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
                'target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Hello '
                "world.</source><target>Bonjour.</target></trans-unit></body></file></xliff>\n"),
          "timeout -s KILL 20 {C} a.xlf", lambda r, d: r.returncode in (0, 1) and no_traceback(r), shell=True),
    # --- issue 18, h184 and h187: patterns read once (a52e27d and after; figures: wall s, 2 loaded cores, copylint
    # check of the same shape at a smaller size before, in h184's commit and h187's report) ---
    # W101 _LEADING: each CRLF also tried as CR then LF (2**n): 24 lines 19.9 s / 0.8 s
    Repro("W101 _LEADING: a .txt of 30 CRLF blank lines and nothing else, 20 s limit", write("a.txt", "\r\n" * 30),
          "timeout -s KILL 20 {C} a.txt", _finished, shell=True),
    # S102 _CODE_NEXT: the same split of the blank lines after a colon: 24 lines 28.6 s / 0.9 s
    Repro("S102 _CODE_NEXT: a .md 'Log in:' then 30 CRLF blank lines then prose, 20 s limit",
          write("a.md", "# Title\r\n\r\nLog in:" + "\r\n" * 30 + "Then the prose goes on.\r\n"),
          "timeout -s KILL 20 {C} a.md", _finished, shell=True),
    # W103 _RST_TITLE: a long line after blank lines, no underline (quadratic): 32 KB 29.1 s / 1.2 s
    Repro("W103 _RST_TITLE: a .rst of three blank lines then a 64 KB line, 20 s limit",
          write("a.rst", "Intro paragraph.\n\n\n\n" + ("word " * 13_000).strip() + "\n"),
          "timeout -s KILL 20 {C} a.rst", _finished, shell=True),
    # i18n-json _SELECTOR: `{count, plural,` then blanks and no branch: 32 KB killed at 120 s / 0.8 s
    Repro("i18n-json _SELECTOR: a plural then 32 KB of spaces, 20 s limit",
          both(write(".copylint.yaml", 'formats: {"*.json": i18n-json}\n'),
               write("a.json", '{"items": "{count, plural,' + " " * 32_768 + '}"}\n')),
          "timeout -s KILL 20 {P} -m lint check --no-cache a.json", _finished, shell=True),
    # i18n-yaml _SELECTOR: an offset of 32,768 digits and no branch (quadratic)
    Repro("i18n-yaml _SELECTOR: a plural's offset of 32,768 digits, 20 s limit",
          both(write(".copylint.yaml", 'formats: {"*.yaml": i18n-yaml}\n'),
               write("a.yaml", "items: '{count, plural, offset:" + "1" * 32_768 + "}'\n")),
          "timeout -s KILL 20 {P} -m lint check --no-cache a.yaml", _finished, shell=True),
    # B102 _CITATION: an untranslated reST msgid that starts with blanks (quadratic): 32 KB 13.4 s / 1.0 s
    Repro("B102 _CITATION: a PO msgid from a .rst of 64 KB of spaces then words, untranslated, 20 s limit",
          write("a.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
                + "#: whatsnew/3.0.rst:12\n" + "".join(f'{k} "{" " * 65_536}Make print a function."\n'
                                                     for k in ("msgid", "msgstr"))),
          "timeout -s KILL 20 {C} a.po", _finished, shell=True),
    # P105 _QUOTED: `"` then a token of 32,768 `f(` (quadratic): 16K 17.2 s / 1.3 s
    Repro("P105 _QUOTED: a .txt of '\"' then 32,768 'f(', 20 s limit",
          write("a.txt", 'The call was "' + "f(" * 32_768 + "\n"), "timeout -s KILL 20 {C} a.txt", _finished, shell=True),
    # P105 _QUOTED: a line of 4,096 `“(` and no `”` (each `“` read the rest of the line): over 120 s / 1.7 s
    Repro("P105 _QUOTED: a .txt line of 4,096 '“(', 20 s limit",
          write("a.txt", "The call was " + "“(" * 4096 + "\n"), "timeout -s KILL 20 {C} a.txt", _finished, shell=True),
    # T106 _NAMED: placeholders joined by commas, no noun after (2**n): 24 of them 17.4 s / 1.5 s
    Repro("T106 _NAMED: a .txt of 30 '%d' joined by commas, 20 s limit",
          write("a.txt", "Values: " + ",".join(["%d"] * 30) + ".\n"), "timeout -s KILL 20 {C} a.txt", _finished, shell=True),
    # --- issue 18, h193 (figures: user CPU s of `copylint check --select T106`, 2 cores shared by 7, 650d5fe / after) ---
    # T106 _NAMED read each placeholder's list to its end (quadratic): 8,000 3.8 s, 16,000 13.8 s / 0.66 s, 0.97 s
    Repro("T106 _named: a .txt of 16,000 '%d' joined by commas, 20 s limit",
          write("a.txt", "Values: " + ",".join(["%d"] * 16_000) + ".\n"),
          "timeout -s KILL 20 {C} --select T106 a.txt", _finished, shell=True),
    # P105 paired each bracket against the whole stack, the rest of the text, the text before it (user CPU s of
    # copylint check --select P105, 2 cores loaded 3-fold, 650d5fe / after): over 32 s (killed at 120 s wall) / 0.56 s
    Repro("P105 _paired: a .txt paragraph of 32,000 '(' then 32,000 ']', 20 s limit",
          write("a.txt", "(" * 32_000 + "]" * 32_000 + "\n"), "timeout -s KILL 20 {C} --select P105 a.txt", _finished,
          shell=True),
    # the text before each `)` copied and stripped of its run: 15.3 s / 0.69 s
    Repro("P105 _paired: a .txt line of 'x ' then 60,000 ')', 20 s limit",
          write("a.txt", "x " + ")" * 60_000 + "\n"), "timeout -s KILL 20 {C} --select P105 a.txt", _finished, shell=True),
    # each `(` left open looked through every smiley: 14.2 s / 0.43 s
    Repro("P105 _never_closed: a .txt paragraph of 10,000 ':) ' then 30,000 '(', 20 s limit",
          write("a.txt", ":) " * 10_000 + "(" * 30_000 + "\n"), "timeout -s KILL 20 {C} --select P105 a.txt", _finished,
          shell=True),
    # S107 searched a mark's whole line for code and copied the text before it, for each mark on the line: 16 KB
    # 2.14 s / 0.20 s, 64 KB over 30 s (killed at 120 s wall, load 12) / 0.30 s
    Repro("S107: a .txt line of 5,000 'Is it over ? ', 20 s limit",
          write("a.txt", "Is it over ? " * 5_000 + "\n"), "timeout -s KILL 20 {C} --select S107 a.txt", _finished,
          shell=True),
    # S103 copied the text before each cut, counted the quotation marks on both sides and split the paragraph
    # to ask whether it is a headline, for each cut: 67 KB 2.52 s / 0.14 s
    Repro("S103: a .txt paragraph of 1,150 'Prices rose by 20… The central bank is expected to act. ', 20 s limit",
          write("a.txt", "Prices rose by 20… The central bank is expected to act. " * 1_150 + "\n"),
          "timeout -s KILL 20 {C} --select S103 a.txt", _finished, shell=True),
    # P101 searched the paragraph from its start for the attribution before each orphaned closer, copied the text
    # after it and compared every sentence's start: 65 KB 1.90 s / 0.38 s; 73 KB of the second 3.31 s / 0.24 s
    Repro("P101: a .txt paragraph of 1,300 'He said. We will rebuild the bridge by spring.” ', 20 s limit",
          write("a.txt", "He said. We will rebuild the bridge by spring.” " * 1_300 + "\n"),
          "timeout -s KILL 20 {C} --select P101 a.txt", _finished, shell=True),
    Repro("P101: a .txt paragraph of 1,700 '“First quote” and then a second one” ', 20 s limit",
          write("a.txt", "“First quote” and then a second one” " * 1_700 + "\n"),
          "timeout -s KILL 20 {C} --select P101 a.txt", _finished, shell=True),
    # T101 split the paragraph to ask whether it is a title for each quoted run (and a heading for each word),
    # and searched to its end for a run's closing mark: 64 KB 2.34 s / 0.23 s
    Repro("T101: a .txt paragraph of 730 lines 'A member of the group said, \"These Are Tough Times…\"', 20 s limit",
          write("a.txt", 'A member of the group said, "These Are Tough Times for everyone. We hope it ends soon."\n' * 730),
          "timeout -s KILL 20 {C} --select T101 a.txt", _finished, shell=True),
    # the cut between a big text's blocks read a run of blank lines with nothing visible after it from each of its
    # lines: killed at 120 s wall (28.2 s user, load 12) / 1.69 s user. Peak memory (h200, /usr/bin/time): 373 MB at
    # 84d2737 (`re`'s backtracking state for each line of a greedy run: the text reader's _GAP 300 MB, W103's 374 MB
    # traced), 125 MB with both possessive; of that, 84 MB is the file's line starts, one int a line (for positions)
    Repro("big .txt: 'x' then 2 MB of blank lines, 20 s limit", write("a.txt", "x\n" + "\n" * (1 << 21)),
          "timeout -s KILL 20 {C} a.txt", _finished, shell=True),
    # --- issue 18, h200 (figures: user CPU s of `copylint check`, 2 cores shared by 7, 84d2737 / after) ---
    # markdown._MDX_SWITCH split a run of blanks after a switch's opening every way (quadratic): 20.1 s / 0.27 s
    Repro("MDX switch: a .mdx of '{/*copylint-disable-file' then 64,000 spaces, 20 s limit",
          write("a.mdx", "# Title\n\n{/*copylint-disable-file" + " " * 64_000 + "\n"),
          "timeout -s KILL 20 {C} a.mdx", _finished, shell=True),
    # --- issue 18, h205 (figures: user CPU s of `copylint check`, 2 cores shared by 7, 24765da / after; the sizes
    # here are past 20 s at 24765da: each search read the rest of a run from each of its characters, n**2 / 2) ---
    # text._BLOCK, a .txt with CRLF line ends and a line of n spaces: 0.84 s at 8,000, 3.52 s at 16,000 / 0.28 s at 64,000
    Repro("plain-text blocks: a CRLF .txt with a line of 64,000 spaces, 20 s limit",
          write("a.txt", "Title line\r\n" + " " * 64_000 + "\r\nMore text.\r\n"),
          "timeout -s KILL 20 {C} a.txt", _finished, shell=True),
    # subtitles._TAG, a cue line of '<z': 1.89 s at 64,000, 7.48 s at 128,000 / 0.33 s, 0.55 s
    Repro("subtitle tags: a .srt cue line of 256,000 characters of '<z', 20 s limit",
          write("a.srt", "1\n00:00:01,000 --> 00:00:02,000\n" + "<z" * 128_000 + "\n"),
          "timeout -s KILL 20 {C} a.srt", _finished, shell=True),
    # L101's _QUOTED, a French page's paragraph, an English sentence then '『.': 0.61 s at 32,000, 2.77 s at 64,000 /
    # 0.45 s, 0.43 s (0.61 s at 128,000)
    Repro("L101 glosses: a fr/ .md paragraph of 256,000 characters of '『.', 20 s limit",
          write("fr/a.md", "# Titre\n\nLe chat dort sur la table et il est content. The cat is sleeping on the table "
                           "with the dog and it is very happy today. " + "『." * 128_000 + "\n"),
          "timeout -s KILL 20 {C} fr/a.md", _finished, shell=True),
    # S110's _TITLE_SPLIT, a .txt's first line 'a', n spaces, 'b', and a line S102 reports: 2.29 s at 16,000, 6.17 s
    # at 32,000 / 0.34 s, 0.38 s (0.35 s at 64,000)
    Repro("S110 title: a .txt whose first line holds 64,000 spaces, 20 s limit",
          write("a.txt", "a" + " " * 64_000 + "b\n\nSeveral crashes fixed\n\nAdvertisement\n\nThe update is free.\n"),
          "timeout -s KILL 20 {C} a.txt", _finished, shell=True),
    # --- issue 18, h204 (user CPU s and max RSS of `copylint check --no-cache`, 2 cores shared, 24765da / after) ---
    # each comment switch's opening read to the first `>` after it, once per opening: 17.1 s / 0.5 s
    Repro("comment switches: a .md line of 8,000 '<!--copylint-disable ' and no '>', 20 s limit",
          write("a.md", "<!--copylint-disable " * 8_000 + "\n"), "timeout -s KILL 20 {C} a.md", _finished, shell=True),
    # the same for MDX's expression comments: 19.0 s / 0.9 s
    Repro("MDX switches: a .mdx line of 8,000 '{/*copylint-disable ', 20 s limit",
          write("a.mdx", "{/*copylint-disable " * 8_000 + "\n"), "timeout -s KILL 20 {C} a.mdx", _finished, shell=True),
    # XLIFF's `copylint: disable=` comment read its trailing blanks again from each one: 2.6 s / 0.2 s at 20,000 (quadratic: 100,000 here)
    Repro("XLIFF disable comment: codes then 100,000 spaces and '!', 20 s limit",
          write("a.xlf", '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                '<file source-language="en" target-language="fr" datatype="plaintext" original="a"><body>'
                "<!-- copylint: disable=T101" + " " * 100_000 + "! --><trans-unit id=\"1\"><source>Hello.</source>"
                "<target>Bonjour.</target></trans-unit></body></file></xliff>\n"),
          "timeout -s KILL 20 {C} a.xlf", _finished, shell=True),
    # a million CRLF blank lines: W106 listed every line ending, W103 every ending of the run, the line starts
    # were a list: max RSS 195 MB / 58 MB (2 million CR: 238 MB / 57 MB; 'x' + 2 MB of LF: 118 MB / 57 MB)
    Repro("CRLF .txt: 'x' then a million blank CRLF lines, 20 s limit", write("a.txt", "x" + "\r\n" * 1_000_000),
          "timeout -s KILL 20 {C} a.txt", _finished, shell=True),
]


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))


def run(repro: Repro, folder: Path) -> tuple[str, str, str, str, str]:
    if repro.needs_root and os.geteuid() != 0:
        return "skipped", "-", "-", "-", "needs root"
    repro.setup(folder)
    command = repro.command(folder) if callable(repro.command) else repro.command
    if repro.shell:
        script = command if isinstance(command, str) else " ".join(command)
        script = script.replace("{C}", " ".join(C)).replace("{P}", PY)
        argv = ["bash", "-c", script]
    else:
        argv = list(command)
    stdin = open(folder / repro.stdin, "rb") if repro.stdin else subprocess.DEVNULL
    times = folder.parent / f"{folder.name}.time"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COPYLINT_CACHE_DIR": "", **repro.env}
    try:
        r = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", str(times), "timeout", "-s", "KILL", str(LIMIT_S),
                            *argv], cwd=folder, stdin=stdin, capture_output=True, env=env, preexec_fn=limit_memory,
                           timeout=LIMIT_S + 30)
    finally:
        if repro.stdin:
            stdin.close()  # type: ignore[union-attr]
    wall, peak_kb = (times.read_text().split()[-2:] + ["?", "?"])[:2] if times.exists() else ("?", "?")
    message = next((line.strip() for line in out(r).splitlines() if line.strip()), "")
    ok = "ok" if r.returncode not in (124, 137) and repro.expect(r, folder) else "NOT OK"
    peak = f"{int(peak_kb) / 1024:.0f}" if peak_kb.isdigit() else "?"
    return wall, peak, str(r.returncode), ok, message[:150]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run the repros whose name contains this")
    args = parser.parse_args()
    failures = 0
    print("| input | time s | peak MB | exit | outcome | message |\n|---|---|---|---|---|---|")
    for repro in REPROS:
        if args.only and args.only not in repro.name:
            continue
        base = Path(tempfile.mkdtemp(prefix="copylint-repro-"))
        folder = base / "w"
        folder.mkdir()
        try:
            wall, peak, code, ok, message = run(repro, folder)
        except Exception as exc:  # the harness itself: say so and go on
            wall, peak, code, ok, message = "?", "?", "?", "NOT OK", f"harness: {exc!r}"
        finally:
            subprocess.run(["umount", str(folder / "disk")], capture_output=True)
            subprocess.run(["chmod", "-R", "u+rwx", str(base)], capture_output=True)
            shutil.rmtree(base, ignore_errors=True)
        failures += ok == "NOT OK"
        shown = message.replace("|", "\\|")
        print(f"| {repro.name} | {wall} | {peak} | {code} | {ok} | {shown} |", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

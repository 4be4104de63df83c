"""The engine's guard: a reader or rule that crashes (or a Rust parser that panics) costs that file one
error line, exit 2; every other file is still linted; the traceback only under --verbose; the language
server answers an error and stays up. Crashing rules are fakes (tests/crashing_rules.py), named so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.formats import markdown
from lint.formats.markdown_fallback import tree as fallback_tree
from lint.guard import describe, is_crash, is_panic
from lint.model import Source
from tests.conftest import ROOT, SHARED
from tests.raw_lsp import RawClient

PANICS = "[`x  y\n"  # markdown-it-pyrs 0.4: index out of bounds in its code-span scanner


def _with_fakes(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real CLI in a process that has the fake crashing rules registered."""
    code = ("import sys; from tests.crashing_rules import install; install(); from lint.cli import main; "
            f"sys.argv = ['copylint', *{list(args)!r}]; main()")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RUST_BACKTRACE": "1"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=120)
    return proc


def _real_panic() -> BaseException:
    from markdown_it_pyrs import MarkdownIt

    try:
        with markdown.quiet_stderr():
            MarkdownIt("commonmark").tree("[`x\n")
    except BaseException as exc:  # the panic is a BaseException
        return exc
    pytest.skip("this markdown-it-pyrs no longer panics on an unclosed code span after '['")


def test_a_panic_is_a_crash_and_interrupts_are_not():
    panic = _real_panic()
    assert not isinstance(panic, Exception) and is_panic(panic) and is_crash(panic)
    assert is_crash(ValueError("x"))
    assert not is_crash(KeyboardInterrupt()) and not is_crash(SystemExit(1))
    assert describe(ValueError("first line\nsecond line")) == "ValueError: first line"


def test_crashing_rules_cost_one_line_each_and_the_other_files_are_linted(tmp_path):
    (tmp_path / "a.txt").write_text("BOOM here.\n")
    (tmp_path / "b.txt").write_text("PANIC here.\n")
    (tmp_path / "c.txt").write_text("Two  spaces.\n")
    r = _with_fakes("check", "--isolated", "--no-cache", "a.txt", "b.txt", "c.txt", cwd=tmp_path)
    out = r.stdout + r.stderr
    assert r.returncode == 2, out
    assert "a.txt: internal error in rule Z901: ValueError: this fake rule always fails on BOOM" in out
    assert "b.txt: internal error in rule Z902: panic: index out of bounds" in out
    assert "c.txt:1:4: W105" in out
    assert "Traceback" not in out and "panicked" not in out and "stack backtrace" not in out


def test_the_traceback_only_under_verbose(tmp_path):
    (tmp_path / "a.txt").write_text("BOOM here.\n")
    r = _with_fakes("check", "--isolated", "--no-cache", "--verbose", "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "Traceback" in r.stderr and "check_segment" in r.stderr


def test_a_crash_while_fixing_leaves_the_file_as_it_was(tmp_path):
    (tmp_path / "a.txt").write_text("Two  spaces and BOOM.\n")
    (tmp_path / "c.txt").write_text("Two  spaces.\n")
    r = _with_fakes("check", "--isolated", "--no-cache", "--fix", "a.txt", "c.txt", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert (tmp_path / "a.txt").read_text() == "Two  spaces and BOOM.\n"
    assert (tmp_path / "c.txt").read_text() == "Two spaces.\n"


def test_a_markdown_file_that_panics_the_rust_parser_is_read_by_markdown_it_py(run, tmp_path):
    (tmp_path / "p.md").write_text(PANICS)
    (tmp_path / "good.md").write_text("Two  spaces [here.\n")
    r = run("check", "--isolated", "--no-cache", "--format", "json", "p.md", "good.md", cwd=tmp_path,
            env={"RUST_BACKTRACE": "1"})
    assert r.returncode == 1, r.stdout + r.stderr
    found = {(f["path"], f["code"], f["start"]["column"]) for f in json.loads(r.stdout)["findings"]}
    # (P105: the '[' never closed; W105 leaves a run in a page's prose alone, the page shows one space)
    assert ("p.md", "P105", 1) in found and ("good.md", "P105", 13) in found
    assert r.stderr == ""  # no panic message: the Rust hook's output is kept off the terminal


FALLBACK_CASES = [
    "# Title  here\n\nSome [link `code`](http://a.b/c d) and *emph* &amp; more  text.\n",
    "---\ntitle: x\n---\n\nA paragraph with ![alt  text](img.png \"t\") and <b>html</b> inline.\n",
    "| a | b |\n|---|---|\n| cell  one | two |\n\n- item  one\n- item [ref][r]\n\n[r]: http://x.y\n",
    "> quoted  text\\* and\n> more\n\n    code  block\n\n```\nfenced  code\n```\n\nLast  line.\r\n",
    "Café au lait — “quotes” and 😀 emoji  here, <http://auto.link>, a\\\nhard break.\n",
    # Footnotes (mdit-py-plugins' footnote plugin, as markdown-it-pyrs's): references, a note referenced
    # twice, one never referenced, notes over paragraphs and in a quote, pandoc's inline note, in a cell.
    "Text with a note[^a], again[^a], and[^long] here.\n\n[^a]: The  note's text.\n\n[^unused]: Not read.\n\n"
    "[^long]: A longer  note\nlazy line.\n\n    Its second paragraph.\n\n    - a list in it\n",
    "> Quoted[^q] text.\n>\n> [^q]: The  quoted note.\n\nInline^[pandoc *note*] too.\n\n"
    "| a | b |\n|---|---|\n| cell^[a  note] x | [^n] two |\n\n[^n]: n\n",
    "Café[^é] — “x”.\r\n\r\n[^é]: Noté  é 😀.\r\n",
    # Definition lists (mdit-py-plugins' deflist plugin): tight, loose, over lines and paragraphs.
    "Term one\n: Its  definition.\n\nTerm *two*\n:   Second definition\n    over lines.\n\n    A second  paragraph.\n\n"
    "Term three\n\n: Loose  one.\n\n~ Another[^d].\n\n[^d]: Noted.\n",
]


@pytest.mark.parametrize("text", FALLBACK_CASES)
def test_the_fallback_reads_as_the_rust_parser_does(text):
    source = Source("x.md", text)
    expected = markdown.parse(source)
    walk = markdown._FallbackWalk(text, source.line_starts(), [])
    walk.root(fallback_tree(text, source.line_starts()))  # (root: the notes in their place, as parse reads them)
    got = [(s.text, s.kind, s.anchors, s.opaque) for s in walk.segments]
    assert got == [(s.text, s.kind, s.anchors, s.opaque) for s in expected.segments]
    # What is markup (a footnote's reference, an inline note's `^[` and `]`), ranges that touch as one.
    assert _joined(walk.protected) == _joined(expected.protected)


def _joined(ranges):
    out: list[list[int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def test_the_fallback_reads_the_rust_book_as_the_rust_parser_does():
    files = sorted((SHARED / "corpus" / "rust-book").glob("*.md"))
    if not files:
        pytest.skip("../shared/corpus/rust-book is not here")
    for path in files:
        text = path.read_text(encoding="utf-8")
        source = Source(str(path), text)
        expected = markdown.parse(source)
        walk = markdown._FallbackWalk(text, source.line_starts(), [])
        walk.root(fallback_tree(text, source.line_starts()))
        assert [(s.text, s.anchors, s.opaque) for s in walk.segments] == [
            (s.text, s.anchors, s.opaque) for s in expected.segments], path.name


@pytest.fixture
def lsp_with_fakes(tmp_path):
    code = "from tests.crashing_rules import install; install(); from lint.lsp import command; command()"
    client = RawClient(sys.executable, "-c", code)
    client.start(tmp_path)
    yield client
    client.close()


def test_the_server_answers_a_negative_position_with_an_error_and_stays_up(lsp_with_fakes, tmp_path):
    client = lsp_with_fakes
    uri = (tmp_path / "a.txt").as_uri()
    client.open(uri, "Two  spaces.\n")
    assert client.diagnostics_for(uri)
    client.code_action(2, uri, (-1, -5), (0, 3))
    reply = client.reply_to(2)
    assert reply is not None and reply["error"]["code"] == -32602, reply
    client.code_action(3, uri, (0, 0), (0, 8))
    reply = client.reply_to(3)
    assert reply is not None and any("W105" in a["title"] for a in reply["result"])


def test_a_crashing_rule_or_a_panicking_parser_costs_the_server_one_document(lsp_with_fakes, tmp_path):
    client = lsp_with_fakes
    crash, panic, good = (tmp_path / n for n in ("a.txt", "p.md", "c.txt"))
    client.open(crash.as_uri(), "BOOM  here.\n")
    assert client.diagnostics_for(crash.as_uri()) == []
    client.open(panic.as_uri(), PANICS, "markdown")
    assert "P105" in [d["code"] for d in client.diagnostics_for(panic.as_uri()) or []]  # the '[' never closed
    client.send({"id": 4, "method": "codeAction/resolve", "params": {
        "title": "Fix all", "kind": "source.fixAll.copylint", "data": {"uri": crash.as_uri(), "version": 1}}})
    reply = client.reply_to(4)
    assert reply is not None and "error" in reply and "Z901" in reply["error"]["message"], reply
    client.open(good.as_uri(), "Two  spaces.\n")
    assert [d["code"] for d in client.diagnostics_for(good.as_uri()) or []] == ["W105"]


def test_a_markdown_file_that_panics_the_rust_parser_is_fixed_too(run, tmp_path):
    path = tmp_path / "p.md"
    path.write_text("Hello  there [`x\n\nMore  text.\n")
    # (W105 fixes a run in a page's prose where asked: the page shows one space)
    (tmp_path / "runs.yaml").write_text("rules: {W105: {in-rendered-documents: true}}\n")
    r = run("check", "--config", "runs.yaml", "--no-cache", "--fix", "p.md", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr  # P105 remains: '[' is never closed
    assert path.read_text() == "Hello there [`x\n\nMore text.\n"

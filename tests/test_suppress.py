"""lint/suppress.py: unknown codes and unused switches, found where the switch is written."""

from __future__ import annotations

import json

import pytest

import lint
from lint.config import Config
from lint.engine import Linter, Selection
from lint.formats import parse
from lint.model import Source
from lint.suppress import unknown_codes, unused

MD = (
    "# Notes\n"
    "\n"
    "<!-- copylint-disable-next-line T102 -->\n"
    "We saw the the results.\n"
    "\n"
    "<!-- copylint-disable-next-line S1O2 -->\n"
    "Plain text here.\n"
)


def _doc(text: str, path: str, fmt: str):
    return parse(Source(path, text), fmt)


def test_unknown_code_is_reported_on_its_line():
    doc = _doc(MD, "notes.md", "markdown")
    found = unknown_codes(doc)
    assert [(f.code, doc.source.position(f.start).line) for f in found] == [("C001", 6)]
    assert "S1O2" in found[0].message


def test_known_codes_and_slugs_are_not_reported():
    doc = _doc("<!-- copylint-disable-next-line repeated-word, W -->\nThe the cat.\n", "a.md", "markdown")
    assert unknown_codes(doc) == []


def test_used_switch_is_not_reported_and_unused_one_is():
    doc = _doc(MD, "notes.md", "markdown")
    before = Linter(Selection()).checker(Config()).check(doc)
    assert any(f.code == "T102" for f in before)
    lines = [doc.source.position(f.start).line for f in unused(doc, before)]
    assert lines == [6]  # line 3 silenced T102; line 6 silenced nothing


def test_po_switch_unused():
    text = '# copylint: disable=B102\nmsgid "Supprimer le fichier"\nmsgstr "Delete the file"\n'
    doc = _doc(text, "m.po", "po")
    found = unused(doc, lint.check_text(text, path="m.po"))
    assert [(f.code, doc.source.position(f.start).line) for f in found] == [("C002", 1)]


def test_switch_for_a_rule_that_did_not_run_is_idle():
    doc = _doc(MD, "notes.md", "markdown")
    assert unused(doc, [], ran=lambda code: False) == []


# Through the real command: C001 is on by default, C002 only with --report-unused-disables.
PAGE = (
    "# Release notes\n"
    "\n"
    "<!-- copylint-disable-next-line T102 -->\n"
    "We saw the the results.\n"
    "\n"
    "<!-- copylint-disable-next-line W105 -->\n"
    "A clean line.\n"
    "\n"
    "<!-- copylint-disable-next-line S1O2 -->\n"
    "Another clean line.\n"
)


def _found(run, tmp_path, *args):
    (tmp_path / "notes.md").write_text(PAGE)
    r = run("check", "--isolated", "--no-cache", "--format", "json", *args, "notes.md", cwd=tmp_path)
    return r.returncode, [(f["code"], f["start"]["line"]) for f in json.loads(r.stdout)["findings"]]


def test_unknown_code_is_reported_by_the_command(run, tmp_path):
    code, found = _found(run, tmp_path)
    assert (code, found) == (1, [("C001", 9)])


def test_report_unused_disables_names_the_idle_switches_line(run, tmp_path):
    code, found = _found(run, tmp_path, "--report-unused-disables")
    # Line 3 silenced T102 (used); line 6 names W105, which ran and found nothing there; line 9's
    # code is unknown (C001), and names no rule that could have run, so it is not also C002.
    assert (code, found) == (1, [("C002", 6), ("C001", 9)])


def test_c_rules_are_selected_and_ignored_like_any_other(run, tmp_path):
    assert _found(run, tmp_path, "--ignore", "C001")[1] == []
    assert _found(run, tmp_path, "--select", "T102,C002")[1] == []  # the T102 switch was used
    assert _found(run, tmp_path, "--select", "W105,C002")[1] == [("C002", 6)]


@pytest.mark.parametrize("switch, reported", [
    ("<!-- copylint-disable-file -->", [("C002", 1)]),  # a blanket switch does not hide its own report
    ("<!-- copylint-disable-file C002 -->", []),  # naming C002 silences it, as any code
])
def test_an_idle_file_switch_is_reported(run, tmp_path, switch, reported):
    (tmp_path / "clean.md").write_text(f"{switch}\nA clean sentence.\n")
    r = run("check", "--isolated", "--no-cache", "--format", "json", "--report-unused-disables", "clean.md",
            cwd=tmp_path)
    assert [(f["code"], f["start"]["line"]) for f in json.loads(r.stdout)["findings"]] == reported


def test_a_blanket_file_switch_still_silences_the_text(run, tmp_path):
    (tmp_path / "notes.md").write_text("<!-- copylint-disable-file -->\nWe saw the the results.\n")
    r = run("check", "--isolated", "--no-cache", "--report-unused-disables", "notes.md", cwd=tmp_path)
    assert r.returncode == 0, r.stdout


# Another prose linter's blanket switches: a style guide's "wrong" example kept out of linting
# (vuejs docs-ja's CONTRIBUTING.md shows its NG sentence between textlint switches).
PEERS_MD = (
    "We saw the the start.\n"                              # 1: reported
    "\n"
    "<!-- textlint-disable -->\n"
    "- NG: we saw the the example.\n"                      # 4: the authors' wrong example
    "<!-- textlint-enable -->\n"
    "\n"
    "<!-- vale off -->\n"
    "\n"
    "Quoted as written: the the original.\n"               # 9: Vale's switch
    "\n"
    "<!-- vale on -->\n"
    "\n"
    "<!-- textlint-disable prh -->\n"
    "\n"
    "Only one textlint rule is off: the the rest.\n"       # 15: a named rule is textlint's, not ours
    "\n"
    "<!-- textlint-enable prh -->\n"
)


def _peer_lines(run, tmp_path, name: str, text: str, *args: str) -> list[tuple[str, int]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    r = run("check", "--no-cache", "--format", "json", "--select", "T102,C", *args, name, cwd=tmp_path)
    return [(f["code"], f["start"]["line"]) for f in json.loads(r.stdout)["findings"]]


def test_other_linters_blanket_switches_silence_their_regions(run, tmp_path):
    assert _peer_lines(run, tmp_path, "notes.md", PEERS_MD, "--isolated") == [("T102", 1), ("T102", 15)]


def test_other_linters_switches_are_never_reported_unused(run, tmp_path):
    found = _peer_lines(run, tmp_path, "notes.md", PEERS_MD.replace("the the", "the"), "--isolated",
                        "--report-unused-disables")
    assert found == []


def test_other_linters_switches_can_be_ignored_by_config(run, tmp_path):
    (tmp_path / ".copylint.yaml").write_text("format-options:\n  markdown:\n    peer-switches: [vale]\n")
    assert _peer_lines(run, tmp_path, "notes.md", PEERS_MD) == [("T102", 1), ("T102", 4), ("T102", 15)]


def test_an_unknown_peer_linter_in_the_config_is_one_message(run, tmp_path):
    (tmp_path / ".copylint.yaml").write_text("format-options:\n  markdown:\n    peer-switches: [textlnt]\n")
    (tmp_path / "notes.md").write_text("Text.\n")
    r = run("check", "--no-cache", "notes.md", cwd=tmp_path)
    assert r.returncode == 2
    assert ".copylint.yaml:3" in r.stderr and "peer-switches" in r.stderr and "textlint, vale" in r.stderr


def test_html_honours_other_linters_blanket_switches(run, tmp_path):
    html = ("<html><body><p>We saw the the start.</p>\n<!-- textlint-disable -->\n"
            "<p>NG: we saw the the example.</p>\n<!-- textlint-enable -->\n<p>And the the end.</p></body></html>\n")
    assert _peer_lines(run, tmp_path, "page.html", html, "--isolated") == [("T102", 1), ("T102", 5)]


def test_a_switch_shown_in_a_code_block_switches_nothing(run, tmp_path):
    # A page documenting textlint's syntax: its example must not silence the rest of the page.
    md = ("Write this to turn textlint off:\n\n```markdown\n<!-- textlint-disable -->\n```\n\n"
          "We saw the the rest.\n")
    assert _peer_lines(run, tmp_path, "notes.md", md, "--isolated") == [("T102", 7)]


def test_copylints_own_switch_shown_in_a_code_block_switches_nothing(run, tmp_path):
    # A page documenting the switches (this project's README shows one in a fence).
    md = "Silence a whole file with:\n\n```markdown\n<!-- copylint-disable-file -->\n```\n\nWe saw the the rest.\n"
    assert _peer_lines(run, tmp_path, "notes.md", md, "--isolated") == [("T102", 7)]


CATALOGUE = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
             'msgid "one"\nmsgstr "C’est l’heure de l’été, c’est “bien”."\n\n'
             'msgid "two"\nmsgstr "L’eau et l’air, c’est “ça”."\n\n'
             'msgid "three"\nmsgstr "C\'est la vie."\n\n'
             '# copylint: disable=P102\nmsgid "four"\nmsgstr "L\'autre jour."\n')


def test_a_fix_for_several_places_never_edits_one_a_switch_silences():
    """P102 reports a catalogue's straight apostrophes once, with one fix for them all: that fix rewrote
    the apostrophe of an entry switched off for P102 (`# copylint: disable=P102`)."""
    fixed = lint.fix_text(CATALOGUE, path="fr.po")
    assert "C’est la vie." in fixed
    assert "L'autre jour." in fixed

"""Inputs from the hostile run (issue 20) that crashed a reader or a rule, each reduced to what a user
would check: a result or one clear error line, never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import lint
from lint.formats import ParseError
from lint.formats.i18n_yaml import parse as parse_yaml
from lint.model import Source

PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _codes(text: str, path: str, select: list[str] | None = None) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in lint.check_text(text, path, select=select)]


@pytest.mark.parametrize("translation", ["Voir www.[x", "Voir www.x]:80", "Voir http://[::1"])
def test_b104_reads_urls_that_urlsplit_refuses(translation):
    text = f'msgid "See www.example.org"\nmsgstr "{translation}"\n'
    assert [code for code, _ in _codes(text, "a.po", ["B104"])] == ["B104"]


@pytest.mark.parametrize("translation", [
    "Voir www.example.org？",  # a full-width question mark that NFKC makes a `?`: urlsplit refused it
    "www.example.org。を参照してください",  # an ideographic full stop glued to the host
])
def test_b104_does_not_count_punctuation_glued_to_a_host(translation):
    text = f'msgid "See www.example.org?"\nmsgstr "{translation}"\n'
    assert _codes(text, "a.po", ["B104"]) == []


def test_i18n_yaml_with_a_second_byte_order_mark_is_one_error():
    with pytest.raises(ParseError, match="second byte-order mark") as info:
        parse_yaml(Source("a.yaml", '\ufeffa: "b  c"\n'))
    assert info.value.line == 1


def test_i18n_yaml_bad_escape_is_one_error_line(run, tmp_path):
    (tmp_path / ".copylint.yaml").write_text('formats:\n  "*.yaml": i18n-yaml\n')
    (tmp_path / "a.yaml").write_text('a: "x \\x"\n')
    (tmp_path / "b.yaml").write_bytes(b'\xef\xbb\xbf\xef\xbb\xbfa: "b  c"\n')
    (tmp_path / "c.yaml").write_text('a: "Two  spaces."\n')
    r = run("check", "--no-cache", "a.yaml", "b.yaml", "c.yaml", cwd=tmp_path)
    assert r.returncode == 2
    assert "a.yaml:1: invalid YAML" in r.stdout + r.stderr
    assert "b.yaml:1: invalid YAML: a second byte-order mark" in r.stdout + r.stderr
    assert "c.yaml:1:8: W105" in r.stdout
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("char", ["\u2028", "\u0085", "\f", "\u2029", "\v"])
def test_po_accepts_in_a_string_what_gettext_accepts(char):
    text = PO_HEADER + f'msgid "Hello"\nmsgstr "Bon{char}jour  monde"\n'
    assert ("W105", "  ") in _codes(text, "a.po", ["W105"])


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_po_with_line_separators_is_valid_for_msgfmt_too(tmp_path):
    path = tmp_path / "a.po"
    path.write_text(PO_HEADER + 'msgid "Hello"\nmsgstr "Bon\u2028jour \u0085 x \f y"\n', encoding="utf-8")
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True).returncode == 0
    assert lint.check_text(path.read_text(encoding="utf-8"), "a.po", select=["W105"]) == []


def test_po_still_refuses_a_line_separator_outside_a_string():
    with pytest.raises(ParseError, match="invalid PO"):
        lint.check_text('msgid "Hello"\n\u2028msgstr "x"\n', "a.po")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_of_files_with_line_separators_is_accepted_by_git_apply(run, tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "a.po").write_text(PO_HEADER + 'msgid "Hello"\nmsgstr "Bon\u2028jour \u0085 x \f y  z"\n',
                                   encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Un\u2028deux  trois\fquatre\rcinq\n".encode())
    r = run("check", "--isolated", "--no-cache", "--diff", "a.po", "b.txt", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout.startswith("--- a/a.po"), r.stderr
    (tmp_path / "fix.diff").write_bytes(r.stdout.encode("utf-8", "surrogateescape"))
    applied = subprocess.run(["git", "apply", "fix.diff"], cwd=tmp_path, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    fixed = run("check", "--isolated", "--no-cache", "--fix", "--diff", "a.po", "b.txt", cwd=tmp_path)
    assert fixed.returncode == 0 and fixed.stdout == ""


def test_a_tampered_cache_entry_is_a_miss(run, tmp_path):
    (tmp_path / "a.txt").write_text("Two  spaces.\n")
    first = run("check", "--format", "json", "a.txt", cwd=tmp_path)
    entries = list((tmp_path / ".copylint_cache").rglob("*.json"))
    assert len(entries) == 1
    for bad in ('[{"code": "W105", "rule": "space-run", "message": "m", "start": "x", "end": 5, '
                '"severity": "info", "fix": null}]',
                '[{"code": "W105", "rule": "space-run", "message": "m", "start": 3, "end": 99999, '
                '"severity": "info", "fix": null}]',
                '{"start": 1}', '[1, 2]'):
        entries[0].write_text(bad)
        again = run("check", "--format", "json", "a.txt", cwd=tmp_path)
        assert again.returncode == 1 and "Traceback" not in again.stderr, again.stderr
        assert json.loads(again.stdout)["findings"] == json.loads(first.stdout)["findings"]


@pytest.mark.parametrize("call", [lint.check_text, lint.fix_text])
def test_the_api_refuses_lone_surrogates_with_a_value_error(call):
    with pytest.raises(ValueError, match=r"lone surrogate U\+D800 at offset 2"):
        call("a \ud800 b", "a.txt")


def test_po_with_line_separators_is_fixed():
    text = PO_HEADER + 'msgid "Hello"\nmsgstr "Bon\u2028jour \f y  z"\n'
    assert lint.fix_text(text, "a.po", select=["W105"]) == text.replace("y  z", "y z")


@pytest.mark.parametrize("section", ["<![-- x -->", "<![ x y", "<![CDATA[x]]>"])
def test_html_malformed_marked_section_is_read_as_browsers_do(section):
    """Python's HTMLParser raises AssertionError ("expected name token") on `<![-- x -->`; a browser
    reads it as a bogus comment, and so does copylint: the text after it is still checked."""
    from lint.config import Config

    text = f"<p>Before {section} after.</p>\n<p>Two  spaces.</p>\n"
    # (W105 flags a run in a page's prose where asked: the page shows one space)
    asked = Config(rule_options={"W105": {"in-rendered-documents": True}})
    assert ("W105", "  ") in [(f.code, text[f.start:f.end]) for f in lint.check_text(text, "a.html", asked, ["W105"])]
    assert lint.fix_text(text, "a.html", asked, select=["W105"]) == text.replace("Two  spaces", "Two spaces")

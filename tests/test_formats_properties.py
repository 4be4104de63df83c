"""Java .properties resource bundles: values are prose; keys, separators, comments, continuations, escapes
and MessageFormat syntax are not. (The format's own examples, in lint/formats/properties.py, run in
tests/test_formats_declared.py.)"""

from __future__ import annotations

import pytest

import lint
from lint import formats
from lint.formats import ParseError, parse
from lint.model import Source


def read(text: str, path: str = "messages_en.properties") -> list[tuple[str | None, str]]:
    return [(s.key, s.text) for s in parse(Source(path, text), "properties").segments]


def test_bundles_are_claimed_by_name_and_settings_files_are_not():
    assert formats.format_for("src/main/resources/i18n/messages_pt_BR.properties") == "properties"
    assert formats.format_for("ValidationMessages.properties") == "properties"
    assert formats.format_for("Labels_de.properties") == "properties"
    # Settings, not prose: read only when the config maps them.
    assert formats.format_for("src/main/resources/application.properties") is None
    assert formats.format_for("log4j.properties") is None
    assert formats.format_for("app.properties", {"*.properties": "properties"}) == "properties"
    assert formats.format_for_language_id("properties") == "properties"


def test_the_bundle_name_sets_the_language():
    doc = parse(Source("x/Bundle_pt_BR.properties", "a=Olá\n"), "properties")
    assert (doc.language, doc.language_from) == ("pt-BR", "file")
    doc = parse(Source("x/messages.properties", "a=Hello\n"), "properties", "de")
    assert (doc.language, doc.language_from) == ("de", "config")


def test_keys_and_separators_as_java_reads_them():
    text = "a=one\nb:two\nc three\nd   =   four\ne\\=f=five\ng\\:h\\ i six\n  j = seven  \n"
    assert read(text) == [("a", "one"), ("b", "two"), ("c", "three"), ("d", "four"), ("e=f", "five"),
                          ("g:h i", "six"), ("j", "seven")]


def test_continuations_comments_and_backslashes():
    text = ("a = first \\\n"
            "    # not a comment here \\\n"
            "    end\n"
            "# a comment \\\n"
            "b = two backslashes \\\\\n"
            "c = next\n")
    assert read(text) == [("a", "first # not a comment here end"), ("b", "two backslashes \\"), ("c", "next")]


def test_findings_point_into_values_only():
    text = "the.the = Hello  world.\nlogin=Log in in here\nphrase = Press {0}  to continue.\n"
    found = [(f.code, text[f.start:f.end]) for f in lint.check_text(text, path="messages_en.properties")]
    assert ("W105", "  ") in found
    assert ("T102", "in") in found
    # A MessageFormat argument is not a placeholder left in the text, and keys are never read.
    assert not any(code == "T106" for code, _ in found)
    assert all(f.start >= text.index("Hello") for f in lint.check_text(text, path="messages_en.properties"))


def test_fix_keeps_escapes_continuations_and_line_endings():
    text = "a=caf\\u00e9  ouvert\r\nb = Il n''y a  pas \\\r\n   de {0}.\r\n"
    fixed = lint.fix_text(text, path="messages_fr.properties")
    assert fixed == "a=caf\\u00e9 ouvert\r\nb = Il n''y a pas \\\r\n   de {0}.\r\n"
    assert lint.fix_text(fixed, path="messages_fr.properties") == fixed


def test_inline_switches_in_comments():
    text = "# copylint-disable-next-line W105\na = one  two.\nb = three  four.\n"
    found = [(f.code, text[: f.start].count("\n") + 1) for f in lint.check_text(text, path="messages.properties")]
    assert found == [("W105", 3)]


@pytest.mark.parametrize(("text", "line"), [("a=\\u12\n", 1), ("a=ok\nb=x \\\n  \\u00zz\n", 2)])
def test_a_malformed_unicode_escape_is_an_error_with_its_line(text, line):
    with pytest.raises(ParseError) as info:
        parse(Source("messages.properties", text), "properties")
    assert info.value.line == line


def test_the_cli_names_the_file_and_line_of_a_malformed_escape(tmp_path, run):
    path = tmp_path / "messages_fr.properties"
    path.write_text("ok=Bonjour\nbad=caf\\u00e\n", encoding="utf-8")
    r = run("check", "--no-cache", str(path))
    assert r.returncode == 2
    assert "messages_fr.properties:2" in r.stdout + r.stderr and "Traceback" not in r.stderr


def test_the_structure_a_fix_must_keep_is_keys_and_all_between_values():
    from lint.formats.properties import structure

    def signature(text: str) -> object:
        return structure(parse(Source("messages.properties", text), "properties"))

    base = signature("# c\na = one  two\nb = three\n")
    assert signature("# c\na = one two\nb = three\n") == base
    assert signature("# c\na = one two \\\nb = three\n") != base  # a value that now runs on: b is gone
    assert signature("# d\na = one  two\nb = three\n") != base

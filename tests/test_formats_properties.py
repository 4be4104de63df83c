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


# -- paired with the source bundle (the base bundle, else the one named for the source language)

def _b_findings(path) -> list[tuple[str, str]]:
    """(code, the value's key) of each B finding of the bundle, as the CLI's engine reads it."""
    from lint.config import Config
    from lint.engine import Linter, Selection

    result = Linter(Selection(select=["B"], cache=False)).lint_file(str(path), Config(root=path.parent))
    assert not result.errors, result.errors
    doc = parse(Source(str(path), path.read_text(encoding="utf-8")), "properties")
    return [(f.code, next(s.key for s in doc.segments if s.to_source(0) <= f.start <= s.to_source(len(s.text))) or "")
            for f in result.findings]


_BASE = ("save=Save the document\n"
         "deleted=Deleted {0} entries from <b>{1}</b>.\n"
         "long=This sentence goes \\\n    on the next line.\n"
         "escaped=Caf\\u00e9 is open now\n"
         "only=Only in the source\n")


def test_a_bundle_is_compared_with_its_base_bundle_key_by_key(tmp_path):
    (tmp_path / "messages.properties").write_text(_BASE, encoding="utf-8")
    fr = tmp_path / "messages_fr.properties"
    fr.write_text("save=Save the document\n"
                  "deleted=Supprim\\u00e9 {0} entr\\u00e9es de {1} ?\n"
                  "long=Cette phrase continue \\\n    sur la ligne suivante.\n"
                  "escaped=Café is open now\n"
                  "extra=Seulement ici, Save the document\n", encoding="utf-8")
    assert sorted(_b_findings(fr)) == [("B102", "escaped"), ("B102", "save"), ("B106", "deleted"), ("B108", "deleted")]
    doc = parse(Source(str(fr), fr.read_text(encoding="utf-8")), "properties")
    assert {s.key: s.source_text for s in doc.segments} == {
        "save": "Save the document", "deleted": "Deleted {0} entries from <b>{1}</b>.",
        "long": "This sentence goes on the next line.", "escaped": "Café is open now", "extra": None}


def test_without_a_base_bundle_the_one_in_the_source_language_is_the_source(tmp_path):
    en = tmp_path / "JabRef_en.properties"
    en.write_text("Save\\ the\\ library=Save the library\n", encoding="utf-8")
    pt = tmp_path / "JabRef_pt_BR.properties"
    pt.write_text("Save\\ the\\ library=Save the library\n", encoding="utf-8")
    assert _b_findings(pt) == [("B102", "Save the library")]
    assert _b_findings(en) == []
    # another source language, a template, none
    read = formats.FORMATS["properties"].read
    text = pt.read_text(encoding="utf-8")
    assert read(Source(str(pt), text), {"source": "none"}).segments[0].source_text is None
    assert read(Source(str(pt), text), {"source": "JabRef_{lang}.properties"}
                ).segments[0].source_text == "Save the library"
    assert read(Source(str(en), en.read_text(encoding="utf-8")), {"source-language": "pt-BR"}
                ).segments[0].source_text == "Save the library"


def test_a_bundle_without_a_source_reads_as_before(tmp_path):
    fr = tmp_path / "messages_fr.properties"
    fr.write_text("save=Save the document\n", encoding="utf-8")
    assert _b_findings(fr) == []
    settings = tmp_path / "config_db.properties"  # `db` names no language: no bundle of the base `config`
    (tmp_path / "config.properties").write_text("save=Save the document\n", encoding="utf-8")
    settings.write_text("save=Save the document\n", encoding="utf-8")
    assert formats.FORMATS["properties"].sources(str(settings), None) == ()


def _findings(path, select: list[str] | None = None) -> list[tuple[str, str]]:
    """(code, the value's key) of each finding of the bundle (default rules, or ``select``), as the CLI reads it."""
    from lint.config import Config
    from lint.engine import Linter, Selection

    chosen = Selection(select=select, cache=False) if select else Selection(cache=False)
    result = Linter(chosen).lint_file(str(path), Config(root=path.parent))
    assert not result.errors, result.errors
    doc = parse(Source(str(path), path.read_text(encoding="utf-8")), "properties")
    return [(f.code, next(s.key for s in doc.segments if s.to_source(0) <= f.start <= s.to_source(len(s.text))) or "")
            for f in result.findings]


def test_html_tags_in_a_bundles_values_are_markup_not_scraped_residue(tmp_path):
    """A tag in a value is the UI toolkit's rich text (JabRef's `<b>All Entries</b>`): not S105's residue of a
    scraped page; B106 still compares the tags with the source's."""
    (tmp_path / "JabRef_en.properties").write_text(
        "<b>All\\ Entries</b>\\ (fixed)=<b>All Entries</b> (fixed)\n"
        "Search\\ <tt>smith</tt>=Search <tt>smith</tt>\n", encoding="utf-8")
    da = tmp_path / "JabRef_da.properties"
    da.write_text("<b>All\\ Entries</b>\\ (fixed)=<b>Alle poster</b> (fast)\n"
                  "Search\\ <tt>smith</tt>=Søg smith\n", encoding="utf-8")
    found = _findings(da)
    assert not [f for f in found if f[0] == "S105"]
    assert ("B106", "Search <tt>smith</tt>") in found
    doc = parse(Source(str(da), da.read_text(encoding="utf-8")), "properties")
    assert doc.segments[0].text.strip("\ufffc").startswith("Alle poster")


def test_a_machine_translations_tags_are_residue_where_no_source_value_compares_them(tmp_path):
    """Google Translate's `<span class="hps">` in a bundle with no base (`Other_en.properties`, or a translation
    whose source is missing) is reported (S105), as `markup: auto` hid it; the app's `<b>` stays markup, and where
    a source value is paired B106 alone reports the added tags."""
    (tmp_path / "Msg_en.properties").write_text("open=Open the file\n", encoding="utf-8")
    de = tmp_path / "Msg_de.properties"
    de.write_text('open=<span class="hps">Datei</span> öffnen\n', encoding="utf-8")
    assert [code for code, _ in _findings(de)] == ["B106"]
    other = tmp_path / "Other_en.properties"
    other.write_text('close=<span class="hps">Close</span> the file\nsave=Save <b>all</b> entries\n', encoding="utf-8")
    assert sorted(_findings(other)) == [("S105", "close"), ("S105", "close")]


def test_a_bundle_that_numbers_its_arguments_as_jabref_and_qt_do(tmp_path):
    """`%0`, `%1` (JabRef's, Qt's arguments) are placeholders: `%0 für` is no printf `% f` left in the text
    (T106), `%0-tilstand` and `%0:t` (Finnish's case ending) keep the argument `%0` of `%0 mode` and `%0s`;
    a printf `%s` for `%0` is still a different placeholder."""
    (tmp_path / "JabRef_en.properties").write_text(
        "Importing\\ %0=Importing %0\n"
        "%0\\ mode=%0 mode\n"
        "The\\ %0s\\ are\\ the\\ same.=The %0s are the same.\n"
        "Latest\\ version\\:\\ %0=Latest version: %0\n"
        "Copied\\ %0\\ to\\ %1=Copied %0 to %1\n"
        "The\\ %0s\\ differ.=The %0s differ.\n", encoding="utf-8")
    xx = tmp_path / "JabRef_de.properties"
    xx.write_text("Importing\\ %0=Importiere %0 für die Datei\n"
                  "%0\\ mode=%0-tilstand\n"
                  "The\\ %0s\\ are\\ the\\ same.=%0\\:t ovat samat.\n"
                  "Latest\\ version\\:\\ %0=Letzte Version: %s\n"
                  "Copied\\ %0\\ to\\ %1=Kopiert %0 nach\n"
                  "The\\ %0s\\ differ.=%0ler farklı.\n", encoding="utf-8")
    found = _findings(xx)
    assert sorted(f for f in found if f[0] in ("T106", "B101")) == [
        ("B101", "Copied %0 to %1"), ("B101", "Latest version: %0")]


def test_a_percentage_written_with_its_sign_first_is_no_numbered_argument(tmp_path):
    """Turkish and Basque write `%50` for `50%`: the same percentage, not JabRef's or Qt's argument `%50` added;
    an argument `%0` the translation adds where the source writes no such number is still one."""
    (tmp_path / "Messages_en.properties").write_text(
        "progress=50% done\n"
        "low=Battery at 20 % or lower\n"
        "copied=Copied %0 entries (100%)\n"
        "saved=Saved the file\n", encoding="utf-8")
    tr = tmp_path / "Messages_tr.properties"
    tr.write_text("progress=%50 tamamlandı\n"
                  "low=Pil %20 veya altında\n"
                  "copied=%0 girdi kopyalandı (%100)\n"
                  "saved=%0 dosyası kaydedildi\n", encoding="utf-8")
    assert _findings(tr, ["B101"]) == [("B101", "saved")]


def test_a_numbered_argument_a_translation_writes_as_a_percentage_is_broken(tmp_path):
    """JabRef's French `type d'entrée 0% de %1` for `type of entry %0 from %1`: the argument `%0` written as a
    percentage is lost, however Turkish writes its own percentages (`%50` for `50%`)."""
    (tmp_path / "JabRef_en.properties").write_text("change=change type of entry %0 from %1 to %2\n", encoding="utf-8")
    fr = tmp_path / "JabRef_fr.properties"
    fr.write_text("change=modifier le type d'entrée 0% de %1 en %2\n", encoding="utf-8")
    assert _findings(fr, ["B101"]) == [("B101", "change")]

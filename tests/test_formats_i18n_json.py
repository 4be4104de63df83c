"""i18n JSON catalogues: string values are prose; keys, syntax, escapes and ICU/placeholder syntax are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lint
from lint.config import parse_config
from lint.engine import Linter
from lint.formats import ParseError, format_for, parse
from lint.model import Source
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "formats" / "app.json"
CONFIG = parse_config('formats: {"*.json": i18n-json}\n', None, Path("."))


def test_json_is_not_claimed_by_extension_but_by_config():
    assert format_for("locales/en/app.json") is None
    assert format_for("locales/en/app.json", {"locales/**/*.json": "i18n-json"}) == "i18n-json"


def test_values_are_segments_with_their_key_paths():
    doc = parse(Source(str(FIXTURE), FIXTURE.read_text()), "i18n-json")
    assert [(s.key, s.text) for s in doc.segments] == [
        ("home.title", "Welcome back, \ufffc!"),
        ("home.intro", "Prices rose sharply  , analysts said.\nRead more below."),
        ("home.items", "\ufffc\ufffc new message \ufffc new messages the the"),
        ("errors.0", "The file could not be be opened,, try again."),
        ("errors.1", "Café is closed &amp; locked."),
        ("tag", "\ufffc" * 8 + " joined"),  # the application's rich-text tags are markup
    ]


def test_findings_at_exact_positions():
    text = FIXTURE.read_text()
    src = Source(str(FIXTURE), text)
    found = [(f.code, src.position(f.start).line, src.position(f.start).column)
             for f in lint.check_text(text, path=str(FIXTURE), config=CONFIG)]
    assert ("T102", 5, 77) in found and ("T102", 7, 37) in found and ("P104", 7, 46) in found
    assert ("S107", 4, 34) in found
    # Nothing in keys, numbers or the JSON syntax; the ICU syntax and {{user}} are not placeholders left over.
    assert not any(code == "T106" for code, _, _ in found)
    assert all(line not in (1, 2, 6, 8, 10) for _, line, _ in found)


def test_fix_keeps_valid_json_and_escapes():
    text = FIXTURE.read_text()
    fixed = lint.fix_text(text, path=str(FIXTURE), config=CONFIG)
    assert json.loads(fixed)["home"]["intro"] == "Prices rose sharply, analysts said.\nRead more below."
    assert json.loads(fixed)["errors"][1] == "Café is closed & locked."
    assert "Caf\\u00e9" in fixed and "\\n" in fixed  # escapes written as they were
    assert json.loads(fixed)["count"] == 3 and list(json.loads(fixed)) == list(json.loads(text))
    assert lint.fix_text(fixed, path=str(FIXTURE), config=CONFIG) == fixed


def test_invalid_json_is_an_error_with_its_line():
    with pytest.raises(ParseError) as info:
        parse(Source("a.json", '{\n  "a": "b",\n  "c": \n}\n'), "i18n-json")
    assert info.value.line == 4 and "invalid JSON" in str(info.value)


def test_a_nul_inside_a_value_does_not_hide_or_misplace_a_repeat():
    # "\u0000" decodes to a NUL, the character T102 once used to tell segments apart.
    for values in (("Hello \\u0000 there", "Fine text", "The the end"),
                   ("Hello \\u0000 there", "We saw the the end", "Fine text")):
        text = "{" + ", ".join(f'"k{i}": "{v}"' for i, v in enumerate(values)) + "}\n"
        found = [(f.code, text[f.start:f.end]) for f in lint.check_text(text, path="en.json", config=CONFIG,
                                                                        select=["T102"])]
        assert [c for c, _ in found] == ["T102"] and found[0][1].lower() == "the", text


# excalidraw's catalogues (`packages/excalidraw/locales/*.json`): rich text its components render.
RICH_TEXT = ('{"errorSplash": {"headingMain": "Encountered an error. Try <button>reloading the page</button>.",\n'
             '  "hint": "Press Shift<br/>to snap &amp; drag."}}\n')


def test_an_applications_rich_text_tags_are_markup_its_entities_prose():
    """S105 (an HTML tag left in scraped text) reported every `<button>` and `<br>` of excalidraw's 58
    catalogues (418 of 452 findings): tags such libraries render as elements. An entity they print as
    written, so S104 still reports it; `markup: none` reads the tags as text again."""
    found = [f.code for f in lint.check_text(RICH_TEXT, path="fr-FR.json", config=CONFIG)]
    assert "S105" not in found and found.count("S104") == 1
    as_text = parse_config('formats: {"*.json": i18n-json}\nformat-options: {i18n-json: {markup: none}}\n',
                           None, Path("."))
    assert [f.code for f in lint.check_text(RICH_TEXT, path="fr-FR.json", config=as_text)].count("S105") == 3


def test_a_machine_translations_tags_are_residue_where_no_source_string_compares_them(tmp_path):
    """`<span class="hps">` (Google Translate's) in a catalogue with no source is reported (S105), where `markup:
    auto` made it the app's rich text; `<b>` stays markup, and a paired string's added tags are B106's alone."""
    from lint.engine import Selection

    config = parse_config('formats: {"*.json": i18n-json}\n', None, tmp_path)
    alone = tmp_path / "de.json"
    alone.write_text('{"open": "<span class=\\"hps\\">Datei</span> <b>öffnen</b>"}', encoding="utf-8")
    found = Linter(Selection(select=["S105", "B106"], cache=False)).lint_file(str(alone), config).findings
    assert sorted(f.code for f in found) == ["S105", "S105"]
    (tmp_path / "en.json").write_text('{"open": "Open the <b>file</b>"}', encoding="utf-8")
    found = Linter(Selection(select=["S105", "B106"], cache=False)).lint_file(str(alone), config).findings
    assert [f.code for f in found] == ["B106"]


def test_notes_for_translators_under_at_keys_are_not_prose():
    """localsend's slang catalogues (and Flutter's ARB) keep English notes under `@` keys: L101 called 63
    of them English left untranslated in 58 files."""
    text = ('{"@@locale": "fr", "title": "Envoyer des fichiers", "@title": {"description": "The title of the '
            'page where the user picks the files to send."},\n "receive": {"@info": "Translating to this word '
            'rather than the other is intentional to reflect the actual usage.", "accept": "Accepter"}}\n')
    doc = parse(Source("fr.json", text), "i18n-json")
    assert [s.key for s in doc.segments] == ["title", "receive.accept"]
    assert [f.code for f in lint.check_text(text, path="fr.json", config=CONFIG)] == []


def test_a_messages_description_is_a_note_not_prose():
    """A WebExtension's `_locales/fr/messages.json` and a Docusaurus site's `i18n/fr/code.json` keep an
    English description beside each message; a key merely named `description` elsewhere is prose."""
    text = ('{"extName": {"message": "Bloqueur de pubs", "description": "The name of the extension, shown in '
            'the store listing."},\n "theme.title": {"message": "Page introuvable"},\n'
            ' "meta": {"description": "Une extension qui bloque les pubs."}}\n')
    doc = parse(Source("messages.json", text), "i18n-json")
    assert [s.key for s in doc.segments] == ["extName.message", "theme.title.message", "meta.description"]
    assert [f.code for f in lint.check_text(text, path="messages.json", config=CONFIG)] == []


@pytest.mark.parametrize("name, language", [
    ("fr.json", ("fr", "file")), ("pt_BR.json", ("pt-BR", "file")), ("zh-Hant.json", ("zh-Hant", "file")),
    ("fr.i18n.json", ("fr", "file")), ("app.json", ("en", "default")), ("xx.json", ("en", "default")),
])
def test_a_catalogue_named_by_its_locale_is_in_that_language(name: str, language: tuple[str, str]) -> None:
    """excalidraw's `fr-FR.json`, localsend's `pt-BR.json`: the name says the language, as a PO header would."""
    doc = Linter().document(Source(name, '{"ok": "Oui"}\n'), CONFIG)
    assert (doc.language, doc.language_from) == language


def test_angle_brackets_escaped_beside_a_tag_are_markup():
    """jellyfin-web's catalogues write `<code>http://example.com/<b>&lt;baseurl&gt;</b></code>`: beside a
    tag, a `<` written as itself would open one, so the entity is the markup's escape (S104 reported 50
    of them in 25 catalogues). Without a tag, or for `&amp;`, the entity is still reported."""
    text = ('{"help": "Par exemple : <code>http://example.com/<b>&lt;baseurl&gt;</b></code>",\n'
            ' "plain": "Tapez &lt;nom&gt; ici.", "amp": "Son <b>et</b> lumi&egrave;re"}\n')
    found = [(f.code, text[f.start:f.end]) for f in lint.check_text(text, path="fr.json", config=CONFIG,
                                                                    select=["S104"])]
    assert found == [("S104", "&lt;"), ("S104", "&gt;"), ("S104", "&egrave;")]


def test_a_flat_key_is_not_a_note_whose_dotted_path_reads_the_same() -> None:
    """The review's case: a flat key `a.description` is text, the note `a` → `description` is not."""
    text = '{"a.description": "The the flat key",\n "a": {"message": "Bonjour", "description": "The the note"}}\n'
    assert [(f.code, f.start) for f in lint.check_text(text, path="fr.json", config=CONFIG)] == [
        ("T102", text.index("The the flat") + 4)]


def test_printf_conversions_are_masked_with_the_catalogue_grammar() -> None:
    # builder.PRINTF_SPEC, as PO, XLIFF and YAML mask them: flags, width, precision, C's length modifiers.
    text = '{"a": "Copie de %lu fichiers sur %zu", "b": "%ld éléments : %s", "c": "%.2f Mo, %5d, %-10s, %x"}'
    assert [s.text for s in parse(Source("fr.json", text), "i18n-json").segments] == [
        "Copie de \ufffc fichiers sur \ufffc", "\ufffc éléments : \ufffc", "\ufffc Mo, \ufffc, \ufffc, \ufffc",
    ]


def test_a_plural_branch_that_says_again_what_an_earlier_one_said_is_read_once() -> None:
    # Polish and Russian write one form for several plural categories: the branches are alternatives, of
    # which the application shows one; read one after another they were a loop (T107) or a repeated word
    # (T102), and the space that kept the last branch apart stood before the sentence's full stop (S107).
    text = json.dumps({
        "inbox": "Masz {count, plural, one {# wiadomość} few {# wiadomości} many {# wiadomości} other {# wiadomości}}.",
        "deleted": "{n, plural, one {plik} few {pliki} many {plików} other {plików}} usunięto.",
        "typo": "{n, plural, one {# plik plik} other {# plików}}.",
    }, ensure_ascii=False) + "\n"
    doc = parse(Source("pl.json", text), "i18n-json")
    assert [s.text for s in doc.segments] == [
        "Masz \ufffc\ufffc wiadomość \ufffc wiadomości.",
        "\ufffcplik pliki plików usunięto.",
        "\ufffc\ufffc plik plik \ufffc plików.",
    ]
    found = [(f.code, text[f.start:f.end]) for f in lint.check_text(text, path="pl.json", config=CONFIG)]
    assert found == [("T102", "plik")]  # a word typed twice inside one branch is still a repeat

"""i18n YAML catalogues: string values are prose, each character placed exactly; keys, comments,
anchors, tags, escapes, folds and placeholders are not; fixes keep the YAML loading."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import yaml

import lint
from lint.config import parse_config
from lint.formats import ParseError, format_for, parse
from lint.formats.i18n_yaml import scalar_pieces
from lint.model import Source
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "formats" / "en.yml"
CONFIG_TEXT = 'formats: {"*.yml": i18n-yaml, "*.yaml": i18n-yaml}\n'
CONFIG = parse_config(CONFIG_TEXT, None, Path("."))

# Every finding in the fixture: (code, line, column, the characters it points at, fix applicability).
EXPECTED = [
    ("S104", 10, 29, "&amp;", "safe"),
    ("W105", 12, 28, "  ", "safe"),
    ("T102", 13, 40, "the", "unsafe"),
    ("P104", 17, 38, ",,", "safe"),
    ("S107", 18, 44, " ", "safe"),  # after the escape \u00e9: columns count the file's characters
    ("W105", 23, 31, "  ", "safe"),  # the second paragraph of a literal block
    ("T102", 26, 7, "the", None),  # `the` folded onto the next line: the join is opaque, no fix
    ("T101", 27, 44, "But", "unsafe"),  # after the `''` of a single-quoted string
    ("T102", 32, 46, "file", "unsafe"),
]


def _doc(text: str, path: str = "en.yml"):  # type: ignore[no-untyped-def]
    return parse(Source(path, text), "i18n-yaml")


def _found(text: str, path: str = "en.yml", select: list[str] | None = None) -> list[tuple[str, int, int, str]]:
    src = Source(path, text)
    return [(f.code, src.position(f.start).line, src.position(f.start).column, text[f.start : f.end])
            for f in lint.check_text(text, path=path, config=CONFIG, select=select)]


def _write_config(tmp_path: Path) -> Path:
    config = tmp_path / "copylint.yaml"
    config.write_text(CONFIG_TEXT)
    return config


def test_yaml_is_not_claimed_by_extension_but_by_config():
    assert format_for("config/locales/en.yml") is None
    assert format_for("config/locales/en.yml", {"config/locales/*.yml": "i18n-yaml"}) == "i18n-yaml"


def test_values_are_segments_with_their_key_paths():
    doc = _doc(FIXTURE.read_text())
    assert doc.language == "en"
    assert [(s.key, s.text) for s in doc.segments] == [
        ("en.defaults.save", "Save changes"),
        ("en.defaults.cancel", "Cancel"),  # `<<: *defaults` merges them in: linted once, where written
        ("en.header.title", "Welcome back, \ufffc!"),
        ("en.header.terms_amp_entity", "Terms &amp; Conditions"),
        ("en.orders.shipped", "Your order has  been shipped."),
        ("en.orders.address_the_the", "Please check the the address we have on file."),
        ("en.orders.count.zero", "You have no orders yet."),
        ("en.orders.count.one", "You have one order."),
        ("en.orders.count.other", "You have \ufffc orders,, all of them paid."),
        ("en.orders.note", "Café orders ship separately ,\nthe rest today."),
        ("en.help.intro", "Our support team answers within one day.\n\nWrite to us any time and  we will reply."),
        ("en.help.footer", "Prices include VAT and are shown in the the local currency of your country."),
        ("en.help.sale", "It's the last day of the sale, But prices stay low."),
        ("en.legal", "Read the terms  before you order."),
        ("en.flash.saved", "Your profile was was saved."),
        ("en.flash.limits", "Upload up to 5 files; each file file may be 10 MB."),
        ("en.date.formats.default", "\ufffc-\ufffc-\ufffc"),  # strftime directives are placeholders
        ("en.date.formats.long", "\ufffc \ufffc, \ufffc"),
        ("en.date.day_names.0", "Sunday"),
        ("en.date.day_names.1", "Monday"),
        ("en.date.day_names.2", "Tuesday"),
    ]


def test_every_finding_of_the_fixture_at_its_exact_place(run, tmp_path):
    target = tmp_path / "en.yml"
    target.write_text(FIXTURE.read_text())
    proc = run("check", "--no-cache", "--config", str(_write_config(tmp_path)),
               "--output-format", "json", str(target))
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["errors"] == []
    lines = FIXTURE.read_text().splitlines()
    got = []
    for f in report["findings"]:
        start, end = f["start"], f["end"]
        assert start["line"] == end["line"]
        covered = lines[start["line"] - 1][start["column"] - 1 : end["column"] - 1]
        got.append((f["code"], start["line"], start["column"], covered, f["fix"] and f["fix"]["applicability"]))
    assert got == EXPECTED


def test_nothing_is_found_in_keys_comments_anchors_tags_or_syntax():
    text = (
        "# the the  &amp; Click Here ,, {0} %s\n"
        "the_the:  &amp_anchor\n"
        '  "Key  with  spaces ,, &amp;": &anc Clean value.\n'
        "  other: *anc\n"
        "  tagged: !!str Clean too.\n"
        "  count: 3  # the the ,,\n"
        "  enabled: yes\n"
        "  ratio: 1.5\n"
        "  empty:\n"
        "  ? complex  key  ,,\n"
        "  : Fine.\n"
        "  list: [  One.,   Two.  ]  # &amp;\n"
    )
    assert yaml.safe_load(text)  # the probe is valid YAML
    assert [s.text for s in _doc(text).segments] == ["Clean value.", "Clean too.", "Fine.", "One.", "Two."]
    assert _found(text) == []


def test_a_top_level_sequence_or_string_is_read_too():
    assert [(s.key, s.text) for s in _doc("- One.\n- two: Three &amp; four.\n").segments] == [
        ("0", "One."), ("1.two", "Three &amp; four.")]
    assert [(s.key, s.text) for s in _doc("Just a sentence.\n").segments] == [(None, "Just a sentence.")]
    assert _doc("").segments == [] and _doc("# only a comment\n").segments == []


# One scalar of each style holding `&amp;` (S104): the finding points at it, the fix rewrites only it.
STYLES = {
    "plain": "en:\n  a: Tom &amp; Jerry\n  b: Next.\n",
    "plain-folded": "en:\n  a: The cat and\n    the mouse, Tom &amp; Jerry\n\n    again.\n  b: Next.\n",
    "single-quoted": "en:\n  a: 'It''s Tom &amp; Jerry'\n  b: Next.\n",
    "single-folded": "en:\n  a: 'It''s the cat   \n     and Tom &amp; Jerry'\n",
    "double-quoted": 'en:\n  a: "Caf\\u00e9\\t\\"Tom\\" &amp; Jerry\\n"\n',
    "double-escaped-break": 'en:\n  a: "One long \\\n     line: Tom &amp; Jerry"\n',
    "double-folded": 'en:\n  a: "First\n\n     Tom &amp; Jerry"\n',
    "literal": "en:\n  a: |\n    First paragraph.\n\n    Tom &amp; Jerry\n  b: Next.\n",
    "literal-keep": "en:\n  a: |+\n    Tom &amp; Jerry\n\n\n  b: Next.\n",
    "literal-indent-indicator": "en:\n  a: |2-\n      indented\n    Tom &amp; Jerry\n",
    "folded": "en:\n  a: >\n    The cat and\n    Tom &amp; Jerry\n\n      more indented\n  b: Next.\n",
    "folded-strip": "en:\n  list:\n    - >-\n      The cat and\n      Tom &amp; Jerry\n",
    "flow-mapping": "en: {a: 'Tom &amp; Jerry', b: \"Next.\"}\n",
    "anchored": "en:\n  a: &x !!str Tom &amp; Jerry\n  b: *x\n",
    "crlf-literal": "en:\r\n  a: |\r\n    First.\r\n    Tom &amp; Jerry\r\n",
    "crlf-plain": "en:\r\n  a: First\r\n    Tom &amp; Jerry\r\n",
    "no-final-newline": "en:\n  a: |\n    Tom &amp; Jerry",
}


@pytest.mark.parametrize("name", list(STYLES))
def test_each_scalar_style_places_a_finding_and_its_fix_exactly(name):
    text = STYLES[name]
    at = text.index("&amp;")
    found = [f for f in lint.check_text(text, path="en.yml", config=CONFIG) if f.code == "S104"]
    assert [(f.start, f.end) for f in found] == [(at, at + 5)]
    fixed = lint.fix_text(text, path="en.yml", config=CONFIG, select=["S104"])
    assert fixed == text[:at] + "&" + text[at + 5 :]  # nothing else changed
    before, after = yaml.safe_load(text), yaml.safe_load(fixed)
    assert json.dumps(after) == json.dumps(before).replace("&amp;", "&")


LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


@pytest.mark.parametrize("loader", LOADERS, ids=lambda c: c.__name__)
def test_every_style_maps_each_character_back_to_the_file(loader):
    """Strings of awkward characters dumped by PyYAML in every style and width: the pieces of each
    scalar rejoin to what the loader (Python or libyaml) read, and every verbatim piece is written
    exactly there."""
    rng = random.Random(4)
    alphabet = ["a", "b", " ", "  ", "\n", "\n\n", "'", '"', "\\", "#", ": ", "-", "é", "\u2019", "\t", "\r\n",
                " word", "x" * 18, "\u2028", "\U0001f600"]
    checked = 0
    for _ in range(400):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
        style = rng.choice([None, "'", '"', "|", ">"])
        text = yaml.dump({"en": {"k": value}}, default_style=style, width=rng.choice([12, 30, 80]),
                         allow_unicode=True)
        if rng.random() < 0.3:
            text = text.replace("\n", "\r\n")
        for token in yaml.scan(text, Loader=loader):
            if not isinstance(token, yaml.ScalarToken):
                continue
            pieces = scalar_pieces(text, token.start_mark.index, token.end_mark.index, token.style or None,
                                   token.value)
            assert pieces is not None, (text, token.style)
            assert "".join(p.text for p in pieces) == token.value
            assert all(text[p.at : p.at + len(p.text)] == p.text for p in pieces if p.verbatim)
            checked += 1
    assert checked >= 1000


def test_the_python_loader_reads_the_same_document_as_libyaml(monkeypatch):
    """Without libyaml (or for a file it rejects) PyYAML's Python loader reads the file: same result."""
    text = FIXTURE.read_text() + "  crlf:\r\n    'one ''two''\r\n     three'\r\n"
    with_c = _doc(text)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    without = _doc(text)
    assert with_c.segments == without.segments and with_c.suppressions == without.suppressions
    assert with_c.protected == without.protected


def test_fix_edits_only_the_intended_characters_and_is_idempotent(run, tmp_path):
    original = FIXTURE.read_text()
    target = tmp_path / "en.yml"
    target.write_text(original)
    config = str(_write_config(tmp_path))
    # S102 is left out: after `&amp;` is fixed, its own fix would delete the UI string `Terms & Conditions`
    # through the line end (see test_a_ui_string_like_page_furniture_is_kept_by_fix).
    proc = run("check", "--no-cache", "--config", config, "--ignore", "S102", "--fix", str(target))
    fixed = target.read_text()
    expected = (original.replace("Terms &amp; Conditions", "Terms & Conditions")
                .replace("has  been", "has been").replace("orders,, all", "orders, all")
                .replace("separately ,", "separately,").replace("and  we", "and we"))
    assert fixed == expected, proc.stdout
    data, fixed_data = yaml.safe_load(original), yaml.safe_load(fixed)
    strings = {("header", "terms_amp_entity"): "Terms & Conditions",
               ("orders", "shipped"): "Your order has been shipped.",
               ("orders", "note"): "Café orders ship separately,\nthe rest today."}
    for (group, key), value in strings.items():
        data["en"][group][key] = value
    data["en"]["orders"]["count"]["other"] = "You have %{count} orders, all of them paid."
    data["en"]["help"]["intro"] = data["en"]["help"]["intro"].replace("and  we", "and we")
    assert fixed_data == data
    assert "Caf\\u00e9" in fixed and "'It''s" in fixed  # escapes written as they were
    # What remains is unsafe to fix; a second run changes nothing.
    again = run("check", "--no-cache", "--config", config, "--ignore", "S102", "--fix", str(target))
    assert target.read_text() == fixed
    assert [line.split(": ")[1] for line in again.stdout.splitlines() if line.startswith(str(target))] == [
        "T102 [repeated-word] Repeated word 'the'", "T102 [repeated-word] Repeated word 'the'",
        "T101 [mid-sentence-capital] 'But' capitalized mid-sentence (pasted link text or title case?)",
        "T102 [repeated-word] Repeated word 'file'"]


def test_unsafe_fixes_never_rewrite_a_folded_join():
    text = FIXTURE.read_text()
    fixed = lint.fix_text(text, path="en.yml", config=CONFIG, unsafe=True, select=["T"])
    data = yaml.safe_load(fixed)["en"]
    assert data["orders"]["address_the_the"] == "Please check the address we have on file."
    assert data["help"]["sale"] == "It's the last day of the sale, but prices stay low."
    # The repeated word spans a folded line break: reported, never rewritten.
    assert data["help"]["footer"] == "Prices include VAT and are shown in the the local currency of your country.\n"
    assert "shown in the\n      the local" in fixed
    assert lint.fix_text(fixed, path="en.yml", config=CONFIG, unsafe=True, select=["T"]) == fixed


def test_invalid_yaml_is_one_error_with_its_line_and_the_other_files_are_linted(run, tmp_path):
    bad = tmp_path / "broken.yml"
    bad.write_text("en:\n  title: Hello\n   subtitle: World\n  footer: Bye\n")
    good = tmp_path / "en.yml"
    good.write_text(FIXTURE.read_text())
    proc = run("check", "--no-cache", "--config", str(_write_config(tmp_path)), str(bad), str(good))
    assert proc.returncode == 2
    lines = (proc.stdout + proc.stderr).splitlines()
    errors = [line for line in lines[:-1] if "broken.yml" in line]  # the last line is the summary
    assert errors == [f"{bad}:3: invalid YAML: mapping values are not allowed here"]
    assert lines[-1].endswith(f"; 1 file with errors: {bad}.")
    assert f"{good}:10:29: S104" in proc.stdout


@pytest.mark.parametrize("text, line, message", [
    ("en:\n  a: [one, two\n  b: three\n", 3, "expected ',' or ']'"),
    ("en:\n  a: 'unterminated\n", 3, "found unexpected end of stream"),
    ("en:\n  a: *missing\n", 2, "found undefined alias 'missing'"),
    ("en:\n  a: bell \x07 here\n", 2, "character U+0007 is not allowed"),
])
def test_parse_errors_name_the_line(text, line, message):
    with pytest.raises(ParseError) as info:
        _doc(text)
    assert info.value.line == line
    assert str(info.value).startswith("invalid YAML: ") and message in str(info.value)


def test_a_switch_above_a_key_silences_its_value():
    text = FIXTURE.read_text()
    assert ("W105", 29, 25, "  ") not in _found(text)
    # The same file without the switch: the run of spaces in the value is found (not the one after `legal:`).
    assert ("W105", 29, 25, "  ") in _found(text.replace("# copylint: disable=W105", "# no switch here"))


def test_a_switch_at_the_end_of_a_line_silences_that_value():
    text = FIXTURE.read_text()
    assert not any(line == 31 for _, line, _, _ in _found(text))
    assert ("T102", 31, 29, "was") in _found(text.replace(" # copylint: disable=T102", ""))
    # Only the codes named: another rule still reports in that value.
    text = text.replace("was was saved.", "was was saved ,")
    assert [f for f in _found(text) if f[1] == 31] == [("S107", 31, 38, " ")]


def test_a_switch_above_a_mapping_covers_every_string_under_it():
    text = "en:\n  # copylint: disable=T102\n  orders:\n    a: It it is.\n    b: The the end.\n  c: All done done.\n"
    assert _found(text) == [("T102", 6, 15, "done")]


def test_a_switch_inside_a_string_is_text_not_a_switch():
    text = 'en:\n  a: "Type # copylint: disable=T102 here here."\n  b: | # copylint: disable=W105\n    A  gap.\n'
    assert _found(text) == [("T102", 2, 42, "here")]


@pytest.mark.parametrize("switch", ["# copylint-disable-file", "# copylint: disable-file",
                                    "# copylint-disable-file T102", "# copylint: disable-file=T102"])
def test_a_file_switch_silences_the_whole_file(switch):
    text = f"{switch}\nen:\n  a: It it is.\n  b: The the end.\n"
    assert _found(text) == []


def test_switch_codes_are_checked_and_unused_switches_reported(run, tmp_path):
    target = tmp_path / "en.yml"
    target.write_text("en:\n  # copylint: disable=T1O2\n  a: Fine.\n  b: Fine too. # copylint: disable=W105\n")
    proc = run("check", "--no-cache", "--config", str(_write_config(tmp_path)),
               "--report-unused-disables", str(target))
    lines = sorted(line.split(": ", 1)[1] for line in proc.stdout.splitlines() if line.startswith(str(target)))
    # The unknown code is reported where it is written; the switch for W105 silenced nothing. (A switch
    # naming no rule that ran is not "unused": C001 has said what is wrong with it.)
    assert [line.split(" [")[0] for line in lines] == ["C001", "C002"]
    assert f"{target}:2:1: C001" in proc.stdout and f"{target}:4:" in proc.stdout


def test_placeholders_and_icu_syntax_are_not_prose():
    text = (
        "en:\n"
        "  a: Hello %{name}, you have %<count>d new items.\n"
        "  b: \"{count, plural, =0 {No messages} one {# message} other {# messages}}\"\n"
        "  c: '{{user}} shared $t(common.file) with {gender, select, male {him} other {them}}'\n"
        "  d: Saved %s of %1$s at %H:%M.\n"
        "  e: Use {braces} and 100% effort.\n"
        "  f: 'Total: %u%n, or %n%'\n"
    )
    assert [s.text for s in _doc(text).segments] == [
        "Hello \ufffc, you have \ufffc new items.",
        "\ufffcNo messages \ufffc message \ufffc messages",
        "\ufffc shared \ufffc with \ufffchim them",
        "Saved \ufffc of \ufffc at \ufffc:\ufffc.",
        "Use \ufffc and 100% effort.",
        "Total: \ufffc\ufffc, or \ufffc%",  # Rails number formats
    ]
    assert _found(text) == []  # none of it is placeholder residue (T106)


def test_printf_length_modifiers_are_placeholders() -> None:
    # builder.PRINTF_SPEC, as the other catalogue readers mask them: C's length modifiers (`%ld`, `%zu`).
    text = 'fr:\n  a: "Copie de %lu fichiers sur %lu"\n  b: "%ld éléments : %s"\n  c: "Taille:%zu octets, %5.2lf"\n'
    assert [s.text for s in _doc(text).segments] == [
        "Copie de \ufffc fichiers sur \ufffc", "\ufffc éléments : \ufffc", "Taille:\ufffc octets, \ufffc",
    ]


def test_a_single_language_key_sets_the_document_language():
    french = "fr:\n  a: Talks resumed, But no deal was reached.\n"
    assert parse(Source("fr.yml", french), "i18n-yaml").language == "fr"
    assert parse(Source("x.yml", "pt-BR:\n  a: Olá\n"), "i18n-yaml").language == "pt-BR"
    assert parse(Source("x.yml", "en:\n  a: x\nfr:\n  a: y\n"), "i18n-yaml").language == "en"  # two: configured
    assert parse(Source("x.yml", "app:\n  a: x\n"), "i18n-yaml").language == "en"  # not a language code
    # English-only rules (T101) stay off a French catalogue.
    assert _found(french) == [] and _found(french.replace("fr:", "en:")) != []


@pytest.mark.parametrize("name, text, language", [
    ("hsb.yml", "hsb:\n  a: Status je so změnił na „ignorowane“\n", "hsb"),
    ("devise.ast.yml", "ast:\n  a: Datos\n", "ast"),
    ("be-Tarask.yml", "be-Tarask:\n  a: Мапа\n", "be-Tarask"),
    ("kk-cyrl.yml", "kk-cyrl:\n  a: Карта\n", "kk-cyrl"),
    ("settings.yml", "app:\n  a: x\n", "en"),  # a key the file's name does not repeat: not a language
    ("x.yml", "hsb:\n  a: x\n", "en"),
])
def test_a_three_letter_code_or_a_variant_named_twice_is_the_language(name: str, text: str, language: str) -> None:
    """openstreetmap-website (translatewiki.net) names 28 of its 113 catalogues by an ISO 639-2/3 code or
    a tag with a script or variant (`hsb.yml` holding `hsb:`, `be-Tarask.yml`): they were read as English,
    and English's rules reported Upper Sorbian's „“ and Arpitan's « » (T103) and its `?` spacing (S107)."""
    assert parse(Source(name, text), "i18n-yaml").language == language


def test_curly_quotes_are_never_straightened_into_yaml_syntax():
    """P102 straightens curly quotes in a straight-quoted text; inside a single-quoted YAML string a `'`
    (or first in a plain one, a `"`) would end the string: those are reported, not rewritten."""
    text = "en:\n  a: 'It\u2019s here'\n  b: \u201cQuoted\u201d first\n  c: \"Say \\\"hi\\\"\"\n  d: 'Don''t'\n"
    fixed = lint.fix_text(text, path="en.yml", config=CONFIG, select=["P102"])
    assert yaml.safe_load(fixed)  # still YAML
    assert "It\u2019s" in fixed and "\u201cQuoted" in fixed


def test_a_fix_that_would_break_the_catalogue_is_not_applied(run, tmp_path):
    # A house-style swap whose replacement holds ": " turns a plain YAML scalar into a broken
    # mapping. The fix pass is undone, that fix is never applied, the other fix is, the file still
    # loads, and the finding stays reported (exit 1), as ruff does for a fix that breaks the syntax.
    (tmp_path / ".copylint.yaml").write_text(
        CONFIG_TEXT + "custom-rules:\n  - code: X.house.terms\n    kind: substitution\n"
        "    swap: {T&Cs: 'Terms: see below', e-mail: email}\n")
    catalogue = tmp_path / "en.yml"
    catalogue.write_text("en:\n  footer:\n    terms: Read the T&Cs\n    contact: Send an e-mail\n")
    r = run("check", "--no-cache", "--fix", "--select", "X", "--output-format", "json", "en.yml", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert yaml.safe_load(catalogue.read_text()) == {"en": {"footer": {"terms": "Read the T&Cs",
                                                                       "contact": "Send an email"}}}
    assert [f["code"] for f in json.loads(r.stdout)["findings"]] == ["X.house.terms"]


@pytest.mark.parametrize("value, meant", [
    ("Our pick，#1 in tests", "Our pick，#1 in tests"),  # ", #1" would make the rest a comment
    ("[Apples，pears and plums]", ["Apples，pears and plums"]),  # "," would split the string in two
])
def test_a_fix_that_parses_but_changes_a_value_is_not_applied(run, tmp_path, value, meant):
    # T103 swaps a full-width comma for ", ". In a plain or flow scalar that still parses, but the
    # value read back is not the value fixed: the pass is undone and that fix never applied; the
    # other value's fix is, and the finding left is reported without a fix on offer.
    (tmp_path / ".copylint.yaml").write_text(CONFIG_TEXT)
    catalogue = tmp_path / "en.yml"
    catalogue.write_text(f"en:\n  risky: {value}\n  fine: Fine text，with a comma\n")
    r = run("check", "--no-cache", "--fix", "--select", "T103", "--output-format", "json", "en.yml", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert yaml.safe_load(catalogue.read_text()) == {"en": {"risky": meant, "fine": "Fine text, with a comma"}}
    left = json.loads(r.stdout)["findings"]
    assert [(f["code"], f["start"]["line"], f["fix"]) for f in left] == [("T103", 2, None)]
    again = run("check", "--no-cache", "--fix", "--select", "T103", "en.yml", cwd=tmp_path)
    assert again.returncode == 1 and yaml.safe_load(catalogue.read_text())["en"]["risky"] == meant


def test_a_rails_html_keys_value_is_html():
    """Rails renders a value under a key named `html` or ending in `_html` (and its plural forms) as HTML
    (Rails Guides, Using Safe HTML Translations): openstreetmap-website's `credit_1_html: … &ldquo;&copy;
    OpenStreetMap&rdquo;` gave 290 false S104 in 113 catalogues. Elsewhere an entity or a tag is still text."""
    text = ('fr:\n  credit_html: "Données &copy; <a href=\'%{url}\'>OpenStreetMap</a>"\n'
            '  notes_html:\n    one: "<b>%{count}</b> note&nbsp;ouverte"\n'
            '  plain: "Tom &amp; Jerry <b>ici</b>"\n')
    found = [(f.code, text[f.start:f.end]) for f in lint.check_text(text, path="fr.yml", config=CONFIG,
                                                                    select=["S104", "S105"])]
    assert found == [("S104", "&amp;"), ("S105", "<b>"), ("S105", "</b>")]


def test_a_run_of_spaces_in_a_rails_html_value_collapses():
    """openstreetmap-website's `message_html: … la versión  %{version} …`: the page shows one space (80 W105
    in 113 catalogues); the same run in a plain value is shown as written and still reported, and the
    option `in-rendered-catalogues` reports both."""
    text = 'fr:\n  redacted_html: "La version  %{version} est masquée."\n  plain: "La version  suivante."\n'
    found = [f.start for f in lint.check_text(text, path="fr.yml", config=CONFIG, select=["W105"])]
    assert found == [text.index("  suivante")]
    every = parse_config(CONFIG_TEXT + "rules: {W105: {in-rendered-catalogues: true}}\n", None, Path("."))
    assert len([f for f in lint.check_text(text, path="fr.yml", config=every, select=["W105"])]) == 2


def test_a_comment_in_an_html_value_is_never_read_nor_fixed(run, tmp_path):
    """The review's case: `<!-- … -->` in a Rails `_html` value was prose, and S107's safe fix edited it."""
    (tmp_path / ".copylint.yaml").write_text('formats: {"*.yml": i18n-yaml}\n', encoding="utf-8")
    page = tmp_path / "fr.yml"
    page.write_text('fr:\n  cmt_html: "Texte <!-- commentaire , ici --> puis , fin"\n', encoding="utf-8")
    run("check", "--no-cache", "--fix", str(page))
    assert page.read_text(encoding="utf-8") == 'fr:\n  cmt_html: "Texte <!-- commentaire , ici --> puis, fin"\n'


def test_directives_against_cjk_letters_are_placeholders() -> None:
    # Chinese and Japanese set a directive against their own letters, with no space (openstreetmap-website's
    # zh-TW.yml), which the regex engine counts as word characters like a Latin letter.
    text = "zh-TW:\n  a: '%Y年%-m月%-d日 %-H時%M分'\n  b: 共%d个文件\n  c: 已用%(size)s\n"
    assert [s.text for s in _doc(text, "zh-TW.yml").segments] == [
        "\ufffc年\ufffc月\ufffc日 \ufffc時\ufffc分", "共\ufffc个文件", "已用\ufffc",
    ]
    assert _doc("en:\n  a: 100%d or x%s\n").segments[0].text == "100%d or x%s"  # a Latin letter or digit before


def test_a_plural_branch_that_says_again_what_an_earlier_one_said_is_read_once() -> None:
    # As in i18n JSON: branches are alternatives, and a form several plural categories share is read once.
    text = (
        "pl:\n"
        "  inbox: \"Masz {count, plural, one {# wiadomość} few {# wiadomości} many {# wiadomości} other {# wiadomości}}.\"\n"
        "  deleted: \"{n, plural, one {plik} few {pliki} many {plików} other {plików}} usunięto.\"\n"
        "  typo: \"{n, plural, one {# plik plik} other {# plików}}.\"\n"
    )
    assert [s.text for s in _doc(text, "pl.yml").segments] == [
        "Masz \ufffc\ufffc wiadomość \ufffc wiadomości.",
        "\ufffcplik pliki plików usunięto.",
        "\ufffc\ufffc plik plik \ufffc plików.",
    ]
    assert [(code, what) for code, _, _, what in _found(text, "pl.yml")] == [("T102", "plik")]

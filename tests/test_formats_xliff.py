"""XLIFF 1.2 and 2.0: targets are the prose, sources their B-rule counterpart; inline codes, entities,
comments, attributes and CDATA delimiters are never flagged nor rewritten; a fixed file still parses."""

from __future__ import annotations

import json

import pytest
from lxml import etree

import lint
from lint.formats import ParseError, parse
from lint.formats.builder import PLACEHOLDER
from lint.formats.xliff import file_language
from lint.model import Source
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
APP = FIXTURES / "app.xlf"  # XLIFF 2.0, French to English
CHECKOUT = FIXTURES / "checkout.fr.xlf"  # XLIFF 1.2, English to French

V2 = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">\n'
      '<file id="f">\n{units}</file>\n</xliff>\n')


def _v2(*units: tuple[str, str], attrs: str = "") -> str:
    body = "".join(f'<unit id="u{i}"{attrs}><segment><source>{s}</source><target>{t}</target></segment></unit>\n'
                   for i, (s, t) in enumerate(units, 1))
    return V2.format(units=body)


def _found(text: str, path: str = "app.xlf", select: tuple[str, ...] | None = None) -> list[tuple[str, int, int]]:
    src = Source(path, text)
    return [(f.code, src.position(f.start).line, src.position(f.start).column)
            for f in lint.check_text(text, path=path, select=select)]


def _doc(text: str, path: str = "app.xlf", language: str = "en"):  # type: ignore[no-untyped-def]
    return parse(Source(path, text), "xliff", language)


def _units(text: str) -> list[tuple[str, str]]:
    """(unit id, target text as an XML tool reads it) of every unit, with lxml."""
    root = etree.fromstring(text.encode("utf-8"))
    out = []
    for unit in root.iter("{*}unit", "{*}trans-unit"):
        target = next(unit.iter("{*}target"), None)
        out.append((unit.get("id"), "".join(target.itertext()) if target is not None else ""))
    return out


# -- XLIFF 2.0 ---------------------------------------------------------------------------------


def test_targets_are_segments_with_their_sources():
    doc = _doc(APP.read_text(encoding="utf-8"))
    by_key = {s.key: s for s in doc.segments}
    assert all(s.kind == "target" for s in doc.segments)
    assert by_key["route.distance"].text == f"Total distance: {PLACEHOLDER} with elevation gain"
    assert by_key["route.distance"].source_text == 'Distance totale : <ph id="1"/> avec <ph id="2"/> de dénivelé'
    assert by_key["legal.terms"].text == "Terms of use & privacy for café owners"  # &amp; &#233; decoded
    assert by_key["account.delete"].text == "Tap Delete to erase your account.."  # <pc> content is prose
    assert by_key["account.delete"].source_text == 'Touchez <pc id="1">Supprimer</pc> pour effacer votre compte.'
    assert by_key["photos.count"].text == f"{PLACEHOLDER} photos added to {PLACEHOLDER}the stage{PLACEHOLDER}"
    assert by_key["photos.count"].source_text == '<ph id="1"/> photos ajoutées à <sc id="2"/>l\'étape<ec id="2"/>'
    assert by_key["keyboard.enter"].text == "Press <b>Enter</b> to  continue"  # CDATA: its content, verbatim
    assert "brand" not in by_key  # translate="no"
    assert "draft.message" not in by_key  # state="initial"
    assert by_key["wizard.next"].text == "Next step."  # the <ignorable> is not read


def test_every_character_maps_back_to_the_file():
    text = APP.read_text(encoding="utf-8")
    for seg in _doc(text).segments:
        opaque = {i for s, e in seg.opaque for i in range(s, e)}
        for i, ch in enumerate(seg.text):
            at = seg.to_source(i)
            if i in opaque:
                assert text[at] in "&<", (seg.key, i)  # an entity or an inline code starts there
            else:
                assert text[at] == ch, (seg.key, i)


def test_findings_at_exact_positions():
    assert _found(APP.read_text(encoding="utf-8"), path=str(APP)) == [
        ("W105", 12, 31),  # "has  been": two spaces
        ("B106", 18, 17),  # <ph id="2"/> lost
        ("T101", 24, 52),  # "offline On the trail"
        ("B102", 30, 17),  # the source copied
        ("P104", 42, 99),  # "account..", after a <pc> around a word
        ("W105", 83, 47),  # two spaces inside CDATA
    ]


def test_cli_json_reports_the_same_positions(run, tmp_path):
    (tmp_path / "app.xlf").write_text(APP.read_text(encoding="utf-8"), encoding="utf-8")
    r = run("check", "--no-cache", "--format", "json", "app.xlf", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert [(f["code"], f["start"]["line"], f["start"]["column"]) for f in data["findings"]] == [
        ("W105", 12, 31), ("B106", 18, 17), ("T101", 24, 52), ("B102", 30, 17), ("P104", 42, 99), ("W105", 83, 47)]
    assert data["errors"] == []


def test_nothing_flagged_outside_targets():
    text = APP.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = _found(text)
    for _, line, _ in found:
        assert lines[line - 1].lstrip().startswith("<target>"), lines[line - 1]
    # The comments (an old target with two spaces and '..'), the note, the unit's name attribute, the
    # sources, the translate="no" unit, the initial segment and the ignorable are not prose.
    assert not {line for _, line, _ in found} & {2, 3, 7, 9, 11, 53, 54, 59, 60, 77, 78}


def test_suppression_comment_before_a_unit():
    text = APP.read_text(encoding="utf-8")
    assert ("B102", 67, 17) not in _found(text)  # "Mode avion" copied: disabled by the comment above its unit
    assert ("B102", 67, 17) in _found(text.replace("<!-- copylint: disable=B102 -->", "<!-- reviewed -->"))
    doc = _doc(text)
    [sup] = doc.suppressions
    assert sup.codes == frozenset({"B102"}) and sup.line == 63
    assert text[sup.start:].startswith('<unit id="settings.airplane">') and text[: sup.end].endswith("</unit>")


def test_fix_edits_only_the_intended_characters_and_the_file_still_parses():
    text = APP.read_text(encoding="utf-8")
    fixed = lint.fix_text(text, path=str(APP), unsafe=True)
    expected = (text.replace("        <target>Your route has  been", "        <target>Your route has been").replace("offline On the", "offline on the")
                .replace("your account..</target>", "your account.</target>")
                .replace("to  continue]]>", "to continue]]>"))
    assert fixed == expected
    before, after = _units(text), _units(fixed)
    assert [u for u, _ in before] == [u for u, _ in after]  # the same units, in the same order
    assert lint.fix_text(fixed, path=str(APP), unsafe=True) == fixed
    # Sources untouched: the double space of "a été  enregistré" is still there.
    assert "a été  enregistré" in fixed


def test_fix_is_dropped_where_it_would_rewrite_an_entity_or_a_code():
    # "&#79;n" is "On": T101 flags it, but lowercasing it would rewrite the character reference.
    text = _v2(("Utilisez-la hors ligne sur le sentier.", "Use it offline &#79;n the trail."))
    found = lint.check_text(text, path="a.xlf", select=["T101"])
    assert [(f.code, text[f.start:f.end]) for f in found] == [("T101", "&#79;n")] and found[0].fix is None
    assert lint.fix_text(text, path="a.xlf", unsafe=True) == text
    assert lint.fix_text(text.replace("&#79;", "O"), path="a.xlf", unsafe=True) == text.replace("&#79;", "o")


def test_inline_codes_are_not_prose_and_keep_words_apart():
    text = _v2(("Voir <ph id=\"1\" disp=\"a  b,,\"/>le guide", "See<ph id=\"1\" disp=\"a  b,,\"/>the guide"),
               ("<sc id=\"1\"/>Gras<ec startRef=\"1\"/>", "<sc id=\"1\"/>Bold<ec startRef=\"1\"/>"))
    doc = _doc(text)
    assert [s.text for s in doc.segments] == [f"See{PLACEHOLDER}the guide", f"{PLACEHOLDER}Bold{PLACEHOLDER}"]
    assert _found(text) == []
    v1 = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="fr" '
          'target-language="en" datatype="html" original="a"><body>\n<trans-unit id="1"><source>Voir '
          '<ph id="1">&lt;span  class="x"&gt;..</ph>le guide</source>\n<target>See <ph id="1">&lt;span  '
          'class="x"&gt;..</ph>the guide</target></trans-unit>\n</body></file></xliff>\n')
    assert [s.text for s in _doc(v1).segments] == [f"See {PLACEHOLDER}the guide"]
    assert _found(v1) == []  # the native code inside <ph> (two spaces, '..') is not prose


def test_template_placeholders_in_a_target_are_not_prose():
    """Symfony's validator catalogues write `{{ limit }}` in every target: T106 (a placeholder left in
    prose) reported 3,959 of them in its 57 XLIFF files. They are the application's syntax, one
    placeholder each, which B101 compares with the source's."""
    v1 = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="en" '
          'target-language="fr" datatype="plaintext" original="file.ext"><body>\n<trans-unit id="6">'
          '<source>You must select at least {{ limit }} choice, %s and {0}.</source>\n<target>Vous devez '
          'sélectionner au moins {{ limit }} choix, %s &amp; {0}.</target></trans-unit>\n</body></file></xliff>\n')
    assert [s.text for s in _doc(v1).segments] == [
        f"Vous devez sélectionner au moins {PLACEHOLDER} choix, {PLACEHOLDER} & {PLACEHOLDER}."]
    assert [f.code for f in lint.check_text(v1, path="validators.fr.xlf")] == []
    cdata = v1.replace("<target>Vous", "<target><![CDATA[Vous").replace(".</target>", ".]]></target>").replace(
        "&amp;", "et")  # (inside CDATA an entity is its letters)
    assert [f.code for f in lint.check_text(cdata, path="validators.fr.xlf")] == []
    spaced = v1.replace("au moins {{ limit }}", "au moins {{limit}}")
    assert "B101" in [f.code for f in lint.check_text(spaced, path="validators.fr.xlf")]


def test_markup_lookalikes_in_comments_cdata_and_attributes():
    text = (
        '<?xml version="1.0"?>\n'
        '<?tool note="<target>not a target</target>"?>\n'
        '<!DOCTYPE xliff [ <!-- <target>in the doctype</target> --> ]>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">\n'
        '<file id="f" original="a > b/>"><!-- <unit><segment><target>Fake  target</target> -->\n'
        '<unit id="u1" name="x &gt; y/> z"><segment><source>A</source>'
        '<target><!-- a > b --><![CDATA[if a </target> b,]]> then  go</target></segment></unit>\n'
        '</file>\n</xliff>\n'
    )
    doc = _doc(text)
    assert [s.text for s in doc.segments] == ["if a </target> b, then  go"]
    assert _found(text, select=("W105",)) == [("W105", 6, 118)]  # "then  go", after the CDATA


def test_crlf_file_keeps_its_line_endings_and_positions():
    text = APP.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert _found(text) == _found(APP.read_text(encoding="utf-8"))
    fixed = lint.fix_text(text, path="app.xlf")
    assert fixed.count("\r\n") == text.count("\r\n") and "\n" not in fixed.replace("\r\n", "")
    etree.fromstring(fixed.encode("utf-8"))


# -- XLIFF 1.2 ---------------------------------------------------------------------------------


def test_xliff_12_findings_and_what_is_skipped():
    text = CHECKOUT.read_text(encoding="utf-8")
    assert _found(text, path=str(CHECKOUT)) == [
        ("B103", 10, 53),  # 35 euros became 25
        ("W105", 22, 93),  # "votre  panier" in a target awaiting review: linted
        ("B103", 45, 124),  # the second <mrk> segment: 2 days became 3
    ]
    doc = _doc(text, path=str(CHECKOUT))
    keys = [s.key for s in doc.segments]
    assert keys == ["cart.shipping", "help.contact", "cart.remove", "cart.bold", "order.summary", "order.summary"]
    # state="new", state="needs-translation", the translate="no" group and the alt-trans are not prose.
    assert not any(s.source_text in ("Your cart is empty.", "Apply the coupon") for s in doc.segments)
    mrk = [s for s in doc.segments if s.key == "order.summary"]
    assert [(s.source_text, s.text) for s in mrk] == [("Order placed.", "Commande passée."),
                                                       ("It ships in 2 days.", "Elle part sous 3 jours.")]
    bold = next(s for s in doc.segments if s.key == "cart.bold")
    assert bold.source_text == '<bpt id="1"/>Total:<ept id="1"/> <ph id="2"/>'


def test_xliff_12_fix_keeps_the_file_loadable():
    text = CHECKOUT.read_text(encoding="utf-8")
    fixed = lint.fix_text(text, path=str(CHECKOUT), unsafe=True)
    assert fixed == text.replace("de votre  panier", "de votre panier")
    assert [u for u, _ in _units(fixed)] == [u for u, _ in _units(text)]


def test_inline_code_mismatch_is_b106():
    text = _v2(('Bonjour <ph id="1"/>, vous avez <ph id="2"/> messages.', 'Hello <ph id="2"/>, you have messages.'),
               ('<ph id="1"/> sur <ph id="2"/>', '<ph id="2"/> of <ph id="1"/>'))
    found = lint.check_text(text, path="a.xlf", select=["B"])
    assert [(f.code, f.message) for f in found] == [
        ("B106", 'Markup tags differ from the source: missing <ph id="1"/>')]


def test_untranslated_target_and_states():
    same = ("Mot de passe oublié ?", "Mot de passe oublié ?")
    assert [c for c, _, _ in _found(_v2(same), select=("B102",))] == ["B102"]
    assert _found(_v2(same).replace("<segment>", '<segment state="initial">'), select=("B102",)) == []
    assert [c for c, _, _ in _found(_v2(same).replace("<segment>", '<segment state="reviewed">'),
                                    select=("B102",))] == ["B102"]
    assert _found(_v2(same, attrs=' translate="no"'), select=("B102",)) == []
    assert _found(_v2(("Mot de passe oublié ?", "")), select=("B",)) == []  # an empty target is not prose


# -- the file's language -----------------------------------------------------------------------


def test_language_comes_from_the_file():
    assert file_language(Source("a.xlf", APP.read_text(encoding="utf-8"))) == "en"
    assert file_language(Source("a.xlf", CHECKOUT.read_text(encoding="utf-8"))) == "fr"
    assert _doc(CHECKOUT.read_text(encoding="utf-8")).language == "fr"
    # "Des questions ?" is French typography: S107 (English only) stays quiet in a French file …
    checkout = CHECKOUT.read_text(encoding="utf-8")
    assert not any(code == "S107" for code, _, _ in _found(checkout))
    # … and speaks when the same file says its targets are English.
    assert ("S107", 14, 49) in _found(checkout.replace('target-language="fr"', 'target-language="en"'))
    assert file_language(Source("a.xlf", _v2(("a", "b")).replace('trgLang="en"', 'trgLang="pt_BR"'))) == "pt-BR"
    no_lang = _v2(("a", "b")).replace(' trgLang="en"', "")
    assert file_language(Source("a.xlf", no_lang)) is None
    assert _doc(no_lang, language="de").language == "de"  # the configured language then


# -- errors and switches -----------------------------------------------------------------------


def test_malformed_xliff_is_an_error_with_its_line(run, tmp_path):
    bad = APP.read_text(encoding="utf-8").replace("<target>Next step.</target>", "<target>Next step.</targte>")
    (tmp_path / "bad.xlf").write_text(bad, encoding="utf-8")
    (tmp_path / "good.xlf").write_text(_v2(("Mode avion activé", "Mode avion activé")), encoding="utf-8")
    with pytest.raises(ParseError) as info:
        _doc(bad)
    assert info.value.line == 73 and str(info.value).startswith("invalid XML: ")
    r = run("check", ".", "--format", "json", "--no-cache", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert r.returncode == 2
    assert [(e["path"], e["line"]) for e in data["errors"]] == [("bad.xlf", 73)]
    assert data["errors"][0]["message"].startswith("invalid XML: ")
    assert {f["code"] for f in data["findings"] if f["path"] == "good.xlf"} == {"B102"}
    r = run("check", "bad.xlf", "--no-cache", cwd=tmp_path)
    assert r.returncode == 2 and "bad.xlf:73: invalid XML: " in r.stdout + r.stderr


def test_xml_that_is_not_xliff_is_an_error():
    with pytest.raises(ParseError) as info:
        _doc('<?xml version="1.0"?>\n<resources>\n<string name="a">Hello</string>\n</resources>\n')
    assert info.value.line == 2 and "not an XLIFF document" in str(info.value)


def test_html_style_switches_in_comments_only():
    base = _v2(("Mode avion activé", "Mode avion activé"))
    assert _found("<!-- copylint-disable-file -->\n" + base) == []
    assert _found(base.replace("<unit", "<!-- copylint-disable-next-line B102 -->\n<unit", 1)) == []
    # A switch written in CDATA or in an attribute is text, not a switch.
    in_cdata = _v2(("Mode avion activé", "Mode avion activé"),
                   ("Note", "<![CDATA[<!-- copylint-disable-file -->]]> Note"))
    assert "B102" in {c for c, _, _ in _found(in_cdata)}
    in_attr = base.replace('<file id="f"', '<file id="f" original="&lt;!-- copylint-disable-file --&gt;"')
    assert "B102" in {c for c, _, _ in _found(in_attr)}
    unknown = base.replace("<unit", "<!-- copylint: disable=B1O2 -->\n<unit", 1)
    assert ("C001", 3, 1) in _found(unknown)


def test_prefixed_namespace_and_xliff_without_namespace():
    prefixed = ('<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">'
                '<x:file id="f"><x:unit id="u1"><x:segment><x:source>Étape <x:ph id="1"/> suivante</x:source>'
                '<x:target>Next <x:ph id="1"/>  step</x:target></x:segment></x:unit></x:file></x:xliff>\n')
    [seg] = _doc(prefixed).segments
    assert (seg.text, seg.source_text) == (f"Next {PLACEHOLDER}  step", 'Étape <ph id="1"/> suivante')
    assert _found(prefixed, select=("W105", "B")) == [("W105", 1, prefixed.index("  step") + 1)]
    legacy = ('<xliff version="1.1"><file source-language="fr" target-language="en" datatype="plaintext" '
              'original="a"><body><trans-unit id="1"><source>Enregistrer</source><target>Save<sub>x</sub>'
              '</target></trans-unit></body></file></xliff>\n')
    assert [s.text for s in _doc(legacy).segments] == ["Savex"]  # an unknown element's content stays text


def test_b107_an_angular_templates_edges_are_its_layout_collapsed():
    units = ('<trans-unit id="1" datatype="html"><source> Load all records </source>'
             '<target state="translated">Lade alle Aufzeichnungen</target></trans-unit>'
             '<trans-unit id="2" datatype="html"><source> Reports\n</source><target>Berichte</target></trans-unit>')
    xlf = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
           '<file source-language="en-US" datatype="plaintext" original="{}"><body>' + units + '</body></file></xliff>\n')
    assert lint.check_text(xlf.format("ng2.template"), path="messages.de.xlf", select=["B107"]) == []
    # The same strings from another program's template are compared.
    assert len(lint.check_text(xlf.format("app.html"), path="messages.de.xlf", select=["B107"])) == 2


def test_an_icu_message_in_a_target_is_syntax_but_for_its_branches_texts():
    # Angular's extract-i18n writes a template's plural or select as an ICU message in its own unit.
    v12 = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
           'target-language="fr" datatype="plaintext" original="ng2.template"><body>\n{units}</body></file></xliff>\n')
    units = (
        ("{VAR_SELECT, select, true {Active} other {Inactive}}", "{VAR_SELECT, select, true {Actif} other {Inactif}}"),
        ("{VAR_PLURAL, plural, =0 {none} other {<x id=\"INTERPOLATION\"/> items}}",
         "{VAR_PLURAL, plural, =0 {aucun} other {<x id=\"INTERPOLATION\"/> éléments}}"),
        ("{VAR_SELECT, select, true {Status: on} other {Status: off}}",
         "{VAR_SELECT, select, true {Statut : actif} other {Statut: inactif}}"),
        ("{VAR_SELECT, select, true {The folder} other {The file}}", "{VAR_SELECT, select, true {Le dossier} other {La fiche}}"),
    )
    text = v12.format(units="".join(f'<trans-unit id="u{i}" datatype="html"><source>{s}</source>'
                                    f'<target state="translated">{t}</target></trans-unit>\n'
                                    for i, (s, t) in enumerate(units)))
    words = [seg.text.replace(PLACEHOLDER, " ").split() for seg in _doc(text, path="m.xlf", language="fr").segments]
    assert words == [["Actif", "Inactif"], ["aucun", "éléments"], ["Statut", ":", "actif", "Statut:", "inactif"],
                     ["Le", "dossier", "La", "fiche"]]
    # The branches are French prose: the missing space before `:` in the second one is found at its place.
    # Each branch is an alternative, not the sentence going on: `La` starts its own.
    found = [f for f in lint.check_text(text, path="m.xlf", select=["L103", "T101"])]
    assert [(f.code, text[f.start - 7 : f.start + 1]) for f in found] == [("L103", "{Statut:")]

"""Android string resources: strings, array items and plurals are prose; names, attributes, markup,
escapes, quotes, format arguments and references are not. (The format's own examples, in
lint/formats/android.py, run in tests/test_formats_declared.py.)"""

from __future__ import annotations

import lint
from lint import formats
from lint.formats import parse
from lint.model import Source

XLIFF_NS = 'xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2"'


def read(body: str, path: str = "res/values/strings.xml") -> list[tuple[str | None, str]]:
    text = f"<resources {XLIFF_NS}>\n{body}\n</resources>\n"
    return [(s.key, s.text) for s in parse(Source(path, text), "android-strings").segments]


def test_string_files_in_values_folders_are_claimed_and_other_xml_is_not():
    assert formats.format_for("app/src/main/res/values/strings.xml") == "android-strings"
    assert formats.format_for("res/values-b+sr+Latn/strings.xml") == "android-strings"
    assert formats.format_for("values-fr/strings.xml") == "android-strings"
    assert formats.format_for("app/src/main/res/layout/main.xml") is None
    assert formats.format_for("app/src/main/res/values/colors.xml") is None
    assert formats.format_for("docs/strings.xml") is None


def test_the_folder_sets_the_language():
    def language(folder: str) -> tuple[str, str]:
        doc = parse(Source(f"res/{folder}/strings.xml", "<resources/>\n"), "android-strings", "en")
        return doc.language, doc.language_from

    assert language("values-fr") == ("fr", "file")
    assert language("values-pt-rBR") == ("pt-BR", "file")
    assert language("values-b+sr+Latn") == ("sr-Latn", "file")
    assert language("values-mcc310-es-rUS") == ("es-US", "file")
    assert language("values") == ("en", "config")
    assert language("values-night") == ("en", "config")
    assert language("values-v21") == ("en", "config")


def test_untranslatable_strings_and_arrays_and_references_are_not_read():
    body = ('<string name="app" translatable="false">Acme Cloud</string>\n'
            '<string-array name="codes" translatable="false"><item>EUR</item></string-array>\n'
            '<string name="alias">@string/app</string>\n'
            '<string name="at">\\@acme on the web</string>\n'
            '<string-array name="menu"><item>@string/app</item><item>Open</item></string-array>')
    assert read(body) == [("at", "@acme on the web"), ("menu.1", "Open")]


def test_styling_tags_cdata_and_placeholders():
    body = ('<string name="a">Press <b>Save</b> to keep <i>your</i> work.</string>\n'
            '<string name="b"><![CDATA[Plain <b>CDATA</b> text]]></string>\n'
            '<string name="e">Tap &lt;b&gt;Save&lt;/b&gt; &lt;3</string>\n'
            '<string name="c">%1$d of %2$s files (100%%)</string>\n'
            '<string name="d">Hi <xliff:g id="name" example="Ann">%1$s</xliff:g>, welcome!</string>')
    assert read(body) == [("a", "Press Save to keep your work."), ("b", "Plain \ufffcCDATA\ufffc text"),
                          ("e", "Tap \ufffcSave\ufffc <3"), ("c", "\ufffc of \ufffc files (100%)"),
                          ("d", "Hi \ufffc, welcome!")]


def test_quotes_keep_whitespace_and_are_not_shown():
    body = ('<string name="a">"Two  spaces"</string>\n'
            '<string name="b">She said \\"yes\\"</string>\n'
            '<string name="c">Don\\\'t   go\n     away</string>')
    assert read(body) == [("a", "Two  spaces"), ("b", 'She said "yes"'), ("c", "Don't go away")]


def test_findings_and_fixes_stay_inside_strings():
    text = ("<resources>\n"
            '    <string name="the_the">Tap the the button ,  then wait.</string>\n'
            '    <string name="ok">"Keep  these" as written.</string>\n'
            "</resources>\n")
    path = "res/values/strings.xml"
    found = [(f.code, text[f.start:f.end]) for f in lint.check_text(text, path=path)]
    assert ("T102", "the") in found
    assert all(f.start > text.index(">Tap") for f in lint.check_text(text, path=path))
    fixed = lint.fix_text(text, path=path)
    # Two spaces inside quotes show on screen (fixed); outside quotes Android shows one (left alone).
    assert fixed == ("<resources>\n"
                     '    <string name="the_the">Tap the the button,  then wait.</string>\n'
                     '    <string name="ok">"Keep these" as written.</string>\n'
                     "</resources>\n")
    assert lint.fix_text(fixed, path=path) == fixed


def test_inline_switches_in_comments():
    text = ("<resources>\n"
            "    <!-- copylint-disable-next-line T102 -->\n"
            '    <string name="a">the the first</string>\n'
            '    <string name="b">the the second</string>\n'
            "</resources>\n")
    found = [(f.code, text[: f.start].count("\n") + 1) for f in lint.check_text(text, path="res/values/strings.xml")]
    assert ("T102", 4) in found and ("T102", 3) not in found


def test_invalid_xml_is_an_error_naming_the_file_and_line(tmp_path, run):
    path = tmp_path / "res" / "values-fr" / "strings.xml"
    path.parent.mkdir(parents=True)
    path.write_text('<resources>\n  <string name="a">Bonjour</string>\n  <string name="b">x</strin>\n</resources>\n',
                    encoding="utf-8")
    r = run("check", "--no-cache", str(path))
    assert r.returncode == 2
    assert "strings.xml:3" in r.stdout + r.stderr and "Traceback" not in r.stderr


def test_the_structure_a_fix_must_keep_is_all_but_the_translated_text():
    from lint.formats.android import structure

    def signature(body: str) -> object:
        return structure(parse(Source("res/values/strings.xml", f"<resources>{body}</resources>\n"), "android-strings"))

    base = signature('<string name="a">Hello  world</string><string name="n" translatable="false">Acme</string>')
    assert signature('<string name="a">Hello world</string><string name="n" translatable="false">Acme</string>') == base
    assert signature('<string name="b">Hello world</string><string name="n" translatable="false">Acme</string>') != base
    assert signature('<string name="a">Hello  world</string><string name="n" translatable="false">Acne</string>') != base
    assert signature('<string name="a">Hello <b>world</b></string><string name="n" translatable="false">Acme</string>'
                     ) != base


# -- paired with the default resources (res/values/strings.xml): family B compares each string with its source

def _res(root, folder: str, body: str):
    path = root / "res" / folder / "strings.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<resources {XLIFF_NS}>\n{body}\n</resources>\n',
                    encoding="utf-8")
    return path


_DEFAULT = """    <string name="app_name" translatable="false">Acme</string>
    <string name="save">Save the episode</string>
    <string name="deleted">Deleted <xliff:g id="count">%1$d</xliff:g> episodes from <b>%2$s</b>.</string>
    <string name="hint">Don\\'t forget   to subscribe</string>
    <string name="quoted">"Tap to refresh"</string>
    <string-array name="modes"><item>Play the next episode</item><item>Stop playback now</item></string-array>
    <plurals name="episodes">
        <item quantity="one">%d episode downloaded</item>
        <item quantity="other">%d episodes downloaded</item>
    </plurals>"""


def _b_findings(path) -> list[tuple[str, str]]:
    """(code, the string's name) of each B finding of the file, as the CLI's engine reads it."""
    from lint.config import Config
    from lint.engine import Linter, Selection

    result = Linter(Selection(select=["B"], cache=False)).lint_file(str(path), Config(root=path.parent))
    assert not result.errors, result.errors
    doc = parse(Source(str(path), path.read_text(encoding="utf-8")), "android-strings")
    return [(f.code, next(s.key for s in doc.segments if s.to_source(0) <= f.start <= s.to_source(len(s.text))) or "")
            for f in result.findings]


def test_a_translation_is_compared_with_the_default_resources_name_by_name(tmp_path):
    _res(tmp_path, "values", _DEFAULT)
    fr = _res(tmp_path, "values-fr", """    <string name="save">Save the episode</string>
    <string name="deleted">Supprimé <xliff:g id="count">%1$d</xliff:g> épisodes de %2$s ?</string>
    <string name="hint">N\\'oubliez pas   de vous abonner</string>
    <string name="quoted">"Touchez pour actualiser"</string>
    <string-array name="modes"><item>Lire l\\'épisode suivant</item><item>Stop playback now</item></string-array>
    <plurals name="episodes">
        <item quantity="one">%d épisode téléchargé</item>
        <item quantity="many">%d épisodes téléchargés</item>
        <item quantity="other">épisodes téléchargés</item>
    </plurals>""")
    assert sorted(_b_findings(fr)) == [
        ("B101", "episodes.other"),  # lost its count
        ("B102", "modes.1"), ("B102", "save"),  # copied
        ("B106", "deleted"),  # lost <b>
        ("B108", "deleted"),  # `.` became `?`
    ]
    doc = parse(Source(str(fr), fr.read_text(encoding="utf-8")), "android-strings")
    pairs = {s.key: s.source_text for s in doc.segments}
    assert pairs["hint"] == "Don't forget to subscribe"  # as the app shows it
    assert pairs["episodes.many"] == "%d episodes downloaded"  # a quantity English lacks: its `other`


def test_regions_and_scripts_pair_and_folders_that_are_no_translation_do_not(tmp_path):
    source = _res(tmp_path, "values", _DEFAULT)
    copied = '    <string name="save">Save the episode</string>'
    for folder in ("values-pt-rBR", "values-b+sr+Latn", "values-in"):
        assert _b_findings(_res(tmp_path, folder, copied)) == [("B102", "save")], folder
    # the source's language, an alternative resource (night mode, car mode, a region's variant of the source)
    for folder in ("values-en-rGB", "values-night", "values-car", "values-fr-land", "values-sw600dp"):
        assert _b_findings(_res(tmp_path, folder, copied)) == [], folder
    assert _b_findings(source) == []
    # `source: none`, or a template
    fr = _res(tmp_path, "values-fr", copied)
    read = formats.FORMATS["android-strings"].read
    text = fr.read_text(encoding="utf-8")
    assert read(Source(str(fr), text), {"source": "none"}).segments[0].source_text is None
    assert read(Source(str(fr), text), {"source": "../values/{name}"}).segments[0].source_text == "Save the episode"


def test_a_file_without_default_resources_reads_as_before(tmp_path):
    fr = _res(tmp_path, "values-fr", '    <string name="save">Save the episode</string>')
    assert _b_findings(fr) == []
    assert [s.source_text for s in parse(Source(str(fr), fr.read_text(encoding="utf-8")), "android-strings").segments] == [None]


def test_the_car_and_hdr_qualifiers_name_no_language():
    assert formats.FORMATS["android-strings"].file_language(Source("res/values-car/strings.xml", "")) is None
    assert formats.FORMATS["android-strings"].file_language(Source("res/values-hdr/strings.xml", "")) is None
    assert formats.FORMATS["android-strings"].file_language(Source("res/values-fil/strings.xml", "")) == "fil"


def test_an_edited_default_resource_invalidates_a_translation_s_cached_results(run, tmp_path):
    """The results cache keys a translation's findings on its default resources too (Format.sources)."""
    import json
    import os

    source = _res(tmp_path, "values", '    <string name="save">Save the episode</string>')
    _res(tmp_path, "values-fr", '    <string name="save">Save the episode</string>')
    args = ("check", "res/values-fr/strings.xml", "--select", "B", "--format", "json")
    env = {"COPYLINT_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # checked, then served from the cache
        assert [f["code"] for f in json.loads(run(*args, cwd=tmp_path, env=env).stdout)["findings"]] == ["B102"]
    _res(tmp_path, "values", '    <string name="save">Save this episode</string>')
    os.utime(source, ns=(1_000_000_000, 1_000_000_000))
    assert json.loads(run(*args, cwd=tmp_path, env=env).stdout)["findings"] == []


def test_a_plural_quantity_for_one_or_two_may_spell_its_number_out_and_other_may_not(tmp_path):
    """AntennaPod's Hebrew `two` (`שני פרקים` for `%d episodes`) and Norwegian `one` (`Ett abonnement`) were
    B101 errors: a quantity that stands for one number may write it as a word, as PO's rare forms may."""
    _res(tmp_path, "values", """    <plurals name="episodes">
        <item quantity="one">%d episode deleted</item>
        <item quantity="other">%d episodes deleted</item>
    </plurals>
    <plurals name="left">
        <item quantity="one">%1$d minute left in %2$s</item>
        <item quantity="other">%1$d minutes left in %2$s</item>
    </plurals>""")
    iw = _res(tmp_path, "values-iw", """    <plurals name="episodes">
        <item quantity="one">פרק נמחק</item>
        <item quantity="two">שני פרקים נמחקו</item>
        <item quantity="many">פרקים נמחקו</item>
        <item quantity="other">%d פרקים נמחקו</item>
    </plurals>
    <plurals name="left">
        <item quantity="one">נותרה דקה</item>
        <item quantity="other">נותרו %1$d דקות ב־%2$s</item>
    </plurals>""")
    # `many` lost its count; `left.one` lost the folder, an argument no form may drop
    assert sorted(_b_findings(iw)) == [("B101", "episodes.many"), ("B101", "left.one")]


def test_a_plural_quantity_that_stands_for_many_numbers_keeps_its_count(tmp_path):
    """Russian's `one` is shown for 1, 21, 31… (CLDR), Slovenian's `two` for 2, 102…: `Эпизод удалён` for
    `%d episode deleted` says "one episode" of 21. Since b37e073 any `one` or `two` might drop its count;
    Norwegian's and Hebrew's still may, and Russian's may still add it (`%d эпизод` for `One episode`)."""
    _res(tmp_path, "values", """    <plurals name="episodes">
        <item quantity="one">%d episode deleted</item>
        <item quantity="other">%d episodes deleted</item>
    </plurals>
    <plurals name="items">
        <item quantity="one">One item</item>
        <item quantity="other">%1$d items</item>
    </plurals>""")
    ru = _res(tmp_path, "values-ru", """    <plurals name="episodes">
        <item quantity="one">Эпизод удалён</item>
        <item quantity="few">%d эпизода удалено</item>
        <item quantity="many">%d эпизодов удалено</item>
        <item quantity="other">%d эпизода удалено</item>
    </plurals>
    <plurals name="items">
        <item quantity="one">%1$d элемент</item>
        <item quantity="other">%1$d элемента</item>
    </plurals>""")
    assert _b_findings(ru) == [("B101", "episodes.one")]
    sl = _res(tmp_path, "values-sl", """    <plurals name="episodes">
        <item quantity="one">%d epizoda izbrisana</item>
        <item quantity="two">Dve epizodi izbrisani</item>
        <item quantity="other">%d epizod izbrisanih</item>
    </plurals>""")
    assert _b_findings(sl) == [("B101", "episodes.two")]
    nb = _res(tmp_path, "values-nb", """    <plurals name="episodes">
        <item quantity="one">Én episode slettet</item>
        <item quantity="other">%d episoder slettet</item>
    </plurals>""")
    assert _b_findings(nb) == []


def test_a_plural_quantity_for_one_drops_one_integer_at_most(tmp_path):
    """`Ein Lied gespielt` for `%1$d of %2$d song played` lost the total too: a quantity is picked by one
    number, its count; the other integer is an argument as any other. Since b37e073 both might drop."""
    _res(tmp_path, "values", """    <plurals name="progress">
        <item quantity="one">%1$d of %2$d song played</item>
        <item quantity="other">%1$d of %2$d songs played</item>
    </plurals>
    <plurals name="played">
        <item quantity="one">%1$d song of %2$s played</item>
        <item quantity="other">%1$d songs of %2$s played</item>
    </plurals>""")
    de = _res(tmp_path, "values-de", """    <plurals name="progress">
        <item quantity="one">Ein Lied gespielt</item>
        <item quantity="other">%1$d von %2$d Liedern gespielt</item>
    </plurals>
    <plurals name="played">
        <item quantity="one">Ein Lied von %2$s gespielt</item>
        <item quantity="other">%1$d Lieder von %2$s gespielt</item>
    </plurals>""")
    assert _b_findings(de) == [("B101", "progress.one")]


def test_a_plural_quantity_may_drop_or_add_a_count_the_program_formats_as_a_string(tmp_path):
    """NewPipe formats its counts (`%s views`, the number written for the locale): Arabic's `zero` and `two`
    (`مُشاهَدتان`) drop `%s` as a form for one number may drop `%d`, and Bosnian's `one` adds it to `Download
    finished`. A second argument, a form for many numbers (Russian's `one`) and a `%` left broken still count."""
    _res(tmp_path, "values", """    <plurals name="views">
        <item quantity="one">%s view</item>
        <item quantity="other">%s views</item>
    </plurals>
    <plurals name="done">
        <item quantity="one">Download finished</item>
        <item quantity="other">%s downloads finished</item>
    </plurals>
    <plurals name="left">
        <item quantity="one">%1$s minute left in %2$s</item>
        <item quantity="other">%1$s minutes left in %2$s</item>
    </plurals>""")
    ar = _res(tmp_path, "values-ar", """    <plurals name="views">
        <item quantity="zero">لا مشاهدة</item>
        <item quantity="one">مشاهدة واحدة</item>
        <item quantity="two">مُشاهَدتان</item>
        <item quantity="few">%s مشاهدات</item>
        <item quantity="many">مشاهدة</item>
        <item quantity="other">%s مشاهدة</item>
    </plurals>
    <plurals name="left">
        <item quantity="one">دقيقة واحدة</item>
        <item quantity="other">%1$s دقائق متبقية في %2$s</item>
    </plurals>""")
    assert sorted(_b_findings(ar)) == [("B101", "left.one"), ("B101", "views.many")]
    bs = _res(tmp_path, "values-bs", """    <plurals name="done">
        <item quantity="one">%s preuzimanje je gotovo</item>
        <item quantity="other">%s preuzimanja su gotova</item>
    </plurals>""")
    assert _b_findings(bs) == []
    ru = _res(tmp_path, "values-ru", """    <plurals name="views">
        <item quantity="one">Просмотр</item>
        <item quantity="other">%s просмотров</item>
    </plurals>""")
    assert _b_findings(ru) == [("B101", "views.one")]
    ku = _res(tmp_path, "values-kmr", """    <plurals name="views">
        <item quantity="one">dîtina % s</item>
        <item quantity="other">%s dîtin</item>
    </plurals>""")
    assert _b_findings(ku) == [("B101", "views.one")]


def test_a_soft_hyphen_a_translator_typed_inside_a_long_word_is_a_line_break_hint(tmp_path):
    """NewPipe's Dutch `Kanaal\u00adtabbladen`: a hint where the word may break on a narrow screen, typed in the
    translation; not in a part of two letters (`hy\u00adphen`, a PDF's residue), nor in the default resources."""
    from lint.config import Config
    from lint.engine import Linter, Selection

    _res(tmp_path, "values", '    <string name="tabs">Channel tabs</string>\n'
                             '    <string name="pasted">A soft hy\u00adphen pasted</string>')
    nl = _res(tmp_path, "values-nl", '    <string name="tabs">Kanaal\u00adtabbladen</string>\n'
                                     '    <string name="pasted">Een zacht af\u00adbreekstreepje</string>')
    linter = Linter(Selection(select=["E102"], cache=False))
    found = linter.lint_file(str(nl), Config(root=tmp_path)).findings
    assert [nl.read_text(encoding="utf-8")[f.start - 2 : f.end + 2] for f in found] == ["af\u00adbr"]
    assert len(linter.lint_file(str(tmp_path / "res" / "values" / "strings.xml"), Config(root=tmp_path)).findings) == 1


def test_a_plural_quantity_may_not_drop_a_name_it_shows_as_its_only_placeholder(tmp_path):
    """`New video from %s` names the channel, counts nothing: a Dutch `one` that leaves it out (`Nieuwe video`)
    lost the name, as `%s view` may be left `Eén weergave`, its count spelt out."""
    _res(tmp_path, "values", """    <plurals name="new_from">
        <item quantity="one">New video from %s</item>
        <item quantity="other">New videos from %s</item>
    </plurals>
    <plurals name="views">
        <item quantity="one">%s view</item>
        <item quantity="other">%s views</item>
    </plurals>""")
    nl = _res(tmp_path, "values-nl", """    <plurals name="new_from">
        <item quantity="one">Nieuwe video</item>
        <item quantity="other">Nieuwe video\\'s van %s</item>
    </plurals>
    <plurals name="views">
        <item quantity="one">Eén weergave</item>
        <item quantity="other">%s weergaven</item>
    </plurals>""")
    assert _b_findings(nl) == [("B101", "new_from.one")]


def test_a_word_hyphenated_at_every_syllable_is_a_hyphenators_residue(tmp_path):
    """`Ver\u00adbin\u00addun\u00adgen`, a soft hyphen at each syllable, came with text pasted from a hyphenated page:
    each is flagged; a translator's one or two hints between a compound's parts (`standaard\u00addownload\u00admap`)
    are not."""
    from lint.config import Config
    from lint.engine import Linter, Selection

    _res(tmp_path, "values", '    <string name="conn">Connections</string>\n'
                             '    <string name="folder">Default download folder</string>')
    de = _res(tmp_path, "values-de", '    <string name="conn">Ver\u00adbin\u00addun\u00adgen</string>\n'
                                     '    <string name="folder">Standard\u00addownload\u00adordner</string>')
    found = Linter(Selection(select=["E102"], cache=False)).lint_file(str(de), Config(root=tmp_path)).findings
    assert [de.read_text(encoding="utf-8")[f.start - 3 : f.end + 3] for f in found] == [
        "Ver\u00adbin", "bin\u00addun", "dun\u00adgen"]

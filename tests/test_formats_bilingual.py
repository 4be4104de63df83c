"""Family B on a realistic catalogue: exact positions, nothing flagged in msgids or comments, the
catalogue's own language picked from its header, a fixed catalogue still loads with polib, and the same
pairs written as XLIFF get the same verdicts."""

from __future__ import annotations

import polib

import lint
from lint.formats import parse
from lint.model import Source
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "formats" / "checkout.fr.po"


def _found(select: tuple[str, ...] | None = None) -> list[tuple[str, int, int]]:
    text = FIXTURE.read_text(encoding="utf-8")
    src = Source(str(FIXTURE), text)
    return [(f.code, src.position(f.start).line, src.position(f.start).column)
            for f in lint.check_text(text, path=str(FIXTURE), select=select)]


def test_every_bilingual_finding_at_its_place():
    assert _found(("B",)) == [
        ("B103", 12, 31),  # 35 euros became 25: at the wrong number
        ("B106", 20, 9),  # </a> lost
        ("B105", 24, 9),  # support@ "translated" to assistance@
        ("B104", 28, 9),  # another host
        ("B107", 32, 25),  # "Card number: " lost its trailing space
        ("B108", 36, 28),  # a question became a statement
    ]


def test_equivalent_forms_are_not_flagged():
    lines = {line for _, line, _ in _found(("B",))}
    assert 16 not in lines  # 1,000 = 1 000; "2 days" spelled out as "deux jours"
    assert 40 not in lines  # "Promo code:" -> "Code promo :" (French space before the colon)
    assert 44 not in lines  # the placeholder kept
    assert 48 not in lines  # 2.5 = 2,5


def test_findings_stay_in_translations():
    text = FIXTURE.read_text(encoding="utf-8")
    src = Source(str(FIXTURE), text)
    lines = text.splitlines()
    for f in lint.check_text(text, path=str(FIXTURE)):
        assert lines[src.position(f.start).line - 1].startswith("msgstr"), f


def test_language_comes_from_the_header():
    text = FIXTURE.read_text(encoding="utf-8")
    assert parse(Source(str(FIXTURE), text), "po").language == "fr"
    assert ("S107", 24, 22) not in _found()  # "Des questions ?" is French typography
    assert parse(Source("m.po", 'msgid "a"\nmsgstr "b"\n'), "po", "de").language == "de"


def test_fixed_catalogue_still_loads():
    text = FIXTURE.read_text(encoding="utf-8")
    fixed = lint.fix_text(text, path=str(FIXTURE), unsafe=True)
    before = {(e.msgid, e.msgstr) for e in polib.pofile(text)}
    after = {(e.msgid, e.msgstr) for e in polib.pofile(fixed)}
    assert {m for m, _ in before} == {m for m, _ in after}
    assert lint.fix_text(fixed, path=str(FIXTURE), unsafe=True) == fixed


def _as_xliff(po_text: str, version: str) -> str:
    """The catalogue's entries as an XLIFF file, one unit a line, escaped as an XML tool writes them."""
    from xml.sax.saxutils import escape

    entries = [e for e in polib.pofile(po_text) if e.msgid]
    if version == "2.0":
        units = "".join(f'<unit id="{u}"><segment><source>{escape(e.msgid)}</source>'
                        f"<target>{escape(e.msgstr)}</target></segment></unit>\n" for u, e in enumerate(entries))
        head = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">'
        return f'{head}\n<file id="f">\n{units}</file>\n</xliff>\n'
    units = "".join(f'<trans-unit id="{u}"><source>{escape(e.msgid)}</source>'
                    f"<target>{escape(e.msgstr)}</target></trans-unit>\n" for u, e in enumerate(entries))
    head = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n<file original="checkout" '
            'source-language="en" target-language="fr" datatype="plaintext"><body>')
    return f"{head}\n{units}</body></file>\n</xliff>\n"


def test_the_same_pairs_in_xliff_get_the_same_verdicts():
    """Every B rule reads its strings through `pair`: the catalogue's pairs written as XLIFF 1.2 and 2.0
    targets get exactly the PO findings, each on its own unit's line."""
    text = FIXTURE.read_text(encoding="utf-8")
    po = [(code, line) for code, line, _ in _found(("B",))]
    # The line of each entry's msgstr (the header's first), to name each PO finding by its entry's rank.
    msgstr_lines = [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith("msgstr")][1:]
    po_by_entry = sorted((msgstr_lines.index(line), code) for code, line in po)
    assert len(po_by_entry) == 6
    for version in ("1.2", "2.0"):
        xlf = _as_xliff(text, version)
        xsrc = Source("checkout.xlf", xlf)
        found = [(xsrc.position(f.start).line - 3, f.code)
                 for f in lint.check_text(xlf, path="checkout.xlf", select=("B",))]
        assert sorted(found) == po_by_entry, version


def test_edge_whitespace_one_finding_per_entry_and_one_for_a_habit():
    both = lint.check_text('msgid " in "\nmsgstr "во"\n', path="mk.po", select=["B107"])
    assert [f.message for f in both] == ["Leading and trailing whitespace differ from the source's"]
    # A translator who ends every label with a space: one finding naming how many, at the first.
    habit = "".join(f'msgid "Label {i}"\nmsgstr "Étiquette {i} "\n\n' for i in range(7))
    lost = 'msgid "Name: "\nmsgstr "Nom :"\n\n'
    found = lint.check_text(habit + lost, path="fr.po", select=["B107"])
    assert sorted(f.message for f in found) == [
        "7 translations add a space at their start or end that their sources do not have (the first here)",
        "Trailing whitespace differs from the source's"]
    assert min(f.start for f in found) == habit.index("Étiquette 0")
    # The other six are the habit's related places, each where its slip is.
    (grouped,) = [f for f in found if f.message.startswith("7 ")]
    assert [(r.start, r.message) for r in grouped.related] == [
        (habit.index(f"Étiquette {i} ") + len(f"Étiquette {i}"), "Trailing whitespace differs from the source's")
        for i in range(1, 7)]
    # Four are four slips, each reported where it is.
    few = "".join(f'msgid "Label {i}"\nmsgstr "Étiquette {i} "\n\n' for i in range(4))
    assert len(lint.check_text(few, path="fr.po", select=["B107"])) == 4


def test_b107_a_trailing_space_left_out_after_a_proclitic_that_joins_the_next_word():
    # GNOME Clocks' ar.po (dev half): "%s and " as "%s و". Arabic writes `و` (and) joined to the word after it,
    # so the string the program appends follows it with no space; Hebrew's prefixed `ו` the same.
    for path, target in (("ar.po", "%s و"), ("he.po", "%s ו")):
        entry = f'msgid "%s and "\nmsgstr "{target}"\n'
        assert lint.check_text(entry, path=path, select=["B107"]) == [], path
    # The closest slips: a whole word before the appended one (`في`, in), and a proclitic's space lost at
    # the start, where nothing is joined to it.
    for entry in ('msgid "%s in "\nmsgstr "%s في"\n', 'msgid " and %s"\nmsgstr "و%s"\n'):
        assert [f.code for f in lint.check_text(entry, path="ar.po", select=["B107"])] == ["B107"], entry


def test_b108_a_column_heads_word_cut_short_a_units_symbol_and_a_shad_for_a_colon_end_no_sentence():
    # transmission's column heads, shortened to fit with a point: words the catalogue never writes whole.
    heads = ('msgid "Down"\nmsgstr "Downl."\n\nmsgid "Up Reqs"\nmsgstr "Upl.-verz."\n\n'
             'msgid "Download"\nmsgstr "Downloaden"\n\n')
    assert lint.check_text(heads, path="nl.po", select=["B108"]) == []
    # A word the catalogue writes whole is no word cut short: the full stop added to the label is reported.
    whole = heads + 'msgid "Torrent"\nmsgstr "Torrent."\n\nmsgid "Add a torrent"\nmsgstr "Torrent toevoegen"\n'
    assert [f.message for f in lint.check_text(whole, path="nl.po", select=["B108"])] == [
        "The translation ends with a full stop, the source does not"]
    # gnome-calculator's af unit symbols (`jt.` for `yd`), and Dzongkha's shad where English has a colon.
    assert lint.check_text('msgid "%s yd"\nmsgstr "%s jt."\n', path="af.po", select=["B108"]) == []
    dz = 'msgid "Click a value to edit it:"\nmsgstr "ཞུན་དག་འབད།"\n\nmsgid "Significant _places:"\nmsgstr "རྩ་ཅན་ས་གནས་ཚུ་ (_p)"\n'
    assert [f.message for f in lint.check_text(dz, path="dz.po", select=["B108"])] == [
        "The source ends with a colon, the translation does not"]


def test_end_punctuation_one_finding_for_a_catalogue_wide_choice():
    labels = "".join(f'msgid "Field {i}:"\nmsgstr "Felt {i}"\n\n' for i in range(6))
    question = 'msgid "Delete it?"\nmsgstr "Slet den."\n\n'
    found = lint.check_text(labels + question, path="fo.po", select=["B108"])
    assert sorted(f.message for f in found) == [
        "6 translations leave out the colon their sources end with (the first here)",
        "The source ends with a question mark, the translation with a full stop"]
    (grouped,) = [f for f in found if f.message.startswith("6 ")]
    assert len(grouped.related) == 5 and {r.message for r in grouped.related} == {
        "The source ends with a colon, the translation does not"}
    few = "".join(f'msgid "Field {i}:"\nmsgstr "Felt {i}"\n\n' for i in range(3))
    assert [f.message for f in lint.check_text(few, path="fo.po", select=["B108"])] == [
        "The source ends with a colon, the translation does not"] * 3
    assert [f.message for f in lint.check_text('msgid "Insert..."\nmsgstr "Indsæt"\n', path="da.po", select=["B108"])] == [
        "The source ends with an ellipsis, the translation does not"]


def test_mixed_quotes_in_a_catalogue_are_one_finding_with_one_fix():
    header = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
    curly = ["L’arbre et l’eau", "L’air d’ici", "D’abord l’an", "Qu’il vienne", "C’est l’été"]
    straight = ["l'un", "l'autre et l'été"]
    text = header + "".join(f'msgid "Entry {i}"\nmsgstr "{t}"\n\n' for i, t in enumerate(curly + straight))
    found = lint.check_text(text, path="fr.po", select=["P102"])
    assert [f.message for f in found] == ["3 straight ' among 9 curly in this catalogue's translations (the first here)"]
    assert found[0].start == text.index("l'un") + 1
    at = text.index("l'autre et l'été")
    assert [(r.start, r.message) for r in found[0].related] == [(at + 1, "Straight '"), (at + 12, "Straight '")]
    fixed = lint.fix_text(text, path="fr.po", select=["P102"])
    assert fixed == text.replace("l'un", "l’un").replace("l'autre et l'été", "l’autre et l’été")


def test_tags_a_translation_adds_are_named_once():
    # Thunar's nn.po: a label the translation wraps in <b>; nothing of the source's is missing.
    for text in ('msgid "Security"\nmsgstr "<b>Tryggleik</b>"\n',
                 'msgid "Open <b>file</b>"\nmsgstr "Opne <b>fil</b> <i>no</i>"\n'):
        (found,) = lint.check_text(text, path="nn.po", select=["B106"])
        assert "missing" not in found.message and "not in the source" in found.message


def test_a_template_layout_trimmed_at_the_edges_of_an_html_string_is_not_flagged():
    # django-oscar's catalogues: `{% blocktrans %}` without `trimmed` keeps the template's line breaks
    # and indentation around the text, which translators trim; the page renders both the same.
    header = 'msgid ""\nmsgstr ""\n"Language: da\\n"\n\n#: oscar/templates/oscar/basket/messages/addition.html:4\n'
    trimmed = (header + 'msgid ""\n"\\n"\n"    <strong>%(title)s</strong> has been added to your basket.\\n"\n"    "\n'
               'msgstr ""\n"\\n"\n"<strong>%(title)s</strong> er lagt i din indkøbskurv."\n')
    assert lint.check_text(trimmed, path="da.po", select=["B107"]) == []
    # A space the source joins with, in the same catalogue, is still a join lost.
    joined = header + 'msgid " created after %s"\nmsgstr "oprettet efter %s"\n'
    assert [f.code for f in lint.check_text(joined, path="da.po", select=["B107"])] == ["B107"]
    # An application's labels written with tags (no `.html` reference) are shown as written: a line break
    # the translation drops at their end is lost (git's Catalan catalogue, read as labels).
    labels = ('msgid ""\nmsgstr ""\n"Language: ca\\n"\n\n#: builtin/commit.c:12\nmsgid "<b>Bold</b> text"\n'
              'msgstr "Text en <b>negreta</b>"\n\n#: ident.c:4\nmsgid ""\n"Please tell me who you are.\\n"\n"  "\n'
              'msgstr "Digueu-me qui sou."\n')
    assert [f.code for f in lint.check_text(labels, path="ca.po", select=["B107"])] == ["B107"]


def test_an_example_adapted_to_the_readers_country_is_no_changed_number():
    # django-allauth's catalogues: the country code of an example, adapted by nine translations.
    header = 'msgid ""\nmsgstr ""\n"Language: {}\\n"\n\n'
    adapted = {
        "fi": 'msgid "Enter a phone number including country code (e.g. +1 for the US)."\n'
              'msgstr "Anna puhelinnumero maakoodilla (esim. +358 Suomelle)."\n',
        "ru": 'msgid "Enter a phone number including country code (e.g. +1 for the US)."\n'
              'msgstr "Введите номер телефона, включая код страны (например, +7 для России или Казахстана)."\n',
    }
    for language, entry in adapted.items():
        assert lint.check_text(header.format(language) + entry, path=f"{language}.po", select=["B103"]) == []
    # The number outside the example is still the source's to keep.
    changed = ('msgid "Up to 3 numbers per account (e.g. +1 for the US)."\n'
               'msgstr "Jopa 5 numeroa tiliä kohden (esim. +358 Suomelle)."\n')
    (found,) = lint.check_text(header.format("fi") + changed, path="fi.po", select=["B103"])
    assert found.message == "Numbers differ from the source: missing 3; not in the source 5"
    # A bound an example states (`at least 12 characters`) is a rule of the program, not the reader's to adapt.
    bound = ('msgid "Choose a password, for example one of at least 12 characters."\n'
             'msgstr "Wählen Sie ein Passwort, zum Beispiel eines mit mindestens 8 Zeichen."\n')
    (found,) = lint.check_text(header.format("de") + bound, path="de.po", select=["B103"])
    assert found.message == "Numbers differ from the source: missing 12; not in the source 8"


def test_a_mnemonics_number_is_read_past_its_underscore():
    # gnome-text-editor's Nepali catalogue: the tab widths `_2` … `_8` (GTK access keys) in Devanagari digits.
    header = 'msgid ""\nmsgstr ""\n"Language: ne\\n"\n\n'
    assert lint.check_text(header + 'msgid "_4"\nmsgstr "४"\n', path="ne.po", select=["B103"]) == []
    assert lint.check_text(header + 'msgid "_4"\nmsgstr "_4"\n', path="ne.po", select=["B103"]) == []
    # The number itself changed, with or without the underscore, is still the source's to keep.
    for changed in ("५", "_5"):
        (found,) = lint.check_text(header + f'msgid "_4"\nmsgstr "{changed}"\n', path="ne.po", select=["B103"])
        assert found.message == "Numbers differ from the source: missing 4; not in the source 5"
    # An identifier's underscore is no mnemonic: `tab_4` holds no number to compare.
    assert lint.check_text(header + 'msgid "Use tab_4"\nmsgstr "tab_4 प्रयोग गर्नुहोस्"\n', path="ne.po",
                           select=["B103"]) == []


def test_an_example_url_on_a_reserved_host_replaced_by_a_real_domain_is_flagged():
    # GNOME Maps' Icelandic catalogue: `example.com` (RFC 2606, reserved so that no example sends a reader to
    # a real site) as `vefur.is` and `dæmi.is`, domains anyone may register; a spam host in its place reads
    # the same. 5ecca63 let such a swap pass; reverted.
    source = ('msgid "The official website. Try to use the most basic form of a URL i.e. http://"\n'
              '"example.com instead of http://example.com/index.html."\n')
    adapted = ('msgstr "Opinbera vefsvæðið. Reyndu að nota grunnform slóðarinnar, t.d. http://vefur."\n'
               '"is í stað http://dæmi.is/index.html."\n')
    found = lint.check_text(source + adapted, path="is.po", select=["B104"])
    assert [f.code for f in found] == ["B104"] and "vefur.is" in found[0].message


def test_a_thai_question_asked_with_its_particle_needs_no_question_mark():
    # django-allauth's Thai catalogue: questions end with their particle (หรือไม่, หรอ), no `?`.
    header = 'msgid ""\nmsgstr ""\n"Language: th\\n"\n\n'
    asked = ('msgid "Are you sure you want to remove this security key?"\n'
             'msgstr "คุณแน่ใจว่าต้องการลบคีย์ความปลอดภัยนี้หรือไม่"\n')
    assert lint.check_text(header + asked, path="th.po", select=["B108"]) == []
    # With no particle or question word the question became a statement, or an order.
    ordered = 'msgid "Delete this security key?"\nmsgstr "ลบคีย์ความปลอดภัยนี้"\n'
    assert [f.code for f in lint.check_text(header + ordered, path="th.po", select=["B108"])] == ["B108"]
    # `หรือ` between two words is `or`: the question's particle lost leaves a statement (the file or the
    # folder has gone).
    stated = 'msgid "Is the file or folder missing?"\nmsgstr "ไฟล์หรือโฟลเดอร์หายไป"\n'
    assert [f.code for f in lint.check_text(header + stated, path="th.po", select=["B108"])] == ["B108"]


def test_a_full_stop_added_to_a_sentence_that_lacks_one_is_the_translators_to_add():
    # django-oscar's catalogues: sources that are sentences without their full stop, opening with a
    # placeholder or ending a run of sentences; and a form of address the language abbreviates.
    header = 'msgid ""\nmsgstr ""\n"Language: {}\\n"\n\n'
    corrected = [
        ("ru", 'msgid "%i product attributes are still assigned to this attribute option group"\n'
               'msgstr "Атрибуты продуктов (%i) всё ещё назначены этой группе опций."\n'),
        ("ru", 'msgid "\'%(title)s\' is no longer available to buy (%(reason)s). Please adjust your basket to continue"\n'
               'msgstr "Товар \'%(title)s\' более не доступен (%(reason)s). Удалите его из корзины для продолжения."\n'),
        ("sl", 'msgid "Miss"\nmsgstr "Gdč."\n'),
    ]
    for language, entry in corrected:
        assert lint.check_text(header.format(language) + entry, path=f"{language}.po", select=["B108"]) == [], entry
    # A label that gained a full stop is still flagged.
    label = 'msgid "Offer summary"\nmsgstr "Предложение вкратце."\n'
    assert [f.code for f in lint.check_text(header.format("ru") + label, path="ru.po", select=["B108"])] == ["B108"]
    # … and so is a label whose abbreviation's point before a capital reads like a sentence's end.
    for entry in ('msgid "No. Items"\nmsgstr "Nombre d\'articles."\n', 'msgid "Dr. Smith Clinic"\nmsgstr "Clinique du Dr Smith."\n'):
        assert [f.code for f in lint.check_text(header.format("fr") + entry, path="fr.po", select=["B108"])] == ["B108"], entry


def test_an_abbreviation_of_the_language_that_ends_a_translation_ends_a_word():
    # django-allauth's Danish catalogue: `kl.` (klokken) for `at`; django-oscar's Norwegian one: `ang.`
    # (angående) inside a sentence.
    da = 'msgid ""\nmsgstr ""\n"Language: da\\n"\n\nmsgid "Started At"\nmsgstr "Startet kl."\n'
    assert lint.check_text(da, path="da.po", select=["B108"]) == []
    nb = ('msgid ""\nmsgstr ""\n"Language: nb\\n"\n\nmsgid "In case we need to call you about your order"\n'
          'msgstr "I tilfelle vi trenger å ringe deg ang. din ordre"\n')
    assert lint.check_text(nb, path="nb.po", select=["T108"]) == []
    # django-oscar's Portuguese catalogue: `incl.` (inclusive) and `Srta.` (senhorita), from the pack.
    pt = 'msgid ""\nmsgstr ""\n"Language: pt_PT\\n"\n\nmsgid "Total inc tax"\nmsgstr "Total IVA incl."\n'
    assert lint.check_text(pt, path="pt_PT.po", select=["B108"]) == []
    # A word that is no abbreviation of the language still gains a full stop.
    label = 'msgid ""\nmsgstr ""\n"Language: da\\n"\n\nmsgid "Started"\nmsgstr "Startet."\n'
    assert [f.code for f in lint.check_text(label, path="da.po", select=["B108"])] == ["B108"]
    # … and so does a word the language also writes whole, whose point is no abbreviation's: French `vol`
    # (flight; vol. for volume), `sept` (seven; sept. for septembre), Polish `ok` (ok. for około).
    for language, source, translation in (("fr", "Cancel flight", "Annuler le vol."), ("fr", "Day seven", "Jour sept."),
                                          ("pl", "Everything OK", "Wszystko ok.")):
        label = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n\nmsgid "{source}"\nmsgstr "{translation}"\n'
        assert [f.code for f in lint.check_text(label, path=f"{language}.po", select=["B108"])] == ["B108"], translation


def test_a_full_stop_added_to_a_sentence_that_opens_with_a_tag_is_the_translators_to_add():
    # django-oscar's Georgian catalogue: a template's sentence that opens with a tag and a placeholder.
    entry = ('msgid ""\nmsgstr ""\n"Language: ka\\n"\n\n#: templates/oscar/catalogue/reviews/review_product.html:9\n'
             'msgid ""\n"\\n"\n"            <strong>%(num_up_votes)s</strong> of %(num_votes)s customer found this useful\\n"\n'
             '"            "\nmsgstr ""\n"\\n"\n"<strong>%(num_up_votes)s</strong>-დან %(num_votes)s-მა მომხმარებელმა აღნიშნა, '
             'რომ ეს მიმოხილვა სასარგებლოა."\n')
    assert lint.check_text(entry, path="ka.po", select=["B108"]) == []
    # A tag before a label: no sentence, its full stop added is still flagged.
    label = ('msgid ""\nmsgstr ""\n"Language: ka\\n"\n\n#: templates/oscar/basket.html:3\n'
             'msgid "<strong>Basket</strong>"\nmsgstr "<strong>კალათა</strong>."\n')
    assert [f.code for f in lint.check_text(label, path="ka.po", select=["B108"])] == ["B108"]


def test_t102_a_repeat_the_source_makes_itself_may_be_kept_or_hyphened():
    """GNOME Clocks' alarm sounds: `Ping Ping` kept as `Ping ping`, `Beep-Beep` rendered `Pip pip`: the source's
    own repeat. A sound the source does not double, and another word doubled beside the repeat, are flagged."""
    def t102(source: str, translation: str) -> list[str]:
        return [f.message for f in lint.check_text(f'msgid "{source}"\nmsgstr "{translation}"\n', path="nb.po",
                                                   select=["T102"])]

    assert t102("Ping Ping", "Ping ping") == []
    assert t102("Beep-Beep", "Pip pip") == []
    assert t102("Beep-Beep", "Beep beep") == []
    assert t102("Ping", "Ping ping") == ["Repeated word 'Ping'"]
    assert t102("Beep-Beep for the alarm", "Pip pip for for alarmen") == ["Repeated word 'for'"]
    assert t102("Ping Ping and the bell", "Ping ping og og klokken") == ["Repeated word 'og'"]


def test_haitian_creoles_determiner_then_preposition_nan_is_no_repeated_word():
    # django-allauth's Haitian Creole catalogue: `demann nan` (the request), `nan "%s"` (from "%s").
    entry = ('msgid ""\nmsgstr ""\n"Language: ht\\n"\n\n#, python-format\n'
             'msgid "Invalid response while obtaining request token from \\"%s\\"."\n'
             'msgstr "Repons pa valab pandan w t ap jwenn token demann nan nan \\"%s\\"."\n')
    assert lint.check_text(entry, path="ht.po", select=["T102"]) == []
    slip = entry.replace("pa valab", "pa pa valab")
    assert [f.code for f in lint.check_text(slip, path="ht.po", select=["T102"])] == ["T102"]


def test_a_copy_in_words_the_catalogue_writes_in_its_translations_is_translated():
    # django-oscar's Dutch catalogue keeps `voucher`, `code`, `product` and `details` in its translations.
    catalogue = ('msgid ""\nmsgstr ""\n"Language: nl\\n"\n\n'
                 'msgid "Voucher %s created"\nmsgstr "Voucher %s aangemaakt"\n\n'
                 'msgid "Voucher code is invalid"\nmsgstr "Vouchercode is ongeldig"\n\n'
                 'msgid "Enter the voucher code"\nmsgstr "Vul de voucher code in"\n\n'
                 'msgid "Code is required"\nmsgstr "Code is verplicht"\n\n')
    assert lint.check_text(catalogue + 'msgid "Voucher code"\nmsgstr "Voucher code"\n', path="nl.po",
                           select=["B102"]) == []
    # A copy with a word none of its translations writes is still English.
    copied = catalogue + 'msgid "Social application"\nmsgstr "Social application"\n'
    assert [f.code for f in lint.check_text(copied, path="nl.po", select=["B102"])] == ["B102"]


def test_a_copys_words_are_the_catalogues_own_only_from_its_prose_not_its_code():
    # A Sphinx catalogue writes `return` and `value` in its translations' literals: code, no French words.
    catalogue = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
                 + "".join(f'#: library/f.rst:{i}\nmsgid "Use ``return the value`` in f{i}."\n'
                           f'msgstr "Utilisez ``return the value`` dans f{i}."\n\n' for i in range(3)))
    copied = catalogue + '#: library/f.rst:9\nmsgid "Return the value."\nmsgstr "Return the value."\n'
    assert [f.code for f in lint.check_text(copied, path="fr.po", select=["B102"])] == ["B102"]


def test_a_copys_words_are_the_catalogues_own_only_from_translations_that_change_its_words():
    # A half-translated catalogue whose 'translations' are their English sources with a full stop added or a
    # letter's case changed writes no French: its words make no copy French.
    catalogue = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
                 + "".join(f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in (
                     ("Delete the file", "Delete the file."), ("Your password is invalid", "Your password is invalid."),
                     ("The file is too large", "The file is too large."), ("Enter your password", "Enter your password."),
                     ("Invalid file", "invalid file"))))
    copied = catalogue + 'msgid "Your file is invalid"\nmsgstr "Your file is invalid"\n'
    assert [f.code for f in lint.check_text(copied, path="fr.po", select=["B102"])] == ["B102"]


def test_a_programs_string_in_a_template_catalogue_keeps_its_edge_line_breaks():
    # django-oscar's catalogues are HTML templates' mostly, and its views' strings too: a line break lost at
    # the edge of a string a `.py` file writes is the text's, not a template's layout.
    catalogue = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
                 + "".join(f'#: templates/t{i}.html:1\nmsgid "Page {i}"\nmsgstr "Page {i}"\n\n' for i in range(3)))
    program = catalogue + '#: shop/views.py:3\nmsgid "Items:\\n"\nmsgstr "Articles :"\n'
    assert [f.code for f in lint.check_text(program, path="fr.po", select=["B107"])] == ["B107"]
    # A template's string (a page's or a plain-text e-mail's) trimmed at a line break is still its layout.
    template = catalogue + ('#: templates/emails/body.html:3\n#: templates/emails/body.txt:3\n'
                            'msgid "\\n    Your order has shipped.\\n    "\nmsgstr "Votre commande a été expédiée."\n')
    assert lint.check_text(template, path="fr.po", select=["B107"]) == []


def test_a_copy_in_english_word_order_is_untranslated_in_a_language_that_puts_the_noun_first():
    # A French catalogue writes `page` and `contact` (`Page suivante`, `Formulaire de contact`), but French
    # says `Page de contact`: `Contact page` copied keeps English's order, untranslated.
    catalogue = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
                 + "".join(f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in (
                     ("Home page", "Page d'accueil"), ("Next page", "Page suivante"),
                     ("Contact form", "Formulaire de contact"), ("Seller contact", "Contact du vendeur"))))
    copied = catalogue + 'msgid "Contact page"\nmsgstr "Contact page"\n'
    assert [f.code for f in lint.check_text(copied, path="fr.po", select=["B102"])] == ["B102"]
    # A pair of words its translations write in that order is the catalogue's own term.
    kept = catalogue + ('msgid "Edit the contact page"\nmsgstr "Modifier la contact page"\n\n'
                        'msgid "Delete the contact page"\nmsgstr "Supprimer la contact page"\n\n'
                        'msgid "Contact page"\nmsgstr "Contact page"\n')
    assert lint.check_text(kept, path="fr.po", select=["B102"]) == []


def test_b108_korean_page_ends_its_sentences_as_korean_orthography_does():
    header = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    page = (header + '#: library/uuid.rst:3\nmsgid "The :mod:`uuid` module defines the following functions:"\n'
            'msgstr ":mod:`uuid` 모듈은 다음의 함수들을 정의합니다."\n\n'
            '#: library/gc.rst:3\nmsgid "``collected`` is the total number of objects collected;"\n'
            'msgstr "``collected``\\\\는 수거된 총 객체 수입니다."\n\n'
            '#: library/logging.rst:3\nmsgid "The logging message."\nmsgstr "로깅 메시지"\n\n'
            '#: c-api/memory.rst:3\nmsgid ":c:func:`malloc` and :c:func:`free` otherwise."\n'
            'msgstr "그렇지 않으면 :c:func:`malloc`\\\\과 :c:func:`free`"\n\n'
            '#: library/ssl.rst:3\nmsgid "SSLv2 is deprecated"\nmsgstr "SSLv2는 폐지되었습니다."\n\n'
            '#: library/copy.rst:3\nmsgid "This module provides copy operations."\nmsgstr "이 모듈은 복사 연산을 제공합니다"\n')
    assert [f.message for f in lint.check_text(page, path="ko.po", select=["B108"])] == [
        "The source ends with a full stop, the translation does not"]  # only the verb's ending left open
    label = header + 'msgid "Choose the file to open:"\nmsgstr "열 파일을 선택하십시오."\n'
    assert len(lint.check_text(label, path="ko.po", select=["B108"])) == 1  # an application's label keeps its colon


def test_b103_a_version_glued_to_a_korean_particle_is_that_version():
    page = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n#: ../../whatsnew/3.7.rst:3\n'
    fixed = (page + 'msgid "This article explains the new features in Python 3.7, compared to 3.6. Python 3.7 was '
             'released on June 27, 2018."\nmsgstr "이 기사에서는 파이썬 3.6과 비교하여 3.7의 새로운 기능에 관해 설명합니다. '
             '파이썬 3.7은 2018년 6월 27일에 배포되었습니다."\n')
    assert lint.check_text(fixed, path="ko.po", select=["B103"]) == []
    changed = page + 'msgid "Fixed in Python 3.8."\nmsgstr "파이썬 3.9에서 수정되었습니다."\n'
    assert [f.message for f in lint.check_text(changed, path="ko.po", select=["B103"])] == [
        "Numbers differ from the source: missing 38"]


def test_b106_an_abbr_expansion_opened_without_a_space_is_prose():
    entry = ('#: ../../library/unittest.rst:3\nmsgid "Called in reverse order (:abbr:`LIFO (last-in, first-out)`)."\n'
             'msgstr "반대 순서대로 불립니다(:abbr:`LIFO(후입 선출법(last-in, first-out))`)."\n')
    assert lint.check_text(entry, path="ko.po", select=["B106"]) == []
    changed = entry.replace("msgstr \"반대 순서대로 불립니다(:abbr:`LIFO(", "msgstr \"반대 순서대로 불립니다(:abbr:`FIFO(")
    assert [f.message for f in lint.check_text(changed, path="ko.po", select=["B106"])] == [
        "Markup differs from the source: missing `LIFO`; not in the source `FIFO`"]


def test_b102_code_a_documentation_gives_without_literal_marks_is_not_untranslated():
    page = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    code = ["sudo dnf install python3-idle", "from tkinter import ttk", "print(_('This string will be translated.'))",
            "unsigned long", "const char *", "typedef void (*PyCapsule_Destructor)(PyObject *);"]
    entries = "".join(f'#: ../../library/x.rst:{i}\nmsgid "{c}"\nmsgstr "{c}"\n\n' for i, c in enumerate(code))
    assert lint.check_text(page + entries, path="ko.po", select=["B102"]) == []
    prose = '#: ../../library/x.rst:9\nmsgid "sudo is required to install it"\nmsgstr "sudo is required to install it"\n'
    assert len(lint.check_text(page + prose, path="ko.po", select=["B102"])) == 1


_SENTENCES = ("Your basket is empty", "Add to your basket", "Remove this product", "Enter your voucher code",
              "Proceed to checkout", "Your order has shipped", "Forgot your password?", "Sign in to continue")


def test_a_catalogue_left_untranslated_is_one_untranslated_string_finding_that_counts_its_copies():
    # django-oscar's es_MX catalogue: most of its strings are their msgid copied, one fact, said once.
    header = 'msgid ""\nmsgstr ""\n"Language: es_MX\\n"\n\n'
    copies = "".join(f'msgid "{s}"\nmsgstr "{s}"\n\n' for s in _SENTENCES[:6])
    translated = ('msgid "Delete the file"\nmsgstr "Eliminar el archivo"\n\n'
                  'msgid "Save changes"\nmsgstr "Guardar cambios"\n\n'
                  'msgid "OK"\nmsgstr "Aceptar"\n\n')  # one word: no string B102 reads
    text = header + copies + translated
    (found,) = lint.check_text(text, path="es_MX.po", select=["B102"])
    assert found.code == "B102"
    assert found.message == "6 of 8 strings are their source text, untranslated (the catalogue's language: es-MX)"
    # At the first copy (an editor shows a real copied string), the other five its related places.
    assert (found.start, found.end) == (text.index(f'msgstr "{_SENTENCES[0]}"') + 8,
                                        text.index(f'msgstr "{_SENTENCES[0]}"') + 8 + len(_SENTENCES[0]))
    assert [r.start for r in found.related] == [text.index(f'msgstr "{s}"') + 8 for s in _SENTENCES[1:6]]
    # A copy switched off is left out of the count, and the finding moves to the next copy.
    switched = text.replace(f'msgid "{_SENTENCES[0]}"', f'# copylint: disable=B102\nmsgid "{_SENTENCES[0]}"', 1)
    copies_7 = switched + f'msgid "{_SENTENCES[6]}"\nmsgstr "{_SENTENCES[6]}"\n\n'
    (moved,) = lint.check_text(copies_7, path="es_MX.po", select=["B102"])
    assert moved.message.startswith("6 of 9 strings ")
    assert moved.start == copies_7.index(f'msgstr "{_SENTENCES[1]}"') + 8


def test_a_few_copies_in_a_translated_catalogue_are_each_an_untranslated_string_finding():
    header = 'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
    copies = "".join(f'msgid "{s}"\nmsgstr "{s}"\n\n' for s in _SENTENCES[:5])
    translated = "".join(f'msgid "Delete file {n}"\nmsgstr "Eliminar el archivo {n}"\n\n' for n in range(6))
    found = lint.check_text(header + copies + translated, path="es.po", select=["B102"])
    assert [f.message for f in found] == ["The translation is the source text, untranslated"] * 5
    # Four copies of four strings are four, each: fewer than five is no habit.
    few = "".join(f'msgid "{s}"\nmsgstr "{s}"\n\n' for s in _SENTENCES[:4])
    assert len(lint.check_text(header + few, path="es.po", select=["B102"])) == 4


def test_the_copies_of_a_catalogue_left_untranslated_are_not_each_another_language_sentence():
    # L101 leaves a copy B102 reported to B102: those of a catalogue left untranslated too (its related places).
    header = 'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
    sentences = [f"Your order number {n} has been shipped to the address you gave us and will arrive soon."
                 for n in range(6)]
    text = header + "".join(f'msgid "{s}"\nmsgstr "{s}"\n\n' for s in sentences)
    assert [f.code for f in lint.check_text(text, path="es.po", select=["B102", "L101"])] == ["B102"]


def test_b108_korean_page_still_reports_ends_korean_orthography_does_not_allow():
    header = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    ref = '#: library/x.rst:3\n'

    def b108(source: str, translation: str, reference: str = ref) -> list[str]:
        text = header + reference + f'msgid "{source}"\nmsgstr "{translation}"\n'
        return [f.message for f in lint.check_text(text, path="ko.po", select=["B108"])]

    long_question = "Do you want to save the changes you made to this document before closing it?"
    assert b108(long_question, "이 문서를 닫기 전에 변경 사항을 저장하시겠습니까.")  # a question closed as a statement
    assert b108(long_question, "이 문서를 닫기 전에 변경 사항을 저장하시겠습니까")  # a question's mark dropped
    assert b108("This is deprecated!", "이것은 폐지되었습니다")
    assert b108("Choose the file to open:", "열 파일을 선택하십시오.", reference="")  # an application's label
    assert b108("Value:", "값", reference="")
    # A sentence in emphasis ends with its verb before the emphasis closes: its full stop is still needed.
    assert b108("*This function is deprecated.*", "*이 함수는 폐지되었습니다*")
    # `-자` ends a documentation's nouns (`인자`, argument; `연산자`, operator): a noun may leave out its full stop.
    assert b108("The *dir_fd* argument.", "*dir_fd* 인자") == []
    assert b108("The logging message *callback*.", "로깅 메시지 *callback*") == []


def test_b103_a_number_glued_to_its_word_keeps_the_points_the_source_writes():
    def b103(source: str, translation: str) -> list[str]:
        text = f'msgid "{source}"\nmsgstr "{translation}"\n'
        return [f.message for f in lint.check_text(text, path="ko.po", select=["B103"])]

    assert b103("Wait 15 seconds.", "1.5초 기다리십시오.")  # a point the source does not write
    assert b103("Wait 1.5 seconds.", "15초 기다리십시오.")  # the source's point lost
    assert b103("This has been fixed in Python 3.8.", "이 문제는 파이썬 3.9에서 수정되었습니다.")
    assert b103("This has been fixed in Python 3.8.", "이 문제는 파이썬 3.8에서 수정되었습니다.") == []
    assert b103("New in version 3.12.", "버전 3.12에 추가.") == []
    assert b103("At least 1,000 users.", "최소 1000명의 사용자.") == []  # a group's separator may go
    assert b103("At least 1000 users.", "최소 1,000명의 사용자.") == []
    assert b103("The minimum is 32 KiB.", "최소값은 32KiB입니다.") == []


def test_b102_a_sentence_shaped_like_code_at_its_start_is_still_untranslated():
    def b102(source: str) -> list[str]:
        text = f'#: library/x.rst:3\nmsgid "{source}"\nmsgstr "{source}"\n'
        return [f.message for f in lint.check_text(text, path="ko.po", select=["B102"])]

    assert b102("len('abc') returns 3 (the number of characters)")  # a call, then a sentence about it
    assert b102("typedef is a keyword you can use in C;")
    assert b102("sudo is required to install it")
    assert b102("Call open('file') to read it")
    assert b102("from the command line")
    assert b102("print(_('This is a test'))") == []  # the function words are the string's, the data it passes
    assert b102("typedef void (*destructor)(PyObject *);") == []
    assert b102("from time import sleep") == []
    assert b102("sudo dnf install python3-idle") == []


def test_a_cjk_word_glued_after_a_host_is_not_part_of_it():
    # python-docs-ko: Korean writes its particles after the word, URLs included (`www.python.org는`);
    # Japanese and Chinese set no spaces around an address.
    for header, msgstr in ((
            'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n', "www.python.org는 설치 프로그램을 제공합니다."), (
            'msgid ""\nmsgstr ""\n"Language: ja\\n"\n\n', "https://www.python.orgでインストーラを配布しています。"), (
            'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n', "请访问 www.python.org获取安装程序。")):
        po = header + f'msgid "Installers are at www.python.org."\nmsgstr "{msgstr}"\n'
        assert lint.check_text(po, path="m.po", select=["B104"]) == [], msgstr
    # Another host, a particle glued after it, is still another host.
    moved = 'msgid "Installers are at www.python.org."\nmsgstr "www.pythn.org는 설치 프로그램을 제공합니다."\n'
    assert [f.code for f in lint.check_text(moved, path="m.po", select=["B104"])] == ["B104"]


def test_a_number_glued_to_a_japanese_or_chinese_word_is_still_a_number():
    # python-docs-ja: Japanese sets no space between a number and its unit or counter (`1000バイト`, `2021年`).
    header = 'msgid ""\nmsgstr ""\n"Language: ja\\n"\n\n'
    same = ('msgid "The output is limited to 1000 bytes, since 2021."\n'
            'msgstr "2021年から、出力は1000バイト以下に制限されます。"\n')
    assert lint.check_text(header + same, path="ja.po", select=["B103"]) == []
    changed = 'msgid "The output is limited to 1000 bytes."\nmsgstr "出力は1024バイト以下に制限されます。"\n'
    found = lint.check_text(header + changed, path="ja.po", select=["B103"])
    assert [(f.code, "1024" in f.message) for f in found] == [("B103", True)]


def test_a_colon_before_the_value_a_status_message_appends_is_the_languages_word_order():
    """JabRef's `Generated citation key for` + the key: Korean and Japanese put the value last, after a colon,
    as they do after any source of three words or more that stops at a preposition. A menu's label that stops
    at one (`Save as`), a French translation of such a source and a message without the participle count."""
    def b108(po: str, path: str) -> list[str]:
        return [f.message for f in lint.check_text(po, path=path, select=["B108"])]

    assert b108('msgid "Generated citation key for"\nmsgstr "생성된 인용 키:"\n', "ko.po") == []
    assert b108('msgid "Generating citation key for"\nmsgstr "以下の項目の文献キーを生成中："\n', "ja.po") == []
    assert b108('msgid "Automatically save the library to"\nmsgstr "自動的にライブラリを右記に保存："\n', "ja.po") == []
    assert b108('msgid "Save as"\nmsgstr "다른 이름으로 저장:"\n', "ko.po") != []
    assert b108('msgid "Automatically save the library to"\nmsgstr "Enregistrer la bibliothèque dans :"\n', "fr.po") != []
    assert b108('msgid "Citation key for"\nmsgstr "인용 키:"\n', "ko.po") != []
    assert b108('msgid "Generated citation key for"\nmsgstr "생성된 인용 키!"\n', "ko.po") != []


def test_a_mark_inside_brackets_the_translation_moved_to_its_end_is_not_its_end():
    """`Always add letter (a, b, ...) to generated keys` as `… her zaman harf ekle (a, b ...)`: the list's
    ellipsis moved with its brackets, as `_bracket_moved` reads the other way round."""
    def b108(po: str, path: str) -> list[str]:
        return [f.message for f in lint.check_text(po, path=path, select=["B108"])]

    assert b108('msgid "Always add letter (a, b, ...) to generated keys"\n'
                'msgstr "Oluşturulmuş anahtarlara her zaman harf ekle (a, b ...)"\n', "tr.po") == []
    assert b108('msgid "Automatically add \\"Cited on pages...\\" at the end of entries"\n'
                'msgstr "自动在文献条目末尾添加 \\"Cited on pages...\\"（引用自页码...）"\n', "zh_CN.po") == []
    # no such bracket or quote in the source: the ellipsis is the translation's own
    assert b108('msgid "Always add a letter to generated keys"\n'
                'msgstr "Oluşturulmuş anahtarlara her zaman harf ekle (a, b ...)"\n', "tr.po") != []
    # the source's bracket holds a question, the translation's an ellipsis: another mark
    assert b108('msgid "Press (why?) to continue"\nmsgstr "Devam etmek için basın (neden...)"\n', "tr.po") != []


def test_a_colon_inside_the_quotes_of_a_label_the_source_ends_with_is_the_labels():
    """NewPipe's `… in video "Details:"`: the colon is the quoted label's, not the sentence's end, whether the
    translation writes the label elsewhere or ends with it. A colon after the quotes still ends the sentence."""
    def b108(po: str, path: str) -> list[str]:
        return [f.message for f in lint.check_text(po, path=path, select=["B108"])]

    source = 'msgid "Show tip when pressing the popup button in video \\"Details:\\""\n'
    assert b108(source + 'msgstr "Zobrazit tip po klepnutí na tlačítko v „Podrobnostech“ videa"\n', "cs.po") == []
    assert b108(source + 'msgstr "Mostrar dica ao premir o botão no vídeo \\"Detalhes:\\""\n', "pt.po") == []
    assert b108('msgid "Show tip in the video details:"\nmsgstr "Zobrazit tip v podrobnostech videa"\n', "cs.po") != []
    assert b108('msgid "Press the button \\"Details\\":"\nmsgstr "Stiskněte tlačítko „Podrobnosti“"\n', "cs.po") != []


def test_an_abbreviation_for_a_unit_glued_to_a_placeholder_ends_with_its_point():
    """`%s tis.` (Czech thousands) for `%sK`: the point ends the abbreviation, as `Dakł.` for `Acc` does."""
    def b108(po: str, path: str) -> list[str]:
        return [f.message for f in lint.check_text(po, path=path, select=["B108"])]

    assert b108('#, c-format\nmsgid "%sK"\nmsgstr "%s tis."\n', "cs.po") == []
    assert b108('#, c-format\nmsgid "%sM"\nmsgstr "%s mln."\n', "nl.po") == []
    assert b108('#, c-format\nmsgid "%s left"\nmsgstr "%s zbývá."\n', "cs.po") != []


def test_b108_a_short_word_after_a_placeholder_is_no_unit_and_its_added_full_stop_is_reported():
    """`%s now` as `%s teď.`: a word of three letters after the placeholder, not a unit (`%sK`, `%s MB`, `%s min`),
    so the full stop the translation adds is reported."""
    def b108(po: str) -> list[str]:
        return [f.message for f in lint.check_text(po, path="cs.po", select=["B108"])]

    assert b108('#, c-format\nmsgid "%s now"\nmsgstr "%s teď."\n') != []
    assert b108('#, c-format\nmsgid "%s ago"\nmsgstr "%s zp."\n') != []
    for unit in ("%s MB", "%s min", "%dms"):
        assert b108(f'#, c-format\nmsgid "{unit}"\nmsgstr "{unit}."\n') == [], unit


def test_a_placeholder_in_a_tag_the_translation_drops_whole_is_one_defect_the_tags():
    """NewPipe's `Please see <a href="%2$s">this FAQ entry</a>`, left out of a translation: B106 reports the link,
    B101 not its `%2$s` too. A placeholder changed inside a tag the translation keeps is still B101's."""
    source = 'msgid "%1$s refused. Please see <a href=\\"%2$s\\">this FAQ entry</a>."\n'
    dropped = lint.check_text(source + 'msgstr "%1$s a refusé."\n', path="fr.po", select=["B101", "B106"])
    assert [f.code for f in dropped] == ["B106"]
    changed = lint.check_text(source + 'msgstr "%1$s a refusé. Voir <a href=\\"%3$s\\">la FAQ</a>."\n', path="fr.po",
                              select=["B101", "B106"])
    assert [f.code for f in changed] == ["B101"]


def test_an_imperative_that_ends_in_ing_or_ed_opens_no_status_message():
    """`Bring`, `String` end as `Generating` does but are no participle: `Bring the selected window to` is a
    label, and a colon added to its German translation is still reported; `Using`, `Generated` still open one."""
    def b108(po: str, path: str) -> list[str]:
        return [f.message for f in lint.check_text(po, path=path, select=["B108"])]

    assert b108('msgid "Bring the selected window to"\nmsgstr "Ausgewähltes Fenster nach:"\n', "de.po") != []
    assert b108('msgid "Using the default settings for"\nmsgstr "Standardeinstellungen für:"\n', "de.po") == []
    assert b108('msgid "Generated citation key for"\nmsgstr "Zitierschlüssel erzeugt für:"\n', "de.po") == []


def test_b108_a_preposition_whose_noun_came_before_it_takes_no_appended_value_in_japanese_korean_turkish():
    """`Select the folder to save to` (the folder is what `to` asks for) is a whole sentence: a colon its Japanese,
    Korean or Turkish translation adds is reported; `Automatically save the library to`, whose value follows, is not."""
    def b108(po: str, path: str) -> list[str]:
        return [f.message for f in lint.check_text(po, path=path, select=["B108"])]

    for path, text in (("ja.po", "保存先のフォルダを選択："), ("ko.po", "저장할 폴더 선택:"), ("tr.po", "Kaydedilecek klasörü seçin:")):
        assert b108(f'msgid "Select the folder to save to"\nmsgstr "{text}"\n', path) != [], path
    assert b108('msgid "Choose the group to add the entries to"\nmsgstr "エントリを追加するグループを選択："\n', "ja.po") != []
    assert b108('msgid "Automatically save the library to"\nmsgstr "自動的にライブラリを右記に保存："\n', "ja.po") == []


def test_a_colon_the_translation_adds_inside_the_quotes_of_a_label_is_the_translations():
    """The source quotes `"Name"` without a colon: a translation that ends `„Titel:“` added one (or lost the rest
    of the sentence); where the source quotes the label with its colon (`In "Details:" …`), it is the label's."""
    def b108(po: str, path: str) -> list[str]:
        return [f.message for f in lint.check_text(po, path=path, select=["B108"])]

    assert b108('msgid "Set the \\"Name\\" field to the title"\nmsgstr "Das Feld „Titel:“"\n', "de.po") != []
    assert b108('msgid "In \\"Details:\\" show the tip"\nmsgstr "Tipp zeigen in „Einzelheiten:“"\n', "de.po") == []


def test_b108_a_translation_cut_short_at_the_sources_own_quoted_label_is_reported():
    """`Set the "Name:" field to the title of the book` as `Das Feld „Name:“`: the translation stops at the label the
    source quotes with its colon, the rest of the sentence lost; the label moved in a whole translation is not."""
    def b108(po: str, path: str) -> list[str]:
        return [f.message for f in lint.check_text(po, path=path, select=["B108"])]

    source = 'msgid "Set the \\"Name:\\" field to the title of the book"\n'
    assert b108(source + 'msgstr "Das Feld „Name:“"\n', "de.po") != []
    assert b108(source + 'msgstr "Setzen Sie den Titel des Buches in das Feld „Name:“"\n', "de.po") == []
    assert b108('msgid "In \\"Details:\\" show the tip"\nmsgstr "Tipp zeigen in „Details:“"\n', "de.po") == []
    assert b108('msgid "In \\"Details:\\" show the tip"\nmsgstr "显示提示于「Details:」"\n', "zh_CN.po") == []


def test_a_placeholder_in_angle_brackets_that_close_no_element_is_still_b101s():
    """`<user@%2$s>` is an address, no element: B106 does not report it, so the `%2$s` a translation dropped
    with it is B101's; inside `<a href="%2$s">…</a>` dropped whole it is B106's alone."""
    po = '#, c-format\nmsgid "Send to <user@%2$s> for %1$s"\nmsgstr "Envoyer pour %1$s"\n'
    assert [f.code for f in lint.check_text(po, path="fr.po", select=["B101", "B106"])] == ["B101"]
    po = '#, c-format\nmsgid "Paid %1$s with <a href=\\"%2$s\\">this card</a>."\nmsgstr "Payé %1$s."\n'
    assert [f.code for f in lint.check_text(po, path="fr.po", select=["B101", "B106"])] == ["B106"]


def test_b108_korean_noun_ends_list_items_and_questions_are_korean_orthography():
    header = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    allowed = [("The process ID of the child process.", "자식 프로세스의 프로세스 ID"),
               ("A special-interest-group for discussion of testing.", "테스트에 대해 논의하는 특정-주제-그룹(special-interest-group)"),
               ("an integer which refers to the position, starting with 0;", "0에서 시작하는, 항목의 숫자 위치를 나타내는 정수."),
               ("How do you remove multiple items from a list", "리스트에서 여러 항목을 어떻게 제거합니까?"),
               ("The mathematical constant *e* = 2.718281..., to available precision.", "사용 가능한 정밀도로, 수학 상수 *e* = 2.718281...")]
    page = "".join(f'#: library/x.rst:{i}\nmsgid "{a}"\nmsgstr "{b}"\n\n' for i, (a, b) in enumerate(allowed))
    assert lint.check_text(header + page, path="ko.po", select=["B108"]) == []
    verb = header + '#: library/x.rst:1\nmsgid "It supports checking (see :pep:`8`)."\nmsgstr "검사를 지원합니다 (PEP 8)"\n'
    assert [f.message for f in lint.check_text(verb, path="ko.po", select=["B108"])] == [
        "The source ends with a full stop, the translation does not"]
    english = header + '#: library/x.rst:1\nmsgid "The process ID of the child."\nmsgstr "The process ID"\n'
    assert len(lint.check_text(english, path="ko.po", select=["B108"])) == 1


def test_b106_a_literal_kept_but_for_its_words_is_rendered_not_changed():
    header = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    rendered = [("giving: ``ask_ok('OK to overwrite the file?', 2, 'Come on, only yes or no!')``",
                 "제공해서: ``ask_ok('파일을 덮어써도 좋습니까?', 2, '자, 예나 아니요로만 답하세요!')``"),
                ("``1 <= day <= number of days in the given month and year``", "``1 <= day <= 주어진 month와 year에서의 날 수``"),
                ("``Filters`` can be used by ``Handlers`` for filtering.", "``Filter`` 는 ``Handler`` 에 의해 사용될 수 있습니다."),
                ("to feed into ``sendmail's`` ``stdin``.", "``sendmail``\\\\의 ``stdin``\\\\으로 공급할")]
    page = "".join(f'#: library/x.rst:{i}\nmsgid "{a}"\nmsgstr "{b}"\n\n' for i, (a, b) in enumerate(rendered))
    assert lint.check_text(header + page, path="ko.po", select=["B106"]) == []
    changed = [("giving: ``ask_ok('Do you really want to quit?')``", "전달해서: ``ask_no('정말 끝내길 원하세요?')``"),
               ("giving: ``open('utf-8', 'r')``", "전달해서: ``open('utf-16', 'r')``"),
               ("``1 <= day <= number of days in the given month and year``", "``0 <= day <= 주어진 month와 year에서의 날 수``"),
               ("Use ``options`` here.", "``option``\\\\을 사용합니다."),
               ("Use ``results = {n: n**2 for n in range(10)}`` here.", "``results = {n: n**2 for range(10)}``\\\\를 사용합니다."),
               ("Install with ``python -m pip install --user``.", "``python -m pie install --user``\\\\로 설치합니다."),
               ("A string of the form ``'Sun Jun 20 23:21:05 1993'``.", "``'Dom 20 de junio 23:21:05 1993'`` 형식의 문자열."),
               ("Feed ``sendmail's`` ``stdin``.", "``stding`` 의 ``sendmail`` (``sendmails's`` ``stdin``)")]
    for a, b in changed:
        entry = f'{header}#: library/x.rst:1\nmsgid "{a}"\nmsgstr "{b}"\n'
        assert len(lint.check_text(entry, path="ko.po", select=["B106"])) == 1, b


def test_b102_commands_string_values_and_notices_a_page_gives_as_they_are_are_not_untranslated():
    page = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    kept = ["const void\\\\*", "pkg install python3", "source tutorial-env/bin/activate", '\\"text-bold text-red\\"',
            '\\"[Non-text (%(type)s) part of message omitted, filename %(filename)s]\\"', "T. Dierks et. al.",
            "Copyright © 1995-2000 Corporation for National Research Initiatives. All rights reserved."]
    entries = "".join(f'#: ../../library/x.rst:{i}\nmsgid "{c}"\nmsgstr "{c}"\n\n' for i, c in enumerate(kept))
    assert lint.check_text(page + entries, path="ko.po", select=["B102"]) == []
    for prose in ("copy it to the dir/sub", "install packages via pip/conda", '\\"Hello there my friend\\"', "T. Dierks wrote it, et al.",
                  "Copyright © 2001 Python Software Foundation. All rights reserved. See the license."):
        entry = f'#: ../../library/x.rst:9\nmsgid "{prose}"\nmsgstr "{prose}"\n'
        assert len(lint.check_text(page + entry, path="ko.po", select=["B102"])) == 1, prose


def test_b103_a_named_date_in_digits_and_a_million_in_korean_units_are_the_same_numbers():
    page = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n#: ../../library/gzip.rst:3\n'
    same = [("Seconds since the Unix epoch (00:00:00 UTC, January 1, 1970).", "유닉스 에포크 (1970-01-01 00:00:00 UTC) 이후의 초."),
            ("About 1.1 million values.", "약 110만 개의 값입니다.")]
    for a, b in same:
        assert lint.check_text(f'{page}msgid "{a}"\nmsgstr "{b}"\n', path="ko.po", select=["B103"]) == [], b
    assert [f.message for f in lint.check_text(f'{page}msgid "Since January 1, 1970."\nmsgstr "1970-01-02 이후."\n',
                                               path="ko.po", select=["B103"])] == [
        "Numbers differ from the source: missing 1; not in the source 01, 02"]
    assert [f.message for f in lint.check_text(f'{page}msgid "About 1.1 million values."\nmsgstr "약 120만 개의 값."\n',
                                               path="ko.po", select=["B103"])] == ["Numbers differ from the source: missing 11"]


def test_b108_a_fragment_ending_with_an_article_and_etc_points_are_not_sentence_ends():
    header = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    allowed = [("This document is for an old version.\\n    You should upgrade, and read the",
                "이 문서는 이전 버전용입니다.\\n    업그레이드하고, 다음 설명서를 읽어야 합니다:"),
               ("It holds how long it took, how many times it was called, etc...", "실행 시간, 호출 횟수 등의 정보가 있습니다.")]
    page = "".join(f'#: sphinx.rst:{i}\nmsgid "{a}"\nmsgstr "{b}"\n\n' for i, (a, b) in enumerate(allowed))
    assert lint.check_text(header + page, path="ko.po", select=["B108"]) == []
    for a, b in (("It holds how long it took...", "실행 시간 정보가 있습니다."), ("Read the manual", "설명서를 읽으십시오:")):
        entry = f'{header}#: sphinx.rst:1\nmsgid "{a}"\nmsgstr "{b}"\n'
        assert len(lint.check_text(entry, path="ko.po", select=["B108"])) == 1, a


def test_b108_korean_ends_read_as_orthography_still_report_a_verbs_sentence_and_an_added_mark():
    header = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    wrong = [("Returns the process ID of the child process.", "자식 프로세스의 ID를 반환합니다 PEP"),
             ("This returns the value. See PEP 8.", "이 함수는 값을 반환합니다. PEP 8"),
             ("Set the value to three, as the manual says.", "설명서대로 값을 3으로 설정합니다 3"),
             ("Call the function and return to the main loop.", "함수를 호출하고 메인 루프로 돌아갈까?"),
             ("Values range from one to ten, both included.", "값은 양 끝을 포함해 1부터 10..."),
             ("The list holds one, two and three.", "리스트는 1, 2, 3..."),
             ("Save a copy of the file and then close the", "파일의 사본을 저장하고 닫습니다!")]
    for a, b in wrong:
        entry = f'{header}#: library/x.rst:1\nmsgid "{a}"\nmsgstr "{b}"\n'
        assert len(lint.check_text(entry, path="ko.po", select=["B108"])) == 1, b
    asked = (f'{header}#: library/x.rst:1\nmsgid "Q. Within a calculation, how can I make sure of the result."\n'
             'msgstr "Q. 계산에서, 결과를 어떻게 확인합니까?"\n')
    assert lint.check_text(asked, path="ko.po", select=["B108"]) == []


def test_b102_a_message_ending_in_a_path_or_quoted_with_a_placeholder_is_still_untranslated():
    page = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    for ref, message in (("#: ../../library/x.rst:9\n", "failed reading ./config"),
                         ("#: ../../library/x.rst:9\n", "cannot open ~/.netrc"),
                         ("#: ../../library/x.rst:9\n", "missing file /etc/hosts"),
                         ("#: ../../library/x.rst:9\n", "deprecated since python3"),
                         ("#: src/app.py:9\n#, python-format\n", '\\"Hello %(name)s, welcome back!\\"')):
        entry = f'{ref}msgid "{message}"\nmsgstr "{message}"\n'
        assert len(lint.check_text(page + entry, path="ko.po", select=["B102"])) == 1, message


def test_b103_one_value_in_an_east_asian_unit_stands_for_one_of_the_sources_numbers():
    page = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n#: ../../library/x.rst:3\n'
    entry = f'{page}msgid "12 million users and 12 million groups."\nmsgstr "1200만 사용자와 120만 그룹."\n'
    assert [f.message for f in lint.check_text(entry, path="ko.po", select=["B103"])] == [
        "Numbers differ from the source: missing 12"]
    both = f'{page}msgid "12 million users and 12 million groups."\nmsgstr "1200만 사용자와 1200만 그룹."\n'
    assert lint.check_text(both, path="ko.po", select=["B103"]) == []


def test_b106_a_phrase_the_code_compares_is_a_value_but_a_printed_one_a_message():
    header = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'
    printed = f"{header}#: library/x.rst:1\nmsgid \"Run ``print('Hello world')``.\"\nmsgstr \"``print('안녕 세상')``\\\\를 실행합니다.\"\n"
    assert lint.check_text(printed, path="ko.po", select=["B106"]) == []
    compared = (f"{header}#: library/x.rst:1\nmsgid \"Test ``x.startswith('Content Type')`` first.\"\n"
                "msgstr \"먼저 ``x.startswith('콘텐츠 유형')``\\\\를 검사합니다.\"\n")
    assert len(lint.check_text(compared, path="ko.po", select=["B106"])) == 1


def test_b108_a_korean_question_ending_on_a_statement_source_is_reported():
    """`-니까?` asks a question: where the source ends with a full stop (a sentence, no page title) and has no
    question's word order (`You can remove it.`, `When the call returns, …`), the question mark is reported; a source
    that asks (`How do you …`, `… how can I make sure …`) keeps its exemption."""
    page = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n#: library/x.rst:3\n'

    def b108(source: str, translation: str) -> list[str]:
        return [f.message for f in lint.check_text(f'{page}msgid "{source}"\nmsgstr "{translation}"\n', path="ko.po",
                                                   select=["B108"])]

    assert b108("You can remove it.", "제거할 수 있습니까?") != []
    assert b108("This is a statement.", "이것은 진술입니까?") != []
    assert b108("When the call returns, the value is stored.", "호출이 반환되면 값이 저장됩니까?") != []
    assert b108("How do you remove multiple items from a list", "리스트에서 여러 항목을 어떻게 제거합니까?") == []
    assert b108("Q. Within a calculation, how can I make sure that the result holds.", "결과를 어떻게 확인합니까?") == []
    assert b108("Who should read this", "누가 읽어야 합니까?") == []


def test_b106_a_names_plural_is_left_out_only_where_it_counts_a_word():
    """An English plural on a name (``Mocks`` as ``Mock``) is the language's where it counts something: the source
    writes the singular too, counts it (`All ``Handlers```), gives it a plural verb or holds more such plurals; a lone
    ``Headers`` as ``Header`` (a class of its own) is a changed literal."""
    page = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n#: library/x.rst:3\n'

    def b106(source: str, translation: str) -> list[str]:
        return [f.message for f in lint.check_text(f'{page}msgid "{source}"\nmsgstr "{translation}"\n', path="ko.po",
                                                   select=["B106"])]

    assert b106("Use ``Headers`` here.", "``Header``\\\\를 사용합니다.") != []
    assert b106("Use ``Headers`` and ``Values`` here.", "``Header``\\\\와 ``Values``\\\\를 사용합니다.") != []
    assert b106("``Mock`` attributes are ``Mocks``.", "``Mock`` 어트리뷰트는 ``Mock``\\\\입니다.") == []
    assert b106("All ``Handlers`` are called.", "모든 ``Handler``\\\\가 호출됩니다.") == []
    assert b106("``Filters`` can be used by ``Handlers``.", "``Filter`` 는 ``Handler`` 에 의해 사용될 수 있습니다.") == []


def test_b103_a_small_number_the_translation_adds_stands_for_the_sources_word_or_a_plural_forms_count():
    """A number of ten or less the translation adds is excused only where the source writes it as a word (`two`,
    `a`, `zero`) or the string is a plural form's: `the two files` as `les 3 fichiers`, `Keep three copies` as
    `Garder 4 copies` and `Delete files` as `Supprimer 4 fichiers` changed or invented a count."""
    def b103(source: str, translation: str) -> list[str]:
        return [f.message for f in lint.check_text(f'msgid "{source}"\nmsgstr "{translation}"\n', path="fr.po",
                                                   select=["B103"])]

    for source, translation in (("Delete the two files", "Supprimer les 3 fichiers"), ("Keep three copies", "Garder 4 copies"),
                                ("Delete files", "Supprimer 4 fichiers")):
        assert b103(source, translation) != [], translation
    for source, translation in (("Delete two files", "Supprimer 2 fichiers"), ("Delete a file", "Supprimer 1 fichier"),
                                ("The index is one-based.", "L'index commence à 1."),
                                ("Always set to zero.", "Toujours mis à 0."), ("2 files selected", "Deux fichiers sélectionnés")):
        assert b103(source, translation) == [], translation
    plural = '#, c-format\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "1 fichier"\nmsgstr[1] "%d fichiers"\n'
    assert lint.check_text(plural, path="fr.po", select=["B103"]) == []


def test_b103_a_number_past_ten_the_source_writes_as_a_word_may_be_written_in_digits():
    """GNOME Clocks' accessible timer labels write their numbers as words (`Fifteen minutes`, `Fortyfive minutes`);
    Turkish, Georgian and Galician write them in digits, the same number. Another number is still flagged."""
    def b103(source: str, translation: str) -> list[str]:
        return [f.message for f in lint.check_text(f'msgid "{source}"\nmsgstr "{translation}"\n', path="tr.po",
                                                   select=["B103"])]

    for source, translation in (("Fifteen minutes", "15 dakika"), ("Thirty minutes", "30 dakika"),
                                ("Fortyfive minutes", "45 dakika"), ("Wait forty-five seconds", "45 saniye bekleyin"),
                                ("Twenty two items", "22 öğe")):
        assert b103(source, translation) == [], translation
    assert b103("Fifteen minutes", "50 dakika") == ["Numbers differ from the source: not in the source 50"]
    assert b103("Fortyfive minutes", "40 dakika") != []
    assert b103("Thirty minutes", "30 dakika, 5 saniye") != []


def test_b103_a_number_the_translation_writes_in_its_languages_words():
    """GNOME Clocks' timer labels (`20 minutes`, `30 minutes`): Arabic writes the number as a word (`عشرون دقيقة`),
    Hebrew as half or a quarter of an hour (`חצי שעה`), the same number; a compound is read whole (`خمس وأربعون`,
    45). GNOME Maps' `Make a left U-turn` as Dutch `180 graden`, `Around the clock` as `24 h/24`: the source's words
    stand for the number. Another number in words or in digits is still flagged."""
    def b103(source: str, translation: str, language: str) -> list[str]:
        header = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n\n'
        return [f.message for f in lint.check_text(f'{header}msgid "{source}"\nmsgstr "{translation}"\n',
                                                   path=f"{language}.po", select=["B103"])]

    for source, translation, language in (
            ("20 minutes", "عشرون دقيقة", "ar"), ("Wait 30 minutes", "انتظر ثلاثين دقيقة", "ar"),
            ("45 minutes", "خمس و أربعون دقيقة", "ar"), ("15 minutes", "ربع ساعة", "ar"),
            ("30 minutes", "חצי שעה", "he"), ("Rings for 20 minutes", "מצלצל במשך עשרים דקות", "he"),
            ("45 seconds", "ארבעים וחמש שניות", "he"), ("15 minutes", "רבע שעה", "he"),
            ("Make a left U-turn onto %s", "Draai 180 graden linksaf op %s", "nl"),
            ("Around the clock", "24 h/24", "fr")):
        assert b103(source, translation, language) == [], translation
    assert b103("30 minutes", "عشرون دقيقة", "ar") == ["Numbers differ from the source: missing 30"]
    assert b103("40 minutes", "خمس وأربعون دقيقة", "ar") != []  # 45, not 40
    assert b103("20 minutes", "חצי שעה", "he") != []  # half an hour is 30 minutes
    assert b103("30 seconds", "חצי שעה", "he") != []  # … of minutes, not seconds
    assert b103("30 minutes", "ثلاثون دقيقة", "fr") != []  # Arabic's words in another language's catalogue
    assert b103("Make a left U-turn", "Draai 90 graden linksaf", "nl") != []
    assert b103("Around the clock", "12 h/24", "fr") == ["Numbers differ from the source: not in the source 12"]


def test_b103_number_words_hide_no_other_number():
    """Review of the number words: a unit's word is often another word too (Hebrew `שנים`, two and years; Arabic
    `الاثنين`, the two and Monday), so only a number past ten is read in words, where `3 שנים` for `2 years` is a
    change; half an hour stands for as many `30 minutes` as the source counts; a source's `U-turn` for one 180
    (and `24 h/24` for one `around the clock`), not for a second the translation adds."""
    def b103(source: str, translation: str, language: str) -> list[str]:
        header = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n\n'
        return [f.message for f in lint.check_text(f'{header}msgid "{source}"\nmsgstr "{translation}"\n',
                                                   path=f"{language}.po", select=["B103"])]

    changed = ["Numbers differ from the source: missing 2; not in the source 3"]
    assert b103("Delete files older than 2 years", "מחק קבצים ישנים מ-3 שנים", "he") == changed
    assert b103("Repeat every 2 weeks on Monday", "كرر كل 3 أسابيع يوم الاثنين", "ar") == changed
    assert b103("Wait 30 hours then 30 minutes", "המתן חצי שעה ואז חצי שעה", "he") == [
        "Numbers differ from the source: missing 30"]
    assert b103("Make a U-turn", "Draai 180 graden en rij 180 meter", "nl") == [
        "Numbers differ from the source: not in the source 180"]
    assert b103("Open around the clock", "Ouvert 24 h/24, à 24 km", "fr") == [
        "Numbers differ from the source: not in the source 24"]
    assert b103("Make a U-turn, then another U-turn", "Draai 180 graden, dan nog eens 180 graden", "nl") == []
    assert b103("Around the clock", "24h/24", "oc") == []


def test_b108_a_unit_after_a_number_may_be_the_languages_abbreviation_with_its_point():
    """GNOME Clocks' timer values `5 m`, `1 h`: Turkish `5 dk.`, `1 sa.`, Bulgarian `1 мин.` abbreviate the unit
    with a point, which ends no sentence. A word the catalogue writes whole with a full stop added, another
    number, or a sentence's full stop after a number are still flagged."""
    def b108(entries: str, language: str = "tr") -> list[str]:
        return [f.message for f in lint.check_text(entries, path=f"{language}.po", select=["B108"])]

    assert b108('msgid "5 m"\nmsgstr "5 dk."\n') == []
    assert b108('msgid "1 h"\nmsgstr "1 sa."\n') == []
    assert b108('msgid "1 m"\nmsgstr "1 мин."\n', "bg") == []
    assert b108('msgid "1 m"\nmsgstr "1 dk"\n\nmsgid "5 m"\nmsgstr "5 dk."\n') == []  # GNOME Clocks' tr.po writes both
    assert b108('msgid "15 minutes"\nmsgstr "15 dakika"\n\nmsgid "5 m"\nmsgstr "5 dakika."\n') == [
        "The translation ends with a full stop, the source does not"]
    assert b108('msgid "5 m"\nmsgstr "6 dk."\n') != []
    assert b108('msgid "5 minutes"\nmsgstr "5 dakika."\n') != []


def test_b108_a_short_word_the_catalogue_writes_alone_is_no_units_abbreviation():
    """A timer value `1 h` as Russian `1 час.`: `час` (hour) is a word the catalogue writes on its own (`One hour` as
    `Один час`), so its point is a full stop added; Turkish `dk` is only ever written after a number (`1 dk`), an
    abbreviation with or without its point. The same beside a number's placeholder (`%s h`)."""
    def b108(entries: str, language: str = "ru") -> list[str]:
        return [f.message for f in lint.check_text(entries, path=f"{language}.po", select=["B108"])]

    added = ["The translation ends with a full stop, the source does not"]
    hour = 'msgid "One hour"\nmsgstr "Один час"\n\n'
    assert b108(hour + 'msgid "1 h"\nmsgstr "1 час."\n') == added
    assert b108('msgid "Every hour"\nmsgstr "Каждый час"\n\n#, c-format\nmsgid "%s h"\nmsgstr "%s час."\n') == added
    assert b108(hour + 'msgid "1 h"\nmsgstr "1 ч."\n') == []  # the abbreviation of `час`
    assert b108(hour + '#, c-format\nmsgid "%s h"\nmsgstr "%s ч."\n') == []
    assert b108('msgid "1 m"\nmsgstr "1 dk"\n\nmsgid "5 m"\nmsgstr "5 dk."\n', "tr") == []
    assert b108('msgid "5 minutes ago"\nmsgstr "5 dk önce"\n\nmsgid "5 m"\nmsgstr "5 dk."\n', "tr") == []
    assert b108('msgid "With %s"\nmsgstr "С %s"\n\nmsgid "1 s"\nmsgstr "1 с."\n', "bg") == []  # a letter alone
    # GNOME Calculator: a unit's names and symbols listed, `jt` among them, is no running text
    assert b108('msgctxt "unit-symbols"\nmsgid "yard,yards,yd"\nmsgstr "jaart,jaarts,jt"\n\n'
                '#, c-format\nmsgctxt "unit-format"\nmsgid "%s yd"\nmsgstr "%s jt."\n', "af") == []


def test_b108_units_after_numbers_may_be_the_languages_abbreviations_with_their_points():
    """GNOME Maps' trip durations: `%s h %s min` as Serbian and Bulgarian `%s ч. %s мин.`, `%s minute` as `%s мин.`,
    each unit the language's abbreviation, the last point ending it, not a sentence. A word the translation writes
    whole with a full stop added, a word the catalogue writes on its own, or more words after the units are still
    flagged."""
    def b108(msgid: str, msgstr: str, before: str = "") -> list[str]:
        entries = f'{before}#, javascript-format\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
        return [f.message for f in lint.check_text(entries, path="bg.po", select=["B108"])]

    added = ["The translation ends with a full stop, the source does not"]
    assert b108("%s h %s min", "%s ч. %s мин.") == []
    assert b108("%s minute", "%s мин.") == []
    assert b108("%s hours", "%s godz.") == []
    assert b108("%s minute", "%s минута.") == added
    assert b108("%s h %s min", "%s ч. %s минути.") == added
    assert b108("%s h %s min", "%s час %s мин. пеша") == []  # no mark at the end: nothing to compare
    assert b108("%s h %s min", "%s ч. %s час.", 'msgid "One hour"\nmsgstr "Един час"\n\n') == added
    assert b108("%s h %s min", "%s ч. и %s мин.") == added  # a word between: no units alone
    assert b108("%s h", "%s ч. %s мин.") == added  # a unit the source does not have


def test_b108_units_after_numbers_are_cut_short_each_with_its_point():
    """Review of the units-after-numbers exemption: a translation's units each carry their point, the last one's
    then ends a word (`%s ч. %s мин.`); a unit before it written with none makes the last a full stop (`%s h %s
    min.`). An abbreviation is a word cut short before a vowel, a whole word ends on one or on a vowel and a
    consonant: `%s Tage.`, `%s jour.`, `%s дней.` are full stops added, with no catalogue to tell."""
    def b108(msgid: str, msgstr: str, language: str) -> list[str]:
        entries = f'#, javascript-format\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
        return [f.message for f in lint.check_text(entries, path=f"{language}.po", select=["B108"])]

    added = ["The translation ends with a full stop, the source does not"]
    for msgid, msgstr, language in (
            ("%s h %s min", "%s h %s min.", "fr"), ("%s days", "%s Tage.", "de"), ("%s day", "%s jour.", "fr"),
            ("%s days", "%s дней.", "ru"), ("%s hours", "%s часа.", "ru"), ("%s day", "%s día.", "es"),
            ("%s days", "%s días.", "es"), ("%s hours", "%s saat.", "tr")):
        assert b108(msgid, msgstr, language) == added, msgstr
    for msgid, msgstr, language in (
            ("%s h %s min", "%s ч. %s мин.", "sr"), ("%s hours", "%s godz.", "pl"),
            ("%s h %s min", "%s godz. %s min.", "pl"), ("%s h %s min", "%s Std. %s Min.", "de"),
            ("%s h %s min", "%s klst. %s mín.", "is")):
        assert b108(msgid, msgstr, language) == [], msgstr


def test_b108_lojban_ends_its_sentences_with_no_mark():
    # transmission's jbo catalogue: `.i` opens each sentence, and no full stop ends it.
    header = 'msgid ""\nmsgstr ""\n"Language: jbo\\n"\n\n'
    jbo = header + 'msgid "Please correct the errors and try again."\nmsgstr ".i e\'o ko dragau lo selsre gi\'e za\'ure\'u troci"\n'
    assert lint.check_text(jbo, path="jbo.po", select=["B108"]) == []
    asked = header + 'msgid "Download complete."\nmsgstr ".i le nu kibycpa cu mulno?"\n'
    assert [f.message for f in lint.check_text(asked, path="jbo.po", select=["B108"])] == [
        "The source ends with a full stop, the translation with a question mark"]

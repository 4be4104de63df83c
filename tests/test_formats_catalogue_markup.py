"""Markup inside catalogue strings: a Sphinx catalogue's msgstr is reST, read as the reST reader reads
a paragraph, every character still at its place in the PO file; B106/B109 compare the markup; the
breakage translators cause (bench/catalogues.py's kinds) is found, and --fix never edits msgids."""

from __future__ import annotations

import sys

import polib
import pytest

import lint
from lint.config import Config, ConfigError, parse_config
from lint.formats import parse
from lint.formats.markup import marks, markup_of_references
from lint.model import Source
from tests.conftest import ROOT

SPHINX = ROOT / "tests" / "fixtures" / "formats" / "sphinx.fr.po"
HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'


def _doc(text: str, path: str = "x.po", options: dict | None = None):  # type: ignore[no-untyped-def]
    return parse(Source(path, text), "po", options=options)


def _codes(text: str, select: list[str] | None = None) -> list[str]:
    return [f.code for f in lint.check_text(text, path="x.po", select=select or ["B"])]


def test_auto_reads_references_extensions():
    assert markup_of_references("#: library/functions.rst:11\nmsgid \"x\"\n") == "rst"
    assert markup_of_references("#: ../../docs/guide.md:3 docs/faq.md:9\n") == "markdown"
    assert markup_of_references("#: templates/page.html:4\n") == "html"
    assert markup_of_references("#: src/app.c:12 src/ui/window.blp:118\n") == "none"
    assert markup_of_references('msgid "x"\nmsgstr "y"\n') == "none"


def test_auto_reads_pango_markup_in_an_application_catalogue():
    text = ('#: src/window.c:3\nmsgid "<a href=\\"r:///\\">Refresh</a> &amp; wait"\n'
            'msgstr "<a href=\\"r:///\\">Actualiser</a> &amp; attendre"\n')
    doc = _doc(text)
    assert doc.memo["markup"] == "html"
    assert doc.segments[0].text == "\ufffcActualiser\ufffc & attendre"
    assert _codes(text, select=["B", "P", "S"]) == []
    assert "B106" in _codes(text.replace("Actualiser</a>", "Actualiser"))


def test_markup_option_overrides_auto():
    text = '#: src/app.c:1\nmsgid "Use ``x``."\nmsgstr "Utilisez ``x``."\n'
    assert _doc(text).memo["markup"] == "none"
    assert _doc(text, options={"fuzzy": False, "markup": "rst"}).memo["markup"] == "rst"


def test_config_refuses_an_unknown_markup():
    with pytest.raises(ConfigError, match="markup"):
        parse_config("format-options: {po: {markup: asciidoc}}\n", "copylint.yaml", ROOT)
    config = parse_config("format-options: {xliff: {markup: html}}\n", "copylint.yaml", ROOT)
    assert config.format_options["xliff"]["markup"] == "html"


def test_rst_string_is_segmented_with_exact_offsets():
    text = SPHINX.read_text(encoding="utf-8")
    doc = _doc(text, path=str(SPHINX))
    first = doc.segments[0]
    # Literals, roles and link targets are opaque, one placeholder each; the link's words and a role's
    # title are the reader's, as in a reST document.
    assert "open(path" not in first.text and "io.open" not in first.text and "example.org" not in first.text
    assert "tutoriel" in first.text and "Ouvre file et renvoie un \ufffc." in first.text
    # Every character that stands for itself sits at its place in the file, across continuation
    # lines and the escaped quotes inside the literal.
    for seg in doc.segments:
        for i, ch in enumerate(seg.text):
            if seg.is_contiguous(i, i + 1):
                assert text[seg.to_source(i)] == ch


def test_escapes_inside_markup_map_to_the_file():
    text = '#: a.rst:1\nmsgid "Say ``\\"hi\\"`` twice."\nmsgstr "Dites ``\\"hi\\"``  deux fois."\n'
    doc = _doc(text)
    seg = doc.segments[0]
    assert seg.text == "Dites \ufffc  deux fois."
    at = seg.text.index("  deux")
    assert text[seg.to_source(at) : seg.to_source(at) + 6] == "  deux"
    # W105 leaves a rendered catalogue's runs alone unless asked: asked here, for the position it reports.
    assert lint.check_text(text, path="x.po", select=["W105"]) == []
    asked = Config(rule_options={"W105": {"in-rendered-catalogues": True}})
    found = [f for f in lint.check_text(text, path="x.po", select=["W105"], config=asked)]
    assert [text[f.start : f.end] for f in found] == ["  "]


def test_rst_marks_read_roles_literals_and_links():
    s = "Voir :term:`objet fichier <file object>`, ``<the version>`` et `guide <https://e.org/g>`_."
    kinds = [(m.kind, m.target) for m in marks(s, "rst")]
    assert kinds == [("role", "file object"), ("literal", "<the version>"), ("link", "https://e.org/g")]


def test_markdown_marks():
    s = "See [the guide](guide.md), `code` and ![logo](img/logo.png) <b>now</b>."
    kinds = [(m.kind, m.target) for m in marks(s, "markdown")]
    assert kinds == [("link", "guide.md"), ("code", "`code`"), ("image", "img/logo.png"), ("tag", ""), ("tag", "")]


def test_issue_false_positives_are_gone():
    text = SPHINX.read_text(encoding="utf-8")
    found = [(f.code, Source("x", text).position(f.start).line) for f in lint.check_text(text, path=str(SPHINX))]
    # ``PAYMENT_REQUIRED`` and :func:`issubclass` are code, not untranslated prose; a reST literal's
    # `<the version>` is no tag; a French list item's ` ;`; quotes inside a literal.
    assert found == []


def test_obsolete_and_fuzzy_entries_are_not_read_plural_forms_are():
    doc = _doc(SPHINX.read_text(encoding="utf-8"))
    sources = [s.source_text for s in doc.segments]
    assert "An obsolete entry, untranslated" not in sources
    assert "This entry is fuzzy." not in sources
    assert sources.count("%d files") == 2  # each plural form against msgid_plural
    assert [s.key for s in doc.segments if s.source_text == "Open the file"] == ["menu"]  # msgctxt


def test_plural_form_may_follow_the_singular():
    text = HEADER + 'msgid "%(count)d file"\nmsgid_plural "%(count)d files"\nmsgstr[0] "un fichier"\n' \
        'msgstr[1] "%(count)d fichiers"\n'
    assert "B101" not in _codes(text)
    broken = text.replace('msgstr[1] "%(count)d fichiers"', 'msgstr[1] "des fichiers"')
    assert "B101" in _codes(broken)


# One fixture per kind of breakage bench/catalogues.py injects, each in a string of a Sphinx catalogue.
RST = "#: library/files.rst:3\n"
CLEAN = ('msgid "Call :func:`open` with ``mode=\\"rb\\"``, %(count)d times, up to 4096 bytes; see the '
         '`guide <https://example.org/guide>`_."\n'
         'msgstr "Appelez :func:`open` avec ``mode=\\"rb\\"``, %(count)d fois, jusqu\'à 4096 octets ; voir le '
         '`guide <https://example.org/guide>`_."\n')
BROKEN = {
    "drop-backquote": ("avec ``mode", "avec `mode"),
    "drop-role-backquotes": (":func:`open`", ":func:open"),
    "change-link-target": ("guide <https://example.org/guide>`_.\"\n", "guide <https://example.org/guida>`_.\"\n"),
    "drop-placeholder": ("%(count)d fois", "fois"),
    "change-number": ("4096 octets", "4097 octets"),
    "translate-literal": ('``mode=\\"rb\\"``, %(count)d fois', '``mode=\\"lb\\"``, %(count)d fois'),
}


def _broken(kind: str) -> str:
    old, new = BROKEN[kind]
    msgstr_at = CLEAN.index("msgstr")
    return RST + CLEAN[:msgstr_at] + CLEAN[msgstr_at:].replace(old, new, 1)


def test_clean_fixture_has_no_finding():
    assert _codes(HEADER + RST + CLEAN, select=["B", "P", "W", "T", "S", "E"]) == []


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_injected_breakage_is_found(kind: str):
    text = HEADER + _broken(kind)
    assert text != HEADER + RST + CLEAN
    assert _codes(text), f"{kind} not found"


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_fix_never_touches_msgids_or_markup(kind: str):
    # Give the safe fixes something to do in the prose around the markup.
    text = HEADER + _broken(kind).replace("Appelez", "Appelez  \u200b").replace("octets", "octets..")
    fixed = lint.fix_text(text, path="x.po")
    before, after = polib.pofile(text), polib.pofile(fixed)
    assert [e.msgid for e in before] == [e.msgid for e in after]
    for b, a in zip(before, after, strict=True):
        for piece in ("``mode", ":func:`", "<https://example.org/gui", "%(count)d"):
            assert b.msgstr.count(piece) == a.msgstr.count(piece)
    assert lint.fix_text(fixed, path="x.po") == fixed


# A catalogue large enough to know its words (B106 reads a literal's new words against them).
_PAIRS = [
    ("The event loop runs asynchronous tasks and callbacks, performs network IO operations.",
     "La boucle d'évènements exécute des tâches asynchrones et des fonctions de rappel, effectue des opérations réseau."),
    ("Application developers should typically use the high-level functions instead.",
     "Les développeurs d'applications devraient généralement utiliser les fonctions de haut niveau à la place."),
    ("This section is intended mostly for authors of lower-level code, libraries and frameworks.",
     "Cette section est principalement destinée aux auteurs de code de bas niveau, de bibliothèques et de cadriciels."),
    ("Return the running event loop in the current operating system thread.",
     "Renvoie la boucle d'évènements en cours d'exécution dans le fil d'exécution actuel du système."),
    ("If there is no running event loop an error is raised, and the program stops.",
     "S'il n'y a pas de boucle d'évènements en cours d'exécution, une erreur est levée et le programme s'arrête."),
    ("Because this function has rather complex behavior, it is discouraged by most maintainers.",
     "Comme cette fonction a un comportement plutôt complexe, la plupart des mainteneurs la déconseillent."),
    ("Consider also using the run function, which creates a new loop and closes it at the end.",
     "Envisagez aussi d'utiliser la fonction run, qui crée une nouvelle boucle et la ferme à la fin."),
    ("Set the default executor used by the loop; the pool must be an instance of a thread pool.",
     "Définit l'exécuteur par défaut utilisé par la boucle ; le réservoir doit être une instance d'un réservoir de fils."),
    ("Schedule the callback to be called with arguments at the next iteration of the loop.",
     "Planifie l'appel de la fonction de rappel avec ses arguments à la prochaine itération de la boucle."),
    ("Wait until the future is done, then return its result or raise its exception.",
     "Attend que le futur soit terminé, puis renvoie son résultat ou lève son exception."),
    ("Open a streaming transport connection to a given address specified by host and port.",
     "Ouvre une connexion de transport en flux vers une adresse donnée spécifiée par un hôte et un port."),
    ("The socket family can be either IPv4 or IPv6 depending on the host, or whatever the resolver says.",
     "La famille du connecteur peut être IPv4 ou IPv6 selon l'hôte, ou ce que dit le résolveur de noms."),
    ("Create a subprocess from one or more string arguments, as a shell would read them.",
     "Crée un sous-processus à partir d'une ou plusieurs chaînes d'arguments, comme un interpréteur les lirait."),
    ("Returns a pair of a transport and a protocol, the value of the first write, or nothing.",
     "Renvoie une paire de transport et de protocole, la valeur de la première écriture, ou rien."),
    ("Signals are delivered to the main thread only; handlers must be registered there.",
     "Les signaux ne sont délivrés qu'au fil principal ; les gestionnaires doivent y être enregistrés."),
    ("Close the loop when it is not running; pending callbacks are discarded, queued data lost.",
     "Ferme la boucle lorsqu'elle ne tourne pas ; les rappels en attente sont abandonnés, les données perdues."),
]


def _catalogue(extra_id: str, extra_str: str) -> str:
    entries = [f'#: library/asyncio.rst:{i}\nmsgid "{a}"\nmsgstr "{b}"\n' for i, (a, b) in enumerate(_PAIRS, 1)]
    entries.append(f'#: library/asyncio.rst:99\nmsgid "{extra_id}"\nmsgstr "{extra_str}"\n')
    return HEADER + "\n".join(entries)


def test_b106_a_literal_localized_in_the_catalogues_own_words_is_not_reported():
    text = _catalogue("Returns a ``(transport, protocol)`` pair.", "Renvoie une paire ``(transport, protocole)``.")
    assert "B106" not in _codes(text)
    text = _catalogue("It holds ``0 <= value < loop``.", "Elle contient ``0 <= valeur < boucle``.")
    assert "B106" not in _codes(text)


def test_b106_a_literal_garbled_into_words_nobody_writes_is_reported():
    text = _catalogue("Returns a ``(transport, protocol)`` pair.", "Renvoie une paire ``(transport, locotorp)``.")
    assert "B106" in _codes(text)
    text = _catalogue("Use ``mean(data)`` here.", "Utilisez ``naem(data)`` ici.")
    assert "B106" in _codes(text)


def test_b106_api_names_and_options_are_never_localized():
    text = _catalogue("Calls ``object.__getattribute__(c)``.", "Appelle ``objet.__getattribute__(c)``.")
    assert "B106" in _codes(text)
    text = _catalogue("The ``-k`` flag searches.", "L'option ``-w`` cherche.")
    assert "B106" in _codes(text)


def test_rst_bars_inside_words_are_no_substitution():
    # reST recognizes |name| only after a space or an opening mark and before a space or punctuation.
    assert [m.kind for m in marks("Use |version| and |name|_ here.", "rst")] == ["substitution", "substitution"]
    assert marks("An IPv(4|6)(Address|Network|Interface) object", "rst") == []
    text = ('#: howto/ipaddress.rst:1\nmsgid "An IPv(4|6)(Address|Network) object."\n'
            'msgstr "Un objet (adresse|réseau)IPv(4|6)."\n')
    assert lint.check_text(text, path="fr.po", select=["B106"]) == []


def test_b106_an_example_renamed_once_in_the_translations_language_is_not_reported():
    # `transport` and `boucle` are words of the catalogue's French prose that no source writes.
    text = _catalogue("Set ``main_loop = other_loop`` first.", "Définissez ``boucle_principale = autre_boucle`` d'abord.")
    assert "B106" not in _codes(text)


def test_b106_rename_examples_off_reports_every_renamed_example():
    text = _catalogue("Set ``main_loop = other_loop`` first.", "Définissez ``boucle_principale = autre_boucle`` d'abord.")
    strict = Config(rule_options={"B106": {"rename-examples": False}})
    assert "B106" in [f.code for f in lint.check_text(text, path="x.po", config=strict, select=["B"])]


def test_b106_literals_as_words_on_reports_a_literal_written_as_words():
    text = _catalogue("Reads ``sys.stdin`` by default.", "Lit l'entrée standard par défaut.")
    assert "B106" not in _codes(text)
    strict = Config(rule_options={"B106": {"literals-as-words": True}})
    assert "B106" in [f.code for f in lint.check_text(text, path="x.po", config=strict, select=["B"])]
    # A literal the translation changed is reported either way.
    text = _catalogue("Returns ``True`` by default.", "Renvoie ``Vrai`` par défaut.")
    assert "B106" in _codes(text)


def test_b106_a_literal_translated_and_quoted_in_its_stead_is_reported():
    # `None` is the catalogue's vocabulary (named in two msgids); a translator who quotes its words in
    # its place shows a quoted word where the page shows code.
    kept = '\n#: library/asyncio.rst:98\nmsgid "Returns ``None`` otherwise."\nmsgstr "Renvoie ``None`` sinon."\n'
    for quoted in ("Renvoie « Aucun » en cas d'échec.", "Renvoie ''Aucun'' en cas d'échec.",
                   'Renvoie \\"aucun\\" en cas d\'échec.'):
        assert "B106" in _codes(_catalogue("Returns ``None`` if it failed.", quoted) + kept), quoted
    # Words in its place, unquoted, are a rendering (option literals-as-words off), and so are quoted
    # words where the source quotes as many.
    assert "B106" not in _codes(_catalogue("Returns ``None`` if it failed.", "Ne renvoie rien en cas d'échec.") + kept)
    assert "B106" not in _codes(_catalogue('Returns ``None`` if the \\"name\\" is unknown.',
                                           "Ne renvoie rien si le « nom » est inconnu.") + kept)
    assert "B106" not in _codes(_catalogue("In *cooked* mode, returns ``None``.",
                                           "En mode « cuit », ne renvoie rien.") + kept)


def test_b106_one_metavariable_worded_each_time_it_is_written_is_not_reported():
    # `RULE` is the catalogue's vocabulary (two msgids); `règle` a word of the catalogue's French prose.
    rule = '\n#: library/asyncio.rst:98\nmsgid "Each ``!RULE`` is a rule."\nmsgstr "Chaque ``!RULE`` est une règle."\n'
    worded = _catalogue("The notation ``!RULE`` is a negative lookahead assertion.",
                        "La notation ``!REGLE`` désigne la négation de l'assertion ``REGLE``.")
    assert "B106" not in _codes(worded + rule)
    # Written once, the same change is a constant or a key changed, as ``'PATH'`` for ``'RUTA'``.
    once = _catalogue("The notation ``!RULE`` is a negative lookahead assertion.",
                      "La notation ``!REGLE`` désigne la négation de l'assertion.")
    assert "B106" in _codes(once + rule)


def test_b106_lexicon_reads_an_examples_new_names_as_words_of_the_translations_language():
    pytest.importorskip("wordfreq")
    text = _catalogue('Count each dog and cat: ``{\\"dog\\": 1, \\"cat\\": 2}``.',
                      'Comptez les animaux : ``{\\"chien\\": 1, \\"chat\\": 2}``.')
    lexicon = Config(rule_options={"B106": {"lexicon": True}})
    assert "B106" not in [f.code for f in lint.check_text(text, path="x.po", config=lexicon, select=["B"])]
    slip = _catalogue('Count each dog and cat: ``{\\"dog\\": 1, \\"cat\\": 2}``.',
                      'Comptez les animaux : ``{\\"dgo\\": 1, \\"cat\\": 2}``.')
    assert "B106" in [f.code for f in lint.check_text(slip, path="x.po", config=lexicon, select=["B"])]


def test_b106_findings_do_not_depend_on_wordfreq_being_installed(monkeypatch):
    # A fake of a missing package (None in sys.modules makes the import fail): the one way to have
    # wordfreq absent in a process where the test extra installed it.
    text = _catalogue('Count each dog and cat: ``{\\"dog\\": 1, \\"cat\\": 2}``.',
                      'Comptez les animaux : ``{\\"chien\\": 1, \\"chat\\": 2}``.')
    installed = [(f.code, f.message) for f in lint.check_text(text, path="x.po", select=["B"])]
    monkeypatch.setitem(sys.modules, "wordfreq", None)
    assert [(f.code, f.message) for f in lint.check_text(text, path="x.po", select=["B"])] == installed


def test_b106_a_renamed_example_is_never_a_capitalized_name_nor_a_slip():
    text = _catalogue("Catch ``SystemExit`` here.", "Interceptez ``SortieSysteme`` ici.")
    assert "B106" in _codes(text)
    text = _catalogue("Set ``main_loop = other_loop`` first.", "Définissez ``boucle_principale = other_lop`` d'abord.")
    assert "B106" in _codes(text)


def test_b106_a_name_with_more_qualifiers_is_the_same_name():
    text = _catalogue("A subclass of :class:`SubprocessProtocol`.", "Une sous-classe de :class:`asyncio.SubprocessProtocol`.")
    assert "B106" not in _codes(text)
    text = _catalogue("A subclass of :class:`xml.sax.xmlreader.XMLReader`.", "Une sous-classe de :class:`~xml.sax`.")
    assert "B106" in _codes(text)


def test_b106_placeholder_names_replaced_by_the_translators_own_are_not_reported():
    # `foo` and `bar` are written only as code in the sources; `truc` and `machin` share few letters
    # with them: the translator's own placeholders. A slip keeps the letters (`naem` for `mean`).
    text = _catalogue("Import ``foo.bar`` first.", "Importez d'abord ``truc.machin``.")
    assert "B106" not in _codes(text)
    text = _catalogue("Import ``foo.bar`` first.", "Importez d'abord ``foo.bra``.")
    assert "B106" in _codes(text)
    text = _catalogue("Pass ``-k foo`` here.", "Passez ``-k truc`` ici.")
    assert "B106" in _codes(text)


def test_b106_one_of_two_occurrences_of_a_literal_changed_is_reported():
    # The injected kind translate-literal on a literal the source writes twice: the translation keeps
    # one occurrence and changes the other.
    source = "Return ``None`` when the loop is closed; ``None`` also when it never ran."
    changed = _catalogue(source, "Renvoie ``None`` si la boucle est fermée ; ``Nonne`` aussi si elle n'a jamais tourné.")
    assert "B106" in _codes(changed, select=["B106"])
    rephrased = _catalogue(source, "Renvoie ``None`` si la boucle est fermée ou si elle n'a jamais tourné.")
    assert "B106" not in _codes(rephrased, select=["B106"])


def test_a_markdown_string_the_parser_panics_on_is_read_as_a_page_is(capfd: pytest.CaptureFixture[str]) -> None:
    # markdown-it-pyrs panics on `[` + a backquote never closed (review h166: 52 of 7,000 generated catalogues
    # reported an internal error for the whole file); a .md page with it is read by markdown-it-py, and so
    # is a string of a catalogue whose references name .md files: its code is still compared.
    text = '#: docs/x.md:1\nmsgid "See `x` and `y`, then [`z"\nmsgstr "Voir `x` et `w`, puis [`z"\n'
    found = lint.check_text(text, path="x.po", select=["B106"])
    assert [f.message for f in found] == ["Markup differs from the source: missing ``y``; not in the source ``w``"]
    assert "panicked" not in capfd.readouterr().err


def test_a_sphinx_catalogues_included_inc_files_are_rest_but_inc_alone_is_not():
    page = ('msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n#: ../../library/token.rst:3\nmsgid "Token constants"\n'
            'msgstr "토큰 상수"\n\n')
    tokens = "".join(f'#: ../../library/token-list.inc:{i}\nmsgid "``\\"{c}\\"``"\nmsgstr "``\\"{c}\\"``"\n\n'
                     for i, c in enumerate("-+*/"))
    assert markup_of_references(page + tokens) == "rst"
    assert lint.check_text(page + tokens, path="ko.po") == []  # quotes inside literals: no P101
    assert markup_of_references('#: src/table.inc:3\nmsgid "A value"\nmsgstr "Une valeur"\n') == "none"

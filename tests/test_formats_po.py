"""gettext PO: msgstr is the prose, msgid its source; escapes and placeholders are never rewritten."""

from __future__ import annotations

import json

import polib
import pytest

import lint
from lint.formats import ParseError, parse
from lint.model import Source
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "formats" / "messages.po"


def _found() -> list[tuple[str, int, int]]:
    text = FIXTURE.read_text(encoding="utf-8")
    src = Source(str(FIXTURE), text)
    return [(f.code, src.position(f.start).line, src.position(f.start).column)
            for f in lint.check_text(text, path=str(FIXTURE))]


def test_msgstr_segments_carry_their_msgid():
    doc = parse(Source(str(FIXTURE), FIXTURE.read_text(encoding="utf-8")), "po")
    pairs = [(s.source_text, s.text) for s in doc.segments]
    assert ("Votre panier contient %d articles.", "Your cart contains \ufffc items..") in pairs
    assert ("Les frais de port sont offerts à partir de 50 €.", 'Shipping is free from 50 € , "always".') in pairs
    assert ("%d fichiers", "files") in pairs  # the plural form is compared with msgid_plural
    assert not any(s.source_text == "Brouillon non relu" for s in doc.segments)  # fuzzy: not in use
    assert not any(s.source_text == "" for s in doc.segments)  # the header is not prose


def test_findings_at_exact_positions():
    found = _found()
    assert ("P104", 9, 36) in found  # "items.."
    assert ("B101", 13, 9) in found  # %(name)s lost
    assert ("T102", 13, 33) in found
    assert ("B102", 18, 9) not in found  # one word: not flagged
    assert ("B101", 39, 12) in found  # msgstr[1] lost the %d of msgid_plural
    assert not any(line in (1, 4, 8, 12, 17, 21, 22, 25, 26, 27, 33) for _, line, _ in found)  # msgid, comments, header
    assert not any(code == "B102" for code, _, _ in found)  # "OK" is suppressed by its translator comment


def test_fix_keeps_the_catalogue_loadable_and_escapes_intact():
    text = FIXTURE.read_text(encoding="utf-8")
    fixed = lint.fix_text(text, path=str(FIXTURE))
    assert fixed != text
    entries = {e.msgid: e for e in polib.pofile(fixed)}
    assert entries["Votre panier contient %d articles."].msgstr == "Your cart contains %d items."
    assert '"50 € , \\"always\\"."' in fixed or '\\"always\\"' in fixed  # the escaped quotes stay escaped
    assert len(polib.pofile(fixed)) == len(polib.pofile(text))


def test_malformed_po_is_an_error_with_its_line(run, tmp_path):
    (tmp_path / "bad.po").write_text('msgid "one"\nmsgstr "un\n\nmsgid "two"\nmsgstr "deux"\n', encoding="utf-8")
    (tmp_path / "good.po").write_text('msgid "Bonjour tout le monde"\nmsgstr "Bonjour tout le monde"\n', encoding="utf-8")
    with pytest.raises(ParseError) as info:
        parse(Source("bad.po", (tmp_path / "bad.po").read_text()), "po")
    assert info.value.line == 2 and str(info.value) == "unterminated string"
    with pytest.raises(ParseError) as info:
        parse(Source("garbage.po", 'msgid "one"\nmsgstr "un"\nthis is garbage\n'), "po")
    assert info.value.line == 3 and "invalid PO" in str(info.value)
    r = run("check", ".", "--format", "json", "--no-cache", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert r.returncode == 2
    assert data["errors"] == [{"path": "bad.po", "message": "unterminated string", "line": 2}]
    assert {f["code"] for f in data["findings"] if f["path"] == "good.po"} == {"B102"}


def test_fuzzy_entries_are_checked_only_with_the_option(run, tmp_path):
    (tmp_path / "messages.po").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")

    def lines(*config: str) -> set[int]:
        (tmp_path / ".copylint.yaml").write_text("".join(config))
        r = run("check", "--no-cache", "--format", "json", "--select", "P104", "messages.po", cwd=tmp_path)
        assert r.returncode in (0, 1), r.stderr
        return {f["start"]["line"] for f in json.loads(r.stdout)["findings"]}

    # Line 22 is the fuzzy entry's msgstr "Draft not reviewed,,".
    assert 22 not in lines("")
    assert 22 in lines("format-options:\n  po:\n    fuzzy: true\n")
    assert 22 not in lines("format-options:\n  po:\n    fuzzy: false\n")


@pytest.mark.parametrize(("config", "message"), [
    ("format-options:\n  po:\n    fuzy: true\n", ":3: unknown option 'fuzy' for format 'po' (did you mean 'fuzzy'?)"),
    ("format-options:\n  po:\n    fuzzy: 'yes'\n", ":3: 'fuzzy' must be true or false"),
    ("format-options:\n  pot:\n    fuzzy: true\n", ":2: unknown format 'pot' (did you mean 'po'?)"),
])
def test_format_options_errors_name_the_line(run, tmp_path, config, message):
    (tmp_path / ".copylint.yaml").write_text(config)
    (tmp_path / "a.po").write_text('msgid "Oui"\nmsgstr "Yes"\n')
    r = run("check", "--no-cache", "a.po", cwd=tmp_path)
    assert r.returncode == 2
    assert message in r.stderr and ".copylint.yaml" in r.stderr, r.stderr


def test_fixes_never_touch_the_msgid_or_comments(run, tmp_path):
    # An edited msgid no longer finds its translation: rules that read the file itself (runs of
    # spaces) fix only the msgstr.
    catalogue = tmp_path / "de.po"
    catalogue.write_text('#  Translator  note\nmsgid "Open  file"\nmsgstr "Datei  öffnen"\n', encoding="utf-8")
    r = run("check", "--isolated", "--no-cache", "--fix", "de.po", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert catalogue.read_text(encoding="utf-8") == '#  Translator  note\nmsgid "Open  file"\nmsgstr "Datei öffnen"\n'
    assert [(e.msgid, e.msgstr) for e in polib.pofile(str(catalogue))] == [("Open  file", "Datei öffnen")]


def test_a_form_picked_for_a_few_numbers_alone_may_spell_the_count_out():
    # gettext picks msgstr[k] by the header's Plural-Forms: a form chosen for fewer than five n up to
    # 1000 (gettext's OFTEN) is the form for one (or two, or none), whatever its index; one chosen for
    # 1, 21, 31 ... must print the count.
    from lint.formats.po import rare_forms

    head = ('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=4; plural=n==1? 3 : n%10==1 && n%100!=11 ? 0 : "\n'
            '"n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;\\n"\n')
    assert rare_forms(head) == {3}
    assert rare_forms('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n') == {0}
    assert rare_forms('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n') == {0}
    assert rare_forms('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : 1;\\n"\n') == {2}  # never picked
    assert rare_forms('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=n ** 2;\\n"\n') == set()
    arabic = ('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "\n'
              '"n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5);\\n"\n')
    assert rare_forms(arabic) == {0, 1, 2}
    text = head + '\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d datoteka"\nmsgstr[1] "%d datoteke"\n' \
        'msgstr[2] "%d datoteka"\nmsgstr[3] "jedna datoteka"\n'
    assert [f.code for f in lint.check_text(text, path="sr@latin.po", select=["B101"])] == []
    lost = text.replace('msgstr[0] "%d datoteka"', 'msgstr[0] "datoteka"')
    assert [f.code for f in lint.check_text(lost, path="sr@latin.po", select=["B101"])] == ["B101"]


def test_the_header_is_read_after_translator_comments_of_any_length():
    # git's zh_CN.po opens with 186 lines of translators' notes before its header: its form for one
    # ("this ref") may still leave the count out.
    notes = "".join(f"# {i:3d}. A translator's note on a term of the glossary, long enough to fill a line.\n"
                    for i in range(120))
    text = (notes + 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
            '#, c-format\nmsgid "The bundle contains this ref:"\nmsgid_plural "The bundle contains these %d refs:"\n'
            'msgstr[0] "这个捆绑包中含有这个引用："\nmsgstr[1] "这个捆绑包中含有 %d 个引用："\n')
    assert len(notes) > 4000
    assert [f.code for f in lint.check_text(text, path="zh_CN.po", select=["B101"])] == []
    lost = text.replace('含有 %d 个', '含有个')
    assert [f.code for f in lint.check_text(lost, path="zh_CN.po", select=["B101"])] == ["B101"]


def test_the_language_is_read_after_translator_comments_of_any_length():
    # git's bg, ca, pt_PT, tr, vi and zh_CN open with notes that push "Language:" past 4,000 characters:
    # a catalogue named for no language (messages.po) still reads as French.
    notes = "".join(f"# {i:3d}. A translator's note on a term of the glossary, long enough to fill a line.\n"
                    for i in range(60))
    text = (notes + 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Example:"\nmsgstr "Exemple:"\n')
    assert len(notes) > 4000
    assert [f.code for f in lint.check_text(text, path="messages.po", select=["L103"])] == ["L103"]


def _entries(*msgids: str, plain: int = 0) -> str:
    """A catalogue without locations: each msgid translated as itself, then `plain` entries of plain text."""
    body = "".join(f'msgid "{m}"\nmsgstr "{m}"\n\n' for m in msgids)
    return body + "".join(f'msgid "Message {i}"\nmsgstr "Message {i}"\n\n' for i in range(plain))


@pytest.mark.parametrize(("text", "rst"), [
    # one entry with a role, written in its msgid and its msgstr: not two entries
    (_entries("Use :func:`len` here."), False),
    (_entries("Use :func:`len` here.", "See ``None``."), True),
    # inline literals alone, in any number of entries: an application may quote its options so
    (_entries("Run ``--verbose`` to see more.", "Set ``--jobs`` to the cores.", "Try ``--help``."), False),
    # two marked entries in 80 (one in 40) and in 81
    (_entries("Use :func:`len` here.", "See ``None``.", plain=78), True),
    (_entries("Use :func:`len` here.", "See ``None``.", plain=79), False),
])
def test_a_catalogue_without_locations_is_rest_by_its_roles_in_a_share_of_entries(text, rst):
    from lint.formats.po import reads_as_rst

    assert reads_as_rst(text) is rst
    # and a catalogue with locations is read by them, whatever its markup
    assert not reads_as_rst(text) or parse(Source("a.po", text), "po").memo["markup"] == "rst"


def test_without_locations_a_line_break_alone_is_no_literal_block():
    text = _entries("Use :func:`len` here.", "See ``None``.") + (
        'msgid ">>> len(\\"abc\\")\\n3"\nmsgstr ">>> len(\\"abc\\")\\n3"\n\n'
        'msgid "    for line in f:\\n        print(line)"\nmsgstr "    pour line dans f:\\n        print(line)"\n\n'
        'msgid "Copied the files.\\nThe originals were kept."\nmsgstr "Fichiers copiés.\\nLes originaux sont là."\n')
    texts = [s.text for s in parse(Source("a.po", text), "po").segments]
    assert "Fichiers copiés.\nLes originaux sont là." in texts
    assert not any("pour line" in t or "len(" in t for t in texts)


def test_without_locations_code_and_its_output_stay_literal_blocks():
    text = _entries("Use :func:`len` here.", "See ``None``.") + (
        'msgid "from . import echo\\nfrom .. import formats"\nmsgstr "from . import echo\\nfrom .. import formats"\n\n'
        'msgid "novas (3.1.1.3)\\nnumpy (1.9.2)"\nmsgstr "novas (3.1.1.3)\\nnumpy (1.9.2)"\n')
    assert [s.text for s in parse(Source("a.po", text), "po").segments][2:] == ["\ufffc", "\ufffc"]

"""Markdown's common extensions as content sites write them: GFM's and pandoc's footnotes, definition lists,
GitHub's alerts, a block's attributes on a line of their own. What a user checks: their markup draws no
finding (a footnote's label `[^1]:` is not a colon of a French sentence), while the text they hold is
still prose, each defect found at its exact line and column."""

from __future__ import annotations

import json
import random
import re

import pytest

from lint.formats import parse, templates
from lint.model import Source


def _findings(run, tmp_path, name: str, text: str) -> list[tuple[str, int, int]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    r = run("check", "--isolated", "--no-cache", "--output-format", "json", name, cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    return [(f["code"], f["start"]["line"], f["start"]["column"]) for f in json.loads(r.stdout)["findings"]]


def _segments(text: str, path: str = "a.md") -> list[tuple[str, str]]:
    doc = parse(Source(path, text), "mdx" if path.endswith(".mdx") else "markdown")
    for seg in doc.segments:  # every character that stands for itself is at its place in the file
        assert [s.index for s in doc.segments] == list(range(len(doc.segments)))
        for i, ch in enumerate(seg.text):
            if not any(a <= i < b for a, b in seg.opaque):
                assert text[seg.to_source(i)] == ch, (seg.text, i)
    return [(seg.kind, seg.text) for seg in doc.segments]


# A French page with footnotes, as react.dev's French blog writes them (`[^1]: Merci à …`): the labels drew
# L103 "missing no-break space before ':'", each.
FOOTNOTES = """\
---
lang: fr
---
# Les résultats

Le compilateur est stable[^1] : nous l'avons testé sur des milliers de composants[^2].

Pourquoi ? Parce que les équipes l'utilisent déjà ; voyez les chiffres[^chiffres] !

[^1]: Merci à toutes les personnes qui ont contribué : elles se reconnaîtront.

[^2]: Après avoir ajusté l'analyse selon l'ancienneté des auteurs, le volume
    et la complexité des changements, et les facteurs les plus plus fréquents.

[^chiffres]: Voir le tableau suivant: il résume tout.
"""


@pytest.mark.parametrize("name", ["page.md", "page.mdx"])
def test_footnote_labels_and_references_are_markup_and_their_text_is_prose(run, tmp_path, name):
    # The note's own defects are found where they are: a doubled word on a continuation line, a colon
    # without its no-break space; the labels `[^1]:`, `[^2]:`, `[^chiffres]:` (lines 10, 12, 15) are not.
    assert _findings(run, tmp_path, name, FOOTNOTES) == [("T102", 13, 64), ("L103", 15, 37)]


def test_footnotes_are_read_in_their_place_and_a_reference_stands_for_nothing():
    text = ("Texte^[une note en ligne] suite[^a].\n\n[^a]: - item un\n    - item deux\n\n    > cité\n\n"
            "| a[^a] | b |\n|---|---|\n\n# Titre[^a]\n\nÉté[^b] et [^zz] inconnu.\n\n[^b]: À côté.\n\nFin.\n")
    assert _segments(text) == [
        ("paragraph", "Texte suite."),
        ("paragraph", "une note en ligne"),  # pandoc's inline note, after the paragraph that holds it
        ("list_item", "item un"),
        ("list_item", "item deux"),
        ("blockquote", "cité"),
        ("table_cell", "a"),
        ("table_cell", "b"),
        ("heading", "Titre"),
        ("paragraph", "Été et [^zz] inconnu."),  # (a label no note defines is text)
        ("paragraph", "À côté."),
        ("paragraph", "Fin."),
    ]
    doc = parse(Source("a.md", text), "markdown")
    assert [text[a:b] for a, b in doc.protected] == ["^[", "]", "[^a]", "[^a]", "[^a]", "[^b]"]


def test_a_definition_lists_term_is_a_heading_and_its_descriptions_are_prose(run, tmp_path):
    # javascript.info's articles (and pandoc, kramdown, MkDocs' def_list): a term, then `: ` and its
    # description, whose paragraphs after the first are indented by four spaces: they were read as
    # code, and the description's first line as the term's paragraph.
    text = ("`pattern:i`\n: Con esta bandera, la búsqueda no distingue entre mayúsculas y minúsculas.\n\n"
            "    Es decir, no hay hay diferencia entre `A` y `a`.\n\n"
            "Codiciosa\n: Por defecto el motor prueba repetir el carácter.\n")
    assert _segments(text) == [  # (a term of code alone is no prose)
        ("paragraph", "Con esta bandera, la búsqueda no distingue entre mayúsculas y minúsculas."),
        ("paragraph", "Es decir, no hay hay diferencia entre \ufffc y \ufffc."),
        ("heading", "Codiciosa"),
        ("paragraph", "Por defecto el motor prueba repetir el carácter."),
    ]
    assert _findings(run, tmp_path, "page.md", text) == [("T102", 4, 22)]


ALERTS = """\
# Guía

> [!NOTE]
> Una nota útil para los los usuarios.

> [!warning]
>
> - Cuidado con el texto.

> Una cita.
> [!TIP]
"""


def test_a_github_alerts_marker_is_markup_and_its_text_is_prose(run, tmp_path):
    assert _segments(ALERTS) == [
        ("heading", "Guía"),
        ("blockquote", "Una nota útil para los los usuarios."),
        ("list_item", "Cuidado con el texto."),
        ("blockquote", "Una cita.\n[!TIP]"),  # (not the first line of its block quote: no alert)
    ]
    assert _findings(run, tmp_path, "page.md", ALERTS) == [("T102", 4, 26)]


def test_a_blocks_attributes_on_a_line_of_their_own_are_markup(run, tmp_path):
    # kramdown's block attribute list (Jekyll sites: just-the-docs' `{: .note }` callouts) and attr_list's.
    text = ("{: .note }\nUn paragraphe stylé.\n\nUn autre paragraphe.\n{: #ancre .classe}\n\n"
            "Et un troisième troisième.\n{.wide}\n\n{# un commentaire #}\n")
    assert _segments(text) == [
        ("paragraph", "Un paragraphe stylé."),
        ("paragraph", "Un autre paragraphe."),
        ("paragraph", "Et un troisième troisième."),
    ]
    assert _findings(run, tmp_path, "page.md", text) == [("T102", 7, 17)]


def _plain_alerts(text: str) -> list[tuple[int, int]]:
    """What ``_alerts`` finds, read by the whole pattern's scan."""
    found = []
    for m in re.compile("^" + templates._ALERT.pattern, re.M | re.I).finditer(text):
        line_start = m.start()
        before = text.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
        if line_start == 0 or templates._QUOTE_LINE.match(text, before) is None:
            found.append(m.span(1))
    return found


def test_alerts_and_attribute_lines_are_what_the_whole_patterns_find():
    rng = random.Random(7)
    pieces = ["> ", ">", "[!NOTE]", "[!tip]", "[!", "]", "\n", "\r\n", "   ", "    ", "x", "{: .a}", "{.b}",
              "{#c}", "{# d #}", "## T ", "{", "}", ":", "#"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span(1) for m in templates._alerts(text)] == _plain_alerts(text), text
        headings, lines = templates.block_attributes(text)
        assert [m.span() for m in headings] == [m.span() for m in re.finditer(
            "^" + templates._HEADING_ATTRS.pattern, text, re.M)], text
        plain = [m.span(1) for m in re.finditer("^" + templates._ATTRIBUTE_LINE.pattern, text, re.M)
                 if re.compile(templates._HEADING_ATTRS.pattern, re.M).match(text, m.start()) is None]
        assert [m.span(1) for m in lines] == plain, text


def test_a_long_line_of_alert_openings_is_read_once():
    text = "> " + "[!" * 200_000 + "\n"
    assert templates._alerts(text) == []

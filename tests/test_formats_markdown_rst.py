"""Markdown and reStructuredText: prose only, exact positions, fixes that keep the document's structure,
inline suppressions."""

from __future__ import annotations

import lint
from lint.formats import parse
from lint.model import Source

MARKDOWN = """---
title: The the front matter is not prose
---

# Report On the crash

The plane crashed,, officials said.  Read [the the report](https://example.com/a..b) today.

```text
Code blocks keep their the the repeats,, and  spaces.
```

- A list item with `inline  code,,` stays.
- Another item with a <span>tag</span>.

| Column | Other |
|---|---|
| a cell,, here | b |

<!-- copylint-disable-next-line T102 -->
Suppressed: the the repeat on this line.
"""


def _codes_at(text: str, path: str) -> list[tuple[str, int, int]]:
    src = Source(path, text)
    return [(f.code, src.position(f.start).line, src.position(f.start).column) for f in lint.check_text(text, path=path)]


def test_markdown_findings_only_in_prose_at_exact_positions():
    found = _codes_at(MARKDOWN, "a.md")
    assert ("P104", 7, 18) in found  # ",," in the paragraph
    assert ("T102", 7, 48) in found  # "the the" in link text (the second "the")
    assert ("P104", 18, 9) in found  # ",," in a table cell
    lines = {line for _, line, _ in found}
    assert not lines & {1, 2, 3, 9, 10, 11, 13}  # front matter, code fence, inline code
    assert not any(code == "T101" for code, _, _ in found)  # headings may be title case
    assert not any(line == 21 for _, line, _ in found)  # the suppressed line


def test_markdown_fix_keeps_structure():
    from markdown_it import MarkdownIt

    fixed = lint.fix_text(MARKDOWN, path="a.md")
    assert "crashed, officials" in fixed and "a cell, here" in fixed
    assert "`inline  code,,`" in fixed and "repeats,, and  spaces." in fixed  # code untouched
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    before = [t.type for t in md.parse(MARKDOWN)]
    after = [t.type for t in md.parse(fixed)]
    assert before == after
    assert lint.fix_text(fixed, path="a.md") == fixed


def test_markdown_segments_map_every_character_back():
    doc = parse(Source("a.md", MARKDOWN), "markdown")
    for seg in doc.segments:
        for i, ch in enumerate(seg.text):
            if not any(a <= i < b for a, b in seg.opaque):
                assert MARKDOWN[seg.to_source(i)] == ch


RST = """PEP: 9999
Title: A test
Author: Someone

Introduction
============

The plane crashed,, officials said.  See ``code,,  here`` and `the docs <https://example.com>`_.

.. code-block:: python

    x = "the the"  # code,,

The statement ::

    literal,,  block

====== ======
Name   Value
====== ======
a,,    b
====== ======

.. copylint-disable-next-line P104
Suppressed,, here.
"""


def test_rst_findings_only_in_prose():
    found = _codes_at(RST, "a.rst")
    assert ("P104", 8, 18) in found
    assert {line for _, line, _ in found} == {8}
    fixed = lint.fix_text(RST, path="a.rst")
    assert "crashed, officials" in fixed and "``code,,  here``" in fixed and "literal,,  block" in fixed


def test_rst_literal_marker_reads_as_colon():
    doc = parse(Source("a.rst", RST), "rst")
    assert any(seg.text == "The statement:" for seg in doc.segments)
    assert [s.kind for s in doc.segments][:1] == ["heading"]


def test_markdown_file_level_disable():
    text = "<!-- copylint-disable-file -->\nThe the plane crashed,, today.\n"
    assert lint.check_text(text, path="a.md") == []
    text = "<!-- copylint-disable T102 -->\nThe the plane.\n<!-- copylint-enable -->\n\nThe the plane.\n"
    assert [(f.code) for f in lint.check_text(text, path="a.md")] == ["T102"]


def _mapped(text: str, path: str, fmt: str) -> list[tuple[str, str, list[int], tuple[tuple[int, int], ...]]]:
    """Each segment's kind, text, the Source offset of every character, and its opaque ranges; verbatim
    characters are checked against the Source on the way."""
    doc = parse(Source(path, text), fmt)
    out = []
    for seg in doc.segments:
        offsets = [seg.to_source(i) for i in range(len(seg.text))]
        for i, ch in enumerate(seg.text):
            if not any(a <= i < b for a, b in seg.opaque):
                assert text[offsets[i]] == ch, (seg.text, i)
        out.append((seg.kind, seg.text, offsets, seg.opaque))
    return out


def test_markdown_entities_and_escapes_are_opaque_at_their_own_place():
    text = "Café “quoted” text &amp; more \\* here.\n"
    [(kind, seg_text, offsets, opaque)] = _mapped(text, "a.md", "markdown")
    assert kind == "paragraph" and seg_text == "Café “quoted” text & more * here."
    amp, star = seg_text.index("&"), seg_text.index("*")
    assert opaque == ((amp, amp + 1), (star, star + 1))
    assert offsets[amp] == text.index("&amp;") and offsets[star] == text.index("\\*")
    # Non-ASCII characters before a piece do not shift it (the parser counts UTF-8 bytes).
    assert offsets[seg_text.index("more")] == text.index("more")


def test_markdown_tight_and_nested_list_items_tables_and_alt_text():
    text = ("- tight *item*\n  - nested item\n\n"
            "| a | b |\n|---|---|\n| <b>&vert;</b> | ![alt *em*](i.png) |\n")
    segs = _mapped(text, "a.md", "markdown")
    assert [(k, t) for k, t, _, _ in segs] == [
        ("list_item", "tight item"), ("list_item", "nested item"),
        ("table_cell", "a"), ("table_cell", "b"), ("table_cell", "\ufffc|\ufffc"), ("caption", "alt em")]
    cell = segs[4]
    # The cell's inline HTML and its entity sit in the cell's own line, at their own places.
    assert cell[2] == [text.index("<b>"), text.index("&vert;"), text.index("</b>")]
    doc = parse(Source("a.md", text), "markdown")
    assert (text.index("<b>"), text.index("&vert;")) in doc.protected


def test_markdown_text_where_the_parser_range_is_not_the_text():
    # markdown-it-rs's range for a text node is not its text where it drops trailing spaces before a
    # line break (the range's end lands past them, by the block's offset), unescapes a table's pipe, or
    # turns an indent's tab into spaces: the reader must still give each piece its own text and place.
    cases = {
        "> Trailing spaces, such as  \n>   `code` and more.\n": ("blockquote", "Trailing spaces, such as\n\ufffc and more."),
        "- item “one”  \n  next line\n": ("list_item", "item “one”\nnext line"),
        "1. text before `code` ends in a space\n": ("list_item", "text before \ufffc ends in a space"),
        "| a \\| b | é |\n|---|---|\n| c | d |\n": ("table_cell", "a | b"),
        "- a\n\n\tindented  \n\tmore é\n": ("list_item", "indented\nmore é"),
        "- a\n\t b\n": ("list_item", "a\nb"),
        ">\ta b\n>\tc d\n": ("blockquote", "a b\nc d"),
        "Café \x00 nul *em* done\n": ("paragraph", "Café \x00 nul em done"),
    }
    for text, (kind, expected) in cases.items():
        segs = _mapped(text, "a.md", "markdown")
        assert (kind, expected) in [(k, t) for k, t, _, _ in segs], (text, segs)


def test_markdown_inline_html_after_a_link_in_a_crlf_file():
    text = "See [the docs][d]<!--\r\nignore --> now.\r\n\r\n[d]: /x\r\n"
    [(_, seg_text, offsets, opaque)] = _mapped(text, "a.md", "markdown")
    assert seg_text == "See the docs\ufffc now."
    assert opaque == ((12, 13),) and offsets[12] == text.index("<!--")
    assert offsets[seg_text.index("now")] == text.index("now")
    doc = parse(Source("a.md", text), "markdown")
    assert doc.protected == [(text.index("<!--"), text.index("-->") + 3)]


def test_rst_inline_markup_and_reference_names():
    text = ("A ``lit`` and *emph* and word_ and `text <http://x>`_ and \\* and snake_case here.\n\n"
            "  Indented **strong** with a_ref_ and :pep:`8` over\n  two lines.\n")
    segs = _mapped(text, "a.rst", "rst")
    assert [(k, t) for k, t, _, _ in segs] == [
        ("paragraph", "A \ufffc and emph and word and text and * and snake_case here."),
        ("blockquote", "Indented strong with a_ref and \ufffc over\ntwo lines."),
    ]
    first = segs[0]
    assert first[2][first[1].index("word")] == text.index("word_")
    assert first[2][first[1].index("snake_case")] == text.index("snake_case")
    second = segs[1]
    assert second[2][second[1].index("two")] == text.index("two lines")
    doc = parse(Source("a.rst", text), "rst")
    assert (text.index("``lit``"), text.index("``lit``") + 7) in doc.protected


RST_BLOCKS = (
    "Title\n=====\n\n"
    "- First item wraps\n  onto a second line\n- Second item\n  2012) is a wrapped line, not an item\n"
    "    - deeper item text\n- Third ``lit`` item\n.. a comment ends the list\n   and goes on\n\nBetween.\n\n"
    "\tTabbed quote with `a link <http://x.org>`_\n\tand more.\n\n"
    ".. note::\n   :class: x\n\n   Note body *here*.\n\n"
    ".. code-block:: python\n\n      x = 1,,\n\n   still code\n\nAfter the directive.\n\n"
    "Quoted literal follows::\n\n> not prose,,\n> either\n\n"
    "A paragraph ::\n\n    indented literal\n\n\f\n"
    ">>> 1 +  1\n2\n\nLast word_ here.\n"
)


def test_rst_blocks_read_the_same_in_lf_and_crlf_files():
    # LF files take the regex paths (paragraph ends, list items, indented blocks); CRLF files read line
    # by line: both give the same segments at the same lines and columns.
    lf = RST_BLOCKS
    crlf = lf.replace("\n", "\r\n")
    docs = [parse(Source("a.rst", t), "rst") for t in (lf, crlf)]
    assert [(s.kind, s.text) for s in docs[0].segments] == [(s.kind, s.text) for s in docs[1].segments]
    assert [(s.kind, s.text) for s in docs[0].segments] == [
        ("heading", "Title"),
        ("list_item", "First item wraps\nonto a second line"),
        ("list_item", "Second item\n2012) is a wrapped line, not an item\n- deeper item text"),
        ("list_item", "Third \ufffc item"),
        ("paragraph", "Between."),
        ("blockquote", "Tabbed quote with a link\nand more."),
        ("blockquote", "Note body here."),
        ("paragraph", "After the directive."),
        ("paragraph", "Quoted literal follows:"),
        ("paragraph", "A paragraph:"),
        ("paragraph", "Last word here."),
    ]
    for doc in docs:
        src = doc.source
        for seg in doc.segments:
            for i, ch in enumerate(seg.text):
                if not any(a <= i < b for a, b in seg.opaque):
                    assert src.text[seg.to_source(i)] == ch
    positions = [[(d.source.position(s.to_source(i)).line, d.source.position(s.to_source(i)).column)
                  for s in d.segments for i in range(len(s.text))] for d in docs]
    assert positions[0] == positions[1]
    spans = [[(d.source.position(a).line, d.source.position(a).column, d.source.position(b).line)
              for a, b in d.protected] for d in docs]
    assert spans[0] == spans[1]
    protected_text = "".join(lf[a:b] for a, b in docs[0].protected)
    for code in ("x = 1,,", "still code", "> not prose,,", "indented literal", ">>> 1 +  1", ":class: x",
                 ".. a comment ends the list\n   and goes on", "``lit``"):
        assert code in protected_text
    assert "After the directive" not in protected_text and "Note body" not in protected_text


def test_segment_builder_strips_masks_urls_and_drops_placeholder_only_text():
    from lint.formats.builder import PLACEHOLDER, SegmentBuilder

    b = SegmentBuilder("paragraph")
    b.add("  see ", 10)
    b.add_opaque(PLACEHOLDER, 16)
    b.add(" http://x.org now\n", 30)
    seg = b.build(3)
    assert seg is not None and seg.index == 3
    assert seg.text == "see " + PLACEHOLDER + " " + PLACEHOLDER * 12 + " now"
    assert [seg.to_source(i) for i in (0, 4, 5, 6, seg.text.index("now"))] == [12, 16, 30, 31, 44]
    assert seg.opaque == ((4, 5), (6, 18))
    empty = SegmentBuilder("paragraph")
    empty.add_opaque(PLACEHOLDER, 0)
    empty.add(" \n", 1)
    assert empty.build(0) is None
    kept = SegmentBuilder("target")
    kept.add(" a ", 5)
    built = kept.build(0, strip=False)
    assert built is not None and built.text == " a " and built.to_source(2) == 7


def test_rst_reference_names_are_found_where_the_whole_pattern_finds_them():
    """``_next_refname`` reads only the runs around a closing ``_`` (walking back through the reversed
    text): on random texts of name characters, marks and spaces it finds what ``_REFNAME.search`` finds."""
    import random

    from lint.formats import rst

    rng = random.Random(18)
    alphabet = "ab_._-_ é1 \n`x_y_ __ z_-"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))
        pos = rng.randrange(len(text))
        found, expected = rst._next_refname(text, pos), rst._REFNAME.search(text, pos)
        assert (found and found.span()) == (expected and expected.span()), (text, pos)


def test_urls_masked_keep_their_balanced_parentheses_and_leave_the_marks_after_them():
    from lint.formats.builder import mask_urls

    text = ("See https://en.wikipedia.org/wiki/Foo_(bar). Or (https://x.org/a_(b)_c/d), www.y.org/(p)(q)!, "
            "https://z.org/a(b, mail me@example.com.")
    masked, spans = mask_urls(text, [])
    assert [text[s:e] for s, e in spans] == ["https://en.wikipedia.org/wiki/Foo_(bar)", "https://x.org/a_(b)_c/d",
                                             "www.y.org/(p)(q)", "https://z.org/a", "me@example.com"]
    assert len(masked) == len(text)


def test_front_matter_with_no_opening_fence_is_metadata_not_prose():
    # javascript.info's tasks open with `importance: 5`, a blank line and `---` (its engine's front matter,
    # with no opening fence): L103 asked a no-break space of `importance: 5` in every French task, and
    # `libs:` atop an article was a paragraph.
    task = "importance: 5\n\n---\n\n# Afficher le signe\n\nÉcrivez le code qui affiche le signe du nombre saisi.\n"
    doc = parse(Source("task.md", task), "markdown")
    assert [seg.text for seg in doc.segments] == ["Afficher le signe", "Écrivez le code qui affiche le signe du nombre saisi."]
    assert doc.protected[0] == (0, len("importance: 5\n\n---\n"))
    assert not [f for f in lint.check_text(task, path="task.md") if f.start < 20]
    article = "libs:\n  - lodash\n\n---\n\n# Currying\n\nThe text.\n"
    assert [seg.text for seg in parse(Source("a.md", article), "markdown").segments] == ["Currying", "The text."]
    # Still prose: a Setext heading (no blank line before `---`), a capital, a letter past ASCII, no `---`.
    for text, first in (("todo: fix the the bug\n---\n\nText.\n", "todo: fix the the bug"),
                        ("Note: the the text.\n\n---\n\nText.\n", "Note: the the text."),
                        ("remarque: le le texte créé.\n\n---\n\nTexte.\n", "remarque: le le texte créé."),
                        ("note: the the text.\n\nText.\n", "note: the the text."),
                        # A sentence as the value, over a thematic break: prose (silenced before r208).
                        ("note: the the build is broken.\n\n---\n\nText.\n", "note: the the build is broken."),
                        ("todo:\n  fix the the bug\n\n---\n\nText.\n", "todo:\nfix the the bug")):
        assert parse(Source("a.md", text), "markdown").segments[0].text == first
        assert any(f.code == "T102" for f in lint.check_text(text, path="a.md"))

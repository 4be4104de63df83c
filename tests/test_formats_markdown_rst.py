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

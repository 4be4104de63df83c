"""The Markdown reader's walk of the parser's tree (lint.formats.markdown._Walk.children, its hot loop,
which reads text off the view and adds runs of it at once) against a plain walk kept here: each text
node's content from its ``meta``, each range through ``span``, each piece added through the builder's
own ``add``. Both must give the same segments (text, anchors, opaque ranges), protected ranges and code
blocks on generated documents and on every Markdown file of ../shared, so that a later change to the
fast walk cannot move a position unseen.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.formats import markdown as md
from lint.formats.builder import SegmentBuilder, merge_ranges
from lint.formats.templates import template_view
from lint.model import Source
from tests.documents import markdown_document


class _Plain:
    """The reference walk of inline nodes (mixed into _Walk or _FallbackWalk)."""

    def children(self, nodes: list[Any], builder: SegmentBuilder, images: list[SegmentBuilder]) -> None:
        walk: Any = self
        closing = None
        for node in nodes:
            name = node.name
            s, e = walk.span(node)
            if closing is not None:
                walk.protected.append((s, e))
                if name == "html_inline" and closing.match(walk.text, s):
                    closing = None
            elif name == "text":
                content = node.meta["content"]
                if walk.text.startswith(content, s):
                    builder.add(content, s)
                else:
                    md._align(builder, walk.text, content, s, e)
            elif name in ("code_inline", "html_inline"):
                closing = walk.placeholder(builder, name, s, e)
            else:
                walk.other(node, name, s, e, builder, images, iter(()))


class _PlainWalk(_Plain, md._Walk):
    pass


class _PlainFallbackWalk(_Plain, md._FallbackWalk):
    pass


def _walked(text: str, plain: bool, merged: bool = True, searched: bool = False) -> tuple[
        list[tuple[Any, ...]], list[tuple[int, int]], list[tuple[int, int]]]:
    """What a walk of ``text`` read: each segment's text, kind, anchors and opaque ranges, the protected
    ranges (merged, as the Document holds them) and the code blocks. ``plain``: the reference walk, over
    the tree with line break nodes; else the reader's own (``merged``: as ``parse`` reads, a tree whose
    text nodes run over lines where it can; else the walk over the tree with line break nodes; ``searched``:
    given no line starts, as ``document_from_view`` reads a text whose lines end in LF alone)."""
    source = Source("a.md", text)
    view = template_view(text).text
    if plain or not merged:
        tree, fallback = md.syntax_tree(view, source.line_starts())
        if plain:
            cls: type[md._Walk] = _PlainFallbackWalk if fallback else _PlainWalk
        else:
            cls = md._FallbackWalk if fallback else md._Walk
        walk = cls(text, source.line_starts(), [], view)
        walk.root(tree)
    else:
        walk = md._walked(text, None if searched else source.line_starts(), [], view, False)
    segments = [(s.text, s.kind, s.anchors, s.opaque, s.index) for s in walk.segments]
    return segments, merge_ranges(walk.protected), walk.code


def _same_walk(text: str) -> None:
    plain = _walked(text, plain=True)
    assert _walked(text, plain=False) == plain, repr(text)
    assert _walked(text, plain=False, merged=False) == plain, repr(text)
    if "\r" not in text:  # code blocks' lines found by search (_Walk.whole_lines), not from the line starts
        assert _walked(text, plain=False, searched=True) == plain, repr(text)


# Inline Markdown where the parser's ranges are not the text, or runs of text break: trailing spaces
# before a line break, two spaces, backslashes (escapes, hard breaks), entities, tabs, CR, NUL, characters
# outside ASCII (UTF-8 offsets), code spans, inline HTML (a code element), emphasis, links, images,
# templates, containers, admonitions, heading attributes (the view differs from the text).
_PIECES = ("word", "two words", " ", "  ", "   ", "\n", "\n  ", "\n> ", "\t", "\r\n", "\r", "\x00", "\\", "\\*",
           "\\\n", "&amp;", "&#233;", "é", "日本", "\U0001f600", "`code`", "``a ` b``", "*em*", "**strong**",
           "_u_", "~~s~~", "[link](/x)", "[ref][r]", "![alt *e*](i.png)", "<b>", "</b>", "<code>x</code>",
           "<kbd>a", "</kbd>", "<!-- c -->", "<https://x.org>", "https://x.org/a", "a@b.org", "{{ x }}",
           "|", "- ", "1. ", "> ", "# ", "    ", "\n\n", "\n---\n", "\n===\n", ".", "*", "_", "[", "]",
           "\n::: tip A title\n", "\n:::\n", '\n!!! note "A title"\n', "{#an-id}", "{: .cls}", "[[toc]]",
           '{{< ref "x.md" >}}', "{{% note %}}", "{{#include a.rs}}", "{% raw %}", "](", "(")
_INLINE = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join)
_TABLE = st.lists(_INLINE.map(lambda s: s.replace("\n", " ").replace("\r", " ")), min_size=2, max_size=4).map(
    lambda cells: "| " + " | ".join(cells) + " |\n|" + "---|" * len(cells) + "\n| " + " | ".join(cells) + " |\n")


@settings(max_examples=400, deadline=None)
@given(st.one_of(_INLINE, _TABLE, markdown_document()))
def test_walk_reads_what_the_plain_walk_reads(text: str) -> None:
    _same_walk(text)


def test_walk_cases() -> None:
    for text in [
        "a  \nb\n", "a \nb\n", "a\\\nb\n", "- a\n  b  \n  c\n", "> a \n> b\n", "a \\* b\n", "a\tb\nc\n",
        "é  \nb `c` d\n", "a \n", "a  ", "text before `code` ends in a space\n", "a *b* c\nd _e_\n",
        "Hello {{ name }} and\nmore  text.\n", "x <code>a\nb</code> y\n", "| a \\| b | é |\n|---|---|\n| c | d |\n",
        # A trailing space before a line break, and the character after a node's end: an off-by-one in
        # either slice passes the generated texts most runs (found by mutation in review).
        "\nx \ns", "> x  \n}",
        # Text over lines in the tree without line break nodes (_parser(merged=True)): a break after trailing
        # spaces, an indent or a quote's `>` before a line, a `>` the indent made text, a lazy line, a line
        # of spaces before inline code, a break inside emphasis, a link, an image, a code element, a setext
        # heading, a list item's continuation, a break at a text node's very start and end.
        "a  \nb\n", "a \nb \nc\n", "> a\n> b\n>  c\n", "- a\n  b\n   c\n", "a\n    > b\n", "> a\nb\n", "> a\n>b\n",
        "a \n`c`\n", "`c`  \nb\n", "a\n  `c` d\n", "*a  \nb*\n", "[a\n b](x) c\n", "![a\n  b](i.png)\n",
        "x <code>a\n  b</code> c\n  d\n", "a\n b\n===\n", "1. a\n   b  \n   c\n", "`c`\nd\n", "d\n`c`\n",
        "é\n  日本\n\U0001f600 x\n", "a\\\n  b\n", "> - a\n>   b\n> c\n", "{{ x }}\n  y\n",
        # Emphasis over lines in a block quote, whose range markdown-it-pyrs starts before its marker (here at
        # `led _pushing`; at the page's start, 2**64 - 2): a node's kind is its name, never guessed from the
        # character its range starts at (the Rust book, ch04-01 and title-page.md).
        "> Adding data is called _pushing\n> onto the stack_, and more.\n", "> **a b\n> c**: <https://x.org>\n",
        # Footnotes (references, notes over lines, pandoc's inline note, read in the text's order), a
        # definition list, an alert.
        "a[^1] b  \nc[^n].\n\n[^1]: note é\n    more  \n    lines\n\n[^n]: - item\n    - *two*\n\n    > q\n",
        "x^[inline *note*\nover lines] y.\n\n[^1]: é\n", "Term *t*\n: desc  \n  more\n\n    para `c`\n",
        "> [!NOTE]\n> text  \n> more\n", "é[^a]\r\n\r\n[^a]: b\tc\r\n",
    ]:
        _same_walk(text)


def test_merged_walk_cuts_lines_as_the_line_break_rule() -> None:
    """Cases the generated texts rarely reach (found by mutation in review): the rule drops ASCII spaces
    only, so other white space before or after a break stays text (no-break, em and ideographic spaces, a
    form feed); text the view rewrote (a template after a backslash) is placed by the tree with line breaks,
    whether or not its lines lose spaces; a run of text over lines, then a break, then more text."""
    for text in [
        "a\u00a0\nb\n", "a\u00a0 \nb\n", "a \n\u00a0b\n", "a\n \u3000b\n", "a\u2003  \n\u2003b\n", "a \n\x0cb\x0c \nc\n",
        "> a\u00a0\n> \u00a0b\n", "- a \n  \u3000b\n", "\\{% raw %}\nb\n", "\\{% raw %} \nb\n", "\\{{ x }}\n  b\n",
        "a\nb\\\nc\n", "a\nb\\qc\n", "a \nb\\qc\n", "a\nb  \nc\n", "*a\nb*\\\nc\n", "a\nb&amp;\nc\n",
    ]:
        _same_walk(text)


# Lines as the merged walk cuts them: a container's prefix or an indent before (quotes, nested and lazy, list
# items of every width, white space that is not an ASCII space), spaces, a backslash or other white space after.
_PREFIXES = ("", "", " ", "  ", "   ", "    ", "     ", "> ", ">", "> > ", ">> ", " > ", "   > ", "- ", "  - ", "* ", "1. ",
             "10. ", "> - ", ">   ", "- > ", "\u00a0", "\u3000", "\x0c")
_ENDS = ("", "", " ", "  ", "   ", "\\", " \\", "\u00a0", "\u2003", "\u3000", "\x0c", "\x0b", "  \u00a0", "\u00a0  ")
_WORDS = ("word", "é", "日本", "\U0001f600", "`c`", "`a", "b`", "*e", "f*", "[l", "](x)", "<b", ">", "&amp;", "===", "---", "|")
_LINE = st.tuples(st.sampled_from(_PREFIXES), st.lists(st.sampled_from(_WORDS), max_size=4).map(" ".join),
                  st.sampled_from(_ENDS)).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=10).map("\n".join), st.sampled_from(["", "\n", "\\", " "]))
def test_lines_over_containers_read_as_the_plain_walk_reads(text: str, end: str) -> None:
    _same_walk(text + end)


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_a_code_element_over_a_break_protects_itself_only(eol: str) -> None:
    """The text in `<kbd>`...`</kbd>` is protected as far as the closing tag: in the tree with line breaks (a page
    with CRs) the text node before `  \n` ends further on (found by review: the reader on 5c1fb97 protected the
    rest of this page, and hid a W105 finding after such an element)."""
    text = f"Intro paragraph here that is long enough.{eol}{eol}Press <kbd>Ctrl {eol}C</kbd> then more text follows here.{eol}"
    doc = md.parse(Source("a.md", text))
    assert [text[s:e] for s, e in doc.protected] == [f"<kbd>Ctrl {eol}C</kbd>"]


def test_mdx_is_read_from_its_own_tree() -> None:
    """MDX's Markdown has no indented code (see _parser): its page is never read from the merged tree, a
    CommonMark tree where an indented line is code."""
    text = "Intro words.\n\n    indented words\n    over lines\n"
    doc = md.document_from_view(Source("a.mdx", text), None, text, mdx=True)
    assert [seg.text for seg in doc.segments] == ["Intro words.", "indented words\nover lines"]


def test_merged_tree_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader parses a page without tabs, CRs or NULs once, into the tree whose text nodes run over
    lines (the speed of the reader), a page with a tab or a CR once, into the one with line break nodes,
    and a page with a NUL (found in the walk's UTF-8, not by a search of the view) into both."""
    asked: list[bool] = []
    syntax_tree = md.syntax_tree

    def recorded(text: str, starts: Any = None, mdx: bool = False, merged: bool = False) -> Any:
        asked.append(merged)
        return syntax_tree(text, starts, mdx, merged)

    monkeypatch.setattr(md, "syntax_tree", recorded)
    for text, merged in [("a\n  b\n> c\n> d\n", True), ("a\n\tb\n", False), ("a\r\nb\n", False), ("a\n\0b\n", None)]:
        asked.clear()
        source = Source("a.md", text)
        assert md._walked(text, source.line_starts(), [], text, False).merged is bool(merged), repr(text)
        assert asked == ([True, False] if merged is None else [merged]), repr(text)


def test_each_walk_is_made_after_its_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk encodes the view as UTF-8 (its byte offsets) after the parser has read it: CPython keeps the
    UTF-8 the parser asked for with the string, and the walk's encoding is then a copy, not a second pass."""
    events: list[str] = []
    syntax_tree, init = md.syntax_tree, md._Walk.__init__

    def tree(*args: Any, **kwargs: Any) -> Any:
        events.append("tree")
        return syntax_tree(*args, **kwargs)

    def walk(self: Any, *args: Any, **kwargs: Any) -> None:
        events.append("walk")
        init(self, *args, **kwargs)

    monkeypatch.setattr(md, "syntax_tree", tree)
    monkeypatch.setattr(md._Walk, "__init__", walk)
    for text, expected in [("a “b”\n", ["tree", "walk"]), ("a\n\tb\n", ["tree", "walk"])]:
        events.clear()
        md._walked(text, Source("a.md", text).line_starts(), [], text, False)
        assert events == expected, repr(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("a \t\r\n\0é“\u0109\u0d09\u2009\U0001f600\ud800\udc0d"), max_size=12))
def test_sliceable_asks_of_the_text_what_the_walk_asks_of_its_bytes(text: str) -> None:
    assert md.sliceable(text) == md._Walk(text, [0], view=text).sliced, repr(text)


def _walked_as_before(text: str, view: str) -> md._Walk:
    """``_walked`` as it chose its tree before the NUL was looked for in the walk's UTF-8: by ``sliceable``,
    a search of the view for a tab, a CR or a NUL (the oracle of the test below)."""
    starts = Source("a.md", text).line_starts()
    if md.sliceable(view):
        tree, fallback = md.syntax_tree(view, starts, merged=True)
        if not fallback:
            walk = md._Walk(text, starts, [], view)
            walk.merged = True
            try:
                walk.blocks(tree, None)
                return walk
            except md._Unmerged:
                pass
    tree, fallback = md.syntax_tree(view, starts)
    walk = (md._FallbackWalk if fallback else md._Walk)(text, starts, [], view)
    walk.blocks(tree, None)
    return walk


def _read(walk: md._Walk) -> tuple[Any, ...]:
    segments = [(s.text, s.kind, s.anchors, s.opaque, s.index) for s in walk.segments]
    return walk.merged, segments, merge_ranges(walk.protected), walk.code


@settings(max_examples=400, deadline=None)
@given(markdown_document(), st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from("\0\t\r")), max_size=2))
def test_a_nul_found_in_the_walk_s_utf8_chooses_the_tree_sliceable_chose(text: str, inserted: list[Any]) -> None:
    """The tree a page is read from, and all the walk reads from it, are what the search of the view
    for a NUL (with tabs and CRs) chose, on generated pages with a NUL, a tab or a CR put anywhere."""
    for at, ch in inserted:
        at %= len(text) + 1
        text = text[:at] + ch + text[at:]
    view = template_view(text).text
    source = Source("a.md", text)
    assert _read(md._walked(text, source.line_starts(), [], view, False)) == _read(_walked_as_before(text, view))


def _panics(merged: bool, text: str) -> bool:
    try:
        with md.quiet_stderr():
            md._parser(False, merged).tree(text)
    except BaseException:  # a Rust panic is a BaseException
        return True
    return False


_PANIC_PIECES = st.lists(st.sampled_from(("[", "]", "`", "``", "x", " ", "\n", "  \n", "\\", "*", "!", "(", ")", "<",
                                           "é", "- ", "> ")), min_size=1, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PANIC_PIECES)
def test_the_merged_tree_panics_where_the_tree_with_line_breaks_does(text: str) -> None:
    """markdown-it-pyrs panics on a few texts (an unclosed code span after `[`), which markdown_fallback then
    reads: the tree without the line break rule must panic on the same texts, or a page would be read from
    one tree where it was read from the other."""
    assert _panics(True, text) == _panics(False, text), repr(text)


def test_a_page_the_parser_panics_on_is_read_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """... by markdown_fallback, once (its tree of the page, slow, is not built for the merged tree too)."""
    from lint.formats import markdown_fallback

    built: list[str] = []
    fallback_tree = markdown_fallback.tree

    def counted(text: str, *args: Any) -> Any:
        built.append(text)
        return fallback_tree(text, *args)

    for text in ["[`x\n", "a [`x\ny\n  z\n", "- [`x\n  y\n", "> [`x  \n> b\n"]:
        assert _panics(True, text) and _panics(False, text)
        _same_walk(text)
        monkeypatch.setattr(markdown_fallback, "tree", counted)
        built.clear()
        md.parse(Source("a.md", text))
        assert built == [text]
        monkeypatch.undo()


def test_unplaced_lines_read_the_tree_with_line_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text node over lines that ``lines`` cannot place has the whole page read again from the tree with
    line break nodes (the walk the reference checks), not half of it from each."""
    def unplaced(*args: Any) -> None:
        raise md._Unmerged

    text = "# T\n\na\n  b `c`\n\n- d\n  e\n"
    expected = _walked(text, plain=True)
    monkeypatch.setattr(md._Walk, "lines", unplaced)
    source = Source("a.md", text)
    assert md._walked(text, source.line_starts(), [], text, False).merged is False
    assert _walked(text, plain=False) == expected


def _shared_markdown() -> list[Path]:
    shared = Path(os.environ.get("COPYLINT_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
    return sorted(p for d in ("corpus", "corpora", "seed") for p in (shared / d).rglob("*.md") if p.is_file())


def test_walk_on_shared_markdown() -> None:
    paths = _shared_markdown()
    if not paths:
        pytest.skip("no ../shared beside this checkout (COPYLINT_SHARED)")
    for path in paths:
        _same_walk(path.read_text(encoding="utf-8", errors="surrogateescape"))


def test_a_page_without_cr_or_switches_makes_no_line_starts() -> None:
    """The line starts (a string made per line) are made for a Markdown page only where a line may end in
    CR or a switch opens a region: nothing else of a check asks for them, and a page's code blocks are
    widened to whole lines by search. `equivalent` names Vale (`vale`) but opens no region. Made on
    84d2737 for every page."""
    text = "# T\n\n<!-- a note -->\n\nAn equivalent `x`.\n\n```\ncode\n```\n\n    indented\n\n- a\n\n  ```\n  b\n  ```\n"
    source = Source("a.md", text)
    doc = md.parse(source)
    assert source._line_starts is None
    assert [text[s:e] for s, e in doc.memo["code-blocks"]] == ["```\ncode\n```\n", "    indented\n", "  ```\n  b\n  ```\n"]
    for page, switched in [(text.replace("\n", "\r\n"), False), (text + "<!-- vale off -->\nx\n", True),
                           (text + "<!-- copylint-disable -->\n", True)]:
        source = Source("a.md", page)
        doc = md.parse(source)
        assert source._line_starts is not None, repr(page)
        assert bool(doc.suppressions) is switched, repr(page)


def _kept_non_ascii(text: str) -> str | None:
    from lint import scan

    return next((answer for kept, answer in scan._LAST_NON_ASCII if kept is text), None)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_INLINE, _TABLE, markdown_document()))
def test_the_characters_outside_ascii_handed_over_are_the_texts(text: str) -> None:
    """The reader keeps ``non_ascii`` of the text, read off its view's UTF-8 (templates, containers and
    admonitions rewritten): the oracle is the text's own round trip, whatever the view blanked."""
    from lint.scan import _ASCII_BYTES

    source = Source("a.md", text)
    md.parse(source)
    kept = _kept_non_ascii(source.text)
    fresh = source.text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    assert kept == fresh if not text.isascii() else kept is None


def test_the_characters_outside_ascii_of_real_pages_handed_over_are_the_texts() -> None:
    from lint.scan import _ASCII_BYTES

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "rust-book"
    pages = sorted(corpus.glob("**/*.md"))[:60] if corpus.is_dir() else []
    for page in pages:
        source = Source(str(page), page.read_text(encoding="utf-8"))
        md.parse(source)
        if not source.text.isascii():
            fresh = source.text.encode("utf-8").translate(None, _ASCII_BYTES).decode("utf-8")
            assert _kept_non_ascii(source.text) == fresh, page


def test_mdx_hands_over_no_characters_outside_ascii() -> None:
    """MDX's view blanks JSX whole, characters outside ASCII too: its UTF-8 is not the text's."""
    from lint.formats import mdx

    source = Source("a.mdx", "<Note title=\"Café\">\n\nUn “mot”.\n\n</Note>\n")
    mdx.parse(source)
    assert _kept_non_ascii(source.text) is None

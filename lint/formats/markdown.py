"""Markdown (CommonMark + GFM tables, strikethrough and footnotes, definition lists, YAML/TOML front
matter), parsed with markdown-it-pyrs (markdown-it in Rust: a CommonMark parser whose every node carries
its byte range) and its footnote and definition list plugins.

Prose: paragraphs, headings, list items, block quotes, table cells, link text, image alt text, a
footnote's text (GFM's and pandoc's `[^1]: The note's text`, its continuation lines indented; pandoc's
inline `^[The note's text]`), each of its paragraphs a segment in the note's place, a definition
list's terms (as headings) and descriptions (`Term` then `: Its description`, pandoc, PHP Markdown
Extra, kramdown, MkDocs' def_list, javascript.info).
Not prose (kept out of every segment, and listed in ``Document.protected``): fenced and indented
code, HTML blocks, front matter, and inline code, inline HTML, autolinks, link destinations and
titles, which stand in a segment as one placeholder character (U+FFFC) each, so that words on
either side do not run together and rules see where something was; a footnote's reference
(`text[^1]`, `^[` and `]` of an inline note), which stands for nothing: it is no word, bracket nor
punctuation of the sentence. A footnote's label (`[^1]:`) and a description's `:` are in no segment.

Every inline node's source range comes from the parser, so each piece of text is placed exactly;
characters written differently in the source (a backslash escape, an entity) are opaque: mapped to
their place but never fixed. markdown-it-py (pure Python) gave the same tree at about a tenth of the
speed, and no offsets inside a block.

Front matter is not prose, except the values of the keys named in the option `front-matter-keys`
(config `format-options: {markdown: {front-matter-keys: [title, description]}}`) in YAML front matter,
read as the i18n YAML catalogues are (every scalar style, each character in its place): `title`-like
keys as headings, the others as captions (no sentence punctuation asked of them).

Inline switches are HTML comments: ``<!-- copylint-disable CODES -->`` … ``<!-- copylint-enable -->``,
``<!-- copylint-disable-next-line CODES -->``, ``<!-- copylint-disable-file -->``; other prose linters'
blanket switches (``<!-- textlint-disable -->``, ``<!-- vale off -->``) too (option ``peer-switches``).
"""

from __future__ import annotations

import bisect
import heapq
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from itertools import accumulate
from operator import add, methodcaller, sub
from typing import Any

from lint.formats import Format, FormatExample, options_table
from lint.formats.builder import (
    PEER_SWITCH_TOOLS,
    PLACEHOLDER,
    SWITCH_KIND,
    SegmentBuilder,
    Switch,
    comment_switches,
    merge_ranges,
    peer_suppressions,
    suppressions_from,
)
from lint.formats.templates import template_view
from lint.model import Document, Segment, Source
from lint.patterns import compiled_on_use
from lint.scan import remember_non_ascii

# MDX has no HTML comments: a switch is written as a JavaScript comment in an expression, closed as it
# opened (`{/* copylint-disable T101 */}`). Its codes are the comment's text up to the first `*/`, line
# break or `>`, less the blanks before it: read as runs of blanks (no newline) each ended by another
# character, so that where the codes end and the blanks begin is never in doubt (a lazy `[^>\n]*?` then
# `\s*` tried each split of a run of blanks: quadratic, issue 18).
_MDX_OPENING = compiled_on_use(r"\{/\*\s*" + SWITCH_KIND)
_MDX_CODES = compiled_on_use(r"(?:[^\S\n]*+(?!\*/)[^\s>])*+")
_MDX_CLOSE = compiled_on_use(r"\s*+\*/\s*+\}")
_ESCAPE_OR_ENTITY = compiled_on_use(r"\\.|&#?\w+;")
# HTML elements whose content is code, not prose, written inline (`<code>f(a: b)</code>`, `<kbd>Ctrl</kbd>`):
# the whole element is one placeholder, as a code span is.
_CODE_ELEMENT = compiled_on_use(r"<(code|kbd|samp|var|tt)(?=[\s>])[^>]*(?<!/)>", re.I)


@cache
def _closing_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}\s*>", re.I)


# Blocks that are not prose: their lines are protected.
_CODE_BLOCKS = frozenset({"fence", "code_block", "html_block", "front_matter", "math_block"})
# Blocks whose children are read with the kind of the block around them.
_TRANSPARENT = frozenset({"bullet_list", "ordered_list", "table", "thead", "tbody", "trow", "definition_list",
                          "definition_description"})
_BLOCKS = _CODE_BLOCKS | _TRANSPARENT | {
    "paragraph", "heading", "lheading", "tcell", "blockquote", "list_item", "hr", "definition", "root",
    "footnote_def", "footnote_ref_anchor", "definition_term"}


@lru_cache(maxsize=3)
def _parser(mdx: bool = False, merged: bool = False):  # type: ignore[no-untyped-def]
    """``merged``: without the line break rule, so that a run of text over lines is one text node, not a
    text node per line and a break node between (a third of a page's nodes, each built and read through
    the extension); ``_Walk.lines`` cuts it where the rule would have."""
    from markdown_it_pyrs import MarkdownIt

    if merged:  # CommonMark's rules in the order its preset adds them, less "newline"
        return MarkdownIt("zero").enable_many([
            "escape", "backticks", "emphasis", "link", "image", "autolink", "entity", "code", "fence", "blockquote",
            "hr", "list", "reference", "heading", "lheading", "paragraph", "html_inline", "html_block", "table",
            "strikethrough", "front_matter", "footnote", "deflist"])
    if mdx:
        # MDX's Markdown (mdxjs.com): CommonMark without indented code (indentation means nothing there,
        # JSX children are indented), HTML blocks (a tag is JSX: lint.formats.mdx reads it) or autolinks.
        return MarkdownIt("zero").enable_many([
            "blockquote", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference", "backticks",
            "emphasis", "entity", "escape", "image", "link", "newline", "html_inline", "table", "strikethrough",
            "front_matter", "footnote", "deflist"])
    return MarkdownIt("commonmark").enable_many(["table", "strikethrough", "front_matter", "footnote", "deflist"])


# Options a config may set under `format-options: {markdown: {...}}`, with their defaults.
OPTIONS: dict[str, Any] = {"front-matter-keys": [], "peer-switches": list(PEER_SWITCH_TOOLS)}
PEER_HELP = ("other prose linters whose blanket switches copylint honours: no rule reports inside `<!-- textlint-disable "
              "-->` … `<!-- textlint-enable -->` or `<!-- vale off -->` … `<!-- vale on -->` ([] for none)")
_TITLE_KEYS = frozenset({"title", "subtitle", "heading", "name", "linkTitle", "nav_title", "short_title"})
_YAML_FENCE = compiled_on_use(r"---[ \t]*\r?\n")


# Each UTF-8 byte as a letter for what it is: ASCII (a), continuation (c), the lead of a sequence (L).
_BYTE_KINDS = bytes(b"a"[0] if b < 0x80 else b"c"[0] if b < 0xC0 else b"L"[0] for b in range(256))


def utf8_offsets(encoded: bytes) -> tuple[list[int], list[int]]:
    """For each character outside ASCII of a text ``encoded`` in UTF-8, the byte offset right after it,
    and the bytes beyond one per character up to there (what turns a byte offset into a code point).

    Read off the bytes in C (a scan of the text by a pattern for such characters stops at each
    character, some 60 instructions a character): split at each lead byte, a piece holds the lead's
    continuation bytes, then the ASCII up to the next lead."""
    pieces = encoded.translate(_BYTE_KINDS).split(b"L")
    sizes = list(map(len, pieces))
    continuations = list(map(sub, sizes[1:], map(len, map(methodcaller("lstrip", b"c"), pieces[1:]))))
    # The k-th lead (from 1) sits at the sizes of the pieces before it plus the k - 1 leads between them.
    ends = list(map(add, map(add, accumulate(sizes[:-1]), range(1, len(sizes))), continuations))
    return ends, list(accumulate(continuations))


class _Nodes:
    """Blocks read as the children of one node (``_Walk.root``, ``_Walk.footnote``)."""

    __slots__ = ("children",)

    def __init__(self, children: list[Any]) -> None:
        self.children = children


def _source_start(node: Any) -> int:
    """Where a block starts in the parser's offsets: a pandoc inline note, which has no range of its own,
    where its first text does (inside the paragraph that holds it, so it is read after that paragraph)."""
    while node.srcmap is None:
        if not node.children:
            return sys.maxsize
        node = node.children[0]
    return int(node.srcmap[0])


class _Unmerged(Exception):
    """A text node over lines whose lines ``_Walk.lines`` cannot place: the document is read again from the
    tree with line breaks (``_parser(merged=False)``)."""


def sliceable(view: str) -> bool:
    """``_Walk.sliced`` of ``view``, asked of the text before the walk has its UTF-8 bytes: no character
    outside ASCII has a tab, CR or NUL byte in UTF-8 (surrogates, written with surrogatepass, neither)."""
    return not ("\t" in view or "\r" in view or "\0" in view)


class _Walk:
    # Whether text nodes may run over lines (the tree of ``_parser(merged=True)``; see ``lines``).
    merged = False

    def __init__(self, text: str, starts: Sequence[int] | None, front_matter_keys: list[str] | None = None,
                 view: str | None = None) -> None:
        self.text = text
        # What the parser read (markdown_view's rewrite of templates: same length and line starts).
        self.view = text if view is None else view
        # Whether a text node's content may be read off the view (see children): markdown-it-pyrs's tree
        # of a document without tabs (a tab in an indent becomes spaces), CRs or NULs.
        # The view's characters outside ASCII are the text's (it rewrites ASCII markup only).
        self.encoded = encoded = self.view.encode("utf-8", "surrogatepass")
        self.sliced = not (b"\t" in encoded or b"\r" in encoded or b"\0" in encoded)
        self.front_matter_kinds = {k: "heading" if k in _TITLE_KEYS else "caption" for k in front_matter_keys or ()}
        # The text's line starts; None for a text whose lines end in LF alone (see whole_lines).
        self.starts = starts
        self.segments: list[Segment] = []
        self.protected: list[tuple[int, int]] = []
        self.code: list[tuple[int, int]] = []  # code blocks: a switch written there is an example, not a switch
        # The parser's offsets are UTF-8 bytes: for each non-ASCII character, the byte offset right
        # after it and the bytes beyond one per character up to there, to turn them into code points.
        self.ends, self.extra = ([], []) if len(encoded) == len(text) else utf8_offsets(encoded)
        self.gap = (0, self.ends[0] if self.ends else sys.maxsize, 0)  # see children

    def span(self, node: Any) -> tuple[int, int]:
        s, e = node.srcmap
        ends = self.ends
        if ends and e >= ends[0]:
            k = bisect.bisect_right(ends, s)
            if k:
                s -= self.extra[k - 1]
            k = bisect.bisect_right(ends, e, k)
            if k:
                e -= self.extra[k - 1]
        return s, e

    def blocks(self, node: Any, container: str | None) -> None:
        loose: list[Any] = []  # a tight list item's text: inline nodes right in the item
        for child in node.children:
            name = child.name
            if name not in _BLOCKS:
                loose.append(child)
                continue
            if loose:
                self.inline(loose, container or "paragraph")
                loose = []
            if name == "paragraph":
                self.inline(child.children, container or "paragraph")
            elif name in ("heading", "lheading", "definition_term"):  # (a term: the heading of its definitions)
                self.inline(child.children, "heading")
            elif name == "tcell":
                self.inline(child.children, "table_cell")
            elif name in _TRANSPARENT:
                self.blocks(child, container)
            elif name == "blockquote" or name == "list_item":
                self.blocks(child, name)
            elif name in _CODE_BLOCKS:
                # Whole lines, as the block's container markers and indentation are not prose either.
                start, end = self.whole_lines(*self.span(child))
                if name == "front_matter" and self.front_matter_kinds:
                    self.front_matter(start, end)
                else:
                    self.protected.append((start, end))
                    if name in ("fence", "code_block"):
                        self.code.append((start, end))
            elif name == "footnote_def":
                self.footnote(child)
        if loose:
            self.inline(loose, container or "paragraph")

    def root(self, tree: Any) -> None:
        """The document's blocks, each footnote's in its place: the parser lists them after the document's
        last block (GFM's `[^1]: The note's text`, and pandoc's inline `^[The note's text]` inside its
        paragraph), and rules read the segments in the text's order."""
        children = tree.children
        if children and children[-1].name == "footnote_container":
            notes = children[-1].children
            tree = _Nodes(sorted(children[:-1] + notes, key=_source_start))
        self.blocks(tree, None)

    def footnote(self, note: Any) -> None:
        """A footnote's text: prose, its paragraphs read as the document's (its label, `[^1]:`, is markup and
        in no node). The parser appends a back link (``footnote_ref_anchor``, no range of its own) to its
        last paragraph, or after its last block."""
        children = note.children
        last = children[-1] if children else None
        if last is not None and last.name == "paragraph" and last.children \
                and last.children[-1].name == "footnote_ref_anchor":
            self.blocks(_Nodes(children[:-1]), None)
            self.inline(last.children[:-1], "paragraph")
        else:
            self.blocks(note, None)

    def whole_lines(self, s: int, e: int) -> tuple[int, int]:
        """[s, e) widened to whole lines: from the start of the line that holds ``s`` to the start of the line
        after the one that holds its last character (the text's end after the last line)."""
        starts = self.starts
        if starts is None:
            # Lines that end in LF alone: the line breaks around the block, found by two searches, where
            # the line starts of the whole text (a string made per line, some 40M instructions for the
            # Rust book, which only this asked for) would be bisected.
            # A block's range runs from its line's start to its last line's end, before the line break, but
            # inside a container (`> `, a list item's indent): read where it is, searched where it is not
            # (a str method that takes a start parses its arguments the slow way, see ``children``).
            text = self.text
            last = e - 1 if e > s else s
            if text[last : last + 1] == "\n":
                end = last + 1
            elif text[last + 1 : last + 2] == "\n":
                end = last + 2
            else:
                k = text.find("\n", last)
                end = k + 1 if k >= 0 else len(text)
            return s if s == 0 or text[s - 1] == "\n" else text.rfind("\n", 0, s) + 1, end
        last = bisect.bisect_right(starts, max(e - 1, s))
        return starts[bisect.bisect_right(starts, s) - 1], starts[last] if last < len(starts) else len(self.text)

    def front_matter(self, start: int, end: int) -> None:
        """The named keys' values of YAML front matter are prose; the rest of it stays protected."""
        from lint.formats.i18n_yaml import mapping_segments

        opening = _YAML_FENCE.match(self.text, start)
        closing = self.text.rfind("---", start, end)
        segments = []
        if opening is not None and closing > opening.end():
            segments = mapping_segments(self.text, opening.end(), closing, self.front_matter_kinds, len(self.segments))
        pos = start
        for seg in segments:
            self.segments.append(seg)
            seg_start, seg_end = seg.to_source(0), seg.to_source_end(len(seg.text))
            self.protected.append((pos, seg_start))
            pos = seg_end
        self.protected.append((pos, end))

    def inline(self, nodes: list[Any], kind: str) -> None:
        builder = SegmentBuilder(kind)
        images: list[SegmentBuilder] = []
        self.children(nodes, builder, images)
        seg = builder.build(len(self.segments))
        if seg is not None:
            self.segments.append(seg)
        for alt in images:
            seg = alt.build(len(self.segments))
            if seg is not None:
                self.segments.append(seg)

        # The hot loop of the reader (a node or two per word of prose): each attribute of a node is a
        # call into the parser's extension (about 0.2 us, 0.5 us for ``meta``), so each is read once,
        # the UTF-8 offsets are turned into code points here rather than through ``span``, and the
        # builder's common steps (verbatim text, a line break, a placeholder) are done on its fields.
        # No str method that takes a start or an end is called per node (startswith, endswith, find):
        # up to Python 3.12 they parse their arguments the slow way (METH_VARARGS), some 1,500 instructions
        # a call, more than the test itself; a slice and a comparison do the same.
    def children(self, nodes: list[Any], builder: SegmentBuilder, images: list[SegmentBuilder]) -> None:
        text, view = self.text, self.view
        same = view is text
        sliced = self.sliced
        # The UTF-8 offsets between two characters outside ASCII are their code points less the same
        # count: kept for the gap the last node ended in (the next starts there, unless a character
        # outside ASCII comes between), from one call to the next (the nodes come in the text's order).
        gap_start, gap_end, gap_extra = self.gap
        parts, anchors = builder.parts, builder.anchors
        rest = iter(nodes)
        for child in rest:
            name = child.name
            s, e = child.srcmap
            if gap_start <= s and e < gap_end:
                s -= gap_extra
                e -= gap_extra
            else:
                s, e, (gap_start, gap_end, gap_extra) = self.code_points(s, e, (gap_start, gap_end, gap_extra))
            if name == "text":
                # The node's content, read off the view where it can be (see text_content).
                content = view[s:e] if sliced else "\n"
                if "\n" in content or "\\" in content or (content[-1:] == " " and view[e : e + 1] in " \n"):
                    if self.merged and "\n" in content:
                        if " \n" in content or "\n " in content or "\n>" in content or not (
                                same or text[s:e] == content):
                            self.lines(child, content, s, e, builder)
                            continue
                        # ``lines``' common case, its steps without the two calls (a text node over lines
                        # with nothing to drop at its breaks, as the file has it): added as it is.
                        verbatim = True
                    else:
                        content, verbatim = self.text_content(child, s)
                else:
                    verbatim = same or text[s:e] == content
                if not verbatim:
                    _align(builder, text, content, s, e)
                elif content:
                    if builder.next_src != s:
                        anchors.append((builder.length, s))
                    parts.append(content)
                    builder.length += len(content)
                    builder.next_src = s + len(content)
            elif name == "softbreak" and (k := s if e == s + 1 and text[s] == "\n" else text.find("\n", s, e)) >= 0:
                if builder.next_src != k:
                    anchors.append((builder.length, k))
                parts.append("\n")
                builder.length += 1
                builder.next_src = k + 1
            elif name == "code_inline":  # one node in five: ``placeholder``'s steps, without the call
                length = builder.length
                anchors.append((length, s))
                builder.opaque.append((length, length + 1))
                parts.append(PLACEHOLDER)
                builder.length = length + 1
                builder.next_src = None
                self.protected.append((s, e))
            else:
                self.other(child, name, s, e, builder, images, rest)
        self.gap = (gap_start, gap_end, gap_extra)

    def lines(self, node: Any, written_text: str, s: int, e: int, builder: SegmentBuilder) -> None:
        """A text node over lines at [s, e) (``merged``), the view's ``written_text`` there, added as the line
        break rule cuts it: each line but the last less its trailing spaces, each but the first less its
        leading spaces and tabs, a line break at each (the view's: a view keeps each line break where the
        file has it)."""
        text = self.text
        if not (" \n" in written_text or "\n " in written_text or "\n>" in written_text):
            # Nothing to drop (no line's break after a space, no prefix or indent): the lines as written.
            if text[s:e] != written_text:
                raise _Unmerged
            builder.add(written_text, s)
            return
        written = written_text.split("\n")
        last = len(written) - 1
        # Where a line's text starts: after what the container writes before it (a list item's indent, which
        # is spaces, or `>`) and the line's own leading spaces, which the rule drops.
        starts = [line.lstrip(" \t") for line in written]
        if any(line[:1] == ">" for line in starts[1:]):
            starts = self.line_contents(node, written)
        pos = s
        for i, line in enumerate(written):
            line_end = pos + len(line)
            piece = starts[i] if i else line
            start = line_end - len(piece)
            if i < last:
                piece = piece.rstrip(" ")
            if text[start : start + len(piece)] != piece:
                raise _Unmerged
            builder.add(piece, start)
            if i < last:
                builder.add("\n", line_end)
            pos = line_end + 1

    @staticmethod
    def line_contents(node: Any, written: list[str]) -> list[str]:
        """Each line of a text node over lines (``written``: the view's lines under its range) from the
        second on less its leading spaces and tabs, read off its content, which leaves out a block quote's
        `>` (a line's own `>` stays: one the indent made text); raises _Unmerged where a line is not the
        end of the view's."""
        lines = node.meta["content"].split("\n")
        if len(lines) != len(written) or lines[0] != written[0]:
            raise _Unmerged
        for line, view_line in zip(lines, written, strict=True):
            if not view_line.endswith(line):
                raise _Unmerged
        return [line.lstrip(" \t") for line in lines]

    def placeholder(self, builder: SegmentBuilder, name: str, s: int, e: int) -> re.Pattern[str] | None:
        """Inline code or HTML at [s, e) as one placeholder; for the opening tag of an element that holds
        code (`<code>`), the pattern of the tag that closes it."""
        length = builder.length
        builder.anchors.append((length, s))
        builder.length = length + 1
        builder.opaque.append((length, length + 1))
        builder.parts.append(PLACEHOLDER)
        builder.next_src = None
        self.protected.append((s, e))  # layout rules must not touch inline code either
        if name == "html_inline" and self.text.startswith("<", s) and (m := _CODE_ELEMENT.match(self.text, s)):
            return _closing_tag(m.group(1).lower())
        return None

    def code_points(self, s: int, e: int, gap: tuple[int, int, int]) -> tuple[int, int, tuple[int, int, int]]:
        """UTF-8 offsets [s, e) as code points (``s`` through ``gap`` where it falls there), and the gap
        between characters outside ASCII that ``e`` falls in: its first and past-the-end UTF-8 offsets,
        and the bytes beyond one per character before it. That of ``e``, not ``s``: a node that holds
        such a character would leave its successor outside the gap of its start, and ask again."""
        ends = self.ends
        extra = self.extra
        if gap[0] <= s < gap[1]:
            s -= gap[2]
        else:
            k = bisect.bisect_right(ends, s)
            if k:
                s -= extra[k - 1]
        k = bisect.bisect_right(ends, e)
        gap = (ends[k - 1] if k else 0, ends[k] if k < len(ends) else sys.maxsize, extra[k - 1] if k else 0)
        return s, e - gap[2], gap

    def text_content(self, node: Any, s: int) -> tuple[str, bool]:
        """A text node's content, and whether the text holds it verbatim at ``s``.

        The content is the view's characters under the node's range, except where the parser rewrote
        them (a line's prefix or a tab's columns, an escaped table pipe, NUL) or misplaced the range's
        end (trailing spaces dropped before a line break: the end is then further on, in those spaces
        or past the line break, never before the content's end). So the range is read where it holds
        no line break and no backslash, and ends with a space only before a character that is neither
        a space nor a line break (text before inline code), in a document without tabs, CRs or NULs
        (``sliced``): ``children`` does that, and asks this for the others, which read the node's ``meta``
        (a dict built per read)."""
        content = node.meta["content"]
        return content, self.text.startswith(content, s)

    def element_inside(self, closing: re.Pattern[str], rest: Iterator[Any]) -> list[tuple[int, int]]:
        """The ranges of the nodes in ``rest`` up to and with the one that ``closing`` (an element's closing
        tag) matches, taken off ``rest``; each ends where the closing tag starts. (The tree with line breaks
        ends a text node whose trailing spaces it took off, `<kbd>a \nb</kbd>`, past its text, at times past
        the page's end.)"""
        inside: list[tuple[int, int]] = []
        for inner in rest:
            s, e = self.span(inner)
            if inner.name == "html_inline" and closing.match(self.text, s):
                return [(a, min(b, s)) for a, b in inside] + [(s, e)]
            inside.append((s, e))
        return inside

    def other(self, node: Any, name: str, s: int, e: int, builder: SegmentBuilder,
              images: list[SegmentBuilder], rest: Iterator[Any]) -> None:
        """The rarer inline nodes, [s, e) their range in code points; ``rest``: the nodes after this one."""
        text = self.text
        if name == "html_inline":
            closing = self.placeholder(builder, name, s, e)
            # An element that holds code (`<code>`): its content and its closing tag are code, under the
            # opening tag's placeholder (taken off the nodes that ``children`` has still to read).
            if closing is not None:
                self.protected.extend(self.element_inside(closing, rest))
        elif name == "softbreak" or name == "hardbreak":
            k = text.find("\n", s, e)
            if k < 0:
                k = text.find("\r", s, e)
            if k >= 0:
                builder.add("\n", k)
            else:
                builder.add_opaque("\n", s)
        elif name == "text_special":  # an escape or an entity: stands for other bytes
            content = node.meta["content"]
            if e - s == len(content) and text.startswith(content, s):
                builder.add(content, s)
            else:
                builder.add_opaque(content, s)
        elif name == "autolink":
            builder.add_opaque(PLACEHOLDER, s)
        elif name == "image":
            alt = SegmentBuilder("caption")
            self.children(node.children, alt, images)
            images.append(alt)
            builder.add_opaque(PLACEHOLDER, e - 1)
        elif name == "footnote_ref":
            # `text[^1]`: a link to a note, shown as a superscript number: markup, neither a word nor a
            # bracket nor punctuation of the sentence, so it stands for nothing in the segment.
            self.protected.append((s, e))
        elif name == "footnote_inline":
            # `text^[The note's text]` (pandoc): the note is its own segment (``root``); its `^[` and `]` are
            # markup.
            self.protected += [(s, s + 2), (e - 1, e)]
        else:  # emphasis, strong, strikethrough, link: their text is prose, their markers are not
            self.children(node.children, builder, images)


def syntax_tree(text: str, starts: Sequence[int] | None = None, mdx: bool = False,
                merged: bool = False) -> tuple[Any, bool]:
    """markdown-it-pyrs's tree of ``text`` (srcmaps in UTF-8 bytes), or, for a text it panics on,
    markdown_fallback's (srcmaps in code points) and True. ``mdx``: MDX's Markdown, ``merged``: text
    nodes over lines (see _parser), and for a text it panics on, None and True."""
    try:
        with quiet_stderr():
            return _parser(mdx, merged).tree(text), False
    except BaseException as exc:
        from lint.guard import is_panic

        if not is_panic(exc):
            raise
    if merged:  # read again without it (a tree of markdown-it-pyrs where that does not panic)
        return None, True
    # markdown-it-pyrs panics on a few inputs (an unclosed code span after `[`): markdown-it-py reads
    # the same CommonMark, slower and without inline offsets, which markdown_fallback finds.
    from lint.formats.markdown_fallback import tree as fallback_tree

    if starts is None:
        starts = Source("", text).line_starts()
    return fallback_tree(text, starts, mdx), True


class _FallbackWalk(_Walk):
    """The walk over markdown-it-py's tree (``markdown_fallback``), whose offsets are code points."""

    def __init__(self, text: str, starts: Sequence[int] | None, front_matter_keys: list[str] | None = None,
                 view: str | None = None) -> None:
        super().__init__(text, starts, front_matter_keys, view)
        self.ends = []
        self.extra = []
        self.sliced = False
        self.gap = (0, sys.maxsize, 0)

    def span(self, node: Any) -> tuple[int, int]:
        s, e = node.srcmap
        return s, e


def parse(source: Source, options: Mapping[str, Any] | None = None) -> Document:
    # Templates and doc-site containers are parsed as the markup they are (see lint.formats.templates):
    # the view has the text's length and line starts, so the tree's offsets are the file's.
    view = template_view(source.text, jsx_literals=True)
    return document_from_view(source, options, view.text, markup=view.markup)


def _walked(text: str, starts: Sequence[int] | None, keys: list[str], view: str, mdx: bool) -> _Walk:
    """The walk of ``view``'s tree: a tree whose text nodes run over lines (``merged``) where every text
    node's content is the view's, less a line's prefix (``sliced``: no tab, CR or NUL), but for MDX."""
    # Each walk is made after its tree: the parser reads the view as UTF-8, which CPython keeps with the
    # string, and the walk's own UTF-8 of it (for the byte offsets) is then a copy of that, not a second
    # pass of the codec over the page.
    # A NUL is looked for in the walk's UTF-8 (``sliced``), not in the view as ``sliceable`` does: in a
    # string of two bytes a character, `"\0" in view` stops at each ASCII character's zero high byte
    # (some 6M instructions on the Rust book), in bytes it is one memchr. A page that holds one (past
    # its first 8 KiB, or it is read as binary) is then parsed twice: as rare as it is slow.
    if not mdx and "\t" not in view and "\r" not in view:
        tree, fallback = syntax_tree(view, starts, mdx, merged=True)
        walk = None if fallback else _Walk(text, starts, keys, view)
        if walk is not None and walk.sliced:
            walk.merged = True
            try:
                walk.root(tree)
                return walk
            except _Unmerged:
                tree = None  # (not held while the second tree is built: 111 -> 90 MB on a 1.2 MB page)
    tree, fallback = syntax_tree(view, starts, mdx)
    walk = (_FallbackWalk if fallback else _Walk)(text, starts, keys, view)
    walk.root(tree)
    return walk


def _mdx_switches(text: str) -> Iterator[Switch]:
    """The switches of an MDX page, in order: in HTML comments (``comment_switches``) and in JavaScript
    comments in an expression, each as the old pattern of the two alternatives matched at its opening."""
    return heapq.merge(comment_switches(text), _expression_switches(text))


def _expression_switches(text: str) -> Iterator[Switch]:
    """Each `{/* copylint-… */}` switch, those that overlap one before them included (``comment_switches``).
    The openings whose codes end at the same place (the first `*/`, line break or `>` after them) share
    those codes' end and what follows them, read once: read from each opening, a line of 8,000 openings
    was read 8,000 times (issue 18)."""
    codes_end, close = -1, None
    for m in _MDX_OPENING.finditer(text):
        at = m.end()
        if at > codes_end:  # (an opening at or before the last codes' end is one of them: they end there too)
            codes = _MDX_CODES.match(text, at)
            codes_end = codes.end() if codes is not None else at
            close = _MDX_CLOSE.match(text, codes_end)
        if close is not None:
            yield m.start(), close.end(), m.group(1), at, codes_end


def document_from_view(source: Source, options: Mapping[str, Any] | None, view: str, mdx: bool = False,
                       markup: list[tuple[int, int]] | None = None,
                       code: list[tuple[int, int]] | None = None) -> Document:
    """The Document of ``source`` parsed from ``view`` (its text with markup rewritten: the same length
    and line starts). ``markup`` and ``code``: ranges the view blanked, which the tree cannot show
    (MDX's JSX and ESM; its code blocks the parser cannot see), protected as the tree's are."""
    text = source.text
    header = _FENCELESS_HEADER.match(view) if view[:1].islower() else None
    if header is not None:
        # Blanked for the parser (same length and line starts), protected as front matter is.
        view = _NOT_LINE_BREAK.sub(" ", view[:header.end()]) + view[header.end():]
        markup = [(0, header.end()), *(markup or ())]
    # The line starts only where a line may end in CR (``_Walk.whole_lines``) or a switch is found: a
    # string made per line, which nothing else asks of a Markdown page (positions are counted on demand).
    starts = source.line_starts() if "\r" in text else None
    keys = list((options or {}).get("front-matter-keys") or ())
    walk = _walked(text, starts, keys, view, mdx)
    if not mdx and len(walk.encoded) != len(text):
        # The view's characters outside ASCII are the text's (templates rewrite ASCII markup alone; MDX's
        # view blanks JSX whole, and is left out): the rules' first ask of them costs no encoding pass.
        remember_non_ascii(text, walk.encoded)
    walk.protected += markup or ()
    walk.code += code or ()
    doc = Document(source, "markdown", walk.segments, protected=merge_ranges(walk.protected))
    doc.memo["verbatim"] = doc.protected  # code, HTML, front matter: the author's bytes (W106 keeps them)
    doc.memo["code-blocks"] = walk.code  # where a switch is an example shown (lint.language.resolve)
    # Whether the text holds a switch's prefix at all, kept: language.resolve's search for an inline
    # `copylint-language:` (a second pass over the page) is then asked only where it may find one.
    doc.memo["copylint-"] = holds_switch = "copylint-" in text
    if holds_switch:
        doc.suppressions = suppressions_from(text, source.line_starts(), _mdx_switches if mdx else comment_switches,
                                             walk.code)
    if "<!--" in text or (mdx and "{/*" in text):
        peers = (options or {}).get("peer-switches", OPTIONS["peer-switches"])
        doc.suppressions += peer_suppressions(text, source.line_starts, peers, walk.code, mdx)
    return doc


@contextmanager
def quiet_stderr() -> Iterator[None]:
    """File descriptor 2 pointed at the null device: a Rust panic prints its message (and, with
    RUST_BACKTRACE, a backtrace) there before pyo3 turns it into an exception, which the engine reports
    in one line (with the Python traceback under --verbose)."""
    global _NULL_FD
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        if _NULL_FD is None:
            _NULL_FD = os.open(os.devnull, os.O_WRONLY)
        os.dup2(_NULL_FD, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


_NULL_FD: int | None = None


def _align(builder: SegmentBuilder, text: str, content: str, pos: int, end: int) -> None:
    """Text written differently in the source (escapes, entities): place it character by character."""
    import html  # (rare: its entity table is not built for a page without such text)

    for ch in content:
        j = text.find(ch, pos, end)
        if j == pos or (j > pos and _only_markup(text[pos:j])):
            builder.add(ch, j)
            pos = j + 1
            continue
        m = _ESCAPE_OR_ENTITY.match(text, pos)
        if m and (m.group()[1:] == ch or html.unescape(m.group()) == ch):
            builder.add_opaque(ch, pos)
            pos = m.end()
        elif j >= 0:
            builder.add_opaque(ch, j)
            pos = j + 1
        else:
            builder.add_opaque(ch, pos)


def _only_markup(s: str) -> bool:
    return all(c in "*_~>` \t\r\n" for c in s)


# Front matter with no opening fence, as javascript.info's tasks open (`importance: 5`, a blank line, then
# `---`): at the file's very start, lines of a lower-case key, a colon and ASCII (or an indented ASCII
# line under a key: `libs:` then `  - lodash`), a blank line or more, and a `---` line. Its values are
# metadata, not prose (L103 asked `importance : 5` of a French task). A first paragraph that is prose has
# capitals or a letter past ASCII, or no `---` after it; with no blank line before the `---` it is a
# Setext heading (`todo: fix⏎---`), and stays one. Each value is one word (`5`, `- lodash`): a sentence after a
# lower-case key (`note: the the build is broken.` over a rule `---`) is prose.
_FENCELESS_HEADER = compiled_on_use(
    r"(?:[a-z][a-z0-9_-]*:(?:[ \t]+[!-~]+)?[ \t]*\r?\n(?:[ \t]+-[ \t]+[!-~]+[ \t]*\r?\n)*)+(?:[ \t]*\r?\n)+---[ \t]*"
    r"(?:\r?\n|\Z)")
_NOT_LINE_BREAK = compiled_on_use(r"[^\r\n]")


_FRONT_MATTER_LANGUAGE = compiled_on_use(
    r"^(?:lang|locale)[ \t]*:[ \t]*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)[\"']?[ \t]*\r?$", re.MULTILINE)


def file_language(source: Source) -> str | None:
    """The language YAML front matter names (`lang: fr`, `locale: pt_BR`), as static site generators
    (Hugo, Jekyll, Eleventy, VitePress) read it."""
    text = source.text
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        return None
    m = _FRONT_MATTER_LANGUAGE.search(text, 0, end)
    return m.group(1).replace("_", "-") if m else None


FORMAT = Format(
    name='markdown',
    title='Markdown (CommonMark + GFM tables, strikethrough and footnotes, definition lists, parsed with '
          'markdown-it-pyrs, markdown-it in Rust)',
    reader=parse,
    extensions=(".md", ".markdown"),
    language_ids=("markdown",),
    options=options_table(OPTIONS, {"peer-switches": PEER_SWITCH_TOOLS}, {"peer-switches": PEER_HELP}),
    file_language=file_language,
    prose='paragraphs, headings, list items, block quotes, table cells, link text, image alt text, footnotes\' '
          'text, definition lists\' terms and descriptions',
    not_prose='fenced and indented code, inline code, HTML blocks and inline HTML, autolinks, link destinations'
              ' and titles, footnote references and labels (`[^1]`), YAML/TOML front matter (except the YAML keys named in `format-options: {markdown: '
              '{front-matter-keys: [title, description]}}`), URLs',
    examples=(
        FormatExample(
            '---\ntitle: Notes\nlang: fr\n---\n# Title\n\nSome `code` and [a link](https://x.org).\n\n- item one\n\n```\nnot prose\n```\n',
            segments=('Title', 'Some \ufffc and a link.', 'item one'),
            language='fr',
        ),
    ),
)

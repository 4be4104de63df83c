"""Markdown (CommonMark + GFM tables and strikethrough, YAML/TOML front matter), parsed with markdown-it-py.

Prose: paragraphs, headings, list items, block quotes, table cells, link text, image alt text.
Not prose (kept out of every segment, and listed in ``Document.protected``): fenced and indented
code, HTML blocks, front matter, and inline code, inline HTML, autolinks, link destinations and
titles, which stand in a segment as one placeholder character (U+FFFC) each, so that words on
either side do not run together and rules see where something was.

markdown-it gives line ranges for blocks but no offsets for inline text, so each piece of inline
text is found in the block's source lines in order (container markers, emphasis markers and link
destinations are skipped over that way). Characters written differently in the source (a backslash
escape, an entity) are opaque: mapped to their place but never fixed.

Inline switches are HTML comments: ``<!-- copylint-disable CODES -->`` … ``<!-- copylint-enable -->``,
``<!-- copylint-disable-next-line CODES -->``, ``<!-- copylint-disable-file -->``.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any

from lint.formats.builder import PLACEHOLDER, SegmentBuilder, merge_ranges, suppressions_from
from lint.model import Document, Segment, Source

_KINDS = {"blockquote_open": "blockquote", "list_item_open": "list_item"}
_SWITCH = re.compile(r"<!--\s*copylint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->")


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def parse(source: Source) -> Document:
    text = source.text
    starts = source.line_starts()
    # markdown-it splits lines at \n only; a CR-only file is read with its CRs as line ends.
    tokens = _parser().parse(text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text)
    segments: list[Segment] = []
    protected: list[tuple[int, int]] = []
    containers: list[str] = []

    def line_offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(text)

    for i, tok in enumerate(tokens):
        t = tok.type
        if t in _KINDS:
            containers.append(_KINDS[t])
        elif t in ("blockquote_close", "list_item_close"):
            if containers:
                containers.pop()
        elif t in ("fence", "code_block", "html_block", "front_matter", "math_block") and tok.map:
            protected.append((line_offset(tok.map[0]), line_offset(tok.map[1])))
        elif t == "inline" and tok.map:
            prev = tokens[i - 1].type if i else ""
            if prev == "heading_open":
                kind = "heading"
            elif prev in ("th_open", "td_open"):
                kind = "table_cell"
            elif containers:
                kind = containers[-1]
            else:
                kind = "paragraph"
            region_start = line_offset(tok.map[0])
            region_end = line_offset(tok.map[1])
            cursor = _cell_start(text, region_start, region_end, tokens, i) if kind == "table_cell" else region_start
            _inline_segments(text, tok, cursor, region_end, kind, segments, protected)
    doc = Document(source, "markdown", segments, protected=merge_ranges(protected))
    if "copylint-" in text:
        doc.suppressions = suppressions_from(text, starts, _SWITCH)
    return doc


def _cell_start(text: str, start: int, end: int, tokens: list[Any], i: int) -> int:
    """Table cells share a line: start the search after the pipes of the cells before this one."""
    n = 0
    j = i - 1
    while j >= 0 and tokens[j].type not in ("tr_open",):
        if tokens[j].type in ("th_open", "td_open"):
            n += 1
        j -= 1
    pos = start
    line = text[start:end]
    stripped = line.lstrip()
    if stripped.startswith("|"):
        pos = start + (len(line) - len(stripped)) + 1
    for _ in range(n - 1):
        k = text.find("|", pos, end)
        while k > 0 and text[k - 1] == "\\":
            k = text.find("|", k + 1, end)
        if k < 0:
            break
        pos = k + 1
    return pos


def _inline_segments(text: str, tok: Any, cursor: int, end: int, kind: str, out: list[Segment],
                     protected: list[tuple[int, int]]) -> None:
    builder = SegmentBuilder(kind)
    images: list[SegmentBuilder] = []
    for child in tok.children or ():
        ct = child.type
        if ct == "text":
            cursor = _add_text(builder, text, child.content, cursor, end)
        elif ct in ("softbreak", "hardbreak"):
            k = text.find("\n", cursor, end)
            if k < 0:
                k = text.find("\r", cursor, end)
            if k >= 0:
                # The line break, and the next line's container markers skipped by the next search.
                builder.add("\n", k)
                cursor = k + 1
            else:
                builder.add_opaque("\n", cursor)
        elif ct == "code_inline":
            k = text.find(child.markup, cursor, end)
            if k >= 0:
                close = text.find(child.markup, k + len(child.markup), end)
                builder.add_opaque(PLACEHOLDER, k)
                cursor = close + len(child.markup) if close >= 0 else k + len(child.markup)
                protected.append((k, cursor))  # layout rules must not touch inline code either
        elif ct == "html_inline":
            k = text.find(child.content, cursor, end)
            if k >= 0:
                builder.add_opaque(PLACEHOLDER, k)
                cursor = k + len(child.content)
                protected.append((k, cursor))
        elif ct == "link_open":
            if child.markup == "autolink":
                k = text.find("<", cursor, end)
                close = text.find(">", k, end) if k >= 0 else -1
                if k >= 0 and close >= 0:
                    builder.add_opaque(PLACEHOLDER, k)
                    cursor = close + 1
                    builder._skip_autolink = True  # type: ignore[attr-defined]
        elif ct == "link_close":
            if getattr(builder, "_skip_autolink", False):
                builder._skip_autolink = False  # type: ignore[attr-defined]
                continue
            cursor = _after_link_close(text, cursor, end)
        elif ct == "image":
            alt = SegmentBuilder("caption")
            k = text.find("![", cursor, end)
            if k >= 0:
                c = _add_text(alt, text, child.content, k + 2, end)
                images.append(alt)
                cursor = _after_link_close(text, c, end)
            builder.add_opaque(PLACEHOLDER, max(k, cursor - 1) if k >= 0 else cursor)
    # Text inside an autolink is the URL: drop what was added for it.
    seg = builder.build(len(out))
    if seg is not None:
        out.append(seg)
    for alt in images:
        seg = alt.build(len(out))
        if seg is not None:
            out.append(seg)


def _after_link_close(text: str, cursor: int, end: int) -> int:
    """Skip `](destination "title")`, `][ref]` or `]` after link text."""
    k = text.find("]", cursor, end)
    if k < 0:
        return cursor
    pos = k + 1
    if pos < end and text[pos] == "(":
        depth = 0
        j = pos
        while j < end:
            ch = text[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return pos
    if pos < end and text[pos] == "[":
        close = text.find("]", pos, end)
        return close + 1 if close >= 0 else pos
    return pos


def _add_text(builder: SegmentBuilder, text: str, content: str, cursor: int, end: int) -> int:
    """Find ``content`` in the source from ``cursor``; add it with its exact place. Returns the new cursor."""
    if getattr(builder, "_skip_autolink", False):
        return cursor
    k = text.find(content, cursor, end)
    if k >= 0 and "\n" not in text[cursor:k] and ("]" not in text[cursor:k] or k == cursor):
        builder.add(content, k)
        return k + len(content)
    # Written differently in the source (escapes, entities) or split over lines: align character by character.
    pos = cursor
    for ch in content:
        j = text.find(ch, pos, end)
        if j == pos or (j > pos and _only_markup(text[pos:j])):
            builder.add(ch, j)
            pos = j + 1
            continue
        # An escape `\*` or an entity `&amp;` standing for ch.
        m = re.compile(r"\\.|&#?\w+;").match(text, pos)
        if m and (m.group()[1:] == ch or html.unescape(m.group()) == ch):
            builder.add_opaque(ch, pos)
            pos = m.end()
        elif j >= 0:
            builder.add_opaque(ch, j)
            pos = j + 1
        else:
            builder.add_opaque(ch, pos)
    return pos


def _only_markup(s: str) -> bool:
    return all(c in "*_~>` \t\r\n" for c in s)

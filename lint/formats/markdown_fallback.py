"""The Markdown reader's fallback: markdown-it-py (pure Python) for a file that makes markdown-it-pyrs panic.

markdown-it-py gives each block its lines but no offsets inside a block, so this module places the
inline nodes itself, walking each block's source with a cursor: a text node is found verbatim at or
after the cursor, inline code and HTML by their delimiters, and a link's destination is stepped over
so that no later text is placed inside it. Text that is not in the source verbatim (an entity, an
escape, text the parser normalised) becomes opaque at the cursor: mapped, never fixed. The tree it
hands to ``markdown._Walk`` has markdown-it-pyrs's node names and code-point ``srcmap``s, so the
segments, kinds and protected ranges come from the same walk as for every other file.

Footnotes and definition lists, which the main reader's parser reads with its plugins, are read here
with mdit-py-plugins' (the plugin package made for markdown-it-py), their tokens given markdown-it-pyrs's
names and nesting: the notes in a ``footnote_container`` after the last block (a note's label,
`[^1]:`, is in no node; a back link, ``footnote_ref_anchor``, has no range), a reference
(``footnote_ref``) over its `[^1]`, pandoc's inline note (``footnote_inline``) over its `^[...]`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lint.patterns import compiled_on_use

_EOL = compiled_on_use(r"\r\n?|\n")
_FRONT_MATTER = compiled_on_use(r"---[ \t]*\r?\n(?:.*\r?\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_NAMES = {"tr": "trow", "th": "tcell", "td": "tcell", "em": "emphasis", "s": "strikethrough",
          "footnote_block": "footnote_container", "footnote": "footnote_def", "dl": "definition_list",
          "dt": "definition_term", "dd": "definition_description"}
# A footnote's label, `[^label]:`, where its first block starts (after a container's markers).
_LABEL = compiled_on_use(r"\[\^([^\]\s]+)\]:[ \t]*")


@dataclass
class Node:
    """What ``markdown._Walk`` reads of a markdown-it-pyrs node: name, children, meta and srcmap (here
    in code points)."""

    name: str
    srcmap: tuple[int, int] | None  # None: a back link, an inline note's text (as markdown-it-pyrs's)
    children: list[Node] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=2)
def _parser(mdx: bool = False):  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    # text_join would merge escapes and entities back into text; they are kept apart to be placed.
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
    md.use(footnote_plugin).use(deflist_plugin)
    # MDX's Markdown: no indented code, HTML blocks or autolinks (as lint.formats.markdown._parser's).
    return md.disable(["code", "html_block", "autolink"]) if mdx else md


def tree(text: str, starts: Sequence[int], mdx: bool = False) -> Node:
    """The document's tree as markdown-it-pyrs would give it (see the module's docstring)."""
    from markdown_it.tree import SyntaxTreeNode

    root = Node("root", (0, len(text)))
    parsed = text
    fm = _FRONT_MATTER.match(text)
    if fm is not None:
        root.children.append(Node("front_matter", (0, fm.end())))
        # Blank lines in its place: the other blocks keep their line numbers.
        parsed = "\n" * len(_EOL.findall(text, 0, fm.end())) + text[fm.end():]
    tokens = _parser(mdx).parse(parsed)
    line_starts = [0, *[m.end() for m in _EOL.finditer(text)]]
    blocks = _Blocks(text, line_starts)
    for child in SyntaxTreeNode(tokens).children:
        root.children.append(blocks.node(child))
    return root


class _Blocks:
    def __init__(self, text: str, line_starts: Sequence[int]) -> None:
        self.text = text
        self.line_starts = line_starts
        # Where each of pandoc's inline notes is, `^[` to `]`, by the plugin's id: its reference is placed
        # in its paragraph, its text read in the notes after the last block.
        self.inline_notes: dict[int, tuple[int, int]] = {}

    def span(self, node: Any, parent: tuple[int, int]) -> tuple[int, int]:
        if not node.map:  # table cells have none: their row's lines
            return parent
        first, last = node.map
        last = max(last, first + 1)  # a definition's term: its line (the plugin's map is empty)
        starts = self.line_starts
        s = starts[first] if first < len(starts) else len(self.text)
        e = starts[last] if last < len(starts) else len(self.text)
        return s, e

    def node(self, node: Any, parent: tuple[int, int] | None = None, floor: int = 0) -> Node:
        """``floor``: where the block's text may start at the earliest (after a footnote's label)."""
        name = _NAMES.get(node.type, node.type)
        if name == "footnote_container":
            return Node(name, None, [self.footnote(note) for note in node.children])
        s, e = self.span(node, parent or (0, len(self.text)))
        out = Node(name, (max(s, floor), e))
        if name in ("fence", "code_block", "html_block"):
            return out
        self.fill(out, node.children, _Inline(self.text, max(s, floor), e, self.inline_notes))
        return out

    def fill(self, out: Node, children: list[Any], inline: _Inline) -> None:
        """``out``'s children from the parser's: a row's cells share one cursor."""
        e = inline.end
        for child in children:
            if child.type == "inline":
                out.children.extend(inline.nodes(child.children))
            elif child.type == "footnote_anchor":
                # One back link for all the note's references (markdown-it-pyrs's), where the plugin has one each.
                if not (out.children and out.children[-1].name == "footnote_ref_anchor"):
                    out.children.append(Node("footnote_ref_anchor", None))
            else:
                out.children.append(self.node(child, (inline.cursor, e)))
                if not child.map:
                    inline.cursor = _end_of(out.children[-1], inline.cursor)

    def footnote(self, note: Any) -> Node:
        """A note: its blocks, the first after its label, `[^1]:`, which is in no node; pandoc's inline
        note, no range of its own, its text inside its `^[` and `]` (placed with its reference)."""
        text = self.text
        if note.meta.get("label") is None:
            s, e = self.inline_notes.get(note.meta.get("id", -1), (len(text), len(text) + 1))
            out = Node("footnote_def", None)
            inline = _Inline(text, s + 2, e - 1, self.inline_notes)
            for child in note.children:
                if child.type == "paragraph":
                    paragraph = Node("paragraph", None)
                    self.fill(paragraph, child.children, inline)
                    out.children.append(paragraph)
                elif child.type == "footnote_anchor":
                    out.children.append(Node("footnote_ref_anchor", None))
            return out
        mapped = [child for child in note.children if child.map]
        s = self.span(mapped[0], (0, len(text)))[0] if mapped else len(text)
        e = self.span(mapped[-1], (0, len(text)))[1] if mapped else len(text)
        label = _LABEL.search(text, s, e)
        floor = label.end() if label is not None else s
        out = Node("footnote_def", (label.start() if label is not None else s, e))
        for child in note.children:
            if child.type == "footnote_anchor":
                if not (out.children and out.children[-1].name == "footnote_ref_anchor"):
                    out.children.append(Node("footnote_ref_anchor", None))
            else:
                out.children.append(self.node(child, None, floor))
                floor = 0
        return out


def _end_of(node: Node, default: int) -> int:
    """Where the last placed inline node under ``node`` ends (a table cell's text)."""
    end = default
    for child in node.children:
        end = max(end, _end_of(child, end))
        if child.name != "tcell" and child.srcmap is not None:
            end = max(end, child.srcmap[1])
    return end


class _Inline:
    """Places a block's inline nodes in the source, left to right from the block's start."""

    def __init__(self, text: str, start: int, end: int, inline_notes: dict[int, tuple[int, int]]) -> None:
        self.text = text
        self.cursor = start
        self.end = end
        self.inline_notes = inline_notes

    def nodes(self, children: list[Any]) -> list[Node]:
        return [self.node(c) for c in children]

    def _opaque(self, content: str) -> Node:
        return Node("text_special", (self.cursor, self.cursor), meta={"content": content})

    def node(self, node: Any) -> Node:
        text, kind = self.text, node.type
        if kind == "text":
            content = node.content
            j = text.find(content, self.cursor, self.end) if content else -1
            if j < 0:
                return self._opaque(content)
            self.cursor = j + len(content)
            return Node("text", (j, self.cursor), meta={"content": content})
        if kind == "text_special":
            markup = node.markup or node.content
            j = text.find(markup, self.cursor, self.end)
            if j < 0:
                return self._opaque(node.content)
            self.cursor = j + len(markup)
            return Node("text_special", (j, self.cursor), meta={"content": node.content})
        if kind in ("softbreak", "hardbreak"):
            m = _EOL.search(text, self.cursor, self.end)
            if m is None:
                return Node(kind, (self.cursor, self.cursor))
            s = m.start()
            self.cursor = m.end()
            return Node(kind, (s, self.cursor))
        if kind == "code_inline":
            m = re.compile(r"`+").search(text, self.cursor, self.end)
            if m is None:
                return Node("code_inline", (self.cursor, self.end))
            close = text.find(m.group(), m.end(), self.end)
            e = close + len(m.group()) if close >= 0 else self.end
            self.cursor = e
            return Node("code_inline", (m.start(), e))
        if kind == "html_inline":
            j = text.find(node.content, self.cursor, self.end)
            if j < 0:
                return Node("html_inline", (self.cursor, self.cursor))
            self.cursor = j + len(node.content)
            return Node("html_inline", (j, self.cursor))
        if kind == "link" and node.markup == "autolink":
            s = text.find("<", self.cursor, self.end)
            e = text.find(">", max(s, self.cursor), self.end)
            s = self.cursor if s < 0 else s
            self.cursor = e + 1 if e >= 0 else self.end
            return Node("autolink", (s, self.cursor))
        if kind == "footnote_ref":
            return self._footnote_ref(node)
        start = self.cursor
        children = self.nodes(node.children)
        if kind in ("link", "image"):
            self._past_destination()
        return Node(_NAMES.get(kind, kind), (start, max(self.cursor, start + 1)), children)

    def _footnote_ref(self, node: Any) -> Node:
        """A reference, `[^1]`, or pandoc's inline note, `^[The note's text]` (its text read in the notes)."""
        text, label = self.text, node.meta.get("label")
        if label is not None:
            ref = f"[^{label}]"
            j = text.find(ref, self.cursor, self.end)
            if j < 0:
                return Node("footnote_ref", (self.cursor, self.cursor), meta={"label": label})
            self.cursor = j + len(ref)
            return Node("footnote_ref", (j, self.cursor), meta={"label": label})
        s = text.find("^[", self.cursor, self.end)
        if s < 0:
            return Node("footnote_inline", (self.cursor, self.cursor), [Node("footnote_ref", None)])
        k = self._past_balanced(s + 1, "[", "]")
        self.inline_notes[node.meta.get("id", -1)] = (s, k)
        self.cursor = k
        return Node("footnote_inline", (s, k), [Node("footnote_ref", None)])

    def _past_balanced(self, at: int, opening: str, closing: str) -> int:
        """Where the bracket that opens at ``at`` is closed (just past it), escapes stepped over; the
        span's end if it is not."""
        text, depth, k = self.text, 0, at
        while k < self.end:
            c = text[k]
            k += 2 if c == "\\" else 1
            depth += (c == opening) - (c == closing)
            if depth == 0:
                break
        return k

    def _past_destination(self) -> None:
        """Steps over `](dest "title")` or `][label]` after a link's or image's text."""
        text = self.text
        close = text.find("]", self.cursor, self.end)
        if close < 0:
            return
        pos = close + 1
        if text.startswith("(", pos):
            pos = self._past_balanced(pos, "(", ")")
        elif text.startswith("[", pos):
            label_end = text.find("]", pos, self.end)
            pos = label_end + 1 if label_end >= 0 else pos
        self.cursor = pos

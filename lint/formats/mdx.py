"""MDX: Markdown with JSX and JavaScript (mdxjs.com), as Docusaurus, Astro Starlight, Nextra and Next.js
docs sites write their pages.

What MDX adds to Markdown is markup, never prose: ESM (``import``/``export`` blocks at the top level),
JSX elements (``<Tabs>``, ``<Card title="…">``, ``<Icon name="x" />``, fragments) and expressions
(``{frontmatter.title}``, ``{/* a comment */}``). What MDX takes away is indented code: indentation means
nothing, so a component's children may be indented any amount and are still Markdown (a fenced code
block too).

The text is read as Markdown from a *view* of the same length and line starts (as lint.formats.templates
does for templates): an element or an expression alone on its lines (flow) is blanked, so the children
between a component's tags are paragraphs of their own; one inside a line of text stands in as inline
HTML (an element) or an inline code span (an expression), each read as one placeholder; an ESM block and
a fenced code block the parser would not see (indented four spaces or more) are blanked. Whatever is
blanked is protected: no rule reads it and no fix edits it, but the attribute values named below.

The string values of the attributes named in the option `attributes` of an element on lines of its own
are prose, each a segment of its own (kind "caption"), as the HTML reader reads `alt` and `title`: by
default `alt` (`<Image alt="…" />`); a site may add `title` and `description` (`<Aside title="…">`,
`<Card title="…">`). They are not read by default because docs sites cite with them: withastro/docs'
`<SourcePR title="feat: …">` and `<LinkCard title="…" description="…">` keep a pull request's or an
English article's own words on a Japanese page (50 findings there, L101 and L103, none a slip). Other
attributes, values written as expressions (`title={t("x")}`) and the attributes of an element inside a
line of text are markup.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lint.formats import Format, FormatExample, options_table
from lint.formats.builder import PEER_SWITCH_TOOLS, SegmentBuilder, complement, merge_ranges
from lint.formats.markdown import OPTIONS as MARKDOWN_OPTIONS
from lint.formats.markdown import PEER_HELP, document_from_view, file_language
from lint.formats.templates import markdown_view
from lint.model import Document, Source
from lint.patterns import compiled_on_use

# A fence, on a list item's line too (`- ```js`: its closing line was taken for an opening one).
_FENCE = compiled_on_use(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})")
_ESM = compiled_on_use(r"(?:import|export)(?=[ \t{*])")
_NAME = compiled_on_use(r"[A-Za-z_$][\w$.:-]*")
_ATTRIBUTE = compiled_on_use(r"[A-Za-z_$:][\w$.:-]*")
_BLANK_LINE = compiled_on_use(r"\n[ \t]*\r?\n")
_LINE_BREAK = compiled_on_use(r"[\r\n]")
_BACKTICKS = compiled_on_use(r"`+")
_FRONT_MATTER_END = compiled_on_use(r"^(?:---|\+\+\+)[ \t]*\r?$", re.M)
# An HTML element that holds code (lowercase: `<Code>` is a component), opening a line with nothing but tags
# after it: its content is code through its closing tag, blank lines too, as an HTML block's in Markdown.
_CODE_FLOW = compiled_on_use(r"[ \t]*<(pre|code|kbd|samp)(?=[\s>])[^>]*>(?:[ \t]*<[^>]*>)*[ \t]*\r?\n")
_CODE_CLOSING = {name: compiled_on_use(rf"</{name}\s*>") for name in ("pre", "code", "kbd", "samp")}
# The longest JSX element or expression read as one (a runaway brace or `<` in a page is not markup).
_LONGEST = 5000


@dataclass
class MdxView:
    """The text as the Markdown parser reads it, and what it blanked."""

    view: str
    markup: list[tuple[int, int]] = field(default_factory=list)  # JSX, expressions, ESM
    code: list[tuple[int, int]] = field(default_factory=list)  # fenced code the parser cannot see


def _past_literal(text: str, i: int, stop: int) -> int | None:
    """Past the string, template literal or comment that opens at ``i`` (-1 where it does not close
    before ``stop``), or None where none opens there."""
    c = text[i]
    if c in "\"'":
        # A string ends on its line (JavaScript's), where a quote that does not is a character of JSX
        # text (`{isOpen && <p>Don't …</p>}`), not a string that runs on.
        line_end = text.find("\n", i + 1, stop)
        close = text.find(c, i + 1, stop if line_end < 0 else line_end)
        while close > 0 and text[close - 1] == "\\":
            close = text.find(c, close + 1, stop if line_end < 0 else line_end)
        return close + 1 if close >= 0 else None
    if c == "`":
        close = text.find(c, i + 1, stop)
        while close > 0 and text[close - 1] == "\\":
            close = text.find(c, close + 1, stop)
        return close + 1 if close >= 0 else -1
    if c == "/" and text.startswith("/*", i):
        close = text.find("*/", i + 2, stop)
        return close + 2 if close >= 0 else -1
    if c == "/" and text.startswith("//", i):  # to the line's end (`{// it's a note` holds no string)
        close = text.find("\n", i + 2, stop)
        return close if close >= 0 else -1
    return None


def _expression_end(text: str, start: int, stop: int) -> int:
    """The end of the JavaScript expression whose ``{`` is at ``start`` (past its ``}``), or -1: braces
    balanced outside strings, template literals and comments."""
    depth = 0
    i = start
    while i < stop:
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        elif c in "\"'`/":
            past = _past_literal(text, i, stop)
            if past is not None:
                if past < 0:
                    return -1
                i = past
                continue
        i += 1
    return -1


def _balanced(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] (JavaScript) closes every bracket it opens, outside strings and comments;
    True where a quote does not close (an apostrophe in JSX text: no telling, the blank line ends it)."""
    depth = 0
    i = start
    while i < stop:
        c = text[i]
        if c in "{[(":
            depth += 1
        elif c in "}])":
            depth -= 1
        elif c in "\"'`/":
            past = _past_literal(text, i, stop)
            if past is not None:
                if past < 0:
                    return True
                i = past
                continue
        i += 1
    return depth <= 0


def _element_end(text: str, start: int, stop: int) -> int:
    """The end of the JSX tag whose ``<`` is at ``start`` (``<Card title="x">``, ``</Card>``, ``<Icon />``,
    ``<>``), or -1 where it is not one (``a < b``, ``<3``)."""
    i = start + 1
    if text.startswith("!--", i):
        close = text.find("-->", i + 3, stop)
        return close + 3 if close >= 0 else -1
    if i < stop and text[i] == "/":
        i += 1
    m = _NAME.match(text, i, stop)
    if m is not None:
        i = m.end()
    elif i >= stop or text[i] != ">":  # only a fragment has no name
        return -1
    while 0 <= i < stop:
        while i < stop and text[i] in " \t\r\n":
            i += 1
        if i >= stop:
            return -1
        c = text[i]
        if c == ">":
            return i + 1
        if c == "/":
            return i + 2 if text.startswith("/>", i) else -1
        # a spread ({...props}) or an attribute
        i = _expression_end(text, i, stop) if c == "{" else _attribute_end(text, i, stop)
    return -1


def _attribute_end(text: str, i: int, stop: int) -> int:
    """The end of the attribute at ``i`` (``title="x"``, ``title={x}``, ``hidden``), or -1."""
    a = _ATTRIBUTE.match(text, i, stop)
    if a is None:
        return -1
    i = a.end()
    while i < stop and text[i] in " \t":
        i += 1
    if i >= stop or text[i] != "=":
        return i
    i += 1
    while i < stop and text[i] in " \t\r\n":
        i += 1
    if i >= stop:
        return -1
    if text[i] in "\"'":
        close = text.find(text[i], i + 1, stop)
        return close + 1 if close >= 0 else -1
    return _expression_end(text, i, stop) if text[i] == "{" else -1


def _code_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """CommonMark's code spans in text[start:stop] (a run of n backticks closed by the next run of n)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, start, stop)]
    spans = []
    k = 0
    while k < len(runs):
        s, e = runs[k]
        n = e - s
        for j in range(k + 1, len(runs)):
            if runs[j][1] - runs[j][0] == n:
                spans.append((s, runs[j][1]))
                k = j
                break
        k += 1
    return spans


def _escaped(text: str, at: int, start: int) -> bool:
    """Whether the character at ``at`` follows an odd run of backslashes (from ``start`` on)."""
    k = at
    while k > start and text[k - 1] == "\\":
        k -= 1
    return (at - k) % 2 == 1


def _stand_in(view: list[str], text: str, s: int, e: int) -> bool:
    """Rewrite an element inside a line of text as an HTML tag of the same length and line breaks
    (``<x    >``, ``</x  >``, ``<x   />``, ``<x\n  a   >``), which the parser reads as inline HTML; False
    where it cannot be. An HTML comment stays as written: inline HTML already."""
    if text.startswith("<!--", s):
        return True
    closing = text.startswith("</", s)
    selfclosing = text.startswith("/>", e - 2)
    head = "</x" if closing else "<x"
    tail = "/>" if selfclosing and not closing else ">"
    if e - s < len(head) + len(tail) or (closing and "\n" in text[s:e]):
        return False
    body = [c if c in "\r\n" else " " for c in text[s + len(head): e - len(tail)]]
    # A tag's whitespace holds one line break at most (CommonMark), and a line that begins with its `>`
    # would open a block quote: each line it runs on begins with an attribute name.
    for i, c in enumerate(body):
        if c == "\n":
            if i + 1 >= len(body) or body[i + 1] in "\r\n":
                return False
            body[i + 1] = "a"
    view[s:e] = head + "".join(body) + tail
    return True


def _code_stand_in(view: list[str], text: str, s: int, e: int) -> None:
    """Rewrite an expression inside a line of text as an inline code span of the same range: one
    placeholder. Over several lines, or around a backtick (a template literal), its inside is letters (a line
    of it must not read as a list item or a heading, `  + b}`; a backtick would close the span early)."""
    view[s] = view[e - 1] = "`"
    if "\n" in text[s:e] or "`" in text[s + 1:e - 1]:  # a backtick inside would end the span
        for i in range(s + 1, e - 1):
            if view[i] not in "\r\n":
                view[i] = "x"


def _blank(view: list[str], s: int, e: int) -> None:
    for i in range(s, e):
        if view[i] not in "\r\n":
            view[i] = " "  # a character outside ASCII too: the view keeps the text's length in code points


def mdx_view(text: str) -> MdxView:
    """``text`` as the Markdown parser reads MDX (see the module's docstring)."""
    base = markdown_view(text)  # templates and containers, as in Markdown (Docusaurus's `:::note`)
    if not any(c in text for c in "<{") and "import" not in text and "export" not in text:
        return MdxView(base)
    view = list(base)
    out = MdxView("")
    lines = base.splitlines(keepends=True)
    pos, k = _after_front_matter(base, lines)
    while k < len(lines):
        line = lines[k]
        fence = _FENCE.match(line)
        if fence is not None:
            start = pos
            pos, k = _past_fence(lines, k, pos, fence.group(1))
            if len(line) - len(line.lstrip(" \t")) >= 4:
                # A fence the parser cannot see (indented four or more, inside a component): code.
                _blank(view, start, pos)
                out.markup.append((start, pos))
                out.code.append((start, pos))
            continue
        if not line.strip():
            pos += len(line)
            k += 1
            continue
        if line.lstrip(" \t").startswith("<") and (past := _code_element_end(base, lines, k, pos)) is not None:
            _blank(view, pos, past[0])
            out.markup.append((pos, past[0]))
            out.code.append((pos, past[0]))
            pos, k = past
            continue
        if line.lstrip(" \t").startswith(("{", "<")) and (past := _flow_end(base, lines, k, pos)) is not None:
            # An expression or a tag over blank lines (a comment around a section left out, a template
            # literal's blank line in an attribute): one block.
            _blank(view, pos, past[0])
            out.markup.append((pos, past[0]))
            pos, k = past
            continue
        # A block of lines up to a blank line or a fence.
        start = pos
        first = k
        while k < len(lines) and lines[k].strip() and (k == first or _FENCE.match(lines[k]) is None):
            pos += len(lines[k])
            k += 1
        if _ESM.match(base, start) is not None:
            # A statement runs on over blank lines while its brackets are open (an object's blank line).
            while k < len(lines) and pos - start < _LONGEST and not _balanced(base, start, pos):
                pos += len(lines[k])
                k += 1
            _blank(view, start, pos)
            out.markup.append((start, pos))
        else:
            # A tag or an expression inside the text may run on over blank lines (a handler's body in an
            # attribute): the block runs on to the line where it ends, and the blank line is the tag's.
            while (end := _block(base, view, start, pos, out)) is not None:
                pos, k = _lines_through(lines, k, pos, end)
    out.view = "".join(view)
    return out


def _flow_end(text: str, lines: list[str], k: int, pos: int) -> tuple[int, int] | None:
    """The offset and the line index past an expression or a JSX tag that opens line ``k`` and holds a
    blank line, where nothing but spaces follows it on its last line; None for any other line."""
    brace = pos + len(lines[k]) - len(lines[k].lstrip(" \t"))
    ends = _expression_end if text[brace] == "{" else _element_end
    end = ends(text, brace, min(len(text), brace + _LONGEST))
    if end < 0 or not _BLANK_LINE.search(text, brace, end):
        return None
    pos, k = _lines_through(lines, k, pos, end)
    return (pos, k) if not text[end:pos].strip() else None


def _code_element_end(text: str, lines: list[str], k: int, pos: int) -> tuple[int, int] | None:
    """The offset and the line index past the line that closes an element holding code (``<pre><code>``)
    that opens line ``k`` alone (see _CODE_FLOW); None for any other line, or where it does not close."""
    m = _CODE_FLOW.match(text, pos)
    if m is None:
        return None
    closing = _CODE_CLOSING[m.group(1)].search(text, m.end())
    if closing is None:
        return None
    return _lines_through(lines, k, pos, closing.end())


def _after_front_matter(text: str, lines: list[str]) -> tuple[int, int]:
    """The offset and the line index past YAML or TOML front matter (not MDX), or (0, 0)."""
    if not text.startswith(("---", "+++")):
        return 0, 0
    m = _FRONT_MATTER_END.search(text, 3)
    if m is None:
        return 0, 0
    return _lines_through(lines, 0, 0, m.end())


def _lines_through(lines: list[str], k: int, pos: int, end: int) -> tuple[int, int]:
    """From line ``k`` at offset ``pos``, the offset and the line index past the line that holds ``end - 1``
    (or the last line)."""
    while k < len(lines) and pos < end:
        pos += len(lines[k])
        k += 1
    return pos, k


def _past_fence(lines: list[str], k: int, pos: int, marker: str) -> tuple[int, int]:
    """The offset and the line index past the fence that opens at line ``k`` (its closing line, or the end)."""
    pos += len(lines[k])
    k += 1
    while k < len(lines):
        closing = lines[k].strip()
        pos += len(lines[k])
        k += 1
        if closing.startswith(marker[0] * len(marker)) and not closing.strip(marker[0]):
            break
    return pos, k


def _constructs(text: str, start: int, stop: int) -> list[tuple[int, int, str]] | int:
    """The JSX tags and expressions of one block of lines (start, end, ``<`` or ``{``), in order; or, where
    one runs on over a blank line past the block, where it ends."""
    spans = _code_spans(text, start, stop) if "`" in text[start:stop] else []
    span_starts = [s for s, _ in spans]
    found: list[tuple[int, int, str]] = []
    i = start
    while i < stop:
        lt = text.find("<", i, stop)
        br = text.find("{", i, stop)
        at = min(x for x in (lt, br, stop) if x >= 0)
        if at >= stop:
            break
        k = bisect.bisect_right(span_starts, at) - 1
        if k >= 0 and at < spans[k][1]:  # inside a code span: its text
            i = spans[k][1]
            continue
        if _escaped(text, at, start):  # `\<name>`, `\{`: the character itself, as in Markdown
            i = at + 1
            continue
        ends = _element_end if at == lt else _expression_end
        end = ends(text, at, min(stop, at + _LONGEST))
        if end < 0:
            end = ends(text, at, min(len(text), at + _LONGEST))
            if end > stop and _BLANK_LINE.search(text, at, end):
                return end
            i = at + 1
            continue
        found.append((at, end, text[at]))
        i = end
    return found


def _stood_in(view: list[str], text: str, s: int, e: int, kind: str) -> bool:
    """Whether the construct at [s, e) inside a line of text could stand in as one placeholder (see
    _stand_in and _code_stand_in); one over a blank line cannot."""
    if kind == "<" and _stand_in(view, text, s, e):
        return True
    if e - s < 3 or text[e: e + 1] == "`" or _BLANK_LINE.search(text, s, e):
        return False
    # An expression, or a tag whose last line begins with its `>` (a block quote as HTML): a code span.
    _code_stand_in(view, text, s, e)
    return True


def _block(text: str, view: list[str], start: int, stop: int, out: MdxView) -> int | None:
    """Find the JSX and expressions of one block of lines, blank those alone on their lines and stand in
    for those inside a line of text; or, where the last of them runs on over a blank line past the block,
    leave the view as it is and answer where it ends."""
    found = _constructs(text, start, stop)
    if isinstance(found, int):
        return found
    if not found:
        return None
    # A construct is flow when the lines it covers hold nothing but constructs and blanks.
    rest = list(text[start:stop])
    for s, e, _ in found:
        for j in range(s - start, e - start):
            if rest[j] not in "\r\n":
                rest[j] = " "
    remaining = "".join(rest)
    for s, e, kind in found:
        # Lines end at LF, CRLF or CR alone (the parser's).
        line_start = max(text.rfind("\n", start, s) + 1, text.rfind("\r", start, s) + 1, start)
        line_break = _LINE_BREAK.search(text, e, stop)
        line_end = stop if line_break is None else line_break.start()
        if remaining[line_start - start: line_end - start].strip():
            if e - s == 2:
                # `<>` (a fragment), `{}`: no stand-in has two characters, and blanks inside a line of text would
                # misplace the rest of it. The parser reads it as the text it is; no rule reads or edits it.
                out.markup.append((s, e))
                continue
            if _stood_in(view, text, s, e, kind):
                continue
        else:
            # Alone on its lines: the lines are markup, indentation and trailing spaces too, as an HTML
            # block's are in Markdown (W102 reported the spaces after a `</Steps>`), up to the line break.
            s, e = line_start, line_end
        _blank(view, s, e)
        out.markup.append((s, e))
    return None


# Markdown's options, and the attributes whose string values are prose.
OPTIONS: dict[str, Any] = {**MARKDOWN_OPTIONS, "attributes": ["alt"]}


def _attribute_values(text: str, s: int, e: int, names: frozenset[str]) -> list[tuple[int, int]]:
    """The ranges, inside the quotes, of the quoted values of the ``names`` attributes of the JSX tags a
    flow span text[s:e] opens with, one after another (`<Card title="…">`, `</Card><Aside title="…">`);
    nothing in a span that opens otherwise (an expression, a comment, ESM): a `<` there is JavaScript."""
    found: list[tuple[int, int]] = []
    p = s
    while True:
        while p < e and text[p] in " \t\r\n":
            p += 1
        if p >= e or text[p] != "<" or text.startswith("<!--", p):
            return found
        end = _element_end(text, p, e)
        if end < 0:
            return found
        j = p + 1
        m = _NAME.match(text, j + (text[j:j + 1] == "/"), end)
        j = m.end() if m is not None else j
        while j < end:
            while j < end and text[j] in " \t\r\n":
                j += 1
            if j >= end or text[j] in "/>":
                break
            if text[j] == "{":  # a spread
                j = _expression_end(text, j, end)
                continue
            a = _ATTRIBUTE.match(text, j, end)
            stop = _attribute_end(text, j, end)
            if a is None or stop < 0:
                break
            if a.group() in names and text[stop - 1: stop] in "\"'" and stop - j > len(a.group()) + 2:
                opening = text.find(text[stop - 1], a.end(), stop - 1)
                found.append((opening + 1, stop - 1))
            j = stop
        p = end


def _with_attributes(doc: Document, v: MdxView, names: frozenset[str]) -> Document:
    """``doc`` with the named attributes' values as caption segments, in document order, taken out of
    the protected markup so that rules read them and fixes may edit them. Only the tags of flow spans
    outside code (not a `<pre>` block, not a fence the parser cannot see)."""
    from lint.formats.html import add_with_entities

    text = doc.text
    code = v.code
    ranges = [r for s, e in v.markup if "=" in text[s:e] and not any(a < e and s < b for a, b in code)
              for r in _attribute_values(text, s, e, names)]
    values = []
    for a, b in ranges:
        builder = SegmentBuilder("caption")
        add_with_entities(builder, text[a:b], a)
        seg = builder.build(0)
        if seg is not None:
            values.append(seg)
    if not values:
        return doc
    merged = sorted([*doc.segments, *values], key=lambda seg: seg.to_source(0))
    doc.segments = [dataclasses.replace(seg, index=k) for k, seg in enumerate(merged)]
    holes = [(seg.to_source(0), seg.to_source_end(len(seg.text))) for seg in values]
    # What stays protected: the markup less the values (the complement of what is not markup, or a value).
    doc.protected = complement(merge_ranges([*complement(doc.protected, len(text)), *holes]), len(text))
    doc.memo["verbatim"] = doc.protected
    return doc


def parse(source: Source, options: Mapping[str, Any] | None = None) -> Document:
    v = mdx_view(source.text)
    doc = document_from_view(source, options, v.view, mdx=True, markup=v.markup, code=v.code)
    names = frozenset((options or {}).get("attributes", OPTIONS["attributes"]))
    if names and "=" in source.text:
        doc = _with_attributes(doc, v, names)
    doc.memo["mdx-view"] = v  # the structure check after a fix pass reads it again
    doc.memo["prose_attributes"] = tuple(sorted(names))
    return doc


def mdx_structure(doc: Document) -> Any:
    """What a fix must keep: the Markdown tree of the view, and the JSX, expressions and ESM as written."""
    from lint.invariants import markdown_structure

    v = doc.memo.get("mdx-view") or mdx_view(doc.text)
    names = frozenset(doc.memo.get("prose_attributes", ()))
    return markdown_structure(v.view, mdx=True), [_markup_as_written(doc.text, s, e, names) for s, e in v.markup]


def _markup_as_written(text: str, s: int, e: int, names: frozenset[str]) -> str:
    """text[s:e], the values of the attributes read as prose left out (a fix may edit those)."""
    values = _attribute_values(text, s, e, names) if names and "=" in text[s:e] else []
    out, at = [], s
    for a, b in values:
        out.append(text[at:a])
        at = b
    out.append(text[at:e])
    return "\ufffc".join(out)


FORMAT = Format(
    name='mdx',
    title='MDX (Markdown with JSX and ESM: Docusaurus, Astro Starlight, Nextra, Next.js)',
    reader=parse,
    extensions=(".mdx",),
    language_ids=("mdx",),
    options=options_table(OPTIONS, {"peer-switches": PEER_SWITCH_TOOLS}, {"peer-switches": PEER_HELP}),
    file_language=file_language,
    structure=mdx_structure,
    prose='as Markdown: paragraphs, headings, list items, block quotes, table cells, link text, image alt '
          'text, and the Markdown children of JSX elements however far they are indented; a component\'s `alt` '
          '(`<Image alt="…" />`), and the attributes the option `attributes` adds (`[alt, title, description]`)',
    not_prose='as Markdown, and `import`/`export` blocks, JSX elements and their attributes but the string '
              'values of `attributes` (default `alt`) of an element on lines of its own, '
              '`{expressions}` (`{/* comments */}` too); fenced code at any indent',
    examples=(
        FormatExample(
            '---\ntitle: Start\n---\nimport { Tabs } from "@x/ui";\n\n<Tabs>\n  <Card title="Why">\n'
            '    Read the [guide](/g/) first, version {props.v}.\n  </Card>\n</Tabs>\n\nPress <Kbd>K</Kbd> now.\n',
            segments=('Why', 'Read the guide first, version \ufffc.', 'Press \ufffc now.'),
            options={"attributes": ["alt", "title"]},
        ),
    ),
)

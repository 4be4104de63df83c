"""Template syntax and doc-site containers in Markdown and HTML: markup, not prose.

Docs sites build pages with a template engine and extend Markdown with containers, and none of it is
prose: Vue, Jinja, Liquid, Nunjucks, Hugo and Handlebars expressions (``{{ x }}``, ``{{{ x }}}``,
``{% if %}``, ``{# note #}``; Hugo's comment and highlight shortcodes and Liquid's tags of those names,
with their bodies), VitePress and Docusaurus containers (``::: tip Title`` … ``:::``, ``:::note[Title]``),
MkDocs admonitions (``!!! note "Title"``, ``??? tip``, their body indented by four spaces), VitePress heading anchors (``## Title {#id}``) and its directives (``[[toc]]``,
``<<< @/snippets/a.js``), GitHub's alerts (``> [!NOTE]``, VitePress's too), and a block's attributes on a
line of their own (kramdown's ``{: .note}``, markdown-it-attrs' and attr_list's ``{.class}``).

An expression stands in a segment as one placeholder (U+FFFC), as inline code does, so the words on
either side keep their places; a container's marker and type are dropped and its title, when it has
one, is read as a heading of its own. Positions stay exact: Markdown is parsed from a *view* of the
text of the same length in which only ASCII markup characters are rewritten (an expression becomes an
inline code span, a container marker a heading marker or blank), so every offset the parser reports
is an offset in the file. An expression where a link's URL goes (Hugo's `[guide]({{< ref "a.md" >}})`)
becomes an angle-bracket destination instead, so the link stays a link.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, cached_property
from typing import NamedTuple

from lint.formats.builder import PLACEHOLDER, SegmentBuilder
from lint.patterns import compiled_on_use

# An expression is short and does not hold another one's opening: a stray "{{" in prose cannot
# swallow the rest of the page. Backticks are left out so that a code span around one stays as written.
_C = r"(?:[^`\n]|\n(?![ \t]*\r?\n))"  # a character of an expression: no backtick, no blank line
_CB = r"(?:[^{}`\n]|\n(?![ \t]*\r?\n))"  # ... nor a brace
_EXPRESSION = compiled_on_use(
    # First, the common shape read in one step of the engine per character: one line, no brace, backtick or
    # (for `{%`, `{#`) closing mark inside. Where it matches, the alternatives below match the same span (their
    # lazy repeat stops at the first closing, which no character before it can start), and each lazy step
    # through an alternation costs some 600 instructions a character (mdBook's `{{#include …}}` lines).
    r"\{(?:\{(?!\{)[^{}`\n]{0,400}\}\}|%[^%`\n]{0,400}%\}|#[^#`\n]{0,400}#\})|"
    rf"\{{\{{\{{{_CB}{{0,400}}?\}}\}}\}}"  # Handlebars/Mustache unescaped
    rf"|\{{\{{(?:{_CB}|\{{{_CB}*\}}){{0,400}}?\}}\}}"  # Vue, Jinja, Liquid, Nunjucks, Hugo, Handlebars
    rf"|\{{%{_C}{{0,400}}?%\}}"  # Jinja, Liquid, Nunjucks statements
    rf"|\{{#{_C}{{0,400}}?#\}}"  # Jinja comments
)
_OPENERS = ("{{", "{%", "{#")

# Hugo's shortcodes whose body is no prose: `comment` (built in since Hugo 0.137; kubernetes.io's pages
# defined it before), a note to the site's writers that the site never renders, whatever it holds
# (Markdown, blank lines, an HTML comment with the English original in a translated page); and
# `highlight`, whose body is code (`{{< highlight go "linenos=table" >}}`). The pair and its body are one
# expression. The escaped form `{{</* comment */>}}` shows the syntax and hides nothing. Jekyll's Liquid
# tags of the same names are the same (`{% highlight ruby %}` … `{% endhighlight %}`, ruby-lang.org's
# pages; `{% comment %}` … `{% endcomment %}`, Django's and Liquid's), closed by `end` and the name.
_OPAQUE_SHORTCODE = compiled_on_use(r"\{\{[<%][ \t]*(comment|highlight)(?:[ \t]+[^{}<>%\n]*)?[ \t]*[>%]\}\}"
                                    r"|\{%-?[ \t]*(comment|highlight)(?:[ \t]+[^{}%\n]*)?[ \t]*-?%\}")
_OPAQUE_NAMES = ("comment", "highlight")


@cache
def _closing_shortcode(name: str) -> re.Pattern[str]:
    """The closing of Hugo's shortcode ``name``, or of Liquid's tag where ``name`` is ``%`` and the tag's."""
    if name.startswith("%"):
        return re.compile(r"\{%-?[ \t]*end" + name[1:] + r"[ \t]*-?%\}")
    return re.compile(r"\{\{[<%][ \t]*/" + name + r"[ \t]*[>%]\}\}")


class OpaqueShortcode(NamedTuple):
    """A shortcode whose body is no prose: [start, end) from its opening to the end of its closing, the
    body between."""

    start: int
    body_start: int
    body_end: int
    end: int


def opaque_shortcodes(text: str) -> list[OpaqueShortcode]:
    """Hugo's comment and highlight shortcodes (and Liquid's tags of those names) in ``text``, in order (a body runs to the first closing of
    its name: Hugo does not nest them); an opening never closed hides nothing, nor one the writer quoted
    in a code span or a fence's info string."""
    return _opaque_shortcodes(text, _Lines(text))


def _opaque_shortcodes(text: str, lines: _Lines) -> list[OpaqueShortcode]:
    if not any(name in text for name in _OPAQUE_NAMES):
        return []
    found: list[OpaqueShortcode] = []
    # The first closing of each name at or after the last search: a page that quotes many openings in
    # code spans searches on from each, and would read to the same far closing once per opening.
    closings: dict[str, re.Match[str] | None] = {}
    pos = 0
    while (opening := _OPAQUE_SHORTCODE.search(text, pos)) is not None:
        pos = opening.end()
        if lines.in_code_span(opening.start(), opening.end()) or lines.on_fence_opening(opening.start()):
            # Quoted, it opens nothing: a real opening may follow before the closing found after it.
            continue
        name = opening.group(1) or "%" + opening.group(2)
        if name not in closings or ((known := closings[name]) is not None and known.start() < pos):
            closings[name] = _closing_shortcode(name).search(text, pos)
        closing = closings[name]
        if closing is not None and name.startswith("%"):
            closing = _liquid_closing(text, lines, name, pos)
        if closing is None:  # nor after any later opening of this name
            continue
        found.append(OpaqueShortcode(opening.start(), opening.end(), closing.start(), closing.end()))
        pos = closing.end()
    return found


@cache
def _liquid_tag(name: str) -> re.Pattern[str]:
    """An opening (group 1) or a closing of Liquid's tag ``name`` (``%`` and the tag's)."""
    opening = r"(\{%-?[ \t]*" + name[1:] + r"(?:[ \t]+[^{}%\n]*)?[ \t]*-?%\})"
    return re.compile(opening + "|" + _closing_shortcode(name).pattern)


def _liquid_closing(text: str, lines: _Lines, name: str, start: int) -> re.Match[str] | None:
    """The closing of the Liquid tag ``name`` opened just before ``start``, where a closing follows. Liquid parses a tag's body, so an opening there nests (a comment in a comment) and takes a closing:
    an opening whose closing is missing or mistyped (`{% endcomment` with no `%}`) hides nothing, where the
    first closing after it, a later pair's, would hide the prose between (a doubled word, the typo itself)."""
    depth = 1
    for m in _liquid_tag(name).finditer(text, start):
        if m.group(1) is None:
            depth -= 1
            if depth == 0:
                return m
        elif not lines.in_code_span(m.start(), m.end()) and not lines.on_fence_opening(m.start()):
            depth += 1
    return None


def expression_spans(text: str) -> list[tuple[int, int]]:
    """The source ranges of the template expressions in ``text``, in order (none across a blank line:
    that is two paragraphs, not one expression; none longer than about 400 characters), a Hugo comment
    or highlight shortcode with its body being one."""
    return _expressions(text)[0]


def _expressions(text: str, openers: bool | None = None) -> tuple[list[tuple[int, int]], list[OpaqueShortcode]]:
    """expression_spans' ranges, and the opaque shortcodes among them (template_view needs both: each
    costs a scan of the text and a line test per match). ``openers``: whether the text holds an opening
    (``_OPENERS``), where the caller knows."""
    if not (any(o in text for o in _OPENERS) if openers is None else openers):
        return [], []
    lines = _Lines(text)
    found = [m.span() for m in _EXPRESSION.finditer(text)
             if not lines.in_code_span(m.start(), m.end()) and not lines.on_fence_opening(m.start())]
    shortcodes = _opaque_shortcodes(text, lines)
    if not shortcodes:
        return found, []
    opaque = [(c.start, c.end) for c in shortcodes]
    starts = [s for s, _ in opaque]
    outside = [(s, e) for s, e in found
               if (k := bisect.bisect_right(starts, s) - 1) < 0 or opaque[k][1] <= s]
    return sorted(outside + opaque), shortcodes


# A fenced code block's opening line: its info string is the writer's markup, never an expression to stand
# in for (Expressive Code's `"components={{…}}"` marker): a backtick there, which no backtick fence's info
# may hold, made the parser see no fence, read the code as prose, and open a fence at the page's next one
# that swallowed the prose after it.
_FENCE_OPENING = compiled_on_use(r"[ \t]*(?:`{3,}|~{3,})")


class _Lines:
    """Tests of the line an expression stands on, in linear time over a text's expressions in order: each
    test reads only the text between the last place asked and this one (back to its line's start, the
    backticks since then) and the text up to the next line break and backtick after it, which the next
    test reuses. A search back to the line's start and a count along it from there made a page of one long
    line, with an expression every few characters, quadratic. A place before the last one asked (the
    shortcodes', after the expressions') is tested on the positions of the text's line breaks and
    backticks, listed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.has_backtick = "`" in text
        self.has_cr = "\r" in text
        # in_code_span's reading, from the start: the place last asked, the start of its line (after a
        # LF), the backticks between them; the first LF and the first backtick at or after a place (the
        # text's length where there is none), kept as (place, found).
        self._at, self._line_start, self._ticks = 0, 0, 0
        self._next_newline = (0, -1)
        self._next_tick = (0, -1)
        # on_fence_opening's: the place last asked and the start of its line (after a CR or LF).
        self._fence_at, self._fence_line_start = 0, 0

    @cached_property
    def newlines(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    @cached_property
    def breaks(self) -> list[int]:  # a line may end with CR alone too
        return [m.start() for m in re.finditer("[\r\n]", self.text)] if self.has_cr else self.newlines

    @cached_property
    def backticks(self) -> list[int]:
        return [m.start() for m in re.finditer("`", self.text)]

    @cached_property
    def has_fence(self) -> bool:
        return "```" in self.text or "~~~" in self.text

    def in_code_span(self, start: int, end: int) -> bool:
        """Whether ``{{ … }}`` at [start, end) stands between backticks on its line (`` `style={{ a: 1 }}` ``):
        code the writer quoted, which the parser keeps as a code span only if its backticks stay as written."""
        if not self.has_backtick:
            return False
        if start < self._at:
            return self._in_code_span_listed(start, end)
        text = self.text
        k = text.rfind("\n", self._at, start)
        if k >= 0:
            self._line_start = k + 1
            self._ticks = text.count("`", k + 1, start)
        else:
            self._ticks += text.count("`", self._at, start)
        self._at = start
        if self._ticks % 2 == 0:
            return False
        # A backtick after the expression and before its line's end closes the span it stands in.
        return self._first_after(end, "`") < self._first_after(end, "\n")

    def _first_after(self, at: int, char: str) -> int:
        """The first ``char`` (LF or a backtick) at or after ``at``, or the text's length."""
        place, found = self._next_newline if char == "\n" else self._next_tick
        if not place <= at <= found:
            found = self.text.find(char, at)
            if found < 0:
                found = len(self.text)
            if char == "\n":
                self._next_newline = (at, found)
            else:
                self._next_tick = (at, found)
        return found

    def _in_code_span_listed(self, start: int, end: int) -> bool:
        ticks = self.backticks
        if not ticks:
            return False
        newlines = self.newlines
        k = bisect.bisect_left(newlines, start)
        line_start = newlines[k - 1] + 1 if k else 0
        if (bisect.bisect_left(ticks, start) - bisect.bisect_left(ticks, line_start)) % 2 == 0:
            return False
        j = bisect.bisect_left(ticks, end)
        if j == len(ticks):
            return False
        k = bisect.bisect_left(newlines, end)
        return k == len(newlines) or ticks[j] < newlines[k]

    def on_fence_opening(self, at: int) -> bool:
        if not self.has_fence:  # every fence's opening holds one of them
            return False
        text = self.text
        if at < self._fence_at:
            k = bisect.bisect_left(self.breaks, at)
            line_start = self.breaks[k - 1] + 1 if k else 0
        else:
            k = text.rfind("\n", self._fence_at, at)
            if self.has_cr:
                k = max(k, text.rfind("\r", self._fence_at, at))
            line_start = k + 1 if k >= 0 else self._fence_line_start
            self._fence_at, self._fence_line_start = at, line_start
        return _FENCE_OPENING.match(text, line_start) is not None


class Masker:
    """Adds text to a SegmentBuilder with each template expression in it replaced by one placeholder."""

    def __init__(self, text: str) -> None:
        self.spans = expression_spans(text)
        self.starts = [s for s, _ in self.spans]
        self.emitted: set[int] = set()

    def covering(self, at: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self.starts, at) - 1
        if k >= 0 and self.spans[k][0] <= at < self.spans[k][1]:
            return self.spans[k]
        return None

    def add(self, builder: SegmentBuilder, text: str, at: int) -> None:
        """``builder.add(text, at)``, less the expressions (each once, as a placeholder at its start)."""
        if not self.spans:
            builder.add(text, at)
            return
        end = at + len(text)
        k = max(bisect.bisect_right(self.starts, at) - 1, 0)
        pos = at
        while k < len(self.spans) and self.spans[k][0] < end:
            s, e = self.spans[k]
            k += 1
            if e <= pos:
                continue
            if s > pos:
                builder.add(text[pos - at : s - at], pos)
            if s not in self.emitted:
                self.emitted.add(s)
                builder.add_opaque(PLACEHOLDER, max(s, at))
            pos = min(e, end)
        if pos < end:
            builder.add(text[pos - at :], pos)


# Containers: a line of three or more colons, a type, and a title (VitePress `::: tip Title`,
# Docusaurus `:::tip Title` or `:::tip[Title]`); or colons alone, which close one.
_CONTAINER = compiled_on_use(r"^( {0,3})(:{3,})[ \t]*(?:([A-Za-z][\w-]*)[ \t]*(?:\[([^\]\n]*)\]|([^\n]*?))?)?[ \t]*$", re.M | re.A)
# MkDocs admonitions (and pymdownx.details): `!!! note "Title"`, `??? tip`, `???+ warning ""`.
_ADMONITION = compiled_on_use(r'^( {0,3})(!!!|\?\?\?\+?)[ \t]+([\w-]+(?:[ \t]+[\w-]+)*)(?:[ \t]+"([^"\n]*)")?[ \t]*$', re.M | re.A)
# VitePress: `## Heading {#anchor}`, markdown-it-attrs / attr_list `{.class}`, `{: #id }` after a heading.
_HEADING_ATTRS = compiled_on_use(r"^ {0,3}#{1,6}[ \t].*?[ \t](\{[ \t]*:?[ \t]*[#.][^{}\n]*\})[ \t]*$", re.M)
# VitePress directives on a line of their own: `[[toc]]`, `<<< @/snippets/a.js{2}`, `<!--@include: ./a.md-->`.
_DIRECTIVE = compiled_on_use(r"^ {0,3}(?:\[\[toc\]\]|<<<[ \t]*@/[^\n]*)[ \t]*$", re.M | re.I)
# A block's attributes on a line of their own (group 1): kramdown's block attribute list (`{: .note}` before
# or after a paragraph, `{:toc}`; Jekyll sites, just-the-docs' callouts) and markdown-it-attrs' or MkDocs
# attr_list's `{.class}`, `{#id}`: markup that styles the block beside it, which the parser reads as a line
# of that block's paragraph. Not a Jinja or Liquid comment or statement (`{# note #}`, `{%- x -%}`): an
# expression.
_ATTRIBUTE_LINE = compiled_on_use(r" {0,3}(\{(?::[^{}\n]*|[ \t]*[#.][\w-][^{}\n]*)(?<![#%])\})[ \t]*\r?$", re.M)
# What every match of _HEADING_ATTRS and _ATTRIBUTE_LINE holds: a brace and then a blank, a colon, `#` or `.`.
_HEADING_ATTRS_HINT = compiled_on_use(r"\{[ \t:#.]")


def block_attributes(text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """``list(_HEADING_ATTRS.finditer(text))`` and ``list(_ATTRIBUTE_LINE.finditer(text))``, matched only at
    the start of the lines that hold a hint of one: each match is one whole line (from ``^`` to ``$``),
    and every line of a text outside code is a start the MULTILINE scan stops at (Rust's `{:?}` in code
    blocks is such a hint)."""
    out: list[re.Match[str]] = []
    lines: list[re.Match[str]] = []
    tried = -1
    for hint in _HEADING_ATTRS_HINT.finditer(text):
        line_start = text.rfind("\n", 0, hint.start()) + 1
        if line_start <= tried:
            continue
        tried = line_start
        m = _HEADING_ATTRS.match(text, line_start)
        if m is not None:
            out.append(m)
        # (An attribute line's brace, after up to three spaces, is its line's first hint; not mdBook's
        # `{{#include …}}`, whose second brace is.)
        elif ((at := hint.start()) == line_start or (at - line_start <= 3 and text[at - 1] == " ")) \
                and (m := _ATTRIBUTE_LINE.match(text, line_start)) is not None:
            lines.append(m)
    return out, lines


# GitHub's alerts, which VitePress reads too: `> [!NOTE]` alone on a block quote's first line, one of five
# types in any case (group 1). GitHub shows the type as the box's title, in English whatever the page's
# language: markup, not a sentence of the page.
_ALERT = compiled_on_use(r" {0,3}>[ \t]*(\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\])[ \t]*\r?$", re.M | re.I)
_QUOTE_LINE = compiled_on_use(r" {0,3}>")


def _alerts(text: str) -> list[re.Match[str]]:
    """The ``_ALERT``s of ``text`` that open a block quote (the line before them is none of it), each
    looked for at the start of a line that holds `[!` (asked only where a line opens with `>` and `[!`)."""
    out: list[re.Match[str]] = []
    last, line_start, tried = 0, 0, -1
    at = text.find("[!")
    while at >= 0:
        k = text.rfind("\n", last, at)  # (from the last one on: a line of many `[!` is read once)
        if k >= 0:
            line_start = k + 1
        last = at
        if line_start != tried:
            tried = line_start
            m = _ALERT.match(text, line_start)
            if m is not None and (line_start == 0 or _QUOTE_LINE.match(text, text.rfind("\n", 0, line_start - 1) + 1)
                                  is None):
                out.append(m)
        at = text.find("[!", at + 2)
    return out


def _stand_in(text: str, start: int, end: int) -> str:
    """What replaces an expression's outer braces in the view: backticks (a code span, read as one
    placeholder), or quotes where it is an HTML attribute's value (`<a href={{ url }}>`), so the tag
    stays a tag: a backtick is no character of an unquoted attribute value. Only inside a tag opened on
    its line and not closed before it (`timeout={{ t }}` in a sentence stays a placeholder), and with a
    quote the expression does not hold (`{{ url_for("index") }}` takes single ones)."""
    if start == 0 or text[start - 1] != "=":
        return "`"
    line_start = text.rfind("\n", 0, start) + 1
    tag = text.rfind("<", line_start, start)
    if tag < 0 or not text[tag + 1 : tag + 2].isalpha() or ">" in text[tag:start]:
        return "`"
    inner = text[start + 1 : end - 1]
    if '"' not in inner:
        return '"'
    return "'" if "'" not in inner else "`"


def _stood_in(text: str, start: int, end: int) -> str:
    """The expression at [start, end) as the view writes it: its outer braces as ``_stand_in``'s marks and
    what it holds between them, a JSX comment's backticks blanked (`{/* edit `a.js` */}`), which would
    end the code span the comment becomes."""
    mark = _stand_in(text, start, end)
    inner = text[start + 1 : end - 1]
    if text.startswith("{/*", start):
        inner = inner.replace("`", " ")
    return mark + inner + mark


def _is_link_destination(text: str, start: int, end: int) -> bool:
    """Whether the expression at [start, end) is written where a link's URL goes (Hugo's
    `[guide]({{< ref "install.md" >}})`), on one line."""
    return text.startswith("](", start - 2) and "\n" not in text[start:end] and "\r" not in text[start:end]


def _as_link_destination(expression: str) -> str:
    """An expression as a link destination in angle brackets, which may hold the spaces a code span
    stand-in would: `<{  ref "install.md"  }>`, its own angle brackets blanked. The parser then reads a
    link, whose text is prose, where it saw brackets and a placeholder."""
    inner = expression[1:-1].replace("<", " ").replace(">", " ")
    return "<" + inner + ">"


def _blank(view: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if view[i] not in "\r\n" and view[i].isascii():  # a non-ASCII one would move the byte offsets
            view[i] = " "


def _as_heading(view: list[str], marker_start: int, title_start: int, title_end: int, line_end: int) -> None:
    """Rewrite ``marker title rest`` as ``#   title     ``: the title is a heading, the rest blank."""
    view[marker_start] = "#"
    _blank(view, marker_start + 1, title_start)
    _blank(view, title_end, line_end)


class TemplateView(NamedTuple):
    """What the Markdown parser reads (``text`` rewritten, see markdown_view), and the ranges of markup
    it will not show as such: expressions that stand as a link's destination, which a link's node
    leaves out of its text but does not protect."""

    text: str
    markup: list[tuple[int, int]]


# A JSX string literal whose characters are blanks, punctuation or escapes, no letter nor digit: how an MDX
# page read as Markdown (react.dev's .md pages) writes the spaces and line breaks a component shows as
# written (`{'  '}at span` in a console's output, `{'\n'}`, `{'    <--'}`, `{' '}` before a component).
# It is code: its spaces are the page's layout, not a typist's. One that holds a word (`{' par '}`) stays
# prose, as written: it may be read by the page's reader.
_JSX_LITERAL = compiled_on_use(r"""\{(?:'(?:[^\w\n{}'"`\\]|\\[nrt]){1,80}'|"(?:[^\w\n{}'"`\\]|\\[nrt]){1,80}")\}""")


def _jsx_literals(text: str) -> list[tuple[int, int]]:
    """The spans of ``_JSX_LITERAL``s outside code spans and fence openings, in order (asked where the text
    holds a brace before a quote, ``_markers``)."""
    lines = _Lines(text)
    return [m.span() for m in _JSX_LITERAL.finditer(text)
            if not lines.in_code_span(m.start(), m.end()) and not lines.on_fence_opening(m.start())]


# A JSX comment in a Markdown page (MDX saved as .md: react.dev's heading anchors, `## Utilisation {/*usage*/}`,
# a list item's, `- [react.dev](https://react.dev) {/*docs-19*/}`, writers' notes on lines of their own,
# `{/* TODO … */}`): markup, read as a template expression is, backticks and all (``_jsx_comments`` says where).
_JSX_COMMENT = compiled_on_use(r"\{/\*[^\n\r]{0,400}?\*/\}")
# A blank between two characters: an anchor holds none (`{/*usage*/}`, `{/* usage */}`).
_BLANK_INSIDE = compiled_on_use(r"\S\s+\S")
# What ends its line after one: blanks, then a line break or the text's end.
_TO_LINE_END = compiled_on_use(r"[ \t]*(?:[\r\n]|\Z)")


def _jsx_comments(text: str) -> list[tuple[int, int]]:
    """The spans of the JSX comments (``_JSX_COMMENT``) in ``text`` that are markup, in order: each on one line,
    which it ends (blanks after it, or blanks and another that ends it: `{/*a*/} {/*b*/}`), with an even number
    of backticks in it and before it on its line, not on a fence's opening line, and either an anchor (no blank
    inside but at its ends: `{/*usage*/}`, `{/* usage */}`) or alone on its line (a note: after a block's
    prefix only, `{/* TODO … */}`, `> {/* … */}`). Elsewhere it is what the page shows, as written: in a
    sentence of a page that is no MDX (`écrivez ainsi : {/* votre commentaire */}`) it is prose; a code span that reaches into it or out of it (`{/* s'ouvre … `*/}``) would
    end at the backtick that stands for its brace, and leave that backtick, not the file's brace, in the prose;
    over lines, a line of it may close a fence, or open a block that ends the code span it stands for, and
    hide the prose after it."""
    spans = [m.span() for m in _JSX_COMMENT.finditer(text)]
    # From the last: whether each ends its line, or another that does follows it on its line after blanks.
    ends = [False] * len(spans)
    for i in range(len(spans) - 1, -1, -1):
        e = spans[i][1]
        ends[i] = _TO_LINE_END.match(text, e) is not None or (
            i + 1 < len(spans) and ends[i + 1] and not text[e : spans[i + 1][0]].strip(" \t"))
    lines = _Lines(text)
    found: list[tuple[int, int]] = []
    at = ticks = line_start = 0  # the backticks from the start of the line of ``at`` up to it
    for (s, e), last in zip(spans, ends, strict=True):
        if not last or text.count("`", s, e) % 2:
            continue
        k = text.rfind("\n", at, s)
        if k >= 0:
            line_start, ticks = k + 1, text.count("`", k + 1, s)
        else:
            ticks += text.count("`", at, s)
        at = s
        if ticks % 2 or lines.on_fence_opening(s):
            continue
        if _BLANK_INSIDE.search(text, s + 3, e - 3) is None or _BLOCK_PREFIX.fullmatch(text, line_start, s) is not None:
            found.append((s, e))
    return found


def _with_literals(found: tuple[list[tuple[int, int]], list[OpaqueShortcode]],
                   literals: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[OpaqueShortcode]]:
    """``_expressions``' answer with the JSX literals (or comments) that overlap none of its expressions
    (`{{ '  ' }}` is one expression) among them, in order."""
    expressions, shortcodes = found
    if not literals:
        return found
    starts = [s for s, _ in expressions]
    kept = [(s, e) for s, e in literals
            if (k := bisect.bisect_right(starts, s) - 1) < 0 or expressions[k][1] <= s
            if k + 1 >= len(expressions) or expressions[k + 1][0] >= e]
    return (sorted(expressions + kept) if expressions else kept), shortcodes


def _with_comments(text: str, present: set[str], jsx_comments: bool) -> tuple[list[tuple[int, int]], list[OpaqueShortcode]]:
    """``_expressions``' answer for ``text``, whose markers are ``present``, with its JSX comments among them where
    ``jsx_comments`` (a Markdown page's, ``_jsx_comments``)."""
    found = _expressions(text, not present.isdisjoint(_OPENERS))
    return _with_literals(found, _jsx_comments(text)) if jsx_comments and "{/" in present else found


def markdown_view(text: str) -> str:
    """``text`` with its templates and containers rewritten as Markdown the parser reads as markup:
    the same length, the same characters everywhere but the ASCII markup it rewrites."""
    return template_view(text).text


# What every template expression and heading attribute holds, and what every container, admonition and
# directive opens its line with after up to three spaces (``template_view``). Two scans, each for a literal
# the engine finds without trying a match at every character: one scan for all six leads (a class) stepped
# through the class at every character, some 45 instructions each.
# (A brace before a quote, `{'` and `{"`, is where a JSX literal may open: ``_jsx_literals`` is asked only
# where the scan found one, not after two searches of the text for them, some 12M instructions on the Rust
# book. Read at every brace, overlapping ones too: `{{'` holds one.)
_BRACE_MARKERS = compiled_on_use(r"\{(?=([{%#.: \t'\"/]))")
_JSX_OPENINGS = ("{'", '{"')
# What every heading's attributes open with (``_HEADING_ATTRS_HINT``), each among the brace markers.
_ATTRIBUTE_HINTS = ("{ ", "{\t", "{:", "{#", "{.")
_LINE_MARKERS = compiled_on_use(r"\n {0,3}(:::|!!!|\?\?\?|\[\[|<<<|>(?=[ \t]*\[!))")
_FIRST_LINE_MARKER = compiled_on_use(r" {0,3}(:::|!!!|\?\?\?|\[\[|<<<|>(?=[ \t]*\[!))")


def _markers(text: str) -> set[str]:
    """The template markers ``text`` holds: ``{`` and the character after it (one of those that open an
    expression or a heading's attributes, or a quote), at every brace; `:::`, `!!!`,
    `???`, `[[` and `<<<` where a line opens with them (after up to three spaces), the only place
    ``_CONTAINER``, ``_ADMONITION`` and ``_DIRECTIVE`` match; `>` where a line opens with it and `[!` follows
    (after blanks), where ``_ALERT`` matches."""
    present = {"{" + c for c in set(_BRACE_MARKERS.findall(text))}
    present.update(_LINE_MARKERS.findall(text))
    first = _FIRST_LINE_MARKER.match(text)
    if first is not None:
        present.add(first.group(1))
    return present


def _blanked(text: str, present: set[str], attribute_lines: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The markup of ``text`` that stands for nothing (``present``: its markers, ``_markers``): VitePress's
    directives, a block's attributes on a line of their own, GitHub's alerts' `[!NOTE]`."""
    out = [m.span() for m in _DIRECTIVE.finditer(text)] if "[[" in present or "<<<" in present else []
    out += [m.span(1) for m in attribute_lines]
    if ">" in present:
        out += [m.span(1) for m in _alerts(text)]
    return out


def template_view(text: str, jsx_literals: bool = False) -> TemplateView:
    """markdown_view's text, with the markup the parser's tree will not show (``jsx_literals``: JSX literals
    of blanks and JSX comments too, ``_JSX_LITERAL`` and ``_jsx_comments``; Markdown's reader asks, MDX's
    reads every expression itself)."""
    # The markers the text holds (``_markers``).
    present = _markers(text)
    literals = _jsx_literals(text) if jsx_literals and not present.isdisjoint(_JSX_OPENINGS) else []
    if not present and not literals:
        return TemplateView(text, [])
    # Each pattern is scanned for only where the text holds what every match of it holds: a scan for a
    # pattern that opens with `^` (MULTILINE) steps through every character of the text.
    containers = list(_CONTAINER.finditer(text)) if ":::" in present else []
    admonitions = list(_ADMONITION.finditer(text)) if "!!!" in present or "???" in present else []
    attributes, attribute_lines = block_attributes(text) if not present.isdisjoint(_ATTRIBUTE_HINTS) else ([], [])
    blanked = _blanked(text, present, attribute_lines)
    expressions, shortcodes = _with_literals(_with_comments(text, present, jsx_literals), literals)
    opaque = {(c.start, c.end): c for c in shortcodes}
    destinations = {(s, e) for s, e in expressions if _is_link_destination(text, s, e)} if "](" in text else set()
    if not (containers or admonitions or attributes or blanked or opaque):
        if not expressions:
            return TemplateView(text, [])
        # Only expressions (mdBook's `{{#include …}}`): two backticks each, the text between them as it is.
        parts: list[str] = []
        pos = 0
        for s, e in expressions:
            if destinations and (s, e) in destinations:
                parts += [text[pos:s], _as_link_destination(text[s:e])]
            else:
                parts += [text[pos:s], _stood_in(text, s, e)]
            pos = e
        parts.append(text[pos:])
        return TemplateView("".join(parts), sorted(destinations))
    view = list(text)
    for m in containers:
        title = m.group(4) if m.group(4) is not None else m.group(5)
        if title and title.strip():
            t_start = m.start(4) if m.group(4) is not None else m.start(5)
            t_end = t_start + len(title.rstrip())
            _as_heading(view, m.start(2), t_start + len(title) - len(title.lstrip()), t_end, m.end())
        else:
            _blank(view, m.start(), m.end())
    for m in admonitions:
        if m.group(4) and m.group(4).strip():
            _as_heading(view, m.start(2), m.start(4), m.end(4), m.end())
        else:
            _blank(view, m.start(), m.end())
        _quote_admonition_body(text, view, m.end(), len(m.group(1)))
    for m in attributes:
        view[m.start(1)], view[m.end(1) - 1] = "`", "`"
    for s, e in blanked:
        _blank(view, s, e)
    for s, e in expressions:
        if (s, e) in opaque:
            _comment_out(text, view, opaque[s, e])
        elif destinations and (s, e) in destinations:
            view[s:e] = _as_link_destination("".join(view[s:e]))
        else:
            # `{{ x }}` becomes `` `{ x }` ``: an inline code span over the same range (a placeholder).
            view[s:e] = _stood_in(text, s, e)
    return TemplateView("".join(view), sorted(destinations))


# What may stand before a block on its line: indentation, block quote markers, a list item's marker.
_BLOCK_PREFIX = compiled_on_use(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_PREFIX_CHARACTERS = frozenset(" \t>-*+.)0123456789")


def _comment_out(text: str, view: list[str], comment: OpaqueShortcode) -> None:
    """Rewrite a shortcode whose body is no prose as markup the parser skips. One that opens a line
    becomes an HTML comment block (`<!--` … `-->`; blank lines do not end one, the line holding `-->`
    does, so any inside are blanked); one within a line, an inline code span (a placeholder), its own
    backticks blanked, where it holds no blank line that would end the paragraph around it; else its
    opening and closing stand in as two expressions, as before Hugo had the shortcode.

    A block runs to the end of the line that holds its `-->`: where prose follows the closing on its
    line, the block ends on the line before and the closing is a code span that opens the prose's
    paragraph, or, on one line, the whole is a code span. Where the line before cannot hold the `-->`
    (too short, not ASCII), the block hides the rest of the closing's line: a code span over lines
    would end at a body line that opens a block (`- item`, `~~~`) and leave the body as prose."""
    start, opening_end, closing_start, end = comment
    # Back over what may stand before a block only (a search for the line's start would read a long line
    # once per comment on it).
    prefix = start
    while prefix and text[prefix - 1] in _PREFIX_CHARACTERS:
        prefix -= 1
    opens_line = (prefix == 0 or text[prefix - 1] in "\r\n") and _BLOCK_PREFIX.fullmatch(text, prefix, start) is not None
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    closes_line = after == len(text) or text[after] in "\r\n"
    one_line = "\n" not in text[start:end] and "\r" not in text[start:end]
    if opens_line and not closes_line and not one_line and _commented_out_before_closing_line(text, view, comment):
        return
    if opens_line and (closes_line or not one_line):
        view[start : start + 4] = "<!--"
        _blank(view, start + 4, opening_end)
        for k in range(opening_end, closing_start):
            if text.startswith("-->", k):
                _blank(view, k, k + 3)
        _blank(view, closing_start, end - 3)
        view[end - 3 : end] = "-->"
    elif _BLANK_LINE.search(text, start, end) is None:
        view[start] = view[end - 1] = "`"
        for k in range(start + 1, end - 1):
            if view[k] == "`":
                view[k] = " "
    else:
        view[start] = view[opening_end - 1] = view[closing_start] = view[end - 1] = "`"


def _commented_out_before_closing_line(text: str, view: list[str], comment: OpaqueShortcode) -> bool:
    """Whether a shortcode that opens a line, and whose closing opens a later one, could be rewritten as
    an HTML comment block ending on the line before its closing's, the closing a code span (it is
    then); not where text of the body stands before the closing on its line, nor where the line before
    has no three ASCII characters after its block prefix to hold the `-->`."""
    start, opening_end, closing_start, end = comment
    line_start = max(text.rfind("\n", start, closing_start), text.rfind("\r", start, closing_start)) + 1
    if _BLOCK_PREFIX.fullmatch(text, line_start, closing_start) is None:
        return False
    before_end = line_start - 2 if text.startswith("\r\n", line_start - 2) else line_start - 1
    before_start = max(text.rfind("\n", start, before_end), text.rfind("\r", start, before_end)) + 1
    if before_start <= start:  # the line before is the opening's
        body_start = start + 4
    else:
        prefix = _BLOCK_PREFIX.match(text, before_start)
        body_start = prefix.end() if prefix is not None else before_start
    if before_end - 3 < body_start or not all(view[k].isascii() for k in range(before_end - 3, before_end)):
        return False
    view[start : start + 4] = "<!--"
    _blank(view, start + 4, opening_end)
    for k in range(opening_end, before_end):
        if text.startswith("-->", k):
            _blank(view, k, k + 3)
    view[before_end - 3 : before_end] = "-->"
    view[closing_start] = view[end - 1] = "`"
    return True


_BLANK_LINE = compiled_on_use(r"\n[ \t]*\r?\n")


def _quote_admonition_body(text: str, view: list[str], pos: int, indent: int) -> None:
    """An admonition's body is indented by four spaces, which CommonMark reads as code: read it as a
    block quote instead (``>`` over the first space of the indent), so its prose is checked."""
    body = " " * (indent + 4)
    while pos < len(text):
        line_start = pos + 1 if text.startswith("\n", pos) else pos
        if line_start >= len(text):
            return
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        if line.strip() and not line.startswith(body):
            return
        if line.strip():
            view[line_start + indent] = ">"
        pos = line_end

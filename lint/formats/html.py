"""HTML pages: the text of the body, read with the standard library's HTMLParser (which reports the
position of every tag, so each text node keeps its exact place in the file).

Prose: text in block elements (p, h1-h6, li, td, th, blockquote, figcaption, dd, dt, div …), one segment
per block, inline elements (a, em, strong, span …) continuing it; the `alt` and `title` attributes (the
option `attributes`, config `format-options: {html: {attributes: [alt, title, aria-label]}}`).
Not prose: tags and attributes, comments, and the content of script, style, code, pre, kbd, samp,
textarea, template, svg and math. Entities (`&amp;`, `&#8217;`) are decoded and opaque: a finding
points at the entity in the file, and a fix never rewrites it. Inline code stands as a placeholder.

Inline switches are comments: `<!-- copylint-disable S102 -->` … `<!-- copylint-enable -->`,
`<!-- copylint-disable-next-line T101 -->`, `<!-- copylint-disable-file -->`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

from lint.formats import Format, FormatExample, options_table
from lint.formats.builder import (
    PEER_SWITCH_TOOLS,
    PLACEHOLDER,
    SegmentBuilder,
    comment_switches,
    complement,
    merge_ranges,
    peer_suppressions,
    suppressions_from,
)
from lint.formats.templates import Masker
from lint.model import Document, Segment, Source
from lint.patterns import compiled_on_use

# (`xmp` and `listing`: obsolete forms of `pre`, which browsers still show as written.)
_SKIP = frozenset({"script", "style", "code", "pre", "xmp", "listing", "kbd", "samp", "textarea", "template", "svg",
                   "math", "noscript", "head", "var"})
_BLOCK_KIND = {
    "p": "paragraph", "div": "paragraph", "section": "paragraph", "article": "paragraph", "main": "paragraph",
    "body": "paragraph", "header": "paragraph", "footer": "paragraph", "aside": "paragraph", "nav": "paragraph",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "title": "heading", "li": "list_item", "dt": "list_item", "dd": "list_item", "td": "table_cell",
    "th": "table_cell", "blockquote": "blockquote", "figcaption": "caption", "caption": "caption",
    "ul": "paragraph", "ol": "paragraph", "dl": "paragraph", "table": "paragraph", "tr": "paragraph",
    "figure": "paragraph", "form": "paragraph", "br": "", "hr": "",
}
# Options a config may set under `format-options: {html: {...}}`, with their defaults.
OPTIONS = {"attributes": ["alt", "title"], "peer-switches": list(PEER_SWITCH_TOOLS)}


def _attribute_pattern(names: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in names) or "(?!)"
    # Not a bound or event attribute (Vue's `:title`, `v-bind:title`, `@click`, Alpine's `x-bind:title`).
    return re.compile(rf"""(?<![\w:@.-])({alternatives})\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


_ATTRIBUTE = _attribute_pattern(OPTIONS["attributes"])
_PEER_HELP = ("other prose linters whose blanket switches copylint honours, as in Markdown ([] for none)")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
                   "track", "wbr"})


class TolerantParser(HTMLParser):
    """HTMLParser that reads a malformed marked section (`<![-- x -->`, `<![ x`) as browsers do, as a
    bogus comment, where the standard library raises AssertionError ("expected name token")."""

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)


class _Reader(TolerantParser):
    def __init__(self, source: Source, attributes: re.Pattern[str] = _ATTRIBUTE) -> None:
        super().__init__(convert_charrefs=False)
        self.attributes = attributes
        self.text = source.text
        # HTMLParser counts lines at "\n" only (a lone "\r" in an attribute does not start one): so must we.
        self.starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        self.segments: list[Segment] = []
        self.protected: list[tuple[int, int]] = []
        self.skip_depth = 0
        self.skip_start = 0
        self.verbatim: list[tuple[int, int]] = []  # code, scripts, styles: the author's bytes
        self.kinds: list[str] = ["paragraph"]
        self.builder = SegmentBuilder("paragraph")
        self.templates = Masker(self.text)  # {{ }}, {% %}, {# #}: placeholders, not prose
        self.protected.extend(self.templates.spans)

    def _at(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def flush(self) -> None:
        seg = self.builder.build(len(self.segments))
        if seg is not None:
            self.segments.append(seg)
        self.builder = SegmentBuilder(self.kinds[-1])

    def _tag_extent(self) -> tuple[int, int]:
        start = self._at()
        raw = self.get_starttag_text() or ""
        return start, start + len(raw)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start, end = self._tag_extent()
        self.protected.append((start, end))
        if tag in _SKIP:
            if self.skip_depth == 0:
                self.skip_start = start
                if tag in ("code", "kbd", "samp", "var"):
                    self.builder.add_opaque(PLACEHOLDER, start)
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        raw = self.text[start:end]
        for m in self.attributes.finditer(raw):
            value = m.group(2) if m.group(2) is not None else m.group(3)
            at = start + (m.start(2) if m.group(2) is not None else m.start(3))
            attribute = SegmentBuilder("caption")
            add_with_entities(attribute, value, at, self.templates)
            seg = attribute.build(len(self.segments))
            if seg is not None:
                self.segments.append(seg)
        if tag in _BLOCK_KIND:
            self.flush()
            if _BLOCK_KIND[tag] and tag not in _VOID:
                self.kinds.append(_BLOCK_KIND[tag])
                self.builder = SegmentBuilder(self.kinds[-1])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        start = self._at()
        end = self.text.find(">", start) + 1 or start
        self.protected.append((start, end))
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            if self.skip_depth == 0:
                self.protected.append((self.skip_start, end))  # code, scripts, styles: not prose
                self.verbatim.append((self.skip_start, end))
            return
        if self.skip_depth:
            return
        if _BLOCK_KIND.get(tag):
            self.flush()
            if len(self.kinds) > 1:
                self.kinds.pop()
            self.builder = SegmentBuilder(self.kinds[-1])

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.templates.add(self.builder, data, self._at())

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, ref: str) -> None:
        if self.skip_depth:
            return
        at = self._at()
        if self.templates.covering(at):
            return  # an entity inside a template expression: part of its placeholder
        written = self.text[at : at + len(ref)]
        self.builder.add_opaque(html.unescape(written if written.endswith(";") else ref), at)

    def handle_comment(self, data: str) -> None:
        start = self._at()
        self.protected.append((start, start + len(data) + 7))

    def handle_decl(self, decl: str) -> None:
        start = self._at()
        self.protected.append((start, start + len(decl) + 3))


def add_with_entities(builder: SegmentBuilder, value: str, at: int, templates: Masker | None = None) -> None:
    """An attribute's ``value`` (at file offset ``at``) as prose, each character reference one opaque
    character (the one it stands for: a fix never rewrites `&quot;`, the only way to write `"` in a
    double-quoted value), and the template expressions ``templates`` finds one placeholder each."""
    pos = 0
    for m in re.finditer(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);", value):
        if templates is None:
            builder.add(value[pos : m.start()], at + pos)
        else:
            templates.add(builder, value[pos : m.start()], at + pos)
        if templates is None or not templates.covering(at + m.start()):
            builder.add_opaque(html.unescape(m.group()), at + m.start())
        pos = m.end()
    if templates is None:
        builder.add(value[pos:], at + pos)
    else:
        templates.add(builder, value[pos:], at + pos)


def parse(source: Source, options: Mapping[str, Any] | None = None) -> Document:
    names = (options or {}).get("attributes")
    reader = _Reader(source, _ATTRIBUTE if names is None else _attribute_pattern(list(names)))
    reader.feed(source.text)
    reader.close()
    reader.flush()
    # Whitespace between tags is not layout anyone reads: layout rules look only inside the prose.
    spans = sorted((seg.to_source(0), seg.to_source_end(len(seg.text))) for seg in reader.segments)
    gaps = complement(spans, len(source.text) + 1)
    doc = Document(source, "html", reader.segments, protected=merge_ranges(reader.protected + gaps))
    # The structure check (lint.invariants) leaves out the values of the attributes read as prose.
    doc.memo["prose_attributes"] = tuple(OPTIONS["attributes"] if names is None else names)
    doc.memo["verbatim"] = reader.verbatim
    if "copylint-" in source.text:
        doc.suppressions = suppressions_from(source.text, source.line_starts(), comment_switches)
    if "<!--" in source.text:
        peers = (options or {}).get("peer-switches", OPTIONS["peer-switches"])
        doc.suppressions += peer_suppressions(source.text, source.line_starts, peers)
    return doc


_HTML_LANGUAGE = compiled_on_use(
    r"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)", re.IGNORECASE)


def file_language(source: Source) -> str | None:
    """The page's language from `<html lang="fr">` (or `xml:lang`), as browsers and screen readers read it."""
    m = _HTML_LANGUAGE.search(source.text, 0, 8192)
    return m.group(1).replace("_", "-") if m else None


FORMAT = Format(
    name='html',
    title='HTML',
    reader=parse,
    extensions=(".html", ".htm", ".xhtml"),
    language_ids=("html",),
    options=options_table(OPTIONS, {"peer-switches": PEER_SWITCH_TOOLS}, {"peer-switches": _PEER_HELP}),
    file_language=file_language,
    prose='text of the body, one segment per block element (p, h1–h6, li, td, blockquote, figcaption …); '
          '`alt` and `title` attributes',
    not_prose='tags and other attributes, comments, `head`, and the content of script, style, code, pre, kbd, '
              'samp, textarea, template, svg, math; entities are decoded (a finding points at the entity) and '
              'never rewritten',
    examples=(
        FormatExample(
            '<html lang="de"><head><title>T</title></head><body><h1>Titel</h1><p>Ein &amp; zwei <code>x</code>.</p><img alt="Ein Bild" src="a.png"></body></html>\n',
            segments=('Titel', 'Ein & zwei \ufffc.', 'Ein Bild'),
            language='de',
        ),
    ),
)

"""Android string resources (`res/values*/strings.xml`): each `<string>`, each `<item>` of a
`<string-array>` and of a `<plurals>` is a prose segment (kind "string") that knows its name.

Read as aapt2 reads them: escapes (`\\'`, `\\"`, `\\n`, `\\@`, `\\uXXXX`) and entities are decoded and
opaque; an unescaped double quote only quotes (it is not shown), and outside quotes a run of whitespace
shows as one space, so it is one opaque space here (a run of spaces inside quotes is as written). Format
arguments (`%1$s`, `%d`) and `<xliff:g>` elements are placeholders; styling tags (`<b>`, `<i>`,
`<annotation>`, and HTML escaped as `&lt;b&gt;` or in CDATA for `Html.fromHtml`) are markup and their text
is prose. Not read: strings marked `translatable="false"`, references (`@string/name`), comments and
attributes. The language comes from the folder (`values-pt-rBR` is pt-BR, `values-b+sr+Latn` is sr-Latn).
Invalid XML is an error with its line.

A file in a folder qualified by a locale alone (`values-fr`, `values-pt-rBR`, `values-b+sr+Latn`) in another
language than the source's is paired with the same file of the default resources (`res/values/strings.xml`;
options `source` and `source-language`, lint.formats.source_catalogue), name by name: a string-array's items
by index, a plural's quantities by quantity, one the default resources lack (Polish's `few`) with their
`other`. ``pair`` gives family B both strings as the app shows them (``_shown``). Alternative resources in
the default language (`values-night`, `values-car`, `values-fr-land`) are not paired.

Inline switches are comments: `<!-- copylint-disable-next-line T102 -->`, `<!-- copylint-disable -->`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any

from lint.formats import Format, FormatExample, ParseError, options_table
from lint.formats.builder import (
    PLACEHOLDER,
    TEMPLATE_PLACEHOLDER,
    SegmentBuilder,
    comment_switches,
    complement,
    suppressions_from,
)
from lint.formats.source_catalogue import pair, paired, source_path
from lint.model import Document, Segment, Source
from lint.patterns import compiled_on_use

# One XML token: text, comment, CDATA, processing instruction, doctype, end tag, start tag.
_TOKEN = compiled_on_use(
    r"(?P<text>[^<]+)"
    r"|<!--(?P<comment>.*?)-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE[^>]*>"
    r"|</(?P<end>[^\s>]+)\s*>"
    r"|<(?P<start>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>",
    re.S,
)
_ATTR = compiled_on_use(r"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# What stands for something else in a string's text: HTML markup, an escape, an entity, a quote, a whitespace
# run, an argument.
_SPECIAL = compiled_on_use(
    r"&lt;/?[A-Za-z][^<>]*?&gt;|<[A-Za-z/!][^<>]*>|"  # HTML for Html.fromHtml, escaped or in CDATA: markup
    r"\\u[0-9a-fA-F]{4}|\\.|&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);|\"|\s{2,}|[\t\n\r\f]|%%|"
    + TEMPLATE_PLACEHOLDER.pattern
)
_ESCAPES = {"n": "\n", "t": "\t"}
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_SEGMENT_PARENTS = {"string": "resources", "item": ("string-array", "plurals")}
_FOLDER_LOCALE = compiled_on_use(r"^values-(?:mcc\d+-(?:mnc\d+-)?)?(?:([a-z]{2,3})(?:-r([A-Z]{2}))?|b\+([A-Za-z0-9+]+))(?:-|$)")
# Qualifiers of three letters that are no language: the UI mode `car` and the colour mode `hdr`.
_NOT_LANGUAGES = frozenset({"car", "hdr"})
# An HTML tag, and `<xliff:g>` (a placeholder's mark for translators, which aapt2 drops), and CDATA.
_XLIFF_TAG = compiled_on_use(r"</?xliff:g(?:\s[^<>]*)?>")
_CDATA = compiled_on_use(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_WHITE = compiled_on_use(r"(\s)")
_ENTITY = compiled_on_use(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);")
# A plural's quantities other than `other`: where the default resources lack one (Polish's `few` and
# `many` for English's `one` and `other`), the translation translates the source's `other`.
_QUANTITIES = frozenset({"zero", "one", "two", "few", "many"})

# Options a config may set under `format-options: {android-strings: {...}}`: where the default resources are.
OPTIONS = {"source": "auto", "source-language": "en"}
HELP = {
    "source": "the default resources each translated string is compared with (family B): `auto`, the same file in "
              "the `values` folder beside the locale's (`res/values/strings.xml` for `res/values-fr/strings.xml`); a "
              "path relative to the file's folder, `{name}` its file name and `{lang}` the source language "
              "(`../values/{name}`); or `none`",
    "source-language": "the language of the default resources: a folder in that language (`values-en-rGB`) is not "
                       "compared with them",
}


def _check_xml(source: Source) -> None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, encoding="utf-8")
    try:
        etree.fromstring(source.text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"invalid XML: {exc.msg}", exc.lineno or None) from None


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) or "" for m in _ATTR.finditer(raw)}


def _entity(ref: str) -> str:
    name = ref[1:-1]
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _ENTITIES.get(name, ref)


@dataclasses.dataclass
class _String:
    """The segment being read: its builder, whether a double quote is open, where its prose lies."""

    key: str
    builder: SegmentBuilder = dataclasses.field(default_factory=lambda: SegmentBuilder("string"))
    quoted: bool = False
    spans: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    placeholder_depth: int = 0  # inside an <xliff:g>: its content is one placeholder

    def add_text(self, raw: str, at: int) -> None:
        builder = self.builder
        pos = 0
        for m in _SPECIAL.finditer(raw):
            self._verbatim(raw[pos : m.start()], at + pos)
            token, where = m.group(), at + m.start()
            if token[0] == "<" or (token.startswith("&lt;") and token.endswith("&gt;")):
                builder.add_opaque(PLACEHOLDER, where)
            elif token == '"':
                self.quoted = not self.quoted  # aapt2 drops it: it only keeps what it quotes as written
            elif token.startswith("\\u"):
                builder.add_opaque(chr(int(token[2:], 16)), where)
            elif token.startswith("\\"):
                builder.add_opaque(_ESCAPES.get(token[1], token[1]), where)
            elif token.startswith("&"):
                builder.add_opaque(_entity(token), where)
            elif token == "%%":
                builder.add_opaque("%", where)  # a format string's percent sign
            elif token.isspace():
                if self.quoted:
                    self._verbatim(token, where)
                else:
                    builder.add_opaque(" ", where)
            else:
                builder.add_opaque(PLACEHOLDER, where)
            pos = m.end()
        self._verbatim(raw[pos:], at + pos)

    def _verbatim(self, text: str, at: int) -> None:
        if text:
            self.builder.add(text, at)
            self.spans.append((at, at + len(text)))


def _is_reference(text: str, start: int) -> bool:
    """A value that is a reference to another resource (`@string/app_name`, `?attr/x`), not text."""
    head = text[start : start + 200].lstrip()
    return head.startswith(("@", "?")) and not head.startswith(("@@", "??"))


class _Walk:
    """The elements open at each token and the string being read, if any."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.segments: list[Segment] = []
        self.prose: list[tuple[int, int]] = []
        self.stack: list[str] = []
        self.counters: list[int] = []  # children read so far in each open element
        self.open_attrs: list[dict[str, str]] = []  # the attributes of each open element
        self.current: _String | None = None
        self.depth = 0  # the stack depth of the element the current string is read from
        self.content = 0  # where the current string's content starts
        self.raws: list[str] = []  # each segment's content as written (``_shown`` reads it as the app shows it)

    def text_at(self, raw: str, at: int) -> None:
        if self.current is not None and self.current.placeholder_depth == 0:
            self.current.add_text(raw, at)

    def start(self, m: re.Match[str]) -> None:
        tag, empty = m.group("start"), bool(m.group("empty"))
        name, attrs = _local(tag), _attrs(m.group("attrs"))
        if self.counters:
            self.counters[-1] += 1
        current = self.current
        if current is not None:
            if tag.startswith("xliff:") and name == "g" and not empty:  # its content is one placeholder
                if current.placeholder_depth == 0:
                    current.builder.add_opaque(PLACEHOLDER, m.start())
                current.placeholder_depth += 1
        elif not empty:
            self.current = self._string_of(name, attrs, m.end())
            self.depth = len(self.stack) + 1
            self.content = m.end()
        if not empty:
            self.stack.append(name)
            self.counters.append(0)
            self.open_attrs.append(attrs)

    def _string_of(self, name: str, attrs: dict[str, str], content: int) -> _String | None:
        """The string an element starts: a `<string>` of `<resources>`, an `<item>` of a `<string-array>`
        or `<plurals>`, each translatable and not a reference; else None."""
        parent = self.stack[-1] if self.stack else ""
        if name not in _SEGMENT_PARENTS or parent not in _SEGMENT_PARENTS[name]:
            return None
        if attrs.get("translatable", "true") == "false" or _is_reference(self.text, content):
            return None
        if name == "string":
            return _String(attrs.get("name", ""))
        outer = self.open_attrs[-1]
        if outer.get("translatable", "true") == "false":
            return None
        return _String(f"{outer.get('name', '')}.{attrs.get('quantity', self.counters[-1] - 1)}")

    def end(self, tag: str, at: int) -> None:
        current = self.current
        if current is not None and current.placeholder_depth and tag.startswith("xliff:"):
            current.placeholder_depth -= 1
        if current is not None and len(self.stack) == self.depth and _local(tag) == self.stack[-1]:
            seg = current.builder.build(len(self.segments))
            if seg is not None:
                self.segments.append(dataclasses.replace(seg, key=current.key))
                self.prose.extend(current.spans)
                self.raws.append(self.text[self.content : at])
            self.current = None
        if self.stack:
            self.stack.pop()
            self.counters.pop()
            self.open_attrs.pop()


def _walked(source: Source) -> _Walk:
    text = source.text
    _check_xml(source)
    walk = _Walk(text)
    for m in _TOKEN.finditer(text):
        if m.group("text") is not None:
            walk.text_at(m.group(), m.start())
        elif m.group("cdata") is not None:
            walk.text_at(m.group("cdata"), m.start("cdata"))
        elif m.group("start") is not None:
            walk.start(m)
        elif m.group("end") is not None:
            walk.end(m.group("end"), m.start())
    return walk


def parse(source: Source, options: Mapping[str, Any] | None = None, *,
          sources: tuple[str, ...] | None = None) -> Document:
    text = source.text
    walk = _walked(source)
    doc = Document(source, "android-strings", walk.segments, protected=complement(sorted(walk.prose), len(text)))
    if "copylint-" in text:
        doc.suppressions = suppressions_from(text, source.line_starts(), comment_switches)
    # Each string given the default resources' string of the same name (lint.formats.source_catalogue).
    doc.segments, decoded = paired(source.path, doc.segments, walk.raws, options, (), load=_source_values,
                                   decode=_shown, auto=_source_of, other=_plural_other, sources=sources)
    if decoded:
        doc.memo["i18n-values"] = decoded
    return doc


def _shown(raw: str) -> str:
    """A string's content as the app shows it, as aapt2 reads it: escapes and entities decoded, quotes
    dropped, outside quotes a run of white space one space and none at either end; styling tags (and the
    HTML escaped for `Html.fromHtml`, unescaped) and format arguments as written; `<xliff:g>` tags dropped,
    their content kept. What family B compares (``pair``)."""
    text = _XLIFF_TAG.sub("", _CDATA.sub(lambda m: m.group(1), raw)) if "<" in raw else raw
    out: list[tuple[str, bool]] = []  # (text, whether it is white space outside quotes: trimmed at the ends)
    quoted = False

    def verbatim(chunk: str) -> None:
        for part in _WHITE.split(chunk) if not quoted else (chunk,):
            if part:
                out.append((part, not quoted and part.isspace()))

    pos = 0
    for m in _SPECIAL.finditer(text):
        verbatim(text[pos : m.start()])
        token = m.group()
        if token.startswith("&lt;"):
            out.append((_ENTITY.sub(lambda e: _entity(e.group()), token), False))
        elif token == '"':
            quoted = not quoted
        elif token.startswith("\\u"):
            out.append((chr(int(token[2:], 16)), False))
        elif token.startswith("\\"):
            out.append((_ESCAPES.get(token[1], token[1]), False))
        elif token.startswith("&"):
            out.append((_entity(token), False))
        elif token.isspace():
            out.append((token, False) if quoted else (" ", True))
        else:  # a tag, `%%`, a format argument: as written
            out.append((token, False))
        pos = m.end()
    verbatim(text[pos:])
    while out and out[0][1]:
        out.pop(0)
    while out and out[-1][1]:
        out.pop()
    return "".join(part for part, _ in out)


def _source_values(text: str) -> dict[str, str]:
    """The default resources' strings by name, as the app shows them (``_shown``)."""
    walk = _walked(Source("<source>", text))
    return {seg.key or "": _shown(raw) for seg, raw in zip(walk.segments, walk.raws, strict=True)}


def _folder_language(name: str, whole: bool = False) -> str | None:
    """The language of a resource folder's locale qualifier (`values-fr-rCA` is fr-CA, `values-b+sr+Latn`
    is sr-Latn, `values` and `values-night` name none); ``whole``: only where the locale is the folder's
    only qualifier (`values-fr`, not `values-fr-land`)."""
    m = _FOLDER_LOCALE.match(name)
    if m is None or m.group(1) in _NOT_LANGUAGES or (whole and m.end() != len(name)):
        return None
    if m.group(3):
        return m.group(3).replace("+", "-")
    return "-".join(part for part in m.group(1, 2) if part)


def _source_of(target: Path, tag: str) -> Path | None:
    """`source: auto`: the default resources (`res/values/strings.xml`) of a file in a folder qualified by a
    locale alone (`res/values-pt-rBR/strings.xml`) in another language than the source's."""
    own = _folder_language(target.parent.name, whole=True)
    if own is None or own.partition("-")[0].lower() == tag.partition("-")[0]:
        return None
    return target.parent.parent / "values" / target.name


def _plural_other(key: str) -> str | None:
    name, _, quantity = key.rpartition(".")
    return f"{name}.other" if name and quantity in _QUANTITIES else None


def sources(path: str, options: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """The default resources a translated file is compared with (the results cache keys on them too)."""
    found = source_path(path, options, (), _source_of)
    return (found,) if found else ()


def structure(doc: Document) -> list[tuple[object, ...]]:
    """Every element and comment as lxml reads it (tag, attributes) with its untranslated text (an
    untranslatable string, a reference): what a fix keeps."""
    from lxml import etree

    root = etree.fromstring(doc.text.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    read = {(seg.key or "").split(".")[0] for seg in doc.segments}
    out: list[tuple[object, ...]] = []
    for el in root.iter():
        kept = el.get("name") not in read and el.getparent() is not None and el.getparent().get("name") not in read
        tag = el.tag if isinstance(el.tag, str) else "#comment"
        out.append((tag, sorted(el.attrib.items()), el.text if kept else None))
    return out


def file_language(source: Source) -> str | None:
    """The language of the folder the file is in, as Android resolves it: `values-fr-rCA` is fr-CA,
    `values-b+sr+Latn` is sr-Latn, `values` (the default resources) names none."""
    return _folder_language(PurePath(source.path).parent.name)


FORMAT = Format(
    name="android-strings",
    title="Android string resources",
    reader=parse,
    patterns=("*/values/strings.xml", "*/values-*/strings.xml"),
    options=options_table(OPTIONS, {}, HELP),
    file_language=file_language,
    pair=pair,
    sources=sources,
    structure=structure,
    claims="map other resource files with `formats: {\"**/res/values*/arrays.xml\": android-strings}`",
    prose="each `<string>` and each `<item>` of a `<string-array>` or `<plurals>` (the segment knows its name, "
          "`songs.one`, `planets.0`); the folder's locale (`values-fr-rCA`) sets the language. With `source: auto` "
          "(the default), a file in a folder qualified by a locale alone (`values-fr`, `values-pt-rBR`, "
          "`values-b+sr+Latn`) in another language than the source's is paired with the same file of the default "
          "resources (`res/values/strings.xml`), name by name (a string-array's items by index, a plural's "
          "quantities by quantity; one the default resources lack, `few`, with their `other`), and the B family "
          "compares each string with the default one as the app shows both (escapes decoded, quotes dropped, white "
          "space collapsed, tags and format arguments as written), as a PO msgstr with its msgid",
    not_prose="strings with `translatable=\"false\"`, references (`@string/name`), names and other attributes, "
              "comments, styling tags (their text is prose); escapes, entities, quotes, format arguments "
              "(`%1$s`) and `<xliff:g>` are read but never rewritten; outside quotes a run of whitespace is "
              "read as the one space Android shows. Invalid XML is an error with its line",
    examples=(
        FormatExample(
            '<?xml version="1.0" encoding="utf-8"?>\n'
            "<resources>\n"
            '    <string name="app_name" translatable="false">Acme</string>\n'
            "    <!-- the greeting -->\n"
            '    <string name="hello">Hello, <b>%1$s</b>! Don\\\'t wait.</string>\n'
            '    <string name="ref">@string/hello</string>\n'
            '    <string-array name="planets"><item>Mercury</item><item>Venus &amp; Mars</item></string-array>\n'
            '    <plurals name="songs">\n'
            '        <item quantity="one">%d song</item>\n'
            '        <item quantity="other">%d songs</item>\n'
            "    </plurals>\n"
            "</resources>\n",
            path="app/src/main/res/values/strings.xml",
            segments=("Hello, \ufffc! Don't wait.", "Mercury", "Venus & Mars", "\ufffc song", "\ufffc songs"),
            keys=("hello", "planets.0", "planets.1", "songs.one", "songs.other")),
        FormatExample(
            '<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">\n'
            '    <string name="long">Une phrase\n'
            "        sur deux lignes.</string>\n"
            '    <string name="quoted">"Deux  espaces"</string>\n'
            '    <string name="tip">Touchez <xliff:g id="button" example="OK">%s</xliff:g> pour\\ncontinuer.</string>\n'
            "</resources>\n",
            path="res/values-fr-rCA/strings.xml",
            segments=("Une phrase sur deux lignes.", "Deux  espaces", "Touchez \ufffc pour\ncontinuer."),
            language="fr-CA"),
        FormatExample(
            '<resources>\n    <string name="a">Hello</string>\n    <string name="b">Bye</strin>\n</resources>\n',
            path="res/values/strings.xml", error_line=3),
        FormatExample(
            "<resources>\n"
            '    <string name="a">Saved , thanks.</string>\n'
            '    <string name="b">A   run of spaces,\n        one space on screen.</string>\n'
            "</resources>\n",
            path="res/values/strings.xml",
            segments=("Saved , thanks.", "A run of spaces, one space on screen."),
            fixed="<resources>\n"
                  '    <string name="a">Saved, thanks.</string>\n'
                  '    <string name="b">A   run of spaces,\n        one space on screen.</string>\n'
                  "</resources>\n"),
    ),
)

"""XLIFF 1.2 and 2.0 translation files: each `<target>` is a prose segment (kind "target") whose
``source_text`` is its `<source>`, for the bilingual family B.

Structure. XLIFF 1.2 (`urn:oasis:names:tc:xliff:document:1.2`, also 1.1/1.0 and no namespace):
`file/body/(group/)trans-unit/target`; a `<seg-source>` whose `<mrk mtype="seg" mid="…">` are matched
in the target makes one segment per `mrk` (its source is the `seg-source` mrk with the same `mid`).
`<alt-trans>` suggestions are not prose. XLIFF 2.0 (`urn:oasis:names:tc:xliff:document:2.0`, also
2.1): `file/(group/)unit/segment/target`, one segment per `<segment>`; `<ignorable>` is not prose.

Not prose: everything but the text of the targets: sources, notes, comments, tags and attributes.
Skipped: units (or groups, files) with `translate="no"`; 1.2 targets whose `state` is `new` or
`needs-translation` (no translation yet, often a copy of the source); 2.0 segments with an explicit
`state="initial"` (a segment without a state is linted: the spec's default is "initial", but tools omit
the attribute on finished work, and a written `<target>` is meant to be read); empty targets. 1.2
`needs-review-*`, `translated`, `signed-off`, `final` and `approved="yes"` targets are all linted:
approval is no reason to hide a defect.

Inline codes are not prose. Standalone codes and codes with native content (1.2 `<x/>`, `<bx/>`,
`<ex/>`, `<ph>…</ph>`, `<bpt>…</bpt>`, `<ept>…</ept>`, `<it>…</it>`; 2.0 `<ph/>`, `<sc/>`, `<ec/>`)
each stand as one opaque placeholder (U+FFFC) in the segment text, so the words on either side do not
glue and a fix never edits them. Paired containers (1.2 `<g>`, 2.0 `<pc>`) and annotations (`<mrk>`,
`<sm/>`, `<em/>`) are dropped: their content is prose that continues the sentence. 2.0 `<cp hex="…"/>`
is the character it names. Template placeholders written in the text (`{{ limit }}`, `%s`, `{0}`) are
one opaque placeholder each, as in PO files. Entities and character references (`&amp;`, `&#233;`) are decoded and
opaque; CDATA content stands for itself. A finding maps back to the exact place in the file.

How B rules compare codes: ``rendered`` (used for ``source_text`` and by ``lint.formats.bilingual.pair``
for the target) gives the decoded text with each code written canonically with its id only:
`<ph id="1"/>`, `<x id="1"/>`, `<sc id="1"/>`, `<ec id="1"/>` (an `<ec startRef="1"/>` is written with
id 1), `<g id="1">…</g>`, `<pc id="1">…</pc>`; the native content of 1.2 codes is dropped (it is the
app's code, not compared), annotations are dropped. B106 tag-mismatch compares them by name and id.

The file is first parsed with lxml (no network, no entity expansion), so invalid XML is an error with
lxml's message and line; offsets come from a scan of the raw text, one token at a time (comments, CDATA,
processing instructions and quoted attribute values are whole tokens, so a `>` or `<target>` in them
fools nothing), cross-checked element by element with lxml's tree.

Inline switches are comments: `<!-- copylint: disable=B101,T102 -->` right before an element (a unit,
a group, a file) covers that element; `<!-- copylint-disable S102 -->` … `<!-- copylint-enable -->`,
`<!-- copylint-disable-next-line T101 -->` and `<!-- copylint-disable-file -->` as in HTML.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.formats import Format, FormatExample, ParseError, options_table
from lint.formats.builder import (
    ICU_COMPLEX,
    PLACEHOLDER,
    TEMPLATE_PLACEHOLDER,
    SegmentBuilder,
    comment_switches,
    complement,
    suppressions_from,
    switch_codes,
)
from lint.formats.i18n_json import add_icu_prose
from lint.formats.markup import MARKUPS, markup_of_xliff, masked, option
from lint.model import Document, Segment, Source, Suppression
from lint.patterns import compiled_on_use

XLIFF_20 = "urn:oasis:names:tc:xliff:document:2.0"

# One token of XML at a time: text, comment, CDATA, processing instruction, doctype, end tag, start tag
# (its quoted attribute values may hold `>`). On a well-formed document the tokens are contiguous. A doctype's
# internal subset is read as XML reads it, a comment, a processing instruction or a literal at a time, and
# never read again another way: a quote in a processing instruction (`<?pi it's?>`) after 22 comments had
# the engine try each comment as a comment and as characters, over a minute for a 400-byte file.
_TOKEN = compiled_on_use(
    r"(?P<text>[^<]+)"
    r"|<!--(?P<comment>.*?)-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE(?:[^\[>\"']|\"[^\"]*\"|'[^']*'|\[(?:<!--.*?-->|<\?.*?\?>|\"[^\"]*\"|'[^']*'|[^\]\"'])*+\])*>"
    r"|</(?P<end>[^\s>]+)\s*>"
    r"|<(?P<start>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>",
    re.S,
)
_ATTR = compiled_on_use(r"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = compiled_on_use(r"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}

# Whole elements that are codes, never prose (their native content included).
_CODES = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "sc", "ec"})
# Containers whose tags are rendered for B106 (their content is prose).
_PAIRED = frozenset({"g", "pc"})

# A comment that switches rules off for the element after it: the codes, then blanks to the comment's end. The
# codes are read as runs of blanks each ended by another character, possessively, so that where they end and
# the blanks begin is never in doubt (lazy codes then `\s*$` read the blanks again from each of their
# characters: quadratic, issue 18).
_DISABLE = compiled_on_use(r"^\s*copylint:\s*disable=([\w.,:\s-](?:\s*+[\w.,:-])*+)\s*+\Z")
_BETWEEN = compiled_on_use(r"(?:\s|<!--.*?-->)*", re.S)
# Angular's `ng extract-i18n` names its file `ng2.template` (XLIFF 1.2) or `ng.template` (2.0): the strings
# are an HTML template's text, whose whitespace Angular collapses (a line break and its indentation kept as
# one space at an element's edge: `<button>\n  Save\n</button>` gives ` Save `).
_ANGULAR = compiled_on_use(r"""<file\b[^>]*?\boriginal\s*=\s*["']ng2?\.template["']""")

_V1_SKIPPED_STATES = frozenset({"new", "needs-translation"})


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _reference(name: str) -> str | None:
    try:
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
    except (ValueError, OverflowError):
        return None
    return _NAMED.get(name)


def _decode(raw: str) -> str:
    if "&" not in raw:
        return raw
    return _REF.sub(lambda m: _reference(m.group(1)) or m.group(), raw)


def _attrs(raw: str) -> dict[str, str]:
    return {_local(m.group(1)): _decode(m.group(2) if m.group(2) is not None else m.group(3) or "")
            for m in _ATTR.finditer(raw)}


# -- the content of one element, token by token ------------------------------------------------------


def _events(text: str, start: int) -> Iterator[tuple[str, int, int, str, str]]:
    """The content of the element whose start tag ends at ``start``, up to its end tag, as events
    (kind, start, end, name or text, attributes): `text` (raw, undecoded), `cdata`, `code` (a whole
    inline code element), `cp`, `open` and `close` (other elements' tags)."""
    end = text.find("<", start)
    if end > start and text.startswith("</", end):  # plain content, the common case: one text event
        yield "text", start, end, text[start:end], ""
        return
    depth = 0
    skip = 0  # inside a code element: its content is not prose
    code: re.Match[str] | None = None  # that code element's start tag
    for m in _TOKEN.finditer(text, start):
        if skip:
            skip += _nesting(m)
            if not skip and code is not None:
                yield "code", code.start(), m.end(), _local(code.group("start")), code.group("attrs")
        elif m.group("text") is not None:
            yield "text", m.start(), m.end(), m.group(), ""
        elif m.group("start") is not None:
            name, empty = _local(m.group("start")), bool(m.group("empty"))
            if name in _CODES and not empty:
                skip, code = 1, m
            else:
                depth += 0 if empty or name in _CODES or name == "cp" else 1
                yield from _start_tag(m, name, empty)
        elif m.group("end") is not None:
            if depth == 0:
                return
            depth -= 1
            yield "close", m.start(), m.end(), _local(m.group("end")), ""
        elif m.group("cdata") is not None:
            yield "cdata", m.start("cdata"), m.end("cdata"), m.group("cdata"), ""
        # comments and processing instructions: nothing


def _nesting(m: re.Match[str]) -> int:
    """How a token inside a code element changes the depth of elements in it."""
    if m.group("start") is not None:
        return 0 if m.group("empty") else 1
    return -1 if m.group("end") is not None else 0


def _start_tag(m: re.Match[str], name: str, empty: bool) -> Iterator[tuple[str, int, int, str, str]]:
    """The events of a start tag that is not a code element's with content."""
    if name in _CODES:
        yield "code", m.start(), m.end(), name, m.group("attrs")
    elif name == "cp":
        yield "cp", m.start(), m.end(), name, m.group("attrs")
    elif not empty:
        yield "open", m.start(), m.end(), name, m.group("attrs")
    elif name in _PAIRED:  # an empty container: rendered, so that B106 still compares it
        yield "open", m.start(), m.end(), name, m.group("attrs")
        yield "close", m.end(), m.end(), name, ""


def _cp(attrs: str) -> str:
    try:
        return chr(int(_attrs(attrs).get("hex", ""), 16))
    except (ValueError, OverflowError):
        return PLACEHOLDER


def rendered(text: str, start: int) -> str:
    """The content of the element whose start tag ends at ``start``, decoded, with inline codes written
    canonically (`<ph id="1"/>`, `<pc id="1">…</pc>`) so that the B rules compare them."""
    out: list[str] = []
    for kind, _, _, value, attrs in _events(text, start):
        if kind == "text":
            out.append(_decode(value))
        elif kind == "cdata":
            out.append(value)
        elif kind == "cp":
            out.append(_cp(attrs))
        elif kind == "code":
            a = _attrs(attrs)
            ident = a.get("id") or a.get("startRef") or a.get("rid")
            out.append(f'<{value} id="{ident}"/>' if ident else f"<{value}/>")
        elif kind == "open" and value in _PAIRED:
            ident = _attrs(attrs).get("id")
            out.append(f'<{value} id="{ident}">' if ident else f"<{value}>")
        elif kind == "close" and value in _PAIRED:
            out.append(f"</{value}>")
    return "".join(out)


def _segment(text: str, start: int, index: int, source_text: str | None, key: str | None,
             runs: list[tuple[int, int]]) -> Segment | None:
    builder = SegmentBuilder("target")
    found: list[tuple[int, int]] = []
    icu: list[str] = []
    for kind, s, e, value, attrs in _events(text, start):
        if kind == "text":
            pos = 0
            for m in _REF.finditer(value):
                _add_prose(builder, value[pos : m.start()], s + pos, icu)
                builder.add_opaque(_reference(m.group(1)) or PLACEHOLDER, s + m.start())
                pos = m.end()
            _add_prose(builder, value[pos:], s + pos, icu)
            found.append((s, e))
        elif kind == "cdata":
            _add_prose(builder, value, s, icu)
            found.append((s, e))
        elif kind == "cp":
            builder.add_opaque(_cp(attrs), s)
        elif kind == "code":
            builder.add_opaque(PLACEHOLDER, s)  # a code between two words keeps them apart
    seg = builder.build(index, strip=False)
    if seg is None and builder.parts and "".join(builder.parts).strip():
        # Nothing but placeholders or inline codes (`%s` for `%s | %s`): no prose for the other rules,
        # but the B family still compares them with the source's.
        seg = Segment(PLACEHOLDER, "target", ((0, start),), index, opaque=((0, 1),))
    if seg is None:
        return None
    runs.extend(found)
    # The first anchor records where the element's content starts (a run of length zero when the content
    # opens with a tag), so that `lint.formats.bilingual.pair` can render the target from the Source;
    # a later anchor at segment offset 0 wins for the mapping, so nothing else changes.
    anchors = seg.anchors if seg.anchors[0] == (0, start) else ((0, start), *seg.anchors)
    return dataclasses.replace(seg, anchors=anchors, source_text=source_text, key=key)


def _add_prose(builder: SegmentBuilder, text: str, at: int, icu: list[str]) -> None:
    """``text`` (at file offset ``at``) as prose, each template placeholder in it (`{{ limit }}`, `%s`,
    `{0}`) one opaque placeholder: the application's syntax, which B101 compares with the source's. An ICU
    plural or select (Angular's `{VAR_SELECT, select, true {…} other {…}}`) is syntax but for its branches'
    texts, as in i18n JSON; ``icu``: the target's braces still open, over its inline codes. Each branch is a
    paragraph of its own: an alternative to the one before it (`{Le dossier} other {La fiche}`), not the
    sentence going on."""
    if icu or ("{" in text and ICU_COMPLEX.search(text)):
        add_icu_prose(builder, text, at, icu, between="\n\n")
        return
    pos = 0
    if "{" in text or "%" in text:
        for m in TEMPLATE_PLACEHOLDER.finditer(text):
            builder.add(text[pos : m.start()], at + pos)
            builder.add_opaque(PLACEHOLDER, at + m.start())
            pos = m.end()
    builder.add(text[pos:], at + pos)


def content_start(seg: Segment) -> int:
    """Where the content of the element a target segment was read from starts in the Source."""
    return seg.anchors[0][1]


# -- the whole document ---------------------------------------------------------------------------


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _scan(text: str) -> tuple[list[tuple[str, int, int, int, int]], list[tuple[int, int, str]]]:
    """Every element as (written name, start, end of start tag, start of end tag, end), in document
    order, and every comment as (start, end, content)."""
    elements: list[list[Any]] = []
    comments: list[tuple[int, int, str]] = []
    stack: list[int] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() != pos:
            break
        pos = m.end()
        if m.group("start") is not None:
            if m.group("empty"):
                elements.append([m.group("start"), m.start(), m.end(), m.end(), m.end()])
            else:
                stack.append(len(elements))
                elements.append([m.group("start"), m.start(), m.end(), m.end(), m.end()])
        elif m.group("end") is not None:
            if not stack:
                raise ParseError("unexpected end tag", _line(text, m.start()))
            i = stack.pop()
            elements[i][3], elements[i][4] = m.start(), m.end()
        elif m.group("comment") is not None:
            comments.append((m.start(), m.end(), m.group("comment")))
    if pos != len(text) or stack:
        raise ParseError("could not read the markup here", _line(text, pos))
    return [tuple(e) for e in elements], comments  # type: ignore[misc]


def _load(source: Source) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, encoding="utf-8")
    try:
        return etree.fromstring(source.text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"invalid XML: {exc.msg}", exc.lineno or None) from None


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _translatable(el: Any) -> bool:
    node = el
    while node is not None:
        value = node.get("translate")
        if value is not None:
            return str(value).strip().lower() != "no"
        node = node.getparent()
    return True


# Options a config may set under `format-options: {xliff: {...}}`: the markup inside the strings.
OPTIONS = {"markup": "auto"}
CHOICES = {"markup": MARKUPS}


def parse(source: Source, options: Mapping[str, Any] | None = None) -> Document:
    text = source.text
    root = _load(source)
    ns, local = _split(root.tag)
    if local != "xliff":
        raise ParseError(f"not an XLIFF document: the root element is <{local}>", root.sourceline)
    spans, comments = _scan(text)
    where = _spans_of_elements(root, text, spans)
    version2 = ns == XLIFF_20 or str(root.get("version", "")).startswith("2")
    segments: list[Segment] = []
    runs: list[tuple[int, int]] = []
    for content, source_el, key in (_targets_v2 if version2 else _targets_v1)(root, ns):
        open_end, close = where[content][2:4]
        if close == open_end:
            continue  # empty
        source_text = rendered(text, where[source_el][2]) if source_el is not None else None
        seg = _segment(text, open_end, len(segments), source_text, key, runs)
        if seg is not None:
            segments.append(seg)
    doc = Document(source, "xliff", segments)
    doc.protected = complement(sorted(runs), len(text))
    doc.suppressions = _suppressions(source, spans, comments)
    markup = option(options)
    markup = markup_of_xliff(text) if markup == "auto" else markup
    doc.memo["markup"] = markup
    if markup == "html" and _ANGULAR.search(text, 0, 8000):
        doc.memo["angular-template"] = True
    doc.segments = [masked(seg, markup) for seg in doc.segments]
    return doc


def _spans_of_elements(root: Any, text: str, spans: list[tuple[str, int, int, int, int]]) -> dict[Any, Any]:
    """Each element of the tree -> its span in the text (``_scan``'s, in document order)."""
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    if len(elements) != len(spans):
        raise ParseError("could not match the markup with the XML tree", None)
    where: dict[Any, tuple[str, int, int, int, int]] = {}
    for el, span in zip(elements, spans, strict=True):
        written = (f"{el.prefix}:" if el.prefix else "") + _split(el.tag)[1]
        if written != span[0]:
            raise ParseError(f"could not match <{span[0]}> with the XML tree", _line(text, span[1]))
        where[el] = span
    return where


def _q(ns: str | None, name: str) -> str:
    return f"{{{ns}}}{name}" if ns else name


def _child(el: Any, ns: str | None, name: str) -> Any:
    return next(iter(el.iterchildren(_q(ns, name))), None)


# What a target to check is: (the element whose content is the translation, the element whose content
# it translates or None, the unit's id).
Target = tuple[Any, Any, str | None]


def _targets_v2(root: Any, ns: str | None) -> Iterator[Target]:
    """XLIFF 2: each translatable unit's segments' targets, but those still in state "initial"."""
    for unit in root.iter(_q(ns, "unit")):
        if not _translatable(unit):
            continue
        for seg_el in unit.iterchildren(_q(ns, "segment")):
            if str(seg_el.get("state", "")).strip() == "initial":
                continue
            target = _child(seg_el, ns, "target")
            if target is not None:
                yield target, _child(seg_el, ns, "source"), unit.get("id")


def _targets_v1(root: Any, ns: str | None) -> Iterator[Target]:
    """XLIFF 1: each translatable trans-unit's target (each of its `mrk mtype="seg"` segments when it
    has a seg-source), but those in a skipped state."""
    for unit in root.iter(_q(ns, "trans-unit")):
        if not _translatable(unit):
            continue
        target = _child(unit, ns, "target")
        if target is None or str(target.get("state", "")).strip() in _V1_SKIPPED_STATES:
            continue
        key = unit.get("id")
        seg_source = _child(unit, ns, "seg-source")
        marks = [m for m in target.iter(_q(ns, "mrk")) if m.get("mtype") == "seg"] if seg_source is not None else []
        if not marks:
            yield target, _child(unit, ns, "source"), key
            continue
        sources = {m.get("mid"): m for m in seg_source.iter(_q(ns, "mrk")) if m.get("mtype") == "seg"}
        for mark in marks:
            src = sources.get(mark.get("mid"))
            yield mark, src if src is not None else _child(unit, ns, "source"), key


def _suppressions(source: Source, spans: list[tuple[str, int, int, int, int]],
                  comments: list[tuple[int, int, str]]) -> list[Suppression]:
    text = source.text
    out: list[Suppression] = []
    if "copylint" not in text:
        return out
    starts = [s[1] for s in spans]
    for c_start, c_end, body in comments:
        m = _DISABLE.match(body)
        if not m:
            continue
        i = bisect.bisect_left(starts, c_end)
        if i >= len(spans) or _BETWEEN.fullmatch(text, c_end, spans[i][1]) is None:
            continue  # not right before an element (the end of its parent follows)
        codes = switch_codes(m.group(1))
        out.append(Suppression(spans[i][1], spans[i][4], codes, source.position(c_start).line))
    # `<!-- copylint-disable … -->` switches, read in comments only (not in CDATA, attributes, text).
    masked: list[str] = []
    at = 0
    for c_start, c_end, _ in comments:
        masked.append(re.sub(r"[^\r\n]", " ", text[at:c_start]))
        masked.append(text[c_start:c_end])
        at = c_end
    masked.append(re.sub(r"[^\r\n]", " ", text[at:]))
    out.extend(suppressions_from("".join(masked), source.line_starts(), comment_switches))
    return out


def file_language(source: Source) -> str | None:
    """The target language: `trgLang` on a 2.0 `<xliff>`, `target-language` on the first 1.2 `<file>`.
    The translations are in it, so language-specific rules (French spacing before `?`) follow it."""
    return _attribute_language(source, ("trgLang", "target-language"))


def source_language(source: Source) -> str | None:
    """The language of the sources: `srcLang` on a 2.0 `<xliff>`, `source-language` on the first 1.2
    `<file>`."""
    return _attribute_language(source, ("srcLang", "source-language"))


def _attribute_language(source: Source, names: tuple[str, str]) -> str | None:
    for n, m in enumerate(_TOKEN.finditer(source.text)):
        if n > 200:
            break
        name = m.group("start")
        if name is None:
            continue
        local = _local(name)
        if local in ("xliff", "file"):
            attrs = _attrs(m.group("attrs"))
            lang = attrs.get(names[0]) or attrs.get(names[1])
            if lang:
                return lang.strip().replace("_", "-")
            if local == "file":
                return None
    return None


def pair(seg: Segment, doc: Document) -> tuple[str, str]:
    """(source, target) of a segment, the target's inline codes written canonically (family B compares these)."""
    return seg.source_text or "", rendered(doc.text, content_start(seg))


FORMAT = Format(
    name='xliff',
    title='XLIFF 1.2 and 2.0 (validated by lxml)',
    reader=parse,
    extensions=(".xlf", ".xliff"),
    language_ids=("xliff",),
    options=options_table(OPTIONS, CHOICES),
    file_language=file_language,
    pair=pair,
    prose='each `<target>` (1.2 `<mrk mtype="seg">` segments each on its own), with its `<source>` as the '
          'source for the B family; the target language (`target-language`, `trgLang`) sets the language',
    not_prose='`<source>`, notes, `<alt-trans>`, 2.0 `<ignorable>`, units with `translate="no"`, targets not '
              'translated yet (1.2 `new`/`needs-translation`, 2.0 `state="initial"`), inline codes (`<x/>`, '
              '`<ph>`, `<bpt>`/`<ept>`, `<sc/>`/`<ec/>`: one placeholder each; the content of `<g>`, `<pc>`, '
              '`<mrk>` is prose), template placeholders in the text (`{{ limit }}`, `%s`, `{0}`: one placeholder '
              'each, compared by B101), attributes and comments; entities are decoded and never rewritten. Invalid '
              'XML is an error with its line',
    examples=(
        FormatExample(
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u1"><segment><source>Hello <ph id="1"/></source><target>Bonjour <ph id="1"/></target></segment></unit></file></xliff>\n',
            segments=('Bonjour \ufffc',),
            keys=('u1',),
            language='fr',
        ),
        FormatExample(
            '<xliff><file>\n<unit>\n</xliff>\n',
            error_line=3,
        ),
    ),
)

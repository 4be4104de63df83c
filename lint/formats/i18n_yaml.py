"""i18n YAML catalogues (Rails `config/locales/*.yml`, `locales/**/*.yaml`): every string value is prose.

Not prose: keys (Rails pluralization keys `one:`/`other:` included: their values are prose), numbers,
booleans and nulls, anchors, aliases and tags (`&a`, `*a`, `!!str`), comments, the YAML syntax, and
inside a value the placeholders (`%{count}`, `%<n>d`, `{{name}}`, `%s`, `%1$s`, `%(name)s`, strftime's
`%B %d`, `$t(key)`) and ICU arguments and plural/select syntax (only the branches' texts are prose), each
standing as one placeholder (U+FFFC).

Every character of a segment maps back to its place in the file. What does not stand for itself there is
opaque (mapped to where it is written, never rewritten by a fix): escapes of double-quoted scalars
(`\\n`, `\\"`, `\\u00e9`), the `''` of single-quoted ones, the line joins of multi-line scalars (a
folded line break reads as a space) and the line breaks of block scalars (`|`, `>`), whose indentation
is not part of the text at all. A value aliased several times is one segment, where it is written.

YAML is not claimed by extension: map catalogues in the config, `formats: {"config/locales/*.yml":
i18n-yaml}`. The file is read with PyYAML's safe loader; a file it cannot read is an error with its line.
The segment's ``key`` is the dotted path of the value (`en.home.title`, `en.date.day_names.0`). A single
top-level key that is a language code (`fr:`, `pt-BR:`), as Rails writes it, is the document's language.

A catalogue in another language than the source's is paired with its source-language catalogue (`en.yml`
for `fr.yml`, `devise.en.yml` for `devise.fr.yml`; options `source` and `source-language`,
lint.formats.source_catalogue), key path by key path below each file's own locale key: each value the
source has gets it as its ``source_text``, and ``pair`` gives family B both values as the application
reads them (escapes, quotes and folds decoded).

Inline switches are comments: `# copylint: disable=T101,W105` on the line(s) right above a key (or a
sequence item) silences those codes in its value (every string under it, for a nested mapping), at the
end of a value's line in that value; without `=CODES` every rule. `# copylint-disable-file` (also
spelled `# copylint: disable-file`, optionally with codes) anywhere switches the whole file off.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any, NamedTuple

import yaml

from lint.formats import Format, FormatExample, ParseError, options_table
from lint.formats.builder import (
    ICU_COMPLEX,
    PLACEHOLDER,
    PRINTF_SPEC,
    SegmentBuilder,
    complement,
    merge_ranges,
    repeated_branches,
    switch_codes,
)
from lint.formats.markup import MARKUPS, masked, option
from lint.formats.source_catalogue import SOURCE_HELP, locale_tag, pair, paired, source_path
from lint.model import Document, Segment, Source, Suppression
from lint.patterns import compiled_on_use

_STR = "tag:yaml.org,2002:str"
_BREAK_CHARS = "\r\n\x85\u2028\u2029"
_BREAK = compiled_on_use(r"\r\n|[\r\n\x85\u2028\u2029]")
# YAML reads every line break as LF, except the Unicode line and paragraph separators.
_NORMAL_BREAK = {"\r\n": "\n", "\r": "\n", "\n": "\n", "\x85": "\n", "\u2028": "\u2028", "\u2029": "\u2029"}
_ESCAPES = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}
_ESCAPE = compiled_on_use(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[^\r\n\x85\u2028\u2029])")
_BLOCK_HEADER = compiled_on_use(r"[|>](?:([+-])([1-9])?|([1-9])([+-])?)?")
# A curly quote may not become the scalar's own quote character (P102 turns curly quotes straight):
# inside a scalar quoted with it, or first in a plain scalar, such a character is left opaque.
_GUARDED = {"'": "\u2018\u2019", '"': "\u201c\u201d", None: "\u2018\u2019\u201c\u201d"}
_GUARD_PATTERN = {chars: re.compile(f"[{chars}]") for chars in _GUARDED.values()}

# Placeholders of the template languages catalogues are written for.
_PLACEHOLDER = (
    r"%\{[^{}\s]+\}"  # Rails, Ruby: %{count}
    r"|%<\w+>[-+0#]*\d*(?:\.\d+)?[a-zA-Z]"  # Ruby format: %<amount>.2f
    r"|\{\{[^{}]*\}\}"  # i18next, Mustache, Angular: {{name}}, {{- html}}
    r"|\$t\([^()]*\)"  # i18next nesting: $t(common.ok)
    r"|(?<![0-9A-Za-z_%])%(?:\d+\$)?" + PRINTF_SPEC + r"(?![a-zA-Z])"  # printf: %s %1$s %.2f %ld (builder's grammar)
    r"|(?<![0-9A-Za-z_%])%\([\w.]+\)[sdif]"  # Python: %(name)s
    # strftime and Rails number formats (`%B %d, %Y`, `%H:%M`, `%u%n`: one may follow another).
    r"|(?:(?<![0-9A-Za-z_%])|(?<=%[a-zA-Z]))%[-_0^#]?[aAbBCdDeFGgHIjklLmMnpPrRSTuUVwWxXyYzZ](?![a-zA-Z])"
)
# (Before a directive, only an ASCII letter, digit or `%` says it is text (`100%d`, `%%d`): Chinese and
# Japanese set a directive against their own letters, `%Y年%-m月%-d日`, `共%d个`.)
_TOKEN = compiled_on_use(_PLACEHOLDER + r"|[{}#]")
_ICU_SIMPLE = compiled_on_use(r"\{\s*[\w.]+\s*(?:,\s*(?:number|date|time|spellout|ordinal|duration)\b[^{}]*)?\}")
# An offset's digits read once: `\d+` gave `[\w-]+` each share of a run of digits (quadratic where no `{`
# follows, `{n, plural, offset:1111…`); past its first digit the offset goes on only up to a blank or an
# `=` (`offset:1 one {`, `offset:12=3 {`), else the rest of the digits start the selector's name.
_SELECTOR = compiled_on_use(r"\s*+(?:offset:\s*+\d(?:\d*+(?=[\s=])\s*+)?)?(?:=\d++|[\w-]++)\s*+\{")

_SWITCH = compiled_on_use(
    r"(?<![^ \t\r\n\x85\u2028\u2029])#[ \t]*copylint(?:-(disable-file)|:[ \t]*(disable-file|disable))(?![\w-])"
    r"[ \t]*=?[ \t]*([\w.,: \t-]*)"
)
_TOP_KEY = compiled_on_use(r"^[^\s#\-%][^\r\n]*?:(?:[ \t\r]|$)", re.M)


class Piece(NamedTuple):
    """Part of a scalar's value: ``text`` written verbatim at ``at``, or standing for the bytes there."""

    at: int
    text: str
    verbatim: bool


class _Loader(yaml.SafeLoader):
    """The safe loader, keeping each scalar token by its end offset: a node's marks include its anchor
    and tag, the token's only the scalar itself (with its quotes or block header)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.scalar_tokens: dict[int, yaml.ScalarToken] = {}

    def get_token(self) -> Any:
        token = super().get_token()
        if isinstance(token, yaml.ScalarToken):
            self.scalar_tokens[token.end_mark.index] = token
        return token


# Options a config may set under `format-options: {i18n-yaml: {...}}`: the markup inside the strings.
OPTIONS = {"markup": "auto", "source": "auto", "source-language": "en"}
CHOICES = {"markup": MARKUPS}


def parse(source: Source, options: Mapping[str, Any] | None = None, *,
          sources: tuple[str, ...] | None = None) -> Document:
    text = source.text
    if text.startswith("\ufeff"):
        # A second byte-order mark: libyaml skips it and counts every offset one short, PyYAML reads it
        # as part of the first key; neither places the values where they are.
        raise ParseError("invalid YAML: a second byte-order mark (U+FEFF) at the start of the file", 1)
    tokens, nodes = _compose(source)
    values: list[tuple[yaml.ScalarNode, str | None]] = []
    entries: list[tuple[int, int, int, int]] = []  # (line of the key or item, depth, value start, value end)
    seen: set[int] = set()

    def walk(node: yaml.Node, path: list[str], depth: int) -> None:
        if id(node) in seen:  # an alias: the value is linted where it is written
            return
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                values.append((node, ".".join(path) if path else None))
        elif isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                entries.append((key_node.start_mark.line + 1, depth, value.start_mark.index, value.end_mark.index))
                walk(value, [*path, str(key)], depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                entries.append((item.start_mark.line + 1, depth, item.start_mark.index, item.end_mark.index))
                walk(item, [*path, str(i)], depth + 1)

    for root in nodes:
        walk(root, [], 0)

    segments: list[Segment] = []
    strings: list[str] = []  # each segment's value as the application reads it
    prose_ranges: list[tuple[int, int]] = []
    scalar_spans: list[tuple[int, int]] = []  # source spans of string values, for trailing switches
    for node, key in sorted(values, key=lambda v: v[0].end_mark.index):
        token = tokens.get(node.end_mark.index)
        if token is None:
            continue
        scalar_spans.append((token.start_mark.index, token.end_mark.index))
        pieces = scalar_pieces(text, token.start_mark.index, token.end_mark.index, token.style or None, token.value)
        if pieces is None:  # a scalar whose characters could not be placed exactly: not linted
            continue
        prose_ranges.extend((p.at, p.at + len(p.text)) for p in pieces if p.verbatim)
        seg = _segment(pieces, len(segments), key)
        if seg is not None:
            segments.append(seg)
            strings.append(node.value)
    protected = complement(merge_ranges(prose_ranges), len(text))
    doc = Document(source, "i18n-yaml", segments, protected=protected)
    doc.suppressions = _suppressions(source, tokens, scalar_spans, entries)
    _mask_markup(doc, option(options))
    _pair_with_source(doc, strings, options, sources)
    return doc


def _pair_with_source(doc: Document, strings: list[str], options: Mapping[str, Any] | None,
                      sources: tuple[str, ...] | None) -> None:
    """Give each value its source catalogue's under the same key (lint.formats.source_catalogue), and keep
    each paired value as the application reads it (``strings``) for ``pair``."""
    doc.segments, decoded = paired(doc.source.path, doc.segments, strings, options, _SUFFIXES, load=_safe_load,
                                   sources=sources)
    if decoded:
        doc.memo["i18n-values"] = decoded


_SUFFIXES = (".yml", ".yaml")


class _KeyTextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, each mapping's keys kept as written, as the reader's key paths are: PyYAML reads
    `yes:`, `no:` and `on:` as booleans (`en.confirm.True`), which no catalogue's `fr.confirm.yes` meets."""


def _key_text_mapping(loader: Any, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)  # `<<: *base` merged, as the safe loader does
    return {key.value if isinstance(key, yaml.ScalarNode) else "?": loader.construct_object(value, deep=True)
            for key, value in node.value}


_KeyTextLoader.add_constructor("tag:yaml.org,2002:map", _key_text_mapping)


def _safe_load(text: str) -> Any:
    """A source catalogue's data, read by the safe loader the reader uses, keys as written."""
    return yaml.load(text, Loader=_KeyTextLoader)


def sources(path: str, options: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """The catalogue's source-language catalogue, where it has one (the results cache keys on it too)."""
    found = source_path(path, options, _SUFFIXES)
    return (found,) if found else ()


def _mask_markup(doc: Document, chosen: str) -> None:
    """Masks the markup of ``doc``'s values as ``chosen`` says; for `auto`, none but in the values Rails
    renders as HTML (`_html` keys), whose spans W105 is told of: their page shows a run of spaces as one."""
    markup = "none" if chosen == "auto" else chosen  # an application's catalogue names no document
    doc.memo["markup"] = markup
    html = [chosen == "auto" and _rails_html_key(seg.key) for seg in doc.segments]
    doc.segments = [masked(seg, "html" if as_html else markup) for seg, as_html in zip(doc.segments, html, strict=True)]
    if any(html):
        doc.memo["collapsing-spans"] = [(seg.to_source(0), seg.to_source_end(len(seg.text)))
                                        for seg, as_html in zip(doc.segments, html, strict=True) if as_html]


_PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


def _rails_html_key(key: str | None) -> bool:
    """Whether a value is one Rails renders as HTML: under a key named `html` or ending in `_html`, or a
    plural form of such a key (`credit_html.one`). Rails Guides, "Rails Internationalization (I18n) API",
    Using Safe HTML Translations: such keys are marked HTML safe, so their tags are elements and their
    entities (`&copy;`, `&ldquo;`) characters, not text."""
    if not key:
        return False
    parts = key.split(".")
    if len(parts) > 1 and parts[-1] in _PLURAL_CATEGORIES:
        parts.pop()
    return parts[-1] == "html" or parts[-1].endswith("_html")


def _text_span(text: str, token: yaml.ScalarToken) -> tuple[int, int]:
    """Where a scalar's characters are: a block scalar's header line (`| # comment`) is not its text."""
    start, end = token.start_mark.index, token.end_mark.index
    if token.style and token.style in "|>":
        brk = _BREAK.search(text, start, end)
        start = brk.end() if brk else end
    return start, end


def _compose(source: Source) -> tuple[dict[int, yaml.ScalarToken], list[yaml.Node]]:
    """The scalar tokens (by end offset) and the documents' root nodes. libyaml (PyYAML's C loader,
    10x faster, with the same character offsets) reads the file when it is there; a file it cannot
    read is read again by the Python loader, whose messages and lines are reported."""
    c_loader = getattr(yaml, "CSafeLoader", None)
    if c_loader is not None:
        try:
            tokens = {t.end_mark.index: t for t in yaml.scan(source.text, Loader=c_loader)
                      if isinstance(t, yaml.ScalarToken)}
            return tokens, [n for n in yaml.compose_all(source.text, Loader=c_loader) if n is not None]
        except yaml.YAMLError:
            pass
    try:
        loader = _Loader(source.text)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in a stream
        line = source.position(exc.position).line if isinstance(exc.position, int) else None
        raise ParseError(f"invalid YAML: character U+{exc.character:04X} is not allowed"
                         if isinstance(exc.character, int) else f"invalid YAML: {exc.reason}", line) from None
    nodes: list[yaml.Node] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                nodes.append(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "cannot be read"
        if exc.context:  # "while scanning a quoted scalar at line 2: found unexpected end of stream"
            cm = exc.context_mark
            where = f" at line {cm.line + 1}" if cm and mark and cm.line != mark.line else ""
            problem = f"{exc.context}{where}: {problem}"
        raise ParseError(f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise ParseError(f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return loader.scalar_tokens, nodes


def scalar_pieces(text: str, start: int, end: int, style: str | None, value: str) -> list[Piece] | None:
    """The value of the scalar written at text[start:end] as pieces placed in the text, or None when
    they do not add up to ``value`` (what PyYAML read)."""
    if style in ("|", ">"):
        pieces = _block_pieces(text, start, value)
    else:
        pieces = _flow_pieces(text, start, end, style)
        if pieces and style is None and pieces[0].verbatim and pieces[0].text[0] in _GUARDED[None]:
            first = pieces[0]
            pieces[0:1] = [p for p in (Piece(first.at, first.text[0], False),
                                       Piece(first.at + 1, first.text[1:], True)) if p.text]
    if pieces is None or "".join(p.text for p in pieces) != value:
        return None
    return pieces


def _flow_pieces(text: str, start: int, end: int, style: str | None) -> list[Piece]:
    """A plain, single- or double-quoted scalar: lines folded (a line break reads as a space, each blank
    line as a line break), escapes decoded; whitespace around a fold is not part of the value."""
    if style is not None:
        start, end = start + 1, end - 1
    lines: list[tuple[int, int, str]] = []  # (start, end, the line break after it)
    pos = start
    for m in _BREAK.finditer(text, start, end):
        lines.append((pos, m.start(), m.group()))
        pos = m.end()
    lines.append((pos, end, ""))
    out: list[Piece] = []
    last = len(lines) - 1
    i = 0
    while i <= last:
        ls, le, brk = lines[i]
        cs, ce = ls, le
        if i > 0:
            while cs < ce and text[cs] in " \t":
                cs += 1
        escaped_break = style == '"' and i < last and _odd_backslashes(text, cs, ce)
        if escaped_break:
            ce -= 1  # `\` at the end of the line: the break is not read, nor the next line's indentation
        elif i < last:
            while ce > cs and text[ce - 1] in " \t" and not (style == '"' and _odd_backslashes(text, cs, ce - 1)):
                ce -= 1
        _content(text, cs, ce, style, out)
        if i == last:
            break
        # Blank lines up to the next line with content (the last line counts as content: it holds the quote).
        j = i + 1
        while j < last and not text[lines[j][0] : lines[j][1]].strip(" \t"):
            j += 1
        blanks = [lines[k] for k in range(i + 1, j)]
        joined = "".join(_NORMAL_BREAK[b[2]] for b in blanks)
        if not escaped_break:
            first = _NORMAL_BREAK[brk]
            joined = (first if first != "\n" else (" " if not blanks else "")) + joined
        if joined:
            out.append(Piece(ce, joined, False))
        i = j
    return out


def _odd_backslashes(text: str, start: int, end: int) -> bool:
    """True when text[start:end] ends in an odd run of backslashes (the last one escapes what follows)."""
    n = 0
    while end - n - 1 >= start and text[end - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _content(text: str, start: int, end: int, style: str | None, out: list[Piece]) -> None:
    """One line's characters: verbatim, except escapes (`\\n`, `''`) and guarded curly quotes."""
    if start >= end:
        return
    guarded = _GUARDED[style] if style else ""
    pos = start
    if style == '"':
        for m in _ESCAPE.finditer(text, start, end):
            _verbatim(text, pos, m.start(), guarded, out)
            esc = m.group()
            decoded = chr(int(esc[2:], 16)) if esc[1] in "xuU" else _ESCAPES.get(esc[1], esc[1])
            out.append(Piece(m.start(), decoded, False))
            pos = m.end()
    elif style == "'":
        while True:
            q = text.find("''", pos, end)
            if q < 0:
                break
            _verbatim(text, pos, q, guarded, out)
            out.append(Piece(q, "'", False))
            pos = q + 2
    _verbatim(text, pos, end, guarded, out)


def _verbatim(text: str, start: int, end: int, guarded: str, out: list[Piece]) -> None:
    pos = start
    if guarded:
        for m in _GUARD_PATTERN[guarded].finditer(text, start, end):
            if m.start() > pos:
                out.append(Piece(pos, text[pos : m.start()], True))
            out.append(Piece(m.start(), m.group(), False))
            pos = m.end()
    if end > pos:
        out.append(Piece(pos, text[pos:end], True))


def _block_pieces(text: str, start: int, value: str) -> list[Piece] | None:
    """A literal (`|`) or folded (`>`) block scalar: each line's text after the indentation is verbatim,
    its line break (or the space a folded break reads as) opaque. The indentation is found by trying
    the first content line's, then the others, against what PyYAML read."""
    header = _BLOCK_HEADER.match(text, start)
    if header is None:
        return None
    sign = header.group(1) or header.group(4)
    chomp = True if sign == "+" else False if sign == "-" else None
    brk = _BREAK.search(text, header.end())
    if brk is None:
        return [] if not value else None
    body = brk.end()
    first = re.compile(r"(?:[ ]*(?:\r\n|[\r\n\x85\u2028\u2029]))*([ ]*)").match(text, body)
    detected = len(first.group(1)) if first else 0
    candidates = [detected] + [n for n in range(1, max(detected, 1) + 8) if n != detected]
    for indent in candidates:
        if indent < 1:
            continue
        pieces = _block_lines(text, body, indent, text[start] == ">", chomp)
        if "".join(p.text for p in pieces) == value:
            return pieces
    return None


def _block_lines(text: str, pos: int, indent: int, folded: bool, chomp: bool | None) -> list[Piece]:
    n = len(text)

    def breaks_from(pos: int) -> tuple[list[Piece], int, int]:
        """Blank lines (spaces up to the indentation, then a line break): each reads as a line break."""
        out: list[Piece] = []
        col = 0
        while col < indent and pos < n and text[pos] == " ":
            pos += 1
            col += 1
        while pos < n and text[pos] in _BREAK_CHARS:
            m = _BREAK.match(text, pos)
            assert m is not None
            out.append(Piece(pos, _NORMAL_BREAK[m.group()], False))
            pos, col = m.end(), 0
            while col < indent and pos < n and text[pos] == " ":
                pos += 1
                col += 1
        return out, pos, col

    pieces: list[Piece] = []
    breaks, pos, col = breaks_from(pos)
    line_break: Piece | None = None
    while col == indent and pos < n:
        pieces.extend(breaks)
        leading_non_space = text[pos] not in " \t"
        brk = _BREAK.search(text, pos)
        end = brk.start() if brk else n
        pieces.append(Piece(pos, text[pos:end], True))
        line_break = None
        pos = end
        if pos < n:
            m = _BREAK.match(text, pos)
            assert m is not None
            line_break = Piece(pos, _NORMAL_BREAK[m.group()], False)
            pos = m.end()
        breaks, pos, col = breaks_from(pos)
        if not (col == indent and pos < n):
            break
        if folded and line_break is not None and line_break.text == "\n" and leading_non_space and text[pos] not in " \t":
            if not breaks:
                pieces.append(Piece(line_break.at, " ", False))
        elif line_break is not None:
            pieces.append(line_break)
    if chomp is not False and line_break is not None:
        pieces.append(line_break)
    if chomp is True:
        pieces.extend(breaks)
    return [p for p in pieces if p.text]


def _syntax_masks(value: str) -> list[tuple[int, int, str]]:
    """Value ranges that are template syntax, with what stands for them: a placeholder for an argument,
    a space between a plural/select branch and the next (branches are alternatives), nothing for the
    closing brace of the argument nor for a branch that says again what an earlier one said
    (``repeated_branches``)."""
    masks: list[tuple[int, int, str]] = []
    stack: list[str] = []  # "plural", "select", "branch" or "plain" (a literal brace)
    dropped = repeated_branches(value, _SELECTOR) if "{" in value else {}
    pos = 0
    while True:
        m = _TOKEN.search(value, pos)
        if m is None:
            return masks
        tok, i = m.group(), m.start()
        pos = m.end()
        if tok == "{":
            complex_ = ICU_COMPLEX.match(value, i)
            if complex_:
                stack.append("select" if complex_.group(1) == "select" else "plural")
                end = complex_.end()
                selector = _SELECTOR.match(value, end)
                if selector:
                    stack.append("branch")
                    end = selector.end()
                masks.append((i, end, PLACEHOLDER))
                pos = end
                continue
            simple = _ICU_SIMPLE.match(value, i)
            if simple:
                masks.append((i, simple.end(), PLACEHOLDER))
                pos = simple.end()
            else:
                stack.append("plain")
        elif tok == "}":
            kind = stack.pop() if stack else "plain"
            if kind == "branch":
                end = m.end()
                selector = _SELECTOR.match(value, end)
                if selector is None:
                    masks.append((i, end, ""))
                else:
                    stack.append("branch")
                    end = dropped.get(selector.end(), selector.end())
                    masks.append((i, end, "" if selector.end() in dropped else " "))
                pos = end
            elif kind in ("plural", "select"):
                masks.append((i, m.end(), ""))
        elif tok == "#":
            enclosing = next((k for k in reversed(stack) if k in ("plural", "select", "plain")), None)
            if enclosing == "plural" and stack[-1] == "branch":
                masks.append((i, m.end(), PLACEHOLDER))  # the number, in a plural branch
        else:
            masks.append((i, m.end(), PLACEHOLDER))


def mapping_segments(text: str, start: int, end: int, kinds: Mapping[str, str],
                     first_index: int) -> list[Segment]:
    """Segments for the string values of the named top-level keys (key -> segment kind) of the YAML
    mapping written at ``text[start:end]`` (a Markdown page's front matter), placed in ``text``; none
    when that is not a mapping YAML can read. Indexes run on from ``first_index``."""
    try:
        tokens, nodes = _compose(Source("<front matter>", text[start:end]))
    except ParseError:
        return []
    out: list[Segment] = []
    for root in nodes[:1]:
        if not isinstance(root, yaml.MappingNode):
            continue
        for key_node, value in root.value:
            kind = kinds.get(str(key_node.value)) if isinstance(key_node, yaml.ScalarNode) else None
            token = tokens.get(value.end_mark.index)
            if kind is None or not isinstance(value, yaml.ScalarNode) or value.tag != _STR or token is None:
                continue
            if value.start_mark.index < key_node.end_mark.index:
                continue  # an alias (`title: *t`): the value is written under a key not named
            pieces = scalar_pieces(text, start + token.start_mark.index, start + token.end_mark.index,
                                   token.style or None, token.value)
            seg = _segment(pieces, first_index + len(out), str(key_node.value), kind) if pieces else None
            if seg is not None:
                out.append(seg)
    return out


def _segment(pieces: list[Piece], index: int, key: str | None, kind: str = "string") -> Segment | None:
    """The value's pieces as a segment, template syntax replaced by what stands for it."""
    value = "".join(p.text for p in pieces)
    masks = _syntax_masks(value)
    starts: list[int] = []
    at = 0
    for p in pieces:
        starts.append(at)
        at += len(p.text)

    def source_of(v: int) -> int:
        k = bisect.bisect_right(starts, v) - 1
        p = pieces[k]
        return p.at + (v - starts[k]) if p.verbatim else p.at

    events: list[tuple[int, int, str | None]] = [(s, e, r) for s, e, r in masks]
    events.extend((s, e, None) for s, e in complement([(s, e) for s, e, _ in masks], len(value)))
    events.sort()
    builder = SegmentBuilder(kind)
    for s, e, replacement in events:
        if replacement is not None:
            builder.add_opaque(replacement, source_of(s))
            continue
        k = bisect.bisect_right(starts, s) - 1
        v = s
        while v < e:
            p = pieces[k]
            hi = min(e, starts[k] + len(p.text))
            chunk = p.text[v - starts[k] : hi - starts[k]]
            if p.verbatim:
                builder.add(chunk, p.at + v - starts[k])
            else:
                builder.add_opaque(chunk, p.at)
            v = hi
            k += 1
    seg = builder.build(index)
    if seg is None:
        return None
    return dataclasses.replace(seg, key=key)


def _suppressions(source: Source, scalar_tokens: dict[int, yaml.ScalarToken], scalars: list[tuple[int, int]],
                  entries: list[tuple[int, int, int, int]]) -> list[Suppression]:
    """The `# copylint:` comments as the value ranges they cover."""
    text = source.text
    if "copylint" not in text:
        return []
    starts = source.line_starts()
    tokens = sorted(_text_span(text, t) for t in scalar_tokens.values())

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset)

    token_starts = [s for s, _ in tokens]
    scalars_on: dict[int, list[tuple[int, int]]] = {}  # line -> string values written on it
    for s, e in scalars:
        for line in range(line_of(s), line_of(max(s, e - 1)) + 1):
            scalars_on.setdefault(line, []).append((s, e))
    entries_on: dict[int, list[tuple[int, int, int]]] = {}  # line -> (depth, value start, end) of its keys
    for entry_line, depth, s, e in entries:
        entries_on.setdefault(entry_line, []).append((depth, s, e))
    out: list[Suppression] = []
    for m in _SWITCH.finditer(text):
        k = bisect.bisect_right(token_starts, m.start()) - 1
        if k >= 0 and tokens[k][0] <= m.start() < tokens[k][1]:
            continue  # inside a string or a key: text, not a comment
        kind = m.group(1) or m.group(2)
        codes = switch_codes(m.group(3))
        line = line_of(m.start())
        if kind == "disable-file":
            out.append(Suppression(0, len(text) + 1, codes, line))
            continue
        line_start = starts[line - 1]
        spans: list[tuple[int, int]] = []
        if text[line_start : m.start()].strip(" \t"):
            # At the end of a line: the string values written on it, else the entry whose key it holds.
            spans = list(scalars_on.get(line, ()))
            target = line
        else:
            # On a line of its own: the entry on the next line that is not a comment.
            target = line + 1
            while target <= len(starts) and source.line_text(target).lstrip(" \t").startswith("#"):
                target += 1
        if not spans:
            at_line = entries_on.get(target, [])
            if at_line:
                top = min(depth for depth, _, _ in at_line)
                spans = [(s, e) for depth, s, e in at_line if depth == top]
        if not spans:
            out.append(Suppression(0, 0, codes, line))  # silences nothing: reported as unused
        for s, e in spans:
            out.append(Suppression(s, e, codes, line))
    return out


def file_language(source: Source) -> str | None:
    """The language a Rails catalogue names with its only top-level key (`fr:` -> `fr`, `pt-BR:`)."""
    keys = {m.group().split(":", 1)[0].strip().strip("'\"") for m in _TOP_KEY.finditer(source.text, 0, 200_000)}
    if len(keys) != 1:
        return None
    key = next(iter(keys))
    tag = locale_tag(key)
    if tag is not None:
        return tag
    # A code of ISO 639-2 or 639-3 (`hsb`, `ast`, `frp`, `pnb`) or a tag with a script or a variant
    # (`be-Tarask`, `kk-cyrl`, `skr-arab`), which no short list holds: the language where the file's name
    # says it too, as translatewiki.net and Rails name catalogues (`hsb.yml`, `devise.hsb.yml`).
    named = PurePath(source.path).name.rsplit(".", 2)
    if len(named) >= 2 and _LANGUAGE_TAG.fullmatch(key) and named[-2].lower() == key.lower():
        return key.replace("_", "-")
    return None


# A BCP 47 language tag as a catalogue's key writes it: a primary code, then script, region or variants.
_LANGUAGE_TAG = compiled_on_use(r"[a-z]{2,3}(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|\d{3}|[A-Za-z0-9]{5,8}))*")


FORMAT = Format(
    name='i18n-yaml',
    title="i18n YAML catalogues (Rails `config/locales/*.yml`, `locales/**/*.yaml`; read with PyYAML's safe"
          ' loader)',
    reader=parse,
    options=options_table(OPTIONS, CHOICES, SOURCE_HELP),
    file_language=file_language,
    pair=pair,
    sources=sources,
    claims='map them with `formats: {"config/locales/*.yml": i18n-yaml}`',
    prose='string values in every scalar style (plain, quoted, `\\|` and `>` blocks), Rails pluralization '
          'values (`one:`, `other:`) included; the segment knows its key path, `en.home.title`; a single '
          "top-level language key (`fr:`) sets the document's language. With `source: auto` (the default), a "
          "catalogue in another language is paired with the source-language catalogue beside it (`en.yml` for "
          "`fr.yml`, `devise.en.yml` for `devise.fr.yml`) or in the sibling locale folder, key path by key path "
          "below each file's own locale key (`fr.home.title` with `en.home.title`), and the B family compares "
          "each value with its source's, as a PO msgstr with its msgid",
    not_prose='keys, numbers, booleans, nulls, anchors, aliases (an aliased value is checked once, where '
              'written), tags, comments; inside values `%{name}`, `%<n>d`, `{{name}}`, `%s`, strftime `%B %d`, '
              "`$t(key)`, ICU arguments and plural/select syntax (only the branches' texts are prose); with "
              "`markup: auto`, the tags and entities of a value under a Rails `_html` key, which Rails renders "
              "as HTML; escapes,"
              " `''`, folded line joins and block-scalar line breaks are read but never rewritten. Invalid YAML"
              ' is an error with its line',
    examples=(
        FormatExample(
            'fr:\n  home:\n    title: "Bienvenue, %{name} !"\n    count: 3\n    body: |\n      Une ligne.\n',
            segments=('Bienvenue, \ufffc !', 'Une ligne.'),
            keys=('fr.home.title', 'fr.home.body'),
            language='fr',
        ),
        FormatExample(
            'fr:\n  credit_html: "Donn\u00e9es &copy; <a href=\'%{url}\'>OpenStreetMap</a>"\n'
            '  credit: "Tom &amp; Jerry"\n',
            segments=('Donn\u00e9es \ufffc\ufffc\ufffc\ufffc\ufffc\ufffc '
                      + '\ufffc' * 12 + 'OpenStreetMap' + '\ufffc' * 4, 'Tom &amp; Jerry'),
            keys=('fr.credit_html', 'fr.credit'),
            language='fr',
        ),
        FormatExample(
            'a: [\n',
            error_line=2,
        ),
    ),
)
